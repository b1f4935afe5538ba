from __future__ import annotations

import pytest

from campaigns.models import CampaignPage, SignupFormPage


@pytest.fixture
def petition(db) -> SignupFormPage:
    return SignupFormPage.objects.get(slug="petitie")


@pytest.fixture
def sign_on(db) -> SignupFormPage:
    return SignupFormPage.objects.get(slug="onderteken")


@pytest.fixture
def medical_campaign(db) -> CampaignPage:
    return CampaignPage.objects.get(slug="zorg-in-detentie")
