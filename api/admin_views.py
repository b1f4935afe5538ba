"""Admin: make the <iframe> code a partner pastes into their site (Instellingen › Insluiten op een andere site).

Everything an embed shows is public, so every staff member with access to the admin may make one; the view
still checks that permission itself (`wagtailadmin.access_admin`), not only the URL's decorator."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from api.embeds import DEFAULT_ITEMS, MAX_ITEMS, kinds


class EmbedForm(forms.Form):
    kind = forms.ChoiceField(label=_("Wat wil je tonen?"))
    locale = forms.ChoiceField(label=_("Taal"), choices=())
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    city = forms.CharField(
        label=_("Plaats"), required=False, max_length=100, help_text=_("Alleen voor de agenda, bijv. 'Utrecht'.")
    )
    limit = forms.IntegerField(label=_("Aantal"), min_value=1, max_value=MAX_ITEMS, initial=DEFAULT_ITEMS)

    def __init__(self, *args, **kwargs):
        from home.models import Theme

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(name, kind.label) for name, kind in kinds().items()]
        self.fields["locale"].choices = list(settings.WAGTAIL_CONTENT_LANGUAGES)
        themes = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "name")
        self.fields["theme"].choices = [("", _("Alle thema's")), *((t.slug, t.name) for t in themes)]


def embed_generator(request):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    form = EmbedForm(request.GET or None, initial={"locale": settings.LANGUAGE_CODE, "limit": DEFAULT_ITEMS})
    embed_url = code = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = {"locale": data["locale"], "limit": data["limit"]}
        if data["theme"]:
            query["theme"] = data["theme"]
        if data["city"] and "city" in kinds()[data["kind"]].filters:
            query["city"] = data["city"]
        path = reverse("embed", kwargs={"kind": data["kind"]}) + "?" + urlencode(query)
        embed_url = request.build_absolute_uri(path)
        label = kinds()[data["kind"]].label
        code = (
            f'<iframe src="{embed_url}" title="{label} – Stichting LOS" '
            'style="width:100%;height:420px;border:0" loading="lazy"></iframe>'
        )
    return TemplateResponse(
        request,
        "api/admin/embed_generator.html",
        {
            "page_title": _("Insluiten op een andere site"),
            "header_icon": "code",
            "form": form,
            "embed_url": embed_url,
            "code": code,
        },
    )
