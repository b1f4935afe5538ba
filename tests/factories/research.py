"""Factories for the research app: funders and publications."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from demo.pdf import make_pdf
from research.models import Funder, PublicationAuthor, PublicationPage, PublicationType


class FunderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testfonds {n}")
    logo = factory.SubFactory(wagtail_factories.ImageFactory)
    logo_alt = factory.LazyAttribute(lambda o: f"Logo van {o.name}")
    acknowledgement = factory.LazyAttribute(lambda o: f"Mogelijk gemaakt door {o.name}.")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Funder


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publicatie {n}")
    publication_type = PublicationType.REPORT
    publication_date = datetime.date(2020, 1, 1)
    summary = "Een samenvatting."

    class Meta:
        model = PublicationPage


def add_author(page: PublicationPage, name: str, **fields) -> PublicationAuthor:
    """Add an author to a saved publication (published again so the live page shows it)."""
    author = PublicationAuthor.objects.create(page=page, name=name, sort_order=page.authors.count(), **fields)
    return author


def pdf_document(pages: int = 3, title: str = "Test-PDF"):
    """A real PDF document with `pages` pages."""
    data = make_pdf(title, ["Regel een", "Regel twee"], pages)
    document = get_document_model()(title=title)
    document.file = ContentFile(data, name="test.pdf")
    document.save()
    return document
