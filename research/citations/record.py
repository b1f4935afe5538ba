"""What every citation format reads from a publication, looked up once: authors, addresses, kind and pages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from django.http import HttpRequest

from research.choices import PublicationType

if TYPE_CHECKING:
    from research.models import PublicationAuthor, PublicationPage

PUBLISHER = "Stichting LOS"
PUBLISHER_PLACE = "Utrecht"


class Kind(NamedTuple):
    """What one kind of publication is called in each format."""

    bibtex: str
    ris: str
    csl: str
    schema_org: str


KINDS: dict[str, Kind] = {
    PublicationType.REPORT: Kind("techreport", "RPRT", "report", "Report"),
    PublicationType.ARTICLE: Kind("article", "JOUR", "article-journal", "ScholarlyArticle"),
    PublicationType.ANNUAL_REPORT: Kind("techreport", "RPRT", "report", "Report"),
    PublicationType.FACTSHEET: Kind("misc", "GEN", "document", "Report"),
    PublicationType.POSITION_PAPER: Kind("techreport", "RPRT", "report", "Report"),
    PublicationType.STUDENT_RESEARCH: Kind("techreport", "RPRT", "report", "Report"),
}


def _absolute(request: HttpRequest | None, url: str) -> str:
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


@dataclass
class Citable:
    """One publication as the citation formats see it, for one request (addresses use the visitor's host)."""

    publication: PublicationPage
    authors: list[PublicationAuthor]
    request: HttpRequest | None = None

    @classmethod
    def of(
        cls, publication: PublicationPage, request: HttpRequest | None = None, authors: list | None = None
    ) -> Citable:
        """The record of `publication`; pass the authors when the caller has read them already (one query less)."""
        return cls(publication, list(publication.authors.all()) if authors is None else authors, request)

    @property
    def kind(self) -> Kind:
        return KINDS.get(self.publication.publication_type, KINDS[PublicationType.REPORT])

    @cached_property
    def page_url(self) -> str:
        """The absolute address of the publication page, on the host the visitor used (like the PDF address)."""
        if self.request is None:
            return self.publication.get_full_url() or ""
        return _absolute(self.request, self.publication.get_url(request=self.request) or "")

    @cached_property
    def pdf_url(self) -> str:
        publication = self.publication
        return _absolute(self.request, publication.pdf.url) if publication.pdf_id and publication.pdf else ""

    @property
    def locator(self) -> str:
        """Where a reader finds the publication: its address elsewhere (a journal's site) or this page."""
        return self.publication.external_url or self.page_url

    def names(self) -> list[tuple[str, str]]:
        """(given names, family name) of every author, in order."""
        return [author.split_name() for author in self.authors]

    def inverted_names(self) -> list[str]:
        """'family, given' of every author, as RIS and Google Scholar want them."""
        return [f"{family}, {given}" if given else family for given, family in self.names()]

    @property
    def page_range(self) -> tuple[str, str]:
        """(first page, last page) of '112-129' or '112–129'; ('', '') without pages."""
        parts = re.split(r"\s*[-–]\s*", self.publication.pages.strip(), maxsplit=1)
        first = parts[0] if parts and parts[0] else ""
        last = parts[1] if len(parts) > 1 else ""
        return first, last

    def article_fields(self, names: dict[str, str]) -> dict[str, str]:
        """Where an article appeared, under each format's own field names, leaving out what is empty.

        `names` maps what the format wants (`journal`, `volume`, `issue`, `pages`, `first_page`, `last_page`)
        to its name for it; the journal fields of anything but an article are never written.
        """
        publication = self.publication
        if not publication.is_article:
            return {}
        first, last = self.page_range
        values = {
            "journal": publication.journal,
            "volume": publication.volume,
            "issue": publication.issue,
            "pages": publication.pages,
            "first_page": first,
            "last_page": last,
        }
        return {name: values[key] for key, name in names.items() if values[key]}

    @property
    def key(self) -> str:
        """'devries2015medische': first author's family name, year, first title word; ASCII only."""
        family = self.names()[0][1] if self.authors else "los"
        first_word = next((w for w in re.findall(r"\w+", self.publication.title) if len(w) > 3), "publicatie")
        raw = f"{family}{self.publication.publication_date.year}{first_word}"
        ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
        return re.sub(r"[^A-Za-z0-9]", "", ascii_text).lower() or f"los{self.publication.pk}"
