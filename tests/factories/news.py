"""Factories for the news app's page types."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from news.models import NewsIndexPage, NewsKind, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"
    slug = "nieuws"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    intro = "Een korte samenvatting van het bericht."
    kind = NewsKind.LOS_NEWS
    publication_date = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Meta:
        model = NewsPage
