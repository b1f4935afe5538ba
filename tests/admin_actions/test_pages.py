"""Wagtail's standard actions on pages, performed in the admin on the demo content by the least privileged group
that may (editors/roles.py): copy, move, unpublish, delete, revert to a revision, compare revisions, schedule
publishing, lock and unlock, cancel a workflow and submit again, and the bulk actions of the page listing.

Our own code runs inside every one of them (translations following their source, the translator guard, search
indexing, cache invalidation and warming after the commit), and none may answer 500. Each test performs its
actions in a row with `Sweep` and lists every failure at the end."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Revision, WorkflowState

from editors.roles import EINDREDACTIE, MICROSITE_REDACTIE, REDACTIE, STAGIAIRS
from news.models import NewsPage

from .sweep import form_data, messages

pytestmark = pytest.mark.django_db


def page(url_path: str) -> Page:
    return Page.objects.get(url_path=url_path).specific


def english(source: Page) -> Page | None:
    return Page.objects.translation_of(source, inclusive=False).filter(locale__language_code="en").first()


def body_text(target: Page) -> list[tuple[str, str]]:
    """The body's blocks as the visitor reads them (Draftail adds block keys to rich text it saves again)."""
    return [(block.block_type, strip_tags(str(block.value))) for block in target.body]


def url(name: str, *args) -> str:
    return reverse(f"wagtailadmin_pages:{name}", args=args)


def moved_away(sweep, old: str, new: str) -> None:
    """A visitor at a moved page's old address is sent on to the new one (Wagtail's automatic redirect)."""
    response = sweep.visit(f"oude plek {old}", old, expect=301)
    sweep.check(
        f"oude plek {old} verwijst door",
        lambda: urlsplit(response["Location"]).path == urlsplit(new).path,
        response and response.get("Location"),
    )


def edit_data(sweep, client, target: Page, label: str, **changes) -> dict:
    """The page's editor form as the editor sees it, with `changes` typed in."""
    response = sweep.get(f"{label}: editor", client, url("edit", target.pk), expect=200)
    data = form_data(response, "page-edit-form")
    return {**data, **{name: [value] for name, value in changes.items()}}


