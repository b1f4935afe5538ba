"""The demo data loader: it refuses data it cannot load with a message naming the file and key, reads the
shorthand editors write, and loads idempotently."""

from __future__ import annotations

import copy
import functools
import io
import textwrap
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from demo import MICROSITE_HOSTNAME
from demo.data import Catalogue, Entry, read, read_file
from demo.loader import check, load
from demo.values import DemoDataError, convert_plain, rich_html
from home.models import ContentPage


@functools.cache
def _demo_entries() -> tuple[Entry, ...]:
    """The real demo data files, read once for this module: parsing their YAML is most of a check."""
    return tuple(read().entries)


def _catalogue(tmp_path: Path, *files: tuple[str, str, str]):
    """A catalogue of the real demo data plus `files` ((app, name, yaml)) after it, as if they were in the app."""
    extra = []
    for app, name, content in files:
        path = tmp_path / app / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
        extra += read_file(app, path)
    # A copy: a catalogue numbers its entries, and a check must not see another test's.
    return Catalogue([*copy.deepcopy(_demo_entries()), *extra])


def _refused(tmp_path: Path, content: str, app: str = "news") -> str:
    with pytest.raises(DemoDataError) as refused:
        check(_catalogue(tmp_path, (app, "9-extra.yaml", content)))
    return str(refused.value)


def test_the_demo_data_is_valid():
    check(read())


def test_unknown_model_label_is_refused_naming_file_and_key(tmp_path):
    message = _refused(
        tmp_path,
        """
        - key: kapot
          page: news.NieuwsPagina
          parent: nieuws
          title: Kapot
        """,
    )
    assert "9-extra.yaml" in message and "key 'kapot'" in message and "onbekend model 'news.NieuwsPagina'" in message


def test_dangling_reference_is_refused_naming_file_and_key(tmp_path):
    message = _refused(
        tmp_path,
        """
        - key: wees
          page: news.NewsPage
          parent: nieuws
          title: Wees
          themes: [home:bestaat-niet]
        """,
    )
    assert "9-extra.yaml" in message and "key 'wees'" in message and "'home:bestaat-niet'" in message
    assert "bestaat niet" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- key: x\n  page: home.ContentPage\n  parent: verdwenen\n  title: X\n", "'verdwenen'"),
        ("- key: x\n  snippet: home.HomePage\n  slug: x\n", "is geen snippet"),
        ("- key: x\n  page: home.ContentPage\n  parent: nieuws\n  titel: X\n", "onbekend veld 'titel'"),
        ("- key: x\n  page: home.ContentPage\n  parent: nieuws\n  body: [{alinea: x}]\n", "onbekend bloktype 'alinea'"),
        ("- key: nieuws\n  locale: fr\n", "deze key staat ook in news/demo/1-news.yaml"),
        ("- key: x\n  paginas: home.ContentPage\n", "na de key volgt de soort"),
        ("- key: x\n  snippet: events.Event\n  external_id: x\n  start: {week: 1, time: 19:30}\n", "aanhalingstekens"),
        (
            (
                "- key: x\n  setting: home.NavigationSettings\n  site: home:main-site\n"
                "  main_menu_items: [{link_page: y}]\n"
                "- key: y\n  page: home.ContentPage\n  parent: nieuws\n  title: Y\n"
            ),
            "pas verderop",
        ),
    ],
)
def test_other_mistakes_are_refused_naming_file_and_key(tmp_path, content, expected):
    message = _refused(tmp_path, content)
    assert "9-extra.yaml, key 'x'" in message or "9-extra.yaml, key 'nieuws'" in message
    assert expected in message


def test_rich_text_shorthand():
    assert rich_html("Een zin.") == "<p>Een zin.</p>"
    assert rich_html(["Een.", "Twee<br>regels."]) == "<p>Een.</p><p>Twee<br>regels.</p>"
    assert rich_html("<ul><li>Al HTML</li></ul>") == "<ul><li>Al HTML</li></ul>"


def test_microsite_hostname_is_the_one_in_the_data():
    sites = [entry for entry in read().entries if entry.kind == "site"]
    assert MICROSITE_HOSTNAME in {entry.value for entry in sites}


@pytest.mark.django_db
def test_seed_demo_again_reports_nothing_new():
    out = io.StringIO()
    call_command("seed_demo", verbosity=0, stdout=out)
    assert "Demo-inhoud klaar: 0 nieuw" in out.getvalue()


@pytest.mark.django_db
def test_loads_new_entries_once_with_links_to_pages_further_on_and_translations(tmp_path):
    catalogue = _catalogue(
        tmp_path,
        (
            "campaigns",
            "9-extra.yaml",
            """
            - key: wegwijzer
              page: home.ContentPage
              parent: home:home
              title: Wegwijzer
              body:
                - heading: Verder lezen
                - call_to_action:
                    title: Naar de uitleg
                    button_label: Lees
                    link: {page: uitleg, url: ''}
            - key: uitleg
              page: home.ContentPage
              parent: wegwijzer
              title: Uitleg
              body:
                - paragraph: [Eerste alinea., Tweede alinea.]
            - key: wegwijzer-english
              translate:
                - of: wegwijzer
                  strings:
                    - {nl: Wegwijzer, en: Signpost}
            """,
        ),
    )
    load(catalogue, log=lambda message: None)
    signpost = ContentPage.objects.get(slug="wegwijzer", locale__language_code="nl")
    explanation = ContentPage.objects.get(slug="uitleg")
    assert explanation.get_parent().pk == signpost.pk
    assert signpost.body[0].value["text"] == "Verder lezen" and signpost.body[0].value["level"] == "h2"
    assert signpost.body[1].value["link"]["page"].pk == explanation.pk  # filled in once "uitleg" existed
    assert explanation.body[0].value.source == "<p>Eerste alinea.</p><p>Tweede alinea.</p>"
    assert signpost.get_translations().get().title == "Signpost"
    counts = (Page.objects.count(), Site.objects.count())
    assert load(catalogue, log=lambda message: None).created == 0
    assert (Page.objects.count(), Site.objects.count()) == counts


