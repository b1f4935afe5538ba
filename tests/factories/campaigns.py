"""Factories for the campaigns app."""

import factory
import wagtail_factories

from campaigns.models import CampaignPage, HelpLocation, ProjectPage, SignupFormPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    intro = "Een project."

    class Meta:
        model = ProjectPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campagne {n}")
    tagline = "Doe mee"
    colour = "groen"

    class Meta:
        model = CampaignPage


class SignupFormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formulier {n}")
    show_counter = True

    class Meta:
        model = SignupFormPage


class HelpLocationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Hulpadres {n}")
    kind = HelpLocation.Kind.SHELTER
    city = "Utrecht"

    class Meta:
        model = HelpLocation
