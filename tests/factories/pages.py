"""Factories for the home app's page types."""

import factory
import wagtail_factories

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    intro = "Welkom"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhoudspagina {n}")
    intro = "Een korte introductie."

    class Meta:
        model = ContentPage
