"""Every citation format of a publication in one place: APA text, BibTeX, RIS, CSL-JSON, Google Scholar meta
tags and schema.org JSON-LD.

Field references: BibTeX (the btxdoc manual), RIS (the RIS format specification as Zotero and rispy read it),
CSL-JSON (the CSL data schema, github.com/citation-style-language/schema, csl-data.json), Google Scholar's
inclusion guidelines (scholar.google.com/intl/en/scholar/inclusion.html#indexing) and schema.org Report and
ScholarlyArticle.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from research.models.publications import PublicationType

if TYPE_CHECKING:
    from research.models import PublicationAuthor, PublicationPage

PUBLISHER = "Stichting LOS"
PUBLISHER_PLACE = "Utrecht"

# Publication type -> (BibTeX entry type, RIS type, CSL type, schema.org type).
TYPE_MAP: dict[str, tuple[str, str, str, str]] = {
    PublicationType.REPORT: ("techreport", "RPRT", "report", "Report"),
    PublicationType.ARTICLE: ("article", "JOUR", "article-journal", "ScholarlyArticle"),
    PublicationType.ANNUAL_REPORT: ("techreport", "RPRT", "report", "Report"),
    PublicationType.FACTSHEET: ("misc", "GEN", "document", "Report"),
    PublicationType.POSITION_PAPER: ("techreport", "RPRT", "report", "Report"),
    PublicationType.STUDENT_RESEARCH: ("techreport", "RPRT", "report", "Report"),
}


# Helpers --------------------------------------------------------------------------------------------------


def _authors(publication: PublicationPage) -> list[PublicationAuthor]:
    # Prefetched by the page view; the citation routes ask for them once.
    return list(publication.authors.all())


def _absolute(request: HttpRequest | None, url: str) -> str:
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def page_url(publication: PublicationPage, request: HttpRequest | None) -> str:
    """The absolute address of the publication, on the host the visitor used (like the PDF address)."""
    if request is None:
        return publication.get_full_url() or ""
    return _absolute(request, publication.get_url(request=request) or "")


def pdf_url(publication: PublicationPage, request: HttpRequest | None) -> str:
    return _absolute(request, publication.pdf.url) if publication.pdf_id and publication.pdf else ""


def _pages(publication: PublicationPage) -> tuple[str, str]:
    parts = re.split(r"\s*[-–]\s*", publication.pages.strip(), maxsplit=1)
    first = parts[0] if parts and parts[0] else ""
    last = parts[1] if len(parts) > 1 else ""
    return first, last


def _types(publication: PublicationPage) -> tuple[str, str, str, str]:
    return TYPE_MAP.get(publication.publication_type, TYPE_MAP[PublicationType.REPORT])


def citation_key(publication: PublicationPage, authors: list[PublicationAuthor]) -> str:
    """'devries2015medische': first author's family name, year, first title word; ASCII only."""
    family = authors[0].split_name()[1] if authors else "los"
    first_word = next((w for w in re.findall(r"\w+", publication.title) if len(w) > 3), "publicatie")
    raw = f"{family}{publication.publication_date.year}{first_word}"
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", ascii_text).lower() or f"los{publication.pk}"


# APA (7th edition) ----------------------------------------------------------------------------------------


def _apa_name(author: PublicationAuthor) -> str:
    given, family = author.split_name()
    initials = " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given) if part and part[0].isalpha())
    return f"{family}, {initials}" if initials else family


def _apa_author_list(authors: list[PublicationAuthor]) -> str:
    names = [_apa_name(a) for a in authors]
    if not names:
        return PUBLISHER
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", ... " + names[-1]


def apa_citation(publication: PublicationPage, request: HttpRequest | None = None) -> SafeString:
    """The APA 7 reference as HTML (titles of stand-alone works and journal names in italics)."""
    authors = _authors(publication)
    who = escape(_apa_author_list(authors))
    year = publication.publication_date.year
    title = escape(publication.title.rstrip("."))
    locator = publication.doi_url or publication.external_url or page_url(publication, request)
    if publication.is_article and publication.journal:
        source = f"<i>{escape(publication.journal)}</i>"
        if publication.volume:
            source += f", <i>{escape(publication.volume)}</i>"
        if publication.issue:
            source += f"({escape(publication.issue)})"
        if publication.pages:
            source += f", {escape(publication.pages.replace('-', '–'))}"
        text = f"{who} ({year}). {title}. {source}."
    else:
        text = f"{who} ({year}). <i>{title}</i>."
        if authors:  # with no personal authors the publisher is already the author
            text += f" {escape(PUBLISHER)}."
    if locator:
        text += f" {escape(locator)}"
    return mark_safe(text)  # noqa: S308 - every part above is escaped


