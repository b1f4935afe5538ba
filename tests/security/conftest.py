"""Fixtures for the security tests: the public URL of every page type, staff users, switches for 2FA/axes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from events.models import Event, EventIndexPage

STAFF_PASSWORD = "een-lang-en-sterk-wachtwoord-2026"


@pytest.fixture
def staff_user(db):
    user = get_user_model().objects.create_superuser("redacteur", "redacteur@example.org", STAFF_PASSWORD)
    return user


@pytest.fixture
def two_factor_on(settings):
    settings.LOS_ADMIN_REQUIRE_2FA = True


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


@pytest.fixture
def event_url(db, main_site) -> str:
    index = EventIndexPage.objects.live().descendant_of(main_site.root_page).first()
    event = Event.objects.order_by("pk").first()
    return index.specific.event_url(event)


MAIN_SITE_PATHS = [
    "/",
    "/over-los/",
    "/over-los/privacy/",
    "/over-los/fondsen/",
    "/nieuws/",
    "/nieuws/meldpunt-jaarrapport-2026/",
    "/publicaties/",
    "/publicaties/medische-zorg-in-vreemdelingendetentie/",
    "/agenda/",
    "/campagnes/",
    "/campagnes/geen-strafbaarstelling/",
    "/campagnes/geen-strafbaarstelling/onderteken/",
    "/projecten/",
    "/projecten/meldpunt-vreemdelingendetentie/",
    "/zoeken/?q=zorg",
    "/en/",
    "/en/news/",
]
MICROSITE_PATHS = ["/", "/huiselijk-geweld/", "/hulp-zoeken/"]
