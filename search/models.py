"""Search data: extracted PDF text, aggregated query counts and the editor-managed synonym list."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class DocumentText(models.Model):
    """The plain text of an uploaded document (PDF), extracted when the document is saved, for search."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    text = models.TextField(_("tekst"), blank=True)
    file_hash = models.CharField(_("bestandskenmerk"), max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("uitgelezen op"), auto_now=True)

    class Meta:
        verbose_name = _("documenttekst")
        verbose_name_plural = _("documentteksten")

    def __str__(self) -> str:
        return str(self.document)


class SearchTermCount(models.Model):
    """How often a (normalised, short) query was searched on one day, and how often it found nothing.

    No visitor, address or time of day is stored; counts are buffered in the cache and written in batches."""

    term = models.CharField(_("zoekterm"), max_length=60)
    language = models.CharField(_("taal"), max_length=8)
    date = models.DateField(_("datum"))
    searches = models.PositiveIntegerField(_("aantal zoekopdrachten"), default=0)
    zero_results = models.PositiveIntegerField(_("waarvan zonder resultaat"), default=0)

    class Meta:
        verbose_name = _("zoektermtelling")
        verbose_name_plural = _("zoektermtellingen")
        constraints = [
            models.UniqueConstraint(fields=["term", "language", "date"], name="search_term_count_unique_day")
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.date})"


@register_setting(icon="search")
class SearchSettings(BaseGenericSetting):
    """Search words that mean the same (synonyms), per language, maintained by editors."""

    synonyms_nl = models.TextField(
        _("synoniemen (Nederlands)"),
        blank=True,
        help_text=_(
            "Eén groep per regel, woorden gescheiden door komma's. Bijvoorbeeld: "
            "ongedocumenteerd, papierloos, zonder verblijfsvergunning"
        ),
    )
    synonyms_en = models.TextField(
        _("synoniemen (Engels)"),
        blank=True,
        help_text=_("Eén groep per regel, woorden gescheiden door komma's. Bijvoorbeeld: undocumented, irregular"),
    )

    panels = [
        HelpPanel(
            content=_(
                "Synoniemen werken in de grote zoekmachine (Elasticsearch). Na een wijziging moet de zoekindex "
                "opnieuw worden opgebouwd; dat gebeurt automatisch bij de volgende herbouw."
            )
        ),
        FieldPanel("synonyms_nl"),
        FieldPanel("synonyms_en"),
    ]

    class Meta:
        verbose_name = _("zoeken")

    def synonym_lines(self, language_code: str) -> list[str]:
        """Synonym groups in Solr format ("a, b, c"), cleaned, for an Elasticsearch synonym filter."""
        raw = self.synonyms_en if language_code.startswith("en") else self.synonyms_nl
        lines = []
        for line in raw.splitlines():
            words = [" ".join(word.split()).lower() for word in line.split(",")]
            words = [word for word in words if word and "=>" not in word]
            if len(words) > 1:
                lines.append(", ".join(words))
        return lines
