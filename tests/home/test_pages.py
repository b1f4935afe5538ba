"""Page-tree rules, rendering and query budgets of the home app's page types."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Page

from campaigns.models import MicrositeHomePage
from home.models import ContentPage, HomePage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_page_tree_rules(home_page):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root) is False  # one home page per parent, and the demo has one
    assert ContentPage.can_create_at(home_page)
    about = home_page.get_children().get(slug="over-los").specific
    assert ContentPage.can_create_at(about)
    assert not HomePage.can_create_at(about)
    assert not ContentPage.can_create_at(root)
    assert not MicrositeHomePage.can_create_at(home_page)


def test_home_page_renders_intro_themes_and_navigation(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl" dir="ltr">' in html
    assert "Landelijk Ongedocumenteerden Steunpunt" in html
    for theme in ("Basisrechten", "Routes naar verblijf", "Controle en detentie"):
        assert theme in html
    assert 'href="/over-los/"' in html and 'href="/helpdesk/"' in html
    assert 'class="skip-link" href="#main"' in html
    assert "Kanaalstraat 243" in html


def test_content_page_shows_last_checked_date_breadcrumbs_and_children(client, home_page):
    about = home_page.get_children().get(slug="over-los").specific
    about.last_checked = datetime.date(2026, 3, 12)
    about.save_revision().publish()
    response = client.get("/over-los/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Laatst gecontroleerd op" in html and "12 maart 2026" in html
    assert 'aria-label="Kruimelpad"' in html
    assert 'href="/over-los/contact/"' in html  # child listing


def test_english_version_is_prefixed_and_translated(client):
    response = client.get("/en/about-los/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "About LOS" in html
    # The language switcher links to the Dutch original of this page, not to the home page.
    assert 'href="/over-los/" lang="nl"' in html


def test_unknown_page_gets_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


@pytest.mark.parametrize("children", [3, 30])
def test_content_page_query_budget_does_not_grow_with_children(
    client, home_page, django_assert_max_num_queries, children
):
    parent = ContentPageFactory(parent=home_page, slug="budget", title="Budget")
    for _ in range(children):
        ContentPageFactory(parent=parent)
    client.get("/budget/")  # warm the site-root cache, as production would be
    with django_assert_max_num_queries(30):
        response = client.get("/budget/")
    assert response.status_code == 200


def test_home_page_query_budget(client, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(30):
        assert client.get("/").status_code == 200


def test_microsite_home_renders_on_its_own_host(client):
    response = client.get("/", HTTP_HOST="ilegalevrouw.localhost:8000")
    assert response.status_code == 200
    html = response.content.decode()
    assert "site-microsite" in html
    assert "iLegalevrouw" in html
    assert "Stichting LOS | Landelijk" not in html


def test_hero_image_requires_alt_text(home_page):
    from django.core.exceptions import ValidationError

    home_page.hero_image_alt = ""
    with pytest.raises(ValidationError):
        home_page.full_clean()


def test_microsite_home_query_budget(client, django_assert_max_num_queries):
    client.get("/", HTTP_HOST="ilegalevrouw.localhost")
    with django_assert_max_num_queries(30):
        assert client.get("/", HTTP_HOST="ilegalevrouw.localhost").status_code == 200
