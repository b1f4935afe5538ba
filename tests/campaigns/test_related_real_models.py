"""Project and campaign pages list the real news, publications and events that belong to them."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from campaigns.models import ProjectPage
from home.models import Theme
from news.models import NewsIndexPage
from research.models import PublicationIndexPage
from tests.factories.events import EventFactory
from tests.factories.news import NewsPageFactory
from tests.factories.research import PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    page = ProjectPage.objects.get(slug="meldpunt-vreemdelingendetentie")
    page.themes.set([])  # only what is linked explicitly below
    page.save_revision().publish()
    return ProjectPage.objects.get(pk=page.pk)


def test_project_lists_news_and_publications_that_name_it(client, project, main_site):
    news = NewsPageFactory(
        parent=NewsIndexPage.objects.get(locale__language_code="nl"),
        title="Meldpunt ontvangt recordaantal meldingen",
        related_page=project,
    )
    publication = PublicationPageFactory(
        parent=PublicationIndexPage.objects.get(locale__language_code="nl"),
        title="Rapport van het Meldpunt over 2026",
        related_project=project,
    )
    html = client.get(project.get_url()).content.decode()
    assert news.title in html and f'href="{news.relative_url(main_site)}"' in html
    assert publication.title in html and f'href="{publication.relative_url(main_site)}"' in html


def test_project_lists_upcoming_events_of_its_theme_but_not_past_ones(client, project):
    theme = Theme.objects.get(slug="controle-en-detentie", locale__language_code="nl")
    project.themes.set([theme])
    project.save_revision().publish()
    upcoming = EventFactory(title="Training detentiebezoek", start=timezone.now() + datetime.timedelta(days=10))
    upcoming.themes.set([theme])
    past = EventFactory(title="Vorige training detentiebezoek", start=timezone.now() - datetime.timedelta(days=10))
    past.themes.set([theme])
    html = client.get(project.get_url()).content.decode()
    assert "Training detentiebezoek" in html
    assert "Vorige training detentiebezoek" not in html


def test_microsite_home_lists_news_flagged_for_it(client, microsite):
    NewsPageFactory(
        parent=NewsIndexPage.objects.get(locale__language_code="nl"),
        title="Nieuwe folder voor vrouwen zonder papieren",
        show_on_microsite=True,
    )
    NewsPageFactory(parent=NewsIndexPage.objects.get(locale__language_code="nl"), title="Alleen voor de hoofdsite")
    html = client.get("/", HTTP_HOST="ilegalevrouw.localhost").content.decode()
    assert "Nieuwe folder voor vrouwen zonder papieren" in html
    assert "Alleen voor de hoofdsite" not in html
