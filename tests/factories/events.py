"""Factories for the agenda."""

import datetime

import factory

from events.models import AMSTERDAM, Event


class EventFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    start = factory.Sequence(
        lambda n: datetime.datetime(2030, 1, 1, 19, 30, tzinfo=AMSTERDAM) + datetime.timedelta(days=n % 300)
    )
    city = "Utrecht"
    location = "Buurthuis"

    class Meta:
        model = Event
