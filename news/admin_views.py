"""'Reageer op nieuws': from an article an editor just read to a draft LOS reaction in one form.

The form asks only what a reaction needs (source address, outlet, one-line reaction, theme), creates a draft
news item of kind "Reactie van LOS" under the news overview and opens it in the normal editor, where the
editor can add text, preview it (also as a social card), schedule it (go-live date) or publish it.
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
from wagtail.models import Locale

from home.models import Theme
from news.models import NewsIndexPage, NewsKind, NewsPage


class QuickReactionForm(forms.Form):
    """The four fields of a quick reaction."""

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
        help_text=gettext_lazy(
            "Wordt de titel en de samenvatting van het bericht. U kunt ze daarna nog aanpassen en uitbreiden."
        ),
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Thema"),
        queryset=Theme.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Het belangrijkste thema; in de editor kun je er meer kiezen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(locale=Locale.get_default())


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
    form = QuickReactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        title = data["reaction"].strip()
        page = NewsPage(
            title=title,
            slug=_unique_slug(index, title),
            intro=title,
            kind=NewsKind.REACTION,
            source_url=data["source_url"],
            source_name=data["source_name"].strip(),
            live=False,
            owner=request.user,
        )
        page.themes = [data["theme"]]
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


def _unique_slug(index: NewsIndexPage, title: str) -> str:
    base = slugify(title)[:60].strip("-") or "reactie"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