# BibTeX ---------------------------------------------------------------------------------------------------


def _bibtex_escape(value: str) -> str:
    """Protect BibTeX's special characters; keep Unicode (biber and modern BibTeX read UTF-8)."""
    value = " ".join(str(value).split())
    for char in ("\\", "{", "}"):
        value = value.replace(char, "")
    for char in ("&", "%", "$", "#", "_"):
        value = value.replace(char, "\\" + char)
    return value


def to_bibtex(publication: PublicationPage, request: HttpRequest | None = None) -> str:
    authors = _authors(publication)
    entry_type = _types(publication)[0]
    fields: list[tuple[str, str]] = []
    if authors:
        fields.append(("author", " and ".join(f"{a.split_name()[1]}, {a.split_name()[0]}" for a in authors)))
    else:
        fields.append(("author", "{" + PUBLISHER + "}"))
    # Double braces keep capitals in titles as written (Dutch nouns, acronyms).
    fields.append(("title", "{" + _bibtex_escape(publication.title) + "}"))
    fields.append(("year", str(publication.publication_date.year)))
    fields.append(("month", publication.publication_date.strftime("%b").lower()))
    fields.append(("date", publication.publication_date.isoformat()))
    if entry_type == "article":
        fields.append(("journal", _bibtex_escape(publication.journal)))
        if publication.volume:
            fields.append(("volume", _bibtex_escape(publication.volume)))
        if publication.issue:
            fields.append(("number", _bibtex_escape(publication.issue)))
        if publication.pages:
            fields.append(("pages", _bibtex_escape(publication.pages.replace("-", "--"))))
    elif entry_type == "techreport":
        fields.append(("institution", PUBLISHER))
        fields.append(("address", PUBLISHER_PLACE))
    else:
        fields.append(("publisher", PUBLISHER))
    if publication.doi:
        fields.append(("doi", _bibtex_escape(publication.doi)))
    fields.append(("url", publication.external_url or page_url(publication, request)))
    fields.append(("language", publication.language))
    if publication.summary:
        fields.append(("abstract", _bibtex_escape(publication.summary)))
    lines = [f"@{entry_type}{{{citation_key(publication, authors)},"]
    for name, value in fields:
        if name == "url":
            value = value.replace("{", "").replace("}", "")
        lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


# RIS ------------------------------------------------------------------------------------------------------


def to_ris(publication: PublicationPage, request: HttpRequest | None = None) -> str:
    authors = _authors(publication)
    lines: list[tuple[str, str]] = [("TY", _types(publication)[1])]
    for author in authors:
        given, family = author.split_name()
        lines.append(("AU", f"{family}, {given}" if given else family))
    if not authors:
        lines.append(("A2", PUBLISHER))
    lines.append(("TI", publication.title))
    lines.append(("PY", str(publication.publication_date.year)))
    lines.append(("DA", publication.publication_date.strftime("%Y/%m/%d")))
    if publication.is_article:
        lines.append(("T2", publication.journal))
        if publication.volume:
            lines.append(("VL", publication.volume))
        if publication.issue:
            lines.append(("IS", publication.issue))
        first, last = _pages(publication)
        if first:
            lines.append(("SP", first))
        if last:
            lines.append(("EP", last))
    else:
        lines.append(("PB", PUBLISHER))
        lines.append(("CY", PUBLISHER_PLACE))
    if publication.doi:
        lines.append(("DO", publication.doi))
    lines.append(("UR", publication.external_url or page_url(publication, request)))
    pdf = pdf_url(publication, request)
    if pdf:
        lines.append(("L1", pdf))
    lines.append(("LA", publication.language))
    if publication.summary:
        lines.append(("AB", " ".join(publication.summary.split())))
    lines.append(("ER", ""))
    # RIS: two-letter tag, two spaces, a hyphen, a space; CRLF line ends as the specification asks.
    return "\r\n".join(f"{tag}  - {' '.join(value.split())}".rstrip() for tag, value in lines) + "\r\n"


# CSL-JSON -------------------------------------------------------------------------------------------------


def to_csl(publication: PublicationPage, request: HttpRequest | None = None) -> dict:
    authors = _authors(publication)
    date = publication.publication_date
    item: dict = {
        "id": citation_key(publication, authors),
        "type": _types(publication)[2],
        "title": publication.title,
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "language": publication.language,
        "URL": publication.external_url or page_url(publication, request),
    }
    if authors:
        item["author"] = [
            {"family": family, "given": given} if given else {"literal": family}
            for given, family in (a.split_name() for a in authors)
        ]
    else:
        item["author"] = [{"literal": PUBLISHER}]
    if publication.is_article:
        item["container-title"] = publication.journal
        if publication.volume:
            item["volume"] = publication.volume
        if publication.issue:
            item["issue"] = publication.issue
        if publication.pages:
            item["page"] = publication.pages
    else:
        item["publisher"] = PUBLISHER
        item["publisher-place"] = PUBLISHER_PLACE
    if publication.doi:
        item["DOI"] = publication.doi
    if publication.summary:
        item["abstract"] = publication.summary
    return item