def test_copy_move_unpublish_and_delete(staff, sweep):
    redactie = staff(REDACTIE)
    about, helpdesk = page("/los/over-los/"), page("/los/helpdesk/")
    home = about.get_parent()
    # What visitors saw before: stored in the page cache, and so what a missed invalidation would keep showing.
    for path, status in (
        ("/over-los-kopie/werkwijze/", 404),
        ("/over-los/privacy/", 200),
        ("/helpdesk/privacy/", 404),
        ("/en/about-los/privacy-statement/", 200),
        ("/over-los/contact/", 200),
        ("/en/about-los/contact/", 200),
        ("/helpdesk/", 200),
        ("/en/helpdesk/", 200),
    ):
        sweep.visit(f"vooraf {path}", path, expect=status)

    # Copy a section with its subpages (published), then a translated (English) page beside itself.
    response = sweep.post(
        "kopiëren met subpagina's",
        redactie,
        url("copy", about.pk),
        {
            "new_title": "Over LOS (kopie)",
            "new_slug": "over-los-kopie",
            "new_parent_page": home.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )
    copy = Page.objects.filter(url_path="/los/over-los-kopie/").first()
    sweep.check(
        "kopie met subpagina's bestaat", lambda: copy.get_descendants().count() == about.get_descendants().count()
    )
    sweep.check("kopie gepubliceerd", lambda: copy.live and all(p.live for p in copy.get_descendants()))
    sweep.check("kopie is geen vertaling van het origineel", lambda: copy.translation_key != about.translation_key)
    sweep.check("kopie: melding", lambda: any("gekopieerd" in m.lower() or "copied" in m for m in messages(response)))
    sweep.visit("de kopie", "/over-los-kopie/werkwijze/")

    privacy_en = page("/los-1/about-los/privacy-statement/")
    sweep.post(
        "kopiëren van een vertaalde pagina",
        redactie,
        url("copy", privacy_en.pk),
        {"new_title": "Privacy (copy)", "new_slug": "privacy-copy", "new_parent_page": privacy_en.get_parent().pk},
    )
    sweep.check(
        "kopie van de vertaling in het Engels, als concept",
        lambda: (
            (copied := Page.objects.get(url_path="/los-1/about-los/privacy-copy/")).locale.language_code == "en"
            and not copied.live
        ),
    )

    # Move a Dutch page with a translation: the translation follows to the translated destination.
    privacy = page("/los/over-los/privacy/")
    sweep.get("verplaatsen: kiezen", redactie, url("move", privacy.pk), expect=200)
    sweep.get("verplaatsen: bevestigen", redactie, url("move_confirm", privacy.pk, helpdesk.pk), expect=200)
    sweep.post("verplaatsen", redactie, url("move_confirm", privacy.pk, helpdesk.pk))
    sweep.check("verplaatst", lambda: Page.objects.get(pk=privacy.pk).get_parent().pk == helpdesk.pk)
    sweep.check(
        "de vertaling verhuist mee",
        lambda: Page.objects.get(pk=privacy_en.pk).get_parent().pk == english(helpdesk).pk,
    )
    sweep.visit("verplaatste pagina", "/helpdesk/privacy/")
    sweep.visit("verplaatste vertaling", "/en/helpdesk/privacy-statement/")
    moved_away(sweep, "/over-los/privacy/", "/helpdesk/privacy/")
    moved_away(sweep, "/en/about-los/privacy-statement/", "/en/helpdesk/privacy-statement/")

    # Unpublish a page with its translation (our view, the translations ticked as it offers them).
    contact = page("/los/over-los/contact/")
    contact_en = english(contact)
    sweep.get("depubliceren: bevestigen", redactie, url("unpublish", contact.pk), expect=200)
    sweep.post("depubliceren", redactie, url("unpublish", contact.pk), {"include_translations": "on"})
    sweep.check(
        "gedepubliceerd met vertaling", lambda: not page(contact.url_path).live and not page(contact_en.url_path).live
    )
    sweep.visit("gedepubliceerde pagina", "/over-los/contact/", expect=404)
    sweep.visit("gedepubliceerde vertaling", "/en/about-los/contact/", expect=404)

    # Delete a section with children and a translation (deleting a page with children is the Eindredactie's).
    eindredactie = staff(EINDREDACTIE)
    helpdesk_en = english(helpdesk)
    sweep.get("verwijderen: bevestigen", eindredactie, url("delete", helpdesk.pk), expect=200)
    response = sweep.post("verwijderen met subpagina's en vertaling", eindredactie, url("delete", helpdesk.pk))
    sweep.check(
        "verwijderd", lambda: not Page.objects.filter(pk__in=[helpdesk.pk, helpdesk_en.pk, privacy.pk]).exists()
    )
    sweep.check("verwijderen: melding", lambda: messages(response))
    sweep.visit("verwijderde pagina", "/helpdesk/", expect=404)
    sweep.visit("verwijderde vertaling", "/en/helpdesk/", expect=404)
    sweep.get("de boom na alles", redactie, reverse("wagtailadmin_explore", args=[home.pk]), expect=200)
    sweep.done()


def test_revisions_scheduling_and_locking(staff, sweep):
    redactie = staff(REDACTIE)
    method = page("/los/over-los/werkwijze/")
    original_title, first = method.title, method.latest_revision
    sweep.visit("vooraf", "/over-los/werkwijze/", shows=original_title)
    sweep.visit("vooraf", "/over-los/pers/")
    sweep.visit("vooraf", "/over-los/team-en-bestuur/")

    # Edit and publish, then revert to the first revision and publish that.
    sweep.post(
        "bewerken en publiceren",
        redactie,
        url("edit", method.pk),
        edit_data(sweep, redactie, method, "bewerken", title="Zo werken wij", **{"action-publish": "1"}),
    )
    sweep.check("nieuwe titel live", lambda: page(method.url_path).title == "Zo werken wij")
    sweep.visit("bewerkte pagina", "/over-los/werkwijze/", shows="Zo werken wij")
    latest = page(method.url_path).latest_revision
    sweep.get("revisies", redactie, url("history", method.pk), expect=200)
    sweep.get("revisies vergelijken", redactie, url("revisions_compare", method.pk, first.pk, latest.pk), expect=200)
    sweep.get("revisie bekijken", redactie, url("revisions_view", method.pk, first.pk), expect=200)
    revert_url = url("revisions_revert", method.pk, first.pk)
    response = sweep.get("terugzetten: editor", redactie, revert_url, expect=200)
    data = form_data(response, "page-edit-form")
    sweep.post("terugzetten en publiceren", redactie, revert_url, {**data, "action-publish": ["1"]})
    reverted = page(method.url_path)
    sweep.check("oude titel terug", lambda: reverted.title == original_title, f"titel {reverted.title!r}")
    sweep.check("inhoud terug", lambda: body_text(reverted) == body_text(first.as_object()))
    sweep.visit("teruggezette pagina", "/over-los/werkwijze/", shows=original_title, hides="Zo werken wij")

    # Schedule a new version of a live page: it stays live as it is until then.
    press = page("/los/over-los/pers/")
    go_live = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    data = edit_data(sweep, redactie, press, "inplannen", title="Pers (later)", go_live_at=go_live)
    sweep.post("inplannen", redactie, url("edit", press.pk), {**data, "action-publish": ["1"]})
    scheduled = Revision.page_revisions.filter(object_id=str(press.pk), approved_go_live_at__isnull=False).first()
    sweep.check("ingepland", lambda: scheduled is not None and page(press.url_path).title == press.title)
    sweep.check("blijft live", lambda: page(press.url_path).live)
    sweep.visit("ingeplande pagina", "/over-los/pers/", shows=press.title, hides="Pers (later)")
    if scheduled is not None:
        sweep.post("inplannen intrekken", redactie, url("revisions_unschedule", press.pk, scheduled.pk))
        sweep.check("niet meer ingepland", lambda: not Revision.objects.get(pk=scheduled.pk).approved_go_live_at)

    # Lock and unlock: the Redactie on the main site, the Microsite redactie (lock only) on its own page.
    team = page("/los/over-los/team-en-bestuur/")
    sweep.post("vergrendelen", redactie, url("lock", team.pk))
    sweep.check("vergrendeld", lambda: page(team.url_path).locked)
    sweep.get("rapport vergrendelde pagina's", redactie, reverse("wagtailadmin_reports:locked_pages"), expect=200)
    sweep.post("ontgrendelen", redactie, url("unlock", team.pk))
    sweep.check("ontgrendeld", lambda: not page(team.url_path).locked)
    microsite_page = page("/ilegalevrouw/je-rechten/")
    microsite = staff(MICROSITE_REDACTIE)
    sweep.post("vergrendelen (microsite)", microsite, url("lock", microsite_page.pk))
    sweep.post("ontgrendelen van het eigen slot (microsite)", microsite, url("unlock", microsite_page.pk))
    sweep.check("microsite: ontgrendeld", lambda: not page(microsite_page.url_path).locked)

    # Privacy: a password on a page, then public again.
    privacy = url("set_privacy", team.pk)
    sweep.get("privacy: formulier", redactie, privacy, expect=200)
    sweep.post(
        "wachtwoord op een pagina", redactie, privacy, {"restriction_type": "password", "password": "geheim-1234"}
    )
    sweep.visit("pagina met wachtwoord", "/over-los/team-en-bestuur/", shows='name="password"')
    sweep.post("weer openbaar", redactie, privacy, {"restriction_type": "none"})
    sweep.visit("weer openbare pagina", "/over-los/team-en-bestuur/", hides='name="password"')
    sweep.done()


def test_cancelling_a_workflow_and_submitting_again(staff, sweep):
    # A news item an intern writes and submits, and a microsite page its own editors submit.
    interns = staff(STAGIAIRS)
    add = url("add", "news", "newspage", page("/los/nieuws/").pk)
    data = form_data(sweep.get("Stagiairs: nieuw bericht", interns, add, expect=200), "page-edit-form")
    data.update(title=["Bericht ter goedkeuring"], slug=["ter-goedkeuring"], intro=["Kort."])
    sweep.post("Stagiairs: indienen", interns, add, {**data, "action-submit": ["1"]})
    cancel_and_submit_again(sweep, interns, "Stagiairs", NewsPage.objects.filter(slug="ter-goedkeuring").first())

    microsite, draft = staff(MICROSITE_REDACTIE), page("/ilegalevrouw/veilig-surfen/")
    data = edit_data(sweep, microsite, draft, "Microsite: editor", **{"action-submit": "1"})
    sweep.post("Microsite: indienen", microsite, url("edit", draft.pk), data)
    cancel_and_submit_again(sweep, microsite, "Microsite", draft)
    sweep.done()


def cancel_and_submit_again(sweep, client, who: str, draft: Page | None) -> None:
    if not sweep.check(f"{who}: ingediend", lambda: draft.workflow_in_progress):
        return
    sweep.get(f"{who}: annuleren bevestigen", client, url("confirm_workflow_cancellation", draft.pk), expect=200)
    data = edit_data(sweep, client, draft, f"{who}: annuleren", **{"action-cancel-workflow": "true"})
    sweep.post(f"{who}: goedkeuring annuleren", client, url("edit", draft.pk), data)
    sweep.check(f"{who}: geannuleerd", lambda: not Page.objects.get(pk=draft.pk).workflow_in_progress)
    sweep.check(
        f"{who}: als geannuleerd vastgelegd",
        lambda: WorkflowState.objects.filter(object_id=str(draft.pk), status="cancelled").exists(),
    )
    data = edit_data(sweep, client, draft, f"{who}: opnieuw", **{"action-submit": "1"})
    sweep.post(f"{who}: opnieuw indienen", client, url("edit", draft.pk), data)
    sweep.check(f"{who}: weer ingediend", lambda: Page.objects.get(pk=draft.pk).workflow_in_progress)
    sweep.get(f"{who}: goedkeuringsgeschiedenis", client, url("workflow_history", draft.pk), expect=200)


def bulk(sweep, client, action: str, pages, label: str, data=None, **expect):
    query = urlencode([("id", p.pk) for p in pages] + [("next", "/admin/pages/")])
    address = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + query
    sweep.get(f"{label}: bevestigen", client, address, expect=200)
    return sweep.post(label, client, address, data or {}, **expect)


def test_bulk_actions_of_the_page_listing(staff, sweep):
    redactie = staff(REDACTIE)
    news = list(NewsPage.objects.filter(locale__language_code="nl").live().order_by("path")[:6])
    translated = [item for item in news if english(item)][:2]
    translations = [english(item) for item in translated]
    untranslated = [item for item in news if not english(item)][:2]
    about, helpdesk = page("/los/over-los/"), page("/los/helpdesk/")
    moving = [page("/los/over-los/werkwijze/"), page("/los/over-los/pers/")]
    press_en = english(moving[1])
    before = {item.pk: item.get_url() for item in [*translated, *translations, *untranslated, *moving, press_en]}
    for path in [*before.values(), "/nieuws/", "/en/news/"]:
        sweep.visit(f"vooraf {path}", path)

    # Publish drafts in bulk: two news items with changes saved as a draft.
    for item in untranslated:
        sweep.post(
            f"concept van {item.slug}",
            redactie,
            url("edit", item.pk),
            edit_data(sweep, redactie, item, f"concept {item.slug}", title=f"{item.title} (bijgewerkt)"),
        )
    bulk(sweep, redactie, "publish", untranslated, "in bulk publiceren")
    sweep.check(
        "in bulk gepubliceerd",
        lambda: all(Page.objects.get(pk=p.pk).title.endswith("(bijgewerkt)") for p in untranslated),
    )
    for item in untranslated:
        sweep.visit("in bulk gepubliceerd", before[item.pk], shows=f"{item.title} (bijgewerkt)")

    # Unpublish in bulk.
    bulk(sweep, redactie, "unpublish", untranslated, "in bulk depubliceren")
    sweep.check(
        "in bulk gedepubliceerd", lambda: not Page.objects.filter(pk__in=[p.pk for p in untranslated], live=True)
    )
    for item in untranslated:
        sweep.visit("in bulk gedepubliceerd", before[item.pk], expect=404)

    # Move in bulk: two content pages into another section; a translation follows, as when moving one.
    bulk(sweep, redactie, "move", moving, "in bulk verplaatsen", {"chooser": helpdesk.pk})
    sweep.check(
        "in bulk verplaatst", lambda: all(Page.objects.get(pk=p.pk).get_parent().pk == helpdesk.pk for p in moving)
    )
    sweep.check(
        "de vertaling verhuist mee",
        lambda: Page.objects.get(pk=press_en.pk).get_parent().pk == english(helpdesk).pk,
        "de Engelse pagina bleef staan",
    )
    sweep.check("de rest blijft", lambda: about.get_children().exists())
    for moved in [*moving, press_en]:
        sweep.visit("nieuwe plek na verplaatsen", Page.objects.get(pk=moved.pk).get_url())
        moved_away(sweep, before[moved.pk], Page.objects.get(pk=moved.pk).get_url())

    # Delete in bulk: translated news items; their translations follow, as when deleting one.
    bulk(sweep, redactie, "delete", translated, "in bulk verwijderen")
    sweep.check("in bulk verwijderd", lambda: not Page.objects.filter(pk__in=[p.pk for p in translated]).exists())
    sweep.check(
        "hun vertalingen verdwijnen mee",
        lambda: not Page.objects.filter(pk__in=[p.pk for p in translations]).exists(),
        "de Engelse berichten bleven staan",
    )
    for item in [*translated, *translations]:
        sweep.visit("in bulk verwijderd", before[item.pk], expect=404)
    sweep.visit("nieuwsoverzicht", "/nieuws/", hides=translated[0].title)
    sweep.visit("Engels nieuwsoverzicht", "/en/news/", hides=translations[0].title)
    sweep.done()


def test_bulk_unpublish_takes_the_live_translations_along(staff, sweep):
    """As the single unpublish view does by default (its box is ticked): unpublishing Dutch news in bulk left
    their English copies live and listed in /en/news/."""
    redactie = staff(REDACTIE)
    news = NewsPage.objects.filter(locale__language_code="nl").live().order_by("path")
    translated = [item for item in news if english(item)][:2]
    translations = [english(item) for item in translated]
    addresses = [item.get_url() for item in translations]
    bulk(sweep, redactie, "unpublish", translated, "in bulk depubliceren")
    sweep.check(
        "de vertalingen gaan mee offline",
        lambda: not Page.objects.filter(pk__in=[p.pk for p in translations], live=True).exists(),
        "de Engelse berichten bleven online",
    )
    for address in addresses:
        sweep.visit("Engelse vertaling na depubliceren", address, expect=404)
    sweep.visit("Engels nieuwsoverzicht", "/en/news/", hides=translations[0].title)
    sweep.done()
