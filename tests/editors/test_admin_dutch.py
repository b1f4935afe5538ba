"""Dutch where Wagtail's own catalogues fall short (editors/admin_dutch.py): the listings' counter, the time since
an edit, the names of the root collection and the root page, and "wijzigingen gevraagd" instead of "afgekeurd"
(issue 16)."""

from __future__ import annotations

import ast
import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Collection, Page

from editors import roles


def test_the_listing_counter_keeps_its_spaces():
    with translation.override("nl"):
        counter = gettext("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s") % {
            "start_index": 1,
            "end_index": 35,
            "items_count": 35,
            "model_name": "pagina's",
        }
    assert counter == "1-35 van 35 pagina's"


def test_seconds_ago_in_dutch():
    with translation.override("nl"):
        assert naturaltime(timezone.now() - datetime.timedelta(seconds=13)) == "13\xa0seconden geleden"


def test_a_change_request_is_not_called_afgekeurd():
    with translation.override("nl"):
        subject = gettext('The page "%(title)s" has been rejected during "%(workflow)s".')
        status = gettext("Rejected")
    assert "afgekeurd" not in subject.lower() and "wijzigingen gevraagd" in subject.lower()
    assert status == "Wijzigingen gevraagd"


@pytest.mark.django_db
def test_the_root_collection_has_a_dutch_name():
    assert Collection.get_first_root_node().name == roles.ROOT_COLLECTION_NAME == "Alle bestanden"


@pytest.mark.django_db
def test_the_root_page_has_a_dutch_name_in_the_superusers_explorer(admin_client, home_page):
    """Only superusers reach the root page: the top of the page explorer and the first step of its breadcrumbs."""
    assert Page.get_first_root_node().title == roles.ROOT_PAGE_TITLE == "Alle sites"
    explorer = admin_client.get("/admin/pages/", headers={"accept-language": "nl"}).content.decode()
    home = admin_client.get(f"/admin/pages/{home_page.pk}/").content.decode()
    for html in (explorer, home):
        assert "Alle sites" in html
        assert not re.search(r">\s*Root\s*<", html)


def test_the_dutch_catalogue_does_not_turn_je_back_into_u():
    """Dutch is the source language: a Dutch "translation" that differs from its source only by the formal "u"
    (left from an older wording) would undo the house style on screen. Fuzzy entries count too: they are not
    compiled, but clearing the flag would show them."""
    import re
    from pathlib import Path

    import polib

    formal = re.compile(r"\b(u|uw|Uw|U)\b")
    catalogue = polib.pofile(str(Path(__file__).resolve().parents[2] / "cms/locale/nl/LC_MESSAGES/django.po"))
    undone = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and formal.search(" ".join([entry.msgstr, *entry.msgstr_plural.values()]))
        and not formal.search(entry.msgid)
    ]
    assert undone == []


# Upstream Dutch with "u" that nobody of LOS ever sees, so it needs no "je" of ours.
NEVER_SHOWN = {
    # Django's page for a project without URLs (DEBUG only).
    "You are seeing this page because <a href=",
    # django-import-export's own admin screens: our imports have their own (spreadsheets/), only its engine is used.
    "Below is a preview of data to be imported.",
    "Please correct these errors in your data where possible",
}


def _upstream_dutch_catalogues() -> list[Path]:
    """The Dutch catalogues of Django and of every installed app that has one (Wagtail's contrib apps included)."""
    from django.apps import apps
    from django.conf import locale as django_locale

    folders = [Path(django_locale.__file__).parent, *(Path(app.path) / "locale" for app in apps.get_app_configs())]
    own = Path(settings.BASE_DIR) / "cms"
    return sorted({po for folder in folders if own not in folder.parents for po in folder.glob("nl/LC_MESSAGES/*.po")})


def test_no_upstream_dutch_says_u_where_we_say_je():
    """Every string of Django, Wagtail, wagtail-localize and the other installed apps whose Dutch says "u" or "uw"
    is said with "je" in our catalogue (editors/admin_dutch.py), or is listed above as never shown. Found by looking:
    the search promotions' help and Django's password rules ("Uw wachtwoord mag niet ...") on a new colleague's
    first password."""
    import re

    import polib
    from django.utils.translation import gettext, ngettext

    formal = re.compile(r"\b(u|uw|Uw|U)\b")
    catalogues = _upstream_dutch_catalogues()
    assert any("wagtail" in str(po) for po in catalogues) and any("contrib/auth" in str(po) for po in catalogues)
    still_formal = []
    with translation.override("nl"):
        for po in catalogues:
            for entry in polib.pofile(str(po)):
                upstream = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
                if entry.obsolete or not formal.search(upstream) or entry.msgid.startswith(tuple(NEVER_SHOWN)):
                    continue
                if po.name == "djangojs.po":  # read by the browser: overridden in our djangojs.po, not seen here
                    still_formal.append(f"{po}: {entry.msgid}")
                    continue
                if entry.msgid_plural:
                    ours = ngettext(entry.msgid, entry.msgid_plural, 1) + ngettext(entry.msgid, entry.msgid_plural, 2)
                else:
                    ours = gettext(entry.msgid)
                if formal.search(ours):
                    still_formal.append(f"{po}: {entry.msgid}")
    assert still_formal == [], "add these to editors/admin_dutch.py with a 'je' translation"


def _inline_panel_labels() -> dict[str, str | None]:
    """Every `InlinePanel(...)` in our apps -> its `label=_("...")` (None when it has none)."""
    found = {}
    for app in settings.LOCAL_APPS:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InlinePanel":
                    label = next((k.value for k in node.keywords if k.arg == "label"), None)
                    text = label.args[0].value if isinstance(label, ast.Call) and label.args else None
                    found[f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}"] = text
    return found


def test_inline_panels_say_what_one_item_is_in_lowercase():
    """Wagtail writes an InlinePanel's label into its button, "Voeg {label} toe", and capitalises it for each item's
    heading ("Doorverwijzing 1"); the section has its own `heading`. So the label names one item, lowercase:
    "Voeg doorverwijzing toe", not "Voeg Doorverwijzing toe" or "Voeg Vragen op het formulier toe" (seen)."""
    labels = _inline_panel_labels()
    assert len(labels) >= 7  # the scan finds the panels (publications, settings, sign-up form, Meldpunt)
    wrong = {where: label for where, label in labels.items() if not label or not label[0].islower()}
    assert not wrong, f"give these a lowercase singular label= and a heading=: {wrong}"


@pytest.mark.parametrize(("language", "label"), [("nl", "Tekst van de externe link"), ("en", "External link text")])
def test_the_search_promotions_link_text_field_has_a_translated_label(admin_client, admin_user, language, label):
    """Wagtail gives `external_link_text` no verbose_name: its label was made from the field's name, so a Dutch
    colleague read "External link text" on Zoeken › Uitgelichte zoekresultaten › Toevoegen."""
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": language})
    html = admin_client.get("/admin/searchpicks/add/").content.decode()
    assert f">{label}<" in html.replace("\n", "").replace("  ", "")
    assert ("External link text" in html) == (language == "en")
