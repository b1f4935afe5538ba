"""Which pages are missing in a language, and which translations are out of date since the Dutch source changed.

wagtail-localize's own report (Reports › Translations) lists translations that exist and still wait for
strings; this one starts from the Dutch pages and the languages each page's *site* offers (Settings › Talen), so
a page on the main site is never reported missing in Arabic when the main site does not offer Arabic.

Statuses per page and language:
- missing: no translation, or only an unpublished draft of one;
- outdated: the Dutch page was published after its translation was last synced (wagtail-localize's
  "Sync translated pages" copies the new source text into the translation editor);
- current: everything else.
A constant number of queries for the whole report (pages, translations, sources, sites and their languages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from home.models import SiteLanguages, SiteTexts

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"


@dataclass
class Cell:
    """One page in one language."""

    code: str
    status: str
    translation: Page | None = None
    source_id: int | None = None


@dataclass
class Row:
    """A Dutch source page and its state in each language its site offers."""

    page: Page
    site: Site
    cells: list[Cell] = field(default_factory=list)


def _site_languages() -> list[tuple[Site, list[str]]]:
    sites = list(Site.objects.select_related("root_page"))
    chosen = {setting.site_id: setting.codes for setting in SiteLanguages.objects.filter(site__in=sites)}
    default_codes = SiteLanguages(languages=list(settings.LOS_DEFAULT_SITE_LANGUAGES)).codes
    # Deepest roots first, so a page is attributed to the most specific site.
    sites.sort(key=lambda site: -len(site.root_page.path))
    return [(site, chosen.get(site.pk, default_codes)) for site in sites]


def _hidden_private_paths(user) -> list[str]:
    """Tree paths of private pages (a view restriction on them or above them) this user may not explore in the
    admin: their titles stay out of the report (issue 17: it showed private page titles to every admin user)."""
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if not restricted or user is None:
        return restricted
    if user.is_superuser:
        return []
    explorable = PagePermissionPolicy().explorable_instances(user)
    allowed = set(explorable.filter(path__in=restricted).values_list("path", flat=True))
    return [path for path in restricted if path not in allowed]


def build_rows(language: str = "", status: str = "", user=None) -> list[Row]:
    """Rows for every live Dutch page that is missing or out of date in some offered language (or all rows);
    private pages only for a `user` who may explore them (without a user: no private pages at all)."""
    default = Locale.get_default()
    site_languages = _site_languages()
    if not site_languages:
        return []
    in_sites = Q()
    for site, _codes in site_languages:
        in_sites |= Q(path__startswith=site.root_page.path)
    sources = list(
        Page.objects.filter(in_sites, locale=default, alias_of__isnull=True, depth__gt=1)
        .live()
        .order_by("path")
        .only("id", "title", "path", "depth", "translation_key", "last_published_at", "locale_id", "content_type_id")
    )
    hidden = _hidden_private_paths(user)
    if hidden:
        sources = [page for page in sources if not page.path.startswith(tuple(hidden))]
    keys = [page.translation_key for page in sources]
    translations = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(translation_key__in=keys)
        .exclude(locale=default)
        .select_related("locale")
        .only("id", "title", "live", "last_published_at", "translation_key", "locale__language_code")
    }
    synced = {
        (source.object_id, source.specific_content_type_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    rows = []
    for page in sources:
        site, codes = next(((s, c) for s, c in site_languages if page.path.startswith(s.root_page.path)))
        row = Row(page, site)
        for code in codes:
            if code == default.language_code or (language and code != language):
                continue
            translated = translations.get((page.translation_key, code))
            source = synced.get((page.translation_key, page.content_type_id))
            if translated is None or not translated.live:
                cell = Cell(code, MISSING, translated)
            elif _outdated(page, translated, source):
                cell = Cell(code, OUTDATED, translated, source.pk if source else None)
            else:
                cell = Cell(code, CURRENT, translated)
            row.cells.append(cell)
        wanted = [cell for cell in row.cells if cell.status == status] if status else row.cells
        if status and not wanted:
            continue
        if not status and all(cell.status == CURRENT for cell in row.cells):
            continue
        if row.cells:
            rows.append(row)
    return rows


def _outdated(page: Page, translated: Page, source: TranslationSource | None) -> bool:
    changed = page.last_published_at
    if changed is None:
        return False
    if source is not None:
        return source.last_updated_at < changed
    # Translated by hand (a copy, not through wagtail-localize): compare publication dates.
    return translated.last_published_at is not None and translated.last_published_at < changed


@dataclass
class SiteTextsGap:
    """A site whose header and footer texts (home.SiteTexts) are missing in a language it offers: visitors
    reading that language see the Dutch tagline and footer."""

    site: Site
    source: SiteTexts
    codes: list[str]


def site_texts_gaps(language: str = "") -> list[SiteTextsGap]:
    """Per site: the offered languages its Dutch site texts have not been translated into (two queries)."""
    default = Locale.get_default()
    texts = list(SiteTexts.objects.select_related("locale", "site"))
    have = {(row.site_id, row.locale.language_code) for row in texts}
    gaps = []
    for site, codes in _site_languages():
        source = next((row for row in texts if row.site_id == site.pk and row.locale_id == default.pk), None)
        if source is None:
            continue  # nothing to translate yet
        missing = [
            code
            for code in codes
            if code != default.language_code and (site.pk, code) not in have and (not language or code == language)
        ]
        if missing:
            gaps.append(SiteTextsGap(site, source, missing))
    return gaps


@dataclass
class Orphan:
    """A translation that no longer follows its Dutch source: the source was deleted, or it sits elsewhere in the
    tree than the source (one of the two was moved). Visitors may still find it; an editor decides."""

    page: Page
    code: str
    reason: str


def orphans(language: str = "", user=None) -> list[Orphan]:
    """Translated pages whose source is gone or in another place (three queries for the whole site); private
    pages only for a `user` who may explore them, as in `build_rows`."""
    default = Locale.get_default()
    translations = Page.objects.exclude(locale=default).filter(depth__gt=2, alias_of__isnull=True)
    if language:
        translations = translations.filter(locale__language_code=language)
    hidden = tuple(_hidden_private_paths(user))
    translations = [
        page
        for page in translations.select_related("locale").only(
            "id", "title", "path", "translation_key", "locale__language_code"
        )
        if not (hidden and page.path.startswith(hidden))
    ]
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(
            locale=default, translation_key__in={t.translation_key for t in translations}
        ).only("id", "path", "translation_key")
    }
    steplen = Page.steplen
    parent_paths = {page.path[:-steplen] for page in [*translations, *sources.values()]}
    parent_keys = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "translation_key"))
    found = []
    for page in translations:
        source = sources.get(page.translation_key)
        if source is None:
            found.append(Orphan(page, page.locale.language_code, _("de Nederlandse pagina is verwijderd")))
        elif parent_keys.get(page.path[:-steplen]) != parent_keys.get(source.path[:-steplen]):
            found.append(
                Orphan(page, page.locale.language_code, _("staat op een andere plek dan de Nederlandse pagina"))
            )
    return found


def paginate(rows: list[Row], page_number: str | None, per_page: int = 50):
    return Paginator(rows, per_page).get_page(page_number)
