"""'Reageer op nieuws': from an article an editor just read to a draft LOS reaction in one form.

The form asks only what a reaction needs (source address, outlet, one-line reaction, its own summary, theme, and
optionally a photo with what it shows), creates a draft news item of kind "Reactie van LOS" under the news overview
and opens it in the normal editor, where the editor can add text, preview it (also as a social card), schedule it
(go-live date) or publish it. The photo goes into the LOS collection; its description is stored on the image (so
the next page that uses it gets it too) and is the page's alternative text.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection, Locale
from wagtail.permissions import policy_registry

from editors.roles import LOS_COLLECTION
from home.models import Theme
from news.models import NewsIndexPage, NewsKind, NewsPage


class QuickReactionForm(forms.Form):
    """The fields of a quick reaction."""

    source_url = forms.URLField(
        label=gettext_lazy("Adres van het artikel"),
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy("Plak het adres van het nieuwsbericht waarop LOS reageert."),
    )
    source_name = forms.CharField(
        label=gettext_lazy("Naam van de bron"),
        max_length=120,
        help_text=gettext_lazy("De krant, omroep of website, bijvoorbeeld 'NOS'."),
    )
    reaction = forms.CharField(
        label=gettext_lazy("Reactie in één zin"),
        max_length=200,
        help_text=gettext_lazy("Wordt de titel van het bericht. Je kunt hem daarna nog aanpassen."),
    )
    summary = forms.CharField(
        label=gettext_lazy("Samenvatting"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Eén of twee zinnen die de titel aanvullen: wat is er gebeurd en wat vindt LOS ervan? Staat in "
            "overzichten, de feed en bij het delen. Maximaal 300 tekens."
        ),
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Thema"),
        queryset=Theme.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Het belangrijkste thema; in de editor kun je er meer kiezen."),
    )
    photo = WagtailImageField(
        label=gettext_lazy("Foto (optioneel)"),
        required=False,
        help_text=gettext_lazy("Staat bij het bericht, in overzichten en bij het delen."),
    )
    photo_description = forms.CharField(
        label=gettext_lazy("Wat staat er op de foto?"),
        max_length=250,
        required=False,
        help_text=gettext_lazy(
            "Eén zin voor wie de foto niet kan zien, alsof je het door de telefoon vertelt. Nodig bij een foto."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["theme"].queryset = Theme.objects.filter(locale=Locale.get_default())

    def clean(self):
        data = super().clean()
        summary, reaction = data.get("summary", "").strip(), data.get("reaction", "").strip()
        if summary and summary.casefold() == reaction.casefold():
            self.add_error("summary", _("Herhaal de titel niet: vertel in een zin of twee meer dan de titel zegt."))
        if data.get("photo") and not data.get("photo_description", "").strip():
            self.add_error("photo_description", _("Beschrijf wat er op de foto staat."))
        images = policy_registry.get_by_type(get_image_model())
        if data.get("photo") and photo_collection() not in images.collections_user_has_permission_for(self.user, "add"):
            self.add_error("photo", _("Je mag geen foto's toevoegen. Vraag de redactie om de foto te plaatsen."))
        return data


def default_news_index() -> NewsIndexPage | None:
    return NewsIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()


def can_react(user) -> bool:
    index = default_news_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def quick_reaction(request: HttpRequest) -> HttpResponse:
    index = default_news_index()
    if index is None:
        messages.error(request, _("Er is nog geen nieuwsoverzicht. Maak eerst een pagina 'Nieuws' aan."))
        return redirect("wagtailadmin_home")
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = QuickReactionForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        title = data["reaction"].strip()
        page = NewsPage(
            title=title,
            slug=_unique_slug(index, title),
            intro=data["summary"].strip(),
            kind=NewsKind.REACTION,
            source_url=data["source_url"],
            source_name=data["source_name"].strip(),
            live=False,
            owner=request.user,
        )
        page.themes = [data["theme"]]
        if data["photo"]:
            page.listing_image = _save_photo(request, data["photo"], data["photo_description"].strip(), title)
            page.listing_image_alt = page.listing_image.description
        index.add_child(instance=page)
        page.save_revision(user=request.user, log_action=True)
        messages.success(
            request,
            _("Concept '%(title)s' gemaakt. Vul het aan, bekijk het voorbeeld en publiceer of plan het.")
            % {"title": title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "news/admin/quick_reaction.html",
        {
            "form": form,
            "index": index,
            "page_title": _("Reageer op nieuws"),
            "header_title": _("Reageer op nieuws"),
            "header_icon": "edit",
        },
    )


def photo_collection() -> Collection:
    """News photos belong to the main site's collection (editors/roles.py), where its editors find them."""
    return Collection.objects.filter(name=LOS_COLLECTION).first() or Collection.get_first_root_node()


def _save_photo(request: HttpRequest, photo, description: str, title: str):
    """The uploaded photo as a Wagtail image in the LOS collection, described for screen readers."""
    image = get_image_model()(title=title[:255], file=photo, collection=photo_collection(), description=description)
    image.uploaded_by_user = request.user
    image.save()
    return image


def _unique_slug(index: NewsIndexPage, title: str) -> str:
    base = slugify(title)[:60].strip("-") or "reactie"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
