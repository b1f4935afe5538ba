"""Blocks for publication bodies: the shared blocks plus chapters that feed the table of contents."""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from figures.blocks import FiguresChartBlock
from home.blocks import BaseStreamBlock
from meldpunt.blocks import MeldpuntChartBlock


class SectionBlock(blocks.StructBlock):
    """A chapter of a publication: a title (listed in the table of contents) and its content."""

    title = blocks.CharBlock(
        label=_("Titel van het hoofdstuk"),
        max_length=150,
        help_text=_("Komt in de inhoudsopgave bovenaan de publicatie."),
    )
    content = BaseStreamBlock(label=_("Inhoud van het hoofdstuk"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Hoofdstuk")
        template = "research/blocks/section_block.html"


class PublicationStreamBlock(BaseStreamBlock):
    """The body of a publication: chapters, the shared blocks between them, and charts of the shelter figures and
    of the Meldpunt (its annual report)."""

    section = SectionBlock()
    figures_chart = FiguresChartBlock()
    meldpunt_chart = MeldpuntChartBlock()


def section_anchor(number: int, title: str) -> str:
    """The id of a chapter heading: numbered, so two chapters with the same title still get distinct ids."""
    return f"h{number}-{slugify(title)[:60]}".rstrip("-")