def to_csl_json(publication: PublicationPage, request: HttpRequest | None = None) -> str:
    """A CSL-JSON document: a list with one item, as reference managers import it."""
    return json.dumps([to_csl(publication, request)], ensure_ascii=False, indent=2) + "\n"


# Downloads ------------------------------------------------------------------------------------------------

FORMATS = {
    # name: (serialiser, content type, file extension)
    "bibtex": (to_bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (to_ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": (to_csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def citation_response(publication: PublicationPage, request: HttpRequest, fmt: str) -> HttpResponse:
    serialise, content_type, extension = FORMATS[fmt]
    response = HttpResponse(serialise(publication, request), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{publication.slug}.{extension}"'
    response["X-Robots-Tag"] = "noindex"
    return response


# Google Scholar and JSON-LD -------------------------------------------------------------------------------


def scholar_meta(publication: PublicationPage, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    """(name, content) pairs for Google Scholar's citation_* meta tags, in the order Scholar documents."""
    meta = [("citation_title", publication.title)]
    for author in _authors(publication):
        given, family = author.split_name()
        meta.append(("citation_author", f"{family}, {given}" if given else family))
        if author.affiliation:
            meta.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            meta.append(("citation_author_orcid", author.orcid_url))
    meta.append(("citation_publication_date", publication.publication_date.strftime("%Y/%m/%d")))
    meta.append(("citation_language", publication.language))
    if publication.is_article:
        meta.append(("citation_journal_title", publication.journal))
        if publication.volume:
            meta.append(("citation_volume", publication.volume))
        if publication.issue:
            meta.append(("citation_issue", publication.issue))
        first, last = _pages(publication)
        if first:
            meta.append(("citation_firstpage", first))
        if last:
            meta.append(("citation_lastpage", last))
    else:
        meta.append(("citation_technical_report_institution", PUBLISHER))
    meta.append(("citation_publisher", PUBLISHER))
    if publication.doi:
        meta.append(("citation_doi", publication.doi))
    pdf = pdf_url(publication, request)
    if pdf:
        meta.append(("citation_pdf_url", pdf))
    meta.append(("citation_abstract_html_url", page_url(publication, request)))
    return meta


def json_ld(
    publication: PublicationPage,
    request: HttpRequest | None = None,
    *,
    authors: list | None = None,
    funders: list | None = None,
) -> SafeString:
    """schema.org Report or ScholarlyArticle, safe to put inside <script type="application/ld+json">."""
    authors = _authors(publication) if authors is None else authors
    funders = publication.localized_funders() if funders is None else funders
    schema_type = _types(publication)[3]
    data: dict = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": publication.title,
        "headline": publication.title[:110],
        "datePublished": publication.publication_date.isoformat(),
        "inLanguage": publication.language,
        "url": page_url(publication, request),
        "abstract": publication.summary,
        "publisher": {"@type": "Organization", "name": PUBLISHER, "address": PUBLISHER_PLACE},
        "author": [],
    }
    for author in authors:
        person: dict = {"@type": "Person", "name": author.name}
        if author.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        if author.orcid:
            person["sameAs"] = author.orcid_url
        data["author"].append(person)
    if not authors:
        data["author"] = [{"@type": "Organization", "name": PUBLISHER}]
    if funders:
        data["funder"] = [
            {"@type": "Organization", "name": funder.name, **({"url": funder.link} if funder.link else {})}
            for funder in funders
        ]
    if publication.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": publication.doi}
        data["sameAs"] = publication.doi_url
    pdf = pdf_url(publication, request)
    if pdf:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": pdf, "encodingFormat": "application/pdf"}
    if publication.is_article and publication.journal:
        periodical: dict = {"@type": "Periodical", "name": publication.journal}
        container: dict = periodical
        if publication.volume:
            container = {"@type": "PublicationVolume", "volumeNumber": publication.volume, "isPartOf": container}
        if publication.issue:
            container = {"@type": "PublicationIssue", "issueNumber": publication.issue, "isPartOf": container}
        data["isPartOf"] = container
        first, last = _pages(publication)
        if first:
            data["pageStart"] = first
        if last:
            data["pageEnd"] = last
    text = json.dumps(data, ensure_ascii=False)
    # Nothing in the data may close the script element early.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped
