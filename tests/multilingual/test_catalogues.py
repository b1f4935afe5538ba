"""Interface translations for the microsite languages.

Scope: nl and en stay complete for every string (tests/home/test_site.py). French, Spanish and Arabic must be
complete for every string a visitor can see on the iLegalevrouw microsite: the page furniture (base template,
header, footer, navigation, language switcher, quick exit, pagination, 404 and missing-translation pages),
the microsite's page templates and help finder, the shared content blocks, the search page (the header search
form leads there) and the URL patterns. Admin strings (help texts, report labels) are not in scope: staff
work in Dutch or English.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import polib
import pytest

from demo import MICROSITE_HOSTNAME

LOCALE_DIR = Path(__file__).resolve().parents[2] / "cms" / "locale"
MICROSITE_SOURCES = [
    "templates/base.html",
    "templates/404.html",
    "templates/500.html",
    "templates/multilingual/translation_missing.html",
    "templates/components/site_footer.html",
    "templates/components/funder_strip.html",
    "templates/components/pagination.html",
    "templates/navigation/*.html",
    "templates/campaigns/microsite_home_page.html",
    "templates/campaigns/microsite_page.html",
    "templates/campaigns/help_finder_page.html",
    "templates/campaigns/components/quick_exit.html",
    "templates/campaigns/components/site_logo.html",
    "templates/blocks/*.html",
    "templates/search/search_page.html",
    "home/templatetags/*.py",
    "campaigns/templatetags/*.py",
    "cms/urls.py",
    "search/views.py",
    "search/results.py",
    "search/search_families.py",
    "search/backends/database_facets.py",
    "multilingual/templatetags/*.py",
]
# Choices shown in the help finder (the rest of campaigns/models/microsite.py is admin text).
HELP_KINDS = ["Vrouwenopvang", "Veilig Thuis", "Juridische hulp", "Medische zorg", "Steungroep"]


def _in_scope(entry: polib.POEntry) -> bool:
    if entry.msgid in HELP_KINDS:
        return True
    return any(fnmatch.fnmatch(path, pattern) for path, _line in entry.occurrences for pattern in MICROSITE_SOURCES)


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_string_a_microsite_visitor_sees_is_translated(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    scope = [entry for entry in catalogue if not entry.obsolete and _in_scope(entry)]
    assert len(scope) > 60  # the scope did not silently become empty
    untranslated = [entry.msgid for entry in scope if not entry.translated()]
    assert untranslated == [], f"{language}: untranslated {untranslated[:5]}"
    assert [entry.msgid for entry in scope if "fuzzy" in entry.flags] == []
    assert catalogue.metadata["Language"] == language
    if language == "ar":
        assert catalogue.metadata["Plural-Forms"].startswith("nplurals=6;")


def test_arabic_microsite_speaks_arabic(client, microsite):
    html = client.get("/ar/", HTTP_HOST=MICROSITE_HOSTNAME).content.decode()
    for text in ("انتقلي إلى المحتوى", "خروج سريع", "اختاري اللغة", "معلومات"):
        assert text in html
    for dutch in ("Naar de inhoud", "Snel weg", "Kies een taal"):
        assert dutch not in html


def test_translated_url_patterns(client, microsite):
    assert client.get("/fr/recherche/?q=aide", HTTP_HOST=MICROSITE_HOSTNAME).status_code == 200
    assert client.get("/ar/bahth/?q=x", HTTP_HOST=MICROSITE_HOSTNAME).status_code == 200


@pytest.mark.parametrize(
    ("path", "query", "found", "other_language"),
    [
        ("/en/search/", "hotline", 'href="/en/news/detention-hotline-annual-report-2026/"', 'href="/nieuws/'),
        ("/zoeken/", "meldpunt", 'href="/nieuws/meldpunt-jaarrapport-2026/"', 'href="/en/'),
    ],
)
def test_search_finds_the_current_language_only(client, home_page, path, query, found, other_language):
    html = client.get(path, {"q": query}).content.decode()
    results = html[html.find('class="search-results"') : html.find("</main>")]
    assert found in results
    assert other_language not in results


@pytest.mark.parametrize("language", ["nl", "en", "fr", "es", "ar"])
def test_each_message_is_defined_once(language):
    """GNU gettext (msgfmt, msgmerge, so `makemessages` and translators' tools) refuses a catalogue in which a
    message is defined twice, as a careless merge of two branches leaves it; polib alone would not notice."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    keys = [(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete]
    duplicates = sorted({msgid for _ctxt, msgid in keys if keys.count((_ctxt, msgid)) > 1})
    assert duplicates == [], f"{language}: defined twice: {duplicates[:5]}"
