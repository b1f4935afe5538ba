"""The page chooser of an empty sign-up block in the campaign editor opens at the campaign, where its forms are
(campaigns/static/campaigns/js/signup-chooser.js), not at the top of the page tree (issue 16)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignPage, SignupFormPage

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e


def test_an_empty_sign_up_block_chooses_among_the_campaign_s_forms(live_site: str, staff_page):
    campaign = CampaignPage.objects.get(slug="zorg-in-detentie")
    own_form = SignupFormPage.objects.child_of(campaign).first()
    page = staff_page("Redactie", f"/admin/pages/{campaign.pk}/edit/")
    expect(page.locator("#id_title")).to_be_visible()

    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=re.compile(r"^Aanmeldformulier")).click()
    with page.expect_request(re.compile(r"/admin/choose-page/")) as opened:
        page.locator(".page-chooser.blank [data-chooser-action-choose]").last.click()
    assert f"/admin/choose-page/{campaign.pk}/?" in opened.value.url
    assert "page_type=campaigns.signupformpage" in opened.value.url
    modal = page.locator(".modal-content")
    expect(modal.get_by_role("link", name=own_form.title)).to_be_visible()  # one click from the form
    keep_screenshot(page, "staff/campaign-signup-chooser.png")
