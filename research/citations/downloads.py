"""The citation files reference managers import: BibTeX (written with bibtexparser), RIS (written with rispy) and
CSL-JSON, served as downloads of the publication page."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import bibtexparser
import rispy
from bibtexparser.middlewares import MergeCoAuthors, MergeNameParts, MonthAbbreviationMiddleware, NameParts
from bibtexparser.model import Entry, Field
from django.http import HttpRequest, HttpResponse
from pylatexenc.latexencode import (
    RULE_DICT,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
    get_builtin_conversion_rules,
)

from research.citations.record import PUBLISHER, PUBLISHER_PLACE, Citable
from security.downloads import file_response

if TYPE_CHECKING:
    from research.models import PublicationPage

# BibTeX -----------------------------------------------------------------------------------------------------

# LaTeX's special characters (& % $ # _ { } \ ~ ^ < >) get the replacements of pylatexenc's default table, the
# encoder behind bibtexparser's LatexEncodingMiddleware. Every other character stays Unicode: the file is UTF-8,
# which biber and BibTeX read, and Arabic names have no LaTeX spelling. A straight quote stays as it is (the table
# turns it into closing quotes, which do not read back as the same character).
_LATEX = UnicodeToLatexEncoder(
    conversion_rules=[
        UnicodeToLatexConversionRule(
            RULE_DICT,
            {
                code: latex
                for code, latex in get_builtin_conversion_rules("defaults")[0].rule.items()
                if code < 128 and chr(code) != '"'
            },
        )
    ],
    unknown_char_policy="keep",
    unknown_char_warning=False,
)
# Authors are written as name parts that bibtexparser merges ('von Last, First', joined with 'and'); the month
# becomes BibTeX's own macro (`oct`), which styles print in the language of the document.
_BIBTEX_MIDDLEWARE = [MonthAbbreviationMiddleware(), MergeNameParts(style="last"), MergeCoAuthors()]
_BIBTEX_FORMAT = bibtexparser.BibtexFormat()
_BIBTEX_FORMAT.indent = "  "
_BIBTEX_FORMAT.trailing_comma = True


def _latex(text: str) -> str:
    """Text for a BibTeX field: one line, LaTeX's special characters escaped."""
    return _LATEX.unicode_to_latex(" ".join(str(text).split()))


def _name_part(text: str) -> str:
    """One part of a name; braces keep a comma or a lone 'and' in it from splitting the name or the author list."""
    latex = _latex(text)
    return "{" + latex + "}" if "," in latex or " and " in f" {latex.lower()} " else latex


def _verbatim(value: str) -> str:
    """A DOI or URL as it is: biblatex reads these fields verbatim, so LaTeX escapes would become part of them.
    Only braces and backslashes, which could end the field early, are percent-encoded."""
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def to_bibtex(citable: Citable) -> str:
    """One BibTeX entry (UTF-8): `@article`, `@techreport` or `@misc`, with biblatex's `date`, `doi` and `url`."""
    publication = citable.publication
    if citable.authors:
        authors = [
            NameParts(first=[_name_part(given)] if given else [], last=[_name_part(family)])
            for given, family in citable.names()
        ]
    else:  # the organisation is the author, braced so that it is not split into first and last name
        authors = [NameParts(last=["{" + _latex(PUBLISHER) + "}"])]
    fields: dict[str, object] = {
        "author": authors,
        # Double braces keep capitals in titles as written (Dutch nouns, acronyms).
        "title": "{" + _latex(publication.title) + "}",
        "year": publication.publication_date.year,
        "month": publication.publication_date.month,
        "date": publication.publication_date.isoformat(),
    }
    article = citable.article_fields({"journal": "journal", "volume": "volume", "issue": "number", "pages": "pages"})
    if "pages" in article:
        article["pages"] = "--".join(page for page in citable.page_range if page)
    fields.update((name, _latex(value)) for name, value in article.items())
    if citable.kind.bibtex == "techreport":
        fields.update(institution=PUBLISHER, address=PUBLISHER_PLACE)
    elif not publication.is_article:
        fields["publisher"] = PUBLISHER
    if publication.doi:
        fields["doi"] = _verbatim(publication.doi)
    fields["url"] = _verbatim(citable.locator)
    fields["language"] = publication.language
    if publication.summary:
        fields["abstract"] = _latex(publication.summary)
    entry = Entry(citable.kind.bibtex, citable.key, [Field(name, value) for name, value in fields.items()])
    return bibtexparser.write_string(
        bibtexparser.Library([entry]), prepend_middleware=_BIBTEX_MIDDLEWARE, bibtex_format=_BIBTEX_FORMAT
    )


