"""What the publication page itself carries for readers and crawlers: the APA reference, Google Scholar's
citation_* meta tags and schema.org JSON-LD."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from research.citations.record import PUBLISHER, PUBLISHER_PLACE, Citable

if TYPE_CHECKING:
    from research.models import Funder, PublicationAuthor, PublicationPage


def page_citations(
    publication: PublicationPage, request: HttpRequest | None, *, authors: list, funders: list[Funder]
) -> dict[str, object]:
    """The template context of a publication page's citations: `apa`, `scholar_meta` and `json_ld`."""
    citable = Citable.of(publication, request, authors)
    return {"apa": apa_citation(citable), "scholar_meta": scholar_meta(citable), "json_ld": json_ld(citable, funders)}


# APA (7th edition) ------------------------------------------------------------------------------------------


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


def apa_citation(citable: Citable) -> SafeString:
    """The APA 7 reference as HTML (titles of stand-alone works and journal names in italics)."""
    publication = citable.publication
    who = escape(_apa_author_list(citable.authors))
    year = publication.publication_date.year
    title = escape(publication.title.rstrip("."))
    locator = publication.doi_url or citable.locator
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
        if citable.authors:  # with no personal authors the publisher is already the author
            text += f" {escape(PUBLISHER)}."
    if locator:
        text += f" {escape(locator)}"
    return mark_safe(text)  # noqa: S308 - every part above is escaped


# Google Scholar ---------------------------------------------------------------------------------------------


def scholar_meta(citable: Citable) -> list[tuple[str, str]]:
    """(name, content) pairs for Google Scholar's citation_* meta tags, in the order Scholar documents."""
    publication = citable.publication
    meta = [("citation_title", publication.title)]
    for author, name in zip(citable.authors, citable.inverted_names(), strict=True):
        meta.append(("citation_author", name))
        if author.affiliation:
            meta.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            meta.append(("citation_author_orcid", author.orcid_url))
    meta.append(("citation_publication_date", publication.publication_date.strftime("%Y/%m/%d")))
    meta.append(("citation_language", publication.language))
    if publication.is_article:
        names = {
            "journal": "citation_journal_title",
            "volume": "citation_volume",
            "issue": "citation_issue",
            "first_page": "citation_firstpage",
            "last_page": "citation_lastpage",
        }
        meta.extend(citable.article_fields(names).items())
    else:
        meta.append(("citation_technical_report_institution", PUBLISHER))
    meta.append(("citation_publisher", PUBLISHER))
    if publication.doi:
        meta.append(("citation_doi", publication.doi))
    if citable.pdf_url:
        meta.append(("citation_pdf_url", citable.pdf_url))
    meta.append(("citation_abstract_html_url", citable.page_url))
    return meta


# schema.org JSON-LD -----------------------------------------------------------------------------------------


def _periodical(publication: PublicationPage) -> dict:
    """The journal, volume and issue an article is part of, innermost first, as schema.org nests them."""
    container: dict = {"@type": "Periodical", "name": publication.journal}
    if publication.volume:
        container = {"@type": "PublicationVolume", "volumeNumber": publication.volume, "isPartOf": container}
    if publication.issue:
        container = {"@type": "PublicationIssue", "issueNumber": publication.issue, "isPartOf": container}
    return container


def _person(author: PublicationAuthor) -> dict:
    person: dict = {"@type": "Person", "name": author.name}
    if author.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
    if author.orcid:
        person["sameAs"] = author.orcid_url
    return person


def json_ld(citable: Citable, funders: list[Funder]) -> SafeString:
    """schema.org Report or ScholarlyArticle, safe to put inside <script type="application/ld+json">."""
    publication = citable.publication
    data: dict = {
        "@context": "https://schema.org",
        "@type": citable.kind.schema_org,
        "name": publication.title,
        "headline": publication.title[:110],
        "datePublished": publication.publication_date.isoformat(),
        "inLanguage": publication.language,
        "url": citable.page_url,
        "abstract": publication.summary,
        "publisher": {"@type": "Organization", "name": PUBLISHER, "address": PUBLISHER_PLACE},
        "author": [_person(author) for author in citable.authors] or [{"@type": "Organization", "name": PUBLISHER}],
    }
    if funders:
        data["funder"] = [
            {"@type": "Organization", "name": funder.name, **({"url": funder.link} if funder.link else {})}
            for funder in funders
        ]
    if publication.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": publication.doi}
        data["sameAs"] = publication.doi_url
    if citable.pdf_url:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": citable.pdf_url, "encodingFormat": "application/pdf"}
    if publication.is_article and publication.journal:
        data["isPartOf"] = _periodical(publication)
        data.update(citable.article_fields({"first_page": "pageStart", "last_page": "pageEnd"}))
    text = json.dumps(data, ensure_ascii=False)
    # Nothing in the data may close the script element early.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped
