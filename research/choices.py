"""The fixed vocabularies of publications: what kind of publication it is and the language it is written in.

Kept apart from the models so that the citation formats (research/citations.py) can map them without importing
the models that use those formats.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationType(models.TextChoices):
    """The kinds of publication LOS makes."""

    REPORT = "report", _("rapport")
    ARTICLE = "article", _("artikel in een tijdschrift")
    ANNUAL_REPORT = "annual_report", _("jaarverslag")
    FACTSHEET = "factsheet", _("factsheet")
    POSITION_PAPER = "position_paper", _("standpunt")
    STUDENT_RESEARCH = "student_research", _("studentenonderzoek")


# Languages a publication itself is written in (independent of the language of the page about it).
PUBLICATION_LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("Engels")),
    ("fr", _("Frans")),
    ("de", _("Duits")),
    ("es", _("Spaans")),
    ("ar", _("Arabisch")),
]
