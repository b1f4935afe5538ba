"""Wagtail's standard actions on every registered snippet (copy, delete, bulk delete), on redirects (add, import)
and on promoted search results (add), performed in the admin on the demo content by the least privileged group
that may (editors/roles.py). Our code runs inside them: translations deleted with their Dutch source
(multilingual/cascade.py), the translator guard, cache invalidation of what visitors see (caching/signals.py),
search indexing."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, ReferenceIndex, Site, TranslatableMixin

from editors.roles import EINDREDACTIE, REDACTIE, VRIJWILLIGERS

from .sweep import form_action, form_data, messages, new_formset_row

pytestmark = pytest.mark.django_db

# model label -> (the least privileged group that adds, changes and deletes it, what a copy changes to be a new one)
SNIPPETS = {
    "home.Theme": (EINDREDACTIE, {"name": "Kopie van een thema", "slug": "kopie-thema"}),
    "home.SiteTexts": (EINDREDACTIE, {}),
    "research.Funder": (EINDREDACTIE, {"name": "Kopie van een fonds"}),
    "figures.Shelter": (EINDREDACTIE, {"name": "Kopie van een opvang"}),
    "events.Event": (VRIJWILLIGERS, {"title": "Kopie van een activiteit"}),
    "newsletter.Issue": (REDACTIE, {"subject": "Kopie van een nieuwsbrief"}),
    "newsletter.MailingList": (EINDREDACTIE, {"name": "Kopie van een lijst", "slug": "kopie-lijst"}),
    "newsletter.Subscriber": (EINDREDACTIE, None),  # nobody adds subscribers by hand (double opt-in)
    "campaigns.HelpLocation": (REDACTIE, {"name": "Kopie van een hulpadres"}),
}


# Where visitors see a snippet, and by which attribute.
PUBLIC = {
    "home.Theme": ("/nieuws/", "name"),
    "research.Funder": ("/over-los/fondsen/", "name"),
    "events.Event": ("/agenda/", "title"),
    "campaigns.HelpLocation": ("/hulp-zoeken/", "name"),
}
HOST = {"campaigns.HelpLocation": {"headers": {"host": "ilegalevrouw.localhost"}}}


def names(html: str, name: str) -> int:
    """How often the page shows `name` as the text of an element (a heading, a link, a filter), not inside some
    longer text ("Basisrechten" in "Europees Fonds voor Basisrechten")."""
    return len(re.findall(rf">\s*{re.escape(name)}\s*<", html))


def snippet_url(model, action: str, *args) -> str:
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args)


def dutch(model):
    objects = model._default_manager.order_by("pk")
    return objects.filter(locale__language_code="nl") if issubclass(model, TranslatableMixin) else objects


def deletable(model, exclude=()) -> list:
    """Dutch objects nothing protects from deleting (Wagtail refuses those, naming what uses them)."""
    return [
        item
        for item in dutch(model).exclude(pk__in=[item.pk for item in exclude])
        if not ReferenceIndex.get_references_to(item).group_by_source_object().is_protected
    ]


def subscribers():
    from newsletter.models import MailingList, Subscriber

    for number in range(3):
        subscriber = Subscriber.objects.create(email=f"abonnee{number}@example.org")
        subscriber.lists.set(MailingList.objects.all()[:1])


@pytest.mark.parametrize("label", list(SNIPPETS))
def test_copy_delete_and_bulk_delete(staff, sweep, label):
    model = apps.get_model(label)
    group, copy_changes = SNIPPETS[label]
    client = staff(group)
    if label == "newsletter.Subscriber":
        subscribers()
    count = model._default_manager.count()

    if copy_changes is not None:
        original = dutch(model).first()
        response = sweep.get("kopiëren: formulier", client, snippet_url(model, "copy", original.pk), expect=200)
        data = {**form_data(response), **{name: [value] for name, value in copy_changes.items()}}
        response = sweep.post(
            "kopiëren", client, form_action(response) or snippet_url(model, "add"), data, expect=(200, 302)
        )
        if response is not None and response.status_code == 302:
            sweep.check("kopie opgeslagen", lambda: model._default_manager.count() == count + 1)
        else:  # refused: then the form says why, beside the field or at the top
            sweep.check("kopie geweigerd met een melding", lambda: response.context["form"].errors, "geen foutmelding")
            sweep.check("niets opgeslagen", lambda: model._default_manager.count() == count)

    # Delete one (a Dutch one takes its translations along), then two more in bulk.
    # One that visitors see where there is one (the page is then in the page cache, as on the real site).
    shown_on, name = PUBLIC.get(label, ("/", None))
    page = sweep.visit("vooraf", shown_on, **HOST.get(label, {}))
    html = page.content.decode() if page is not None and name else ""
    shown = [
        item
        for item in deletable(model)
        if name and names(html, getattr(item, name)) and dutch(model).filter(**{name: getattr(item, name)}).count() == 1
    ]
    target, seen = (shown[0], True) if shown else (deletable(model)[-1], False)
    sweep.check("vooraf te zien op de website", lambda: seen or name is None)
    translations = (
        list(model._default_manager.filter(translation_key=target.translation_key).exclude(pk=target.pk))
        if issubclass(model, TranslatableMixin)
        else []
    )
    delete = snippet_url(model, "delete", target.pk)
    sweep.get("verwijderen: bevestigen", client, delete, expect=200)
    response = sweep.post("verwijderen", client, delete)
    sweep.check("verwijderd", lambda: not model._default_manager.filter(pk=target.pk).exists())
    sweep.check(
        "vertalingen mee verwijderd", lambda: not model._default_manager.filter(pk__in=[t.pk for t in translations])
    )
    sweep.check("verwijderen: melding", lambda: messages(response))

    two = deletable(model, exclude=[target])[:2]
    sweep.check("meer om te verwijderen", lambda: two)
    query = urlencode([("id", item.pk) for item in two] + [("next", snippet_url(model, "list"))])
    address = (
        reverse("wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, "delete"]) + "?" + query
    )
    sweep.get("in bulk verwijderen: bevestigen", client, address, expect=200)
    sweep.post("in bulk verwijderen", client, address)
    sweep.check("in bulk verwijderd", lambda: not model._default_manager.filter(pk__in=[item.pk for item in two]))
    sweep.get("overzicht", client, snippet_url(model, "list"), expect=200)
    if seen:  # what visitors saw of it goes with it, also from the page cache
        after = sweep.visit("verwijderd van de website", shown_on, **HOST.get(label, {}))
        # Fewer times: another object of the same name, or a choice named alike, may remain.
        sweep.check(
            "niet meer te zien",
            lambda: names(after.content.decode(), getattr(target, name)) < names(html, getattr(target, name)),
            str(target),
        )
    sweep.visit("de website", "/")
    sweep.done()


PROMOTED = 'id="search-promotions-heading"'  # "Aanbevolen" above the results (templates/search/search_page.html)


def test_redirects_and_promoted_search_results(staff, sweep, tmp_path):
    redactie = staff(REDACTIE)
    site = Site.objects.get(is_default_site=True)
    target = Page.objects.get(url_path="/los/over-los/werkwijze/")
    for path in ("/oude-werkwijze/", "/oude-agenda/"):
        sweep.visit(f"vooraf {path}", path, expect=404)
    sweep.visit("vooraf zoeken", "/zoeken/?q=opvang", hides=PROMOTED)

    response = sweep.get("doorverwijzing toevoegen: formulier", redactie, reverse("wagtailredirects:add"), expect=200)
    data = {
        **form_data(response),
        "old_path": ["/oude-werkwijze"],
        "site": [str(site.pk)],
        "is_permanent": ["on"],
        "redirect_page": [str(target.pk)],
    }
    sweep.post("doorverwijzing toevoegen", redactie, reverse("wagtailredirects:add"), data)
    sweep.check(
        "doorverwijzing bestaat", lambda: Redirect.objects.get(old_path="/oude-werkwijze").redirect_page_id == target.pk
    )
    sweep.visit("doorverwijzing", "/oude-werkwijze/", expect=301)

    sheet = b"van,naar\n/oud-nieuws,https://stichtinglos.nl/nieuws/\n/oude-agenda,https://stichtinglos.nl/agenda/\n"
    upload = tmp_path / "doorverwijzingen.csv"
    upload.write_bytes(sheet)
    with upload.open("rb") as handle:
        response = sweep.post(
            "doorverwijzingen importeren",
            redactie,
            reverse("wagtailredirects:start_import"),
            {"import_file": handle},
            expect=200,
        )
    data = {**form_data(response), "from_index": ["0"], "to_index": ["1"], "site": [str(site.pk)], "permanent": ["on"]}
    response = sweep.post(
        "doorverwijzingen importeren: bevestigen", redactie, reverse("wagtailredirects:process_import"), data
    )
    sweep.check(
        "doorverwijzingen geïmporteerd",
        lambda: Redirect.objects.filter(old_path__in=["/oud-nieuws", "/oude-agenda"]).count() == 2,
    )
    sweep.visit("geïmporteerde doorverwijzing", "/oude-agenda/", expect=301)

    add = reverse("wagtailsearchpromotions:add")
    response = sweep.get("uitgelicht zoekresultaat: formulier", redactie, add, expect=200)
    data = {**form_data(response), **new_formset_row(response, "editors_picks", 0)}
    data.update(
        {
            "query_string": ["opvang"],
            "editors_picks-0-page": [str(target.pk)],
            "editors_picks-0-description": ["Hoe LOS werkt"],
            "editors_picks-0-ORDER": ["1"],
        }
    )
    response = sweep.post("uitgelicht zoekresultaat toevoegen", redactie, add, data)
    sweep.check("uitgelicht", lambda: Query.get("opvang").editors_picks.get().page_id == target.pk)
    sweep.check("uitgelicht: melding", lambda: messages(response))
    sweep.visit("zoeken toont het uitgelichte resultaat", "/zoeken/?q=opvang", shows=PROMOTED)
    sweep.done()