# RIS --------------------------------------------------------------------------------------------------------


class _RisWriter(rispy.RisWriter):
    """rispy's writer as the RIS specification reads: every reference starts at its TY line (no numbered header
    line, which some importers take for the start of a broken file) and lines end in CRLF."""

    NEWLINE = "\r\n"

    def set_header(self, count: int) -> str:
        return ""


def to_ris(citable: Citable) -> str:
    """One RIS reference, tags as rispy names them (`secondary_title` is T2, the journal)."""
    publication = citable.publication
    reference: dict[str, object] = {"type_of_reference": citable.kind.ris}
    if citable.authors:
        reference["authors"] = citable.inverted_names()
    else:
        reference["secondary_authors"] = [PUBLISHER]
    reference.update(
        title=publication.title,
        year=str(publication.publication_date.year),
        date=publication.publication_date.strftime("%Y/%m/%d"),
    )
    if publication.is_article:
        reference.update(
            citable.article_fields(
                {
                    "journal": "secondary_title",
                    "volume": "volume",
                    "issue": "number",
                    "first_page": "start_page",
                    "last_page": "end_page",
                }
            )
        )
    else:
        reference.update(publisher=PUBLISHER, place_published=PUBLISHER_PLACE)
    reference.update(doi=publication.doi, urls=[citable.locator], file_attachments1=citable.pdf_url)
    reference.update(language=publication.language, abstract=publication.summary)
    # A line break would end a field: every value is written on one line, and empty ones not at all.
    reference = {
        tag: [" ".join(item.split()) for item in value] if isinstance(value, list) else " ".join(value.split())
        for tag, value in reference.items()
        if value
    }
    return rispy.dumps([reference], implementation=_RisWriter)


# CSL-JSON ---------------------------------------------------------------------------------------------------


def to_csl(citable: Citable) -> dict:
    """One CSL-JSON item, with the field names of the CSL data schema."""
    publication = citable.publication
    date = publication.publication_date
    item: dict = {
        "id": citable.key,
        "type": citable.kind.csl,
        "title": publication.title,
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "language": publication.language,
        "URL": citable.locator,
    }
    if citable.authors:
        item["author"] = [
            {"family": family, "given": given} if given else {"literal": family} for given, family in citable.names()
        ]
    else:
        item["author"] = [{"literal": PUBLISHER}]
    if publication.is_article:
        item.update(
            citable.article_fields(
                {"journal": "container-title", "volume": "volume", "issue": "issue", "pages": "page"}
            )
        )
    else:
        item.update({"publisher": PUBLISHER, "publisher-place": PUBLISHER_PLACE})
    if publication.doi:
        item["DOI"] = publication.doi
    if publication.summary:
        item["abstract"] = publication.summary
    return item


def to_csl_json(citable: Citable) -> str:
    """A CSL-JSON document: a list with one item, as reference managers import it."""
    return json.dumps([to_csl(citable)], ensure_ascii=False, indent=2) + "\n"


# Downloads --------------------------------------------------------------------------------------------------

FORMATS: dict[str, tuple[Callable[[Citable], str], str, str]] = {
    # name: (writer, content type, file extension)
    "bibtex": (to_bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (to_ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": (to_csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def citation_response(publication: PublicationPage, request: HttpRequest, fmt: str) -> HttpResponse:
    """The publication in format `fmt` (a key of FORMATS) as a file download that search engines leave alone."""
    write, content_type, extension = FORMATS[fmt]
    response = file_response(write(Citable.of(publication, request)), f"{publication.slug}.{extension}", content_type)
    response["X-Robots-Tag"] = "noindex"
    return response