@pytest.mark.django_db
def test_a_translation_row_that_matches_no_source_text_is_refused_naming_file_and_key(tmp_path):
    # The English contact page kept its Dutch paragraph: the row wrote the link as in the data file
    # (<a href=...>), wagtail-localize's string has it as the translation editor shows it (<a id="a1">).
    catalogue = _catalogue(
        tmp_path,
        (
            "campaigns",
            "9-extra.yaml",
            """
            - key: bereik
              page: home.ContentPage
              parent: home:home
              title: Bereikbaarheid
              body:
                - paragraph: 'Mail <a href="mailto:info@example.org">ons</a>.'
            - key: bereik-english
              translate:
                - of: bereik
                  strings:
                    - {nl: Bereikbaarheid, en: Opening hours}
                    - nl: 'Mail <a href="mailto:info@example.org">ons</a>.'
                      en: 'E-mail <a href="mailto:info@example.org">us</a>.'
            """,
        ),
    )
    with pytest.raises(DemoDataError) as refused:
        load(catalogue, log=lambda message: None)
    assert "9-extra.yaml, key 'bereik-english'" in str(refused.value)
    assert 'Mail <a href="mailto:info@example.org">ons</a>.' in str(refused.value)
    assert '<a id="a1">' in str(refused.value)  # how to write it instead


@pytest.mark.django_db
def test_every_text_the_demo_translates_is_translated():
    """Each page or snippet the demo translates has a translation for every one of its source texts, a name too
    (the same text): no Dutch sentence on the English site. The contact page's address and e-mail paragraph and the
    figures page's definitions were Dutch there."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    untranslated = []
    for translation in Translation.objects.select_related("source", "target_locale"):
        done = set(
            StringTranslation.objects.filter(locale=translation.target_locale).values_list("translation_of", "context")
        )
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
            if (segment.string_id, segment.context_id) not in done:
                untranslated.append((translation.target_locale.language_code, segment.string.data[:60]))
    assert untranslated == [], "\n".join(map(repr, untranslated))


def test_a_sites_languages_keep_only_those_the_installation_serves(settings):
    from home.models import SiteLanguages

    settings.LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
    field = SiteLanguages._meta.get_field("languages")
    assert convert_plain(field, ["nl", "en", "fr", "ar"], resolve=lambda reference: None) == ["nl", "en"]


def test_seed_demo_changes_nothing_once_staff_have_worked(django_user_model):
    """Issue 24 item 5: after staff edited every kind of demo object, seed_demo changes none of them (it refuses,
    saying why). Recognising objects by slug or name brought a corrected page back as a second page, a renamed
    funder as a duplicate, refilled cleared settings and removed menu links, reset the microsite's languages,
    brought back deleted themes and published over a pending draft."""
    from wagtail.log_actions import log
    from wagtail.models import Locale

    from home.models import NavigationSettings, OrganisationSettings, SiteLanguages, Theme
    from news.models import NewsPage
    from research.models import Funder

    editor = django_user_model.objects.create_superuser("redacteur", "r@example.org", "een-lang-wachtwoord-123")
    main_site = Site.objects.get(is_default_site=True)
    microsite = Site.objects.get(hostname=MICROSITE_HOSTNAME)
    page = NewsPage.objects.live().filter(locale__language_code="nl").first()
    page.slug = page.slug + "-verbeterd"
    page.save_revision(user=editor).publish(user=editor)  # the admin logs this with the editor
    drafted = ContentPage.objects.live().filter(locale__language_code="nl").first()
    drafted.title = "Concept van de redactie"
    drafted.save_revision(user=editor)  # a pending draft
    funder = Funder.objects.first()
    funder.name = "Hernoemd fonds"
    funder.save()
    log(funder, "wagtail.edit", user=editor)
    organisation = OrganisationSettings.for_site(main_site)
    organisation.phone = ""
    organisation.mastodon_url = ""
    organisation.save()
    navigation = NavigationSettings.for_site(main_site)
    navigation.main_menu_items.all().last().delete()
    menu_items = navigation.main_menu_items.count()
    languages = SiteLanguages.for_site(microsite)
    languages.languages = ["nl", "en"]
    languages.save()
    theme = Theme.objects.filter(locale=Locale.get_default()).last()
    theme.delete()

    counts = (Page.objects.count(), Funder.objects.count(), Theme.objects.count())
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert "Er is al gewerkt in deze database" in out.getvalue() and "redacteur" in out.getvalue()
    assert (Page.objects.count(), Funder.objects.count(), Theme.objects.count()) == counts
    assert not NewsPage.objects.filter(slug=page.slug.removesuffix("-verbeterd")).exists()
    assert Funder.objects.get(pk=funder.pk).name == "Hernoemd fonds"
    organisation = OrganisationSettings.for_site(main_site)
    assert (organisation.phone, organisation.mastodon_url) == ("", "")
    assert NavigationSettings.for_site(main_site).main_menu_items.count() == menu_items
    assert SiteLanguages.for_site(microsite).languages == ["nl", "en"]
    assert not Theme.objects.filter(pk=theme.pk).exists()
    drafted = ContentPage.objects.get(pk=drafted.pk)
    assert drafted.has_unpublished_changes
    assert drafted.get_latest_revision().content["title"] == "Concept van de redactie"
