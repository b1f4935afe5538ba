"""Fixtures of the research tests: the demo publications overview and its publications."""

from __future__ import annotations

import pytest

from research.models import PublicationIndexPage, PublicationPage


@pytest.fixture
def publication_index(home_page) -> PublicationIndexPage:
    return PublicationIndexPage.objects.get(slug="publicaties", locale=home_page.locale)


@pytest.fixture
def article(publication_index) -> PublicationPage:
    return PublicationPage.objects.get(slug="rechtspositie-tijdens-uitzetting")


@pytest.fixture
def report(publication_index) -> PublicationPage:
    return PublicationPage.objects.get(slug="medische-zorg-in-vreemdelingendetentie")
