"""Page types: where they may be created, that they render within a query budget, the API, related items."""

from __future__ import annotations

import pytest
from django.utils import timezone
from wagtail.models import Page

from campaigns import related
from campaigns.models import (
    PALETTE,
    CampaignIndexPage,
    CampaignPage,
    HelpFinderPage,
    MicrositeHomePage,
    MicrositePage,
    ProjectIndexPage,
    ProjectPage,
    SignupFormPage,
)
from home.models import ContentPage, HomePage, Theme
from tests.factories.campaigns import CampaignPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (ProjectIndexPage, HomePage, True),
        (CampaignIndexPage, HomePage, True),
        (ProjectPage, ProjectIndexPage, True),
        (CampaignPage, CampaignIndexPage, True),
        (CampaignPage, HomePage, False),
        (SignupFormPage, CampaignPage, True),
        (SignupFormPage, ProjectPage, True),
        (SignupFormPage, MicrositePage, False),
        (SignupFormPage, MicrositeHomePage, False),
        (MicrositePage, MicrositeHomePage, True),
        (HelpFinderPage, MicrositeHomePage, True),
        (MicrositePage, HomePage, False),
        (ContentPage, MicrositeHomePage, False),
    ],
)
def test_where_pages_can_be_created(child, parent, allowed):
    assert (child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()) is allowed


@pytest.mark.parametrize(
    "path",
    [
        "/projecten/",
        "/projecten/meldpunt-vreemdelingendetentie/",
        "/campagnes/",
        "/campagnes/geen-strafbaarstelling/",
        "/campagnes/zorg-in-detentie/petitie/",
        "/campagnes/zorg-in-detentie/petitie/?bedankt=1",
    ],
)
def test_pages_render(client, path):
    assert client.get(path).status_code == 200


def test_project_page_shows_the_hotline_and_how_to_report(client):
    html = client.get("/projecten/meldpunt-vreemdelingendetentie/").content.decode()
    assert 'href="tel:08000230023"' in html and "Zo meld je" in html


def test_campaign_page_is_themed_and_shares_without_loading_anything(client):
    html = client.get("/campagnes/geen-strafbaarstelling/").content.decode()
    assert 'class="campaign campaign-colour-rood' in html
    assert "style=" not in html.split("<body", 1)[1]  # a future CSP forbids inline styles
    assert 'href="https://wa.me/?text=' in html and "Deel deze campagne" in html
    assert "In cijfers" in html and "Tijdlijn" in html and "Coalitiepartners" in html


def test_every_palette_colour_meets_wcag_aa_with_white_text():
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for _label, brand, dark in PALETTE.values():
        for colour in (brand, dark):
            assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_campaign_index_lists_running_and_ended(client):
    index = CampaignIndexPage.objects.get()
    CampaignPageFactory(parent=index, title="Oude campagne", end_date=timezone.localdate().replace(year=2020))
    response = client.get("/campagnes/")
    assert [c.title for c in response.context["ended"]] == ["Oude campagne"]
    assert "Hulp bieden is geen misdaad" in [c.title for c in response.context["running"]]


@pytest.mark.parametrize(
    ("path", "factory", "model"),
    [("/projecten/", ProjectPageFactory, ProjectIndexPage), ("/campagnes/", CampaignPageFactory, CampaignIndexPage)],
)
def test_index_query_budget_does_not_grow(client, django_assert_max_num_queries, path, factory, model):
    index = model.objects.get()
    client.get(path)
    with django_assert_max_num_queries(30):
        client.get(path)
    for _ in range(15):
        factory(parent=index)
    with django_assert_max_num_queries(30):
        response = client.get(path)
    assert response.status_code == 200


def test_campaign_page_query_budget(client, django_assert_max_num_queries):
    client.get("/campagnes/geen-strafbaarstelling/")
    with django_assert_max_num_queries(45):
        client.get("/campagnes/geen-strafbaarstelling/")


def test_api_lists_projects_campaigns_and_microsite_pages(client):
    projects = client.get("/api/v2/pages/", {"type": "campaigns.ProjectPage", "fields": "hotline_phone,themes"})
    assert projects.status_code == 200
    items = {item["title"]: item for item in projects.json()["items"]}
    assert items["Meldpunt Vreemdelingendetentie"]["hotline_phone"] == "0800 023 0023"
    campaigns = client.get("/api/v2/pages/", {"type": "campaigns.CampaignPage", "fields": "tagline,colour,body"})
    assert {i["colour"] for i in campaigns.json()["items"]} == {"rood", "nachtblauw"}
    # The API lists the pages of the site it is asked on: the microsite's pages on the microsite's host.
    micro = client.get(
        "/api/v2/pages/", {"type": "campaigns.MicrositePage", "fields": "intro"}, HTTP_HOST="ilegalevrouw.localhost"
    )
    assert {"Huiselijk geweld", "Veilig surfen"} <= {i["title"] for i in micro.json()["items"]}
    petition = client.get("/api/v2/pages/", {"type": "campaigns.SignupFormPage", "fields": "public_count"}).json()
    assert all("public_count" in item for item in petition["items"])


# Related items: the mechanism is tested with ContentPage as a stand-in for news (it has `themes` but no
# `related_page`); the real NewsPage, Event and PublicationPage are built in other branches.


def test_related_items_are_empty_while_the_other_apps_are_absent(rf):
    project = ProjectPage.objects.get(slug="meldpunt-vreemdelingendetentie")
    assert related.optional_model("news", "NewsPage") is None or related.related_items(project, rf.get("/"))
    assert related.optional_model("nope", "Nothing") is None
    assert related.related_to(None, project) == []


def test_related_items_match_by_theme_live_and_in_the_same_locale(rf):
    project = ProjectPage.objects.get(slug="meldpunt-vreemdelingendetentie")
    detention = Theme.objects.get(slug="controle-en-detentie", locale=project.locale)
    page = ContentPage.objects.get(slug="vreemdelingendetentie")
    assert related.related_to(ContentPage, project, rf.get("/")) == []
    page.themes.add(detention)
    page.save()
    links = related.related_to(ContentPage, project, rf.get("/"))
    assert [link.title for link in links] == ["Vreemdelingendetentie: wat nu?"]
    assert links[0].url == "/helpdesk/vreemdelingendetentie/"
    page.unpublish()
    assert related.related_to(ContentPage, project, rf.get("/")) == []


def test_related_items_without_matching_fields_are_empty():
    project = ProjectPage.objects.get(slug="meldpunt-vreemdelingendetentie")
    assert related.related_to(Page, project) == []  # no themes, no related_page
    assert related.microsite_news() == [] or related.optional_model("news", "NewsPage") is not None
