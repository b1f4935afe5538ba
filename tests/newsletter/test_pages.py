"""The newsletter page, its microsite twin and "Steun LOS": where they may go, what they show, what they cost."""

from __future__ import annotations

import pytest
from wagtail.test.utils import WagtailTestUtils

from campaigns.models import CampaignPage, MicrositeHomePage
from home.models import ContentPage, HomePage
from newsletter.models import NewsletterPage, SupportPage

pytestmark = pytest.mark.django_db


def test_where_the_pages_may_be_made():
    assert NewsletterPage.can_create_at(HomePage()) is True or NewsletterPage.parent_page_types
    assert set(NewsletterPage.allowed_parent_page_models()) == {HomePage, MicrositeHomePage}
    assert set(SupportPage.allowed_parent_page_models()) == {HomePage}
    assert ContentPage not in NewsletterPage.allowed_parent_page_models()
    assert NewsletterPage.allowed_subpage_models() == [] and SupportPage.allowed_subpage_models() == []


def test_the_newsletter_page_offers_its_lists(client, newsletter_page, los_list, women_list):
    response = client.get("/nieuwsbrief/")
    assert response.status_code == 200
    assert los_list.name in response.text and women_list.name in response.text
    assert 'type="email"' in response.text
    assert "/nieuwsbrief/archief/" in response.text
    assert not response.cookies


def test_the_microsite_has_its_own_form_with_its_own_list(client, microsite, women_list, los_list):
    response = client.get("/nieuwsbrief/", headers={"host": microsite.hostname})
    assert response.status_code == 200
    assert women_list.name in response.text and los_list.description not in response.text


def test_the_pages_stay_within_a_query_budget(client, newsletter_page, support_page, django_assert_max_num_queries):
    client.get("/nieuwsbrief/")  # warm the site's fragments
    with django_assert_max_num_queries(40):
        assert client.get("/nieuwsbrief/").status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get("/nieuwsbrief/archief/").status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(support_page.url).status_code == 200


def test_the_support_page_shows_how_to_give_without_anything_from_elsewhere(client, support_page):
    response = client.get(support_page.url)
    assert response.status_code == 200
    text = response.text
    assert support_page.iban in text and support_page.account_holder in text
    assert f'data-copy-value="{support_page.iban_compact}"' in text  # the copy button (hidden without JavaScript)
    assert "ANBI" in text and "RSIN" in text and "Periodiek schenken" in text
    assert "https://" not in text.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_support_block_on_a_campaign_page(client, support_page):
    campaign = CampaignPage.objects.live().first()
    campaign.body.append(
        (
            "support",
            {
                "heading": "Help mee",
                "text": "Elke gift telt.",
                "page": support_page,
                "button_label": "Geef",
                "show_account": True,
            },
        )
    )
    campaign.save_revision().publish()
    response = client.get(campaign.url)
    assert "Help mee" in response.text and support_page.iban in response.text
    assert f'href="{support_page.relative_url(campaign.get_site())}"' in response.text


class TestAdminCreation(WagtailTestUtils):
    def test_editors_can_add_both_pages_under_the_home_page(self, home_page):
        assert NewsletterPage in home_page.specific_class.allowed_subpage_models()
        assert SupportPage in home_page.specific_class.allowed_subpage_models()
