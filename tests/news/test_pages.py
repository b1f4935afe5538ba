"""Page-tree rules, fields and rendering of the news index and news items."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import ContentPage, HomePage
from news.models import NewsIndexPage, NewsKind, NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_page_tree_rules(home_page, news_index):
    assert NewsIndexPage.can_create_at(home_page) is False  # one news index per home page; the demo has it
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home_page)
    assert not ContentPage.can_create_at(news_index)
    assert not NewsIndexPage.can_create_at(Page.get_first_root_node())
    assert NewsIndexPage in HomePage.allowed_subpage_models()
    assert news_index.url_path.endswith("/nieuws/")


def test_publication_date_defaults_to_first_publication(news_index):
    page = NewsPage(title="Nieuw bericht", slug="nieuw-bericht", intro="Samenvatting.", live=False)
    news_index.add_child(instance=page)
    page.save_revision()
    page.refresh_from_db()
    assert page.publication_date is None  # a draft has no date yet
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == page.first_published_at
    # A later publication keeps the first date.
    first = page.publication_date
    page.title = "Nieuw bericht, aangepast"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == first


def test_editor_can_set_an_earlier_publication_date(news_index):
    earlier = datetime.datetime(2024, 3, 1, 10, tzinfo=datetime.UTC)
    page = NewsPageFactory(parent=news_index, publication_date=earlier)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == earlier


def test_validation_of_media_items_and_image_alt_text(news_index):
    page = NewsPage(title="Uit de krant", slug="uit-de-krant", intro="x", kind=NewsKind.MEDIA)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "source_url" in error.value.message_dict
    page.source_url = "https://nos.nl/artikel/1"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "source_name" in error.value.message_dict


def test_news_page_renders_its_fields(client, news_index, themes):
    page = NewsPageFactory(
        parent=news_index,
        title="Rechter: detentie onrechtmatig",
        slug="rechter-detentie",
        intro="De rechter heft de detentie op.",
        kind=NewsKind.CASE_LAW,
        source_url="https://www.rechtspraak.nl/uitspraak/1",
        source_name="Rechtspraak.nl",
    )
    page.themes = [themes["controle-en-detentie"]]
    page.tags.add("detentie")
    page.save_revision().publish()
    html = client.get("/nieuws/rechter-detentie/").content.decode()
    assert "<h1>Rechter: detentie onrechtmatig</h1>" in html
    assert "Jurisprudentie" in html
    assert 'href="https://www.rechtspraak.nl/uitspraak/1" rel="noopener noreferrer">Rechtspraak.nl</a>' in html
    assert 'href="/nieuws/?theme=controle-en-detentie">Controle en detentie</a>' in html
    assert 'href="/nieuws/?tag=detentie">detentie</a>' in html


def test_related_page_is_linked_only_when_live(client, news_index, home_page):
    about = home_page.get_children().get(slug="over-los")
    page = NewsPageFactory(parent=news_index, slug="met-project", related_page=about)
    page.save_revision().publish()
    assert 'Hoort bij: <a href="/over-los/">Over LOS</a>' in client.get("/nieuws/met-project/").content.decode()
    about.unpublish()
    assert "Hoort bij:" not in client.get("/nieuws/met-project/").content.decode()


def test_drafts_are_not_public(client, news_index):
    page = NewsPage(title="Geheim concept", slug="geheim-concept", intro="Nog niet af.")
    news_index.add_child(instance=page)
    page.save_revision()
    Page.objects.filter(pk=page.pk).update(live=False)
    assert client.get("/nieuws/geheim-concept/").status_code == 404
    assert "Geheim concept" not in client.get("/nieuws/").content.decode()
    assert client.get("/nieuws/geheim-concept/deelafbeelding/").status_code == 404


def test_english_news_is_prefixed_and_translated(client):
    response = client.get("/en/news/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Detention hotline: more reports about medical care in detention" in html
    assert "Meldpunt Vreemdelingendetentie: meer meldingen" not in html  # only the English items
