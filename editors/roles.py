"""Who may do what in the admin: the one declarative definition of every editors' group, and its sync.

`ROLES` below is the single source of truth for the groups Redactie, Eindredactie, Stagiairs, Vrijwilligers,
Vertalers and Microsite redactie: their model (snippet, setting, admin) permissions, their page permissions and
on which subtrees, and their image/document collection permissions. `WORKFLOWS` says which sections go through
the approval of the Eindredactie. `editors.sync.sync_roles()` makes the database match the definition exactly (for these
groups only; groups an administrator adds by hand are left alone) and is idempotent. It runs:

- in the data migration `home/migrations/0003_editor_roles.py` (with the historical models),
- after every `migrate` (a `post_migrate` handler, see `editors/apps.py`), so a changed definition is applied on deploy,
- when a page that anchors permissions is created (a new news index, a translated home page, a new microsite),
- on demand: `python manage.py sync_roles [--dry-run]`.

Page subtrees are named by page type ("every home.HomePage"), never by id, because pages are made by editors (and
by `seed_demo`) after the migrations ran, and translations add a home page per language.

Wagtail 8 has no locale-scoped page permissions: Vertalers get page permissions on every tree, and the hooks in
`editors/wagtail_hooks.py` (see `editors/translator_guard.py`) refuse every change to pages and snippets in the source
language (Dutch). User management is deliberately in no role: only superusers manage accounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

ADMIN = "wagtailadmin.access_admin"
TRANSLATE = "wagtail_localize.submit_translation"

# Page types that anchor page permissions and workflows. Every page of the type counts, in every language.
MAIN_SITE = "home.HomePage"
MICROSITE = "campaigns.MicrositeHomePage"
NEWS = "news.NewsIndexPage"
PUBLICATIONS = "research.PublicationIndexPage"
ANCHOR_TYPES = (MAIN_SITE, MICROSITE, NEWS, PUBLICATIONS)

# Collections for images and documents, one per site, children of Wagtail's root collection.
ROOT_COLLECTION = ""  # the root: a permission there covers every collection
# What the root collection is called in the admin's collection lists and choosers: Wagtail names it "Root", which
# means nothing to a colleague (renamed by sync.py only while it still has Wagtail's name).
ROOT_COLLECTION_NAME = "Alle bestanden"
# Likewise the root page, above every site's home page, which superusers see in the page explorer and its breadcrumbs.
ROOT_PAGE_TITLE = "Alle sites"
LOS_COLLECTION = "LOS"
MICROSITE_COLLECTION = "iLegalevrouw"
COLLECTIONS = (LOS_COLLECTION, MICROSITE_COLLECTION)

IMAGES_ALL = ("wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image")
DOCUMENTS_ALL = ("wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document")
MEDIA_ALL = IMAGES_ALL + DOCUMENTS_ALL
MEDIA_DELETE = ("wagtailimages.delete_image", "wagtaildocs.delete_document")
MEDIA_CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
MEDIA_ADD = ("wagtailimages.add_image", "wagtaildocs.add_document")


def crud(app_label: str, model: str) -> tuple[str, ...]:
    return tuple(f"{app_label}.{action}_{model}" for action in ("view", "add", "change", "delete"))


AGENDA = (
    *crud("events", "event"),
    "events.view_importbatch",
    "events.add_importbatch",
    "events.undo_importbatch",
)
SETTINGS = (
    "home.change_navigationsettings",
    "home.change_organisationsettings",
    "campaigns.change_siteappearance",
    "search.change_searchsettings",
)
EDITOR_PAGES = ("add", "change", "publish", "lock", "unlock")
# What visitors typed into search (names, phone numbers): only for those who act on it with promoted results.
SEARCH_TERMS = "search.view_searchtermcount"
# Shelter figures: coordinators report for their own shelters (the views scope them); staff see all shelters.
SHELTER_FIGURES = ("figures.view_quarterfigures", "figures.add_quarterfigures", "figures.change_quarterfigures")
ALL_SHELTER_FIGURES = (*SHELTER_FIGURES, "figures.view_all_figures", *crud("figures", "shelter"))
# Newsletter (issue 20): the Redactie composes and sends issues; subscribers' addresses are personal data that
# only the Eindredactie sees (and deletes on request; nobody adds them by hand: double opt-in or the import).
NEWSLETTER_ISSUES = (*crud("newsletter", "issue"), "newsletter.send_issue", "newsletter.view_mailinglist")
NEWSLETTER_SUBSCRIBERS = (
    "newsletter.view_subscriber",
    "newsletter.change_subscriber",
    "newsletter.delete_subscriber",
)
# Meldpunt Vreemdelingendetentie (issue 23): the reports (descriptions, encrypted contact details, who read them)
# only for the Meldpunt's own staff; the Eindredactie sees the counts, never a report.
# The counts are a permission of meldpunt.MeldpuntCounts, not of Report: any permission on Report would show the
# holder every report's log entries in Wagtail's site history.
MELDPUNT_COUNTS = "meldpunt.view_counts"
MELDPUNT_REGISTER = (
    *crud("meldpunt", "report"),
    MELDPUNT_COUNTS,
    *crud("meldpunt", "detentionlocation")[:3],
    "meldpunt.view_topic",
    *crud("meldpunt", "referral"),
    "meldpunt.view_reportchange",
    "meldpunt.view_reportaccess",
    "meldpunt.change_meldpuntsettings",
)


@dataclass(frozen=True)
class Role:
    """One group: what it is for, and the permissions it holds (nothing else)."""

    name: str
    purpose: str  # shown under the groups on the user form's Roles tab (editors/users.py)
    permissions: tuple[str, ...] = ()
    # page type label -> page permission types ("add", "change", "publish", ...) on every page of that type
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # collection name (ROOT_COLLECTION for all) -> "app_label.codename" image/document permissions
    collections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # True: may change only content in a language other than the source language (see editors/translator_guard.py)
    translations_only: bool = False


REDACTIE = "Redactie"
EINDREDACTIE = "Eindredactie"
STAGIAIRS = "Stagiairs"
VRIJWILLIGERS = "Vrijwilligers"
VERTALERS = "Vertalers"
MICROSITE_REDACTIE = "Microsite redactie"
OPVANGCOORDINATOREN = "Opvangcoördinatoren"
MELDPUNT = "Meldpunt"

ROLES: tuple[Role, ...] = (
    Role(
        REDACTIE,
        _(
            "Bewerkt en publiceert de hoofdsite (in elke taal), de agenda, hulpadressen, doorverwijzingen en "
            "uitgelichte zoekresultaten; start vertalingen; schrijft en verstuurt nieuwsbrieven (ziet nooit de "
            "abonnees)."
        ),
        permissions=(
            ADMIN,
            TRANSLATE,
            *AGENDA,
            *crud("campaigns", "helplocation"),
            "home.view_theme",
            "research.view_funder",
            *crud("wagtailredirects", "redirect")[1:],
            *crud("wagtailsearchpromotions", "searchpromotion")[1:],
            SEARCH_TERMS,
            *NEWSLETTER_ISSUES,
        ),
        pages={MAIN_SITE: EDITOR_PAGES},
        collections={ROOT_COLLECTION: MEDIA_CHOOSE, LOS_COLLECTION: MEDIA_ALL},
    ),
    Role(
        EINDREDACTIE,
        _(
            "Alles wat de Redactie mag, op beide sites; keurt ingediende pagina's goed of vraagt om wijzigingen; "
            "beheert thema's, fondsen en instellingen; ziet de aanmeldingen en de abonnees van de nieuwsbrief."
        ),
        permissions=(
            ADMIN,
            TRANSLATE,
            *AGENDA,
            *crud("campaigns", "helplocation"),
            *crud("home", "theme"),
            *crud("home", "sitetexts"),
            *crud("research", "funder"),
            *SETTINGS,
            *crud("wagtailredirects", "redirect")[1:],
            *crud("wagtailsearchpromotions", "searchpromotion")[1:],
            SEARCH_TERMS,
            # Sign-ups hold personal data: only the permanent staff who answer for them see them (and approve
            # organisations' sign-ons, which is a change).
            "campaigns.view_signupsubmission",
            "campaigns.change_signupsubmission",
            "campaigns.delete_signupsubmission",
            *ALL_SHELTER_FIGURES,
            *NEWSLETTER_ISSUES,
            *crud("newsletter", "mailinglist")[1:],
            *NEWSLETTER_SUBSCRIBERS,
            MELDPUNT_COUNTS,
        ),
        pages={MAIN_SITE: (*EDITOR_PAGES, "bulk_delete"), MICROSITE: (*EDITOR_PAGES, "bulk_delete")},
        collections={ROOT_COLLECTION: MEDIA_ALL + MEDIA_DELETE},
    ),
    Role(
        STAGIAIRS,
        _("Schrijft nieuwsberichten en Meldpunt-rapporten en dient ze in ter goedkeuring; publiceert nooit zelf."),
        permissions=(ADMIN,),
        # "add": create pages and edit the ones they created; publishing goes through the workflow.
        pages={NEWS: ("add",), PUBLICATIONS: ("add",)},
        collections={ROOT_COLLECTION: MEDIA_CHOOSE, LOS_COLLECTION: MEDIA_ADD},
    ),
    Role(
        VRIJWILLIGERS,
        _("Alleen de agenda: activiteiten, het importeren van een spreadsheet en het ongedaan maken daarvan."),
        permissions=(ADMIN, *AGENDA),
    ),
    Role(
        VERTALERS,
        _(
            "Vertaalt pagina's en andere inhoud naar de andere talen en publiceert die vertalingen; verandert nooit "
            "de Nederlandse tekst."
        ),
        permissions=(
            ADMIN,
            TRANSLATE,
            "home.view_theme",
            "home.change_theme",
            "home.view_sitetexts",
            "home.change_sitetexts",
            "research.view_funder",
            "research.change_funder",
            "campaigns.view_helplocation",
            "campaigns.change_helplocation",
            "events.view_event",
            "events.change_event",
        ),
        # No "add": translations are made with "Vertalen" (wagtail-localize), never with the create view.
        pages={MAIN_SITE: ("change", "publish"), MICROSITE: ("change", "publish")},
        collections={ROOT_COLLECTION: MEDIA_CHOOSE},
        translations_only=True,
    ),
    Role(
        MICROSITE_REDACTIE,
        _(
            "Bewerkt de microsite iLegalevrouw en haar hulpadressen en dient wijzigingen in ter goedkeuring; alleen "
            "de eigen verzameling afbeeldingen en documenten."
        ),
        permissions=(ADMIN, *crud("campaigns", "helplocation")),
        pages={MICROSITE: ("add", "change", "lock")},
        collections={MICROSITE_COLLECTION: MEDIA_ALL},
    ),
    Role(
        OPVANGCOORDINATOREN,
        _(
            "Vult de kwartaalcijfers van de eigen opvang(en) in en verbetert ze (formulier of cliëntenlijst); kan "
            "de eigen opvang terugtrekken. Welke opvang, legt LOS vast bij de opvang."
        ),
        permissions=(ADMIN, *SHELTER_FIGURES),
    ),
    Role(
        MELDPUNT,
        _(
            "Registreert en volgt de meldingen van het Meldpunt Vreemdelingendetentie op (met contactgegevens en "
            "inzagelog); beheert de detentielocaties en de bewaartermijn. Alleen deze groep ziet meldingen."
        ),
        permissions=(ADMIN, *MELDPUNT_REGISTER),
    ),
)
ROLES_BY_NAME = {role.name: role for role in ROLES}


@dataclass(frozen=True)
class WorkflowDefinition:
    """A moderation workflow: one approval task per group, in order, on every page of the anchor types."""

    name: str
    tasks: tuple[tuple[str, tuple[str, ...]], ...]  # (task name, approving groups)
    anchors: tuple[str, ...]


WORKFLOWS: tuple[WorkflowDefinition, ...] = (
    WorkflowDefinition(
        "Goedkeuring eindredactie",
        tasks=(("Eindredactie keurt goed", (EINDREDACTIE,)),),
        # News and hotline reports (written by interns) and the microsite (its own editors cannot publish).
        anchors=(NEWS, PUBLICATIONS, MICROSITE),
    ),
)
