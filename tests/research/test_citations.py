"""Citation downloads parse with the parsers reference managers use, and carry the publication's data."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

pytestmark = pytest.mark.django_db

ARTICLE_URL = "/publicaties/rechtspositie-tijdens-uitzetting/"
REPORT_URL = "/publicaties/medische-zorg-in-vreemdelingendetentie/"

# Field names of the CSL data schema (csl-data.json) that we write.
CSL_FIELDS = {
    "id", "type", "title", "author", "issued", "container-title", "volume", "issue", "page", "DOI", "URL",
    "publisher", "publisher-place", "language", "abstract",
}  # fmt: skip


def _download(client, url: str, route: str):
    response = client.get(url + route)
    assert response.status_code == 200
    return response


def test_bibtex_of_an_article_parses_with_bibtexparser(client):
    response = _download(client, ARTICLE_URL, "cite/bibtex/")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert response["Content-Disposition"] == 'attachment; filename="rechtspositie-tijdens-uitzetting.bib"'
    library = bibtexparser.parse_string(
        response.content.decode(), append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    assert len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "article"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["title"] == "{De rechtspositie van vreemdelingen tijdens de uitzetting}"
    assert fields["journal"] == "Asiel \\& Migrantenrecht"
    assert (fields["year"], fields["volume"], fields["number"], fields["pages"]) == ("2015", "6", "8", "372--379")
    assert fields["doi"] == "10.5555/los-demo.2015.008"
    authors = fields["author"]
    assert [(" ".join(a.von + a.last), " ".join(a.first)) for a in authors] == [
        ("van den Berg", "Marieke"),
        ("de Vries", "Anna"),
    ]


def test_bibtex_of_a_report_is_a_techreport_by_los(client):
    library = bibtexparser.parse_string(_download(client, REPORT_URL, "cite/bibtex/").content.decode())
    assert library.failed_blocks == []
    entry = library.entries[0]
    assert entry.entry_type == "techreport"
    assert entry.fields_dict["institution"].value == "Stichting LOS"
    assert entry.fields_dict["year"].value == "2015"
    assert "de Vries, Anna" in entry.fields_dict["author"].value


def test_ris_parses_with_rispy(client):
    response = _download(client, ARTICLE_URL, "cite/ris/")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"] == 'attachment; filename="rechtspositie-tijdens-uitzetting.ris"'
    entries = rispy.loads(response.content.decode())
    assert len(entries) == 1
    entry = entries[0]
    assert entry["type_of_reference"] == "JOUR"
    assert entry["title"] == "De rechtspositie van vreemdelingen tijdens de uitzetting"
    assert entry["authors"] == ["van den Berg, Marieke", "de Vries, Anna"]
    assert entry["secondary_title"] == "Asiel & Migrantenrecht"
    assert (entry["volume"], entry["number"], entry["start_page"], entry["end_page"]) == ("6", "8", "372", "379")
    assert entry["doi"] == "10.5555/los-demo.2015.008"
    assert entry["year"] == "2015"
    assert entry["file_attachments1"].endswith(".pdf")


def test_ris_of_a_report_names_the_publisher(client):
    entry = rispy.loads(_download(client, REPORT_URL, "cite/ris/").content.decode())[0]
    assert entry["type_of_reference"] == "RPRT"
    assert entry["publisher"] == "Stichting LOS"
    assert entry["authors"] == ["de Vries, Anna", "Bakker, Joris"]


def test_csl_json_uses_schema_field_names_and_renders_with_citeproc(client):
    response = _download(client, ARTICLE_URL, "cite/csl-json/")
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    assert response["Content-Disposition"] == 'attachment; filename="rechtspositie-tijdens-uitzetting.json"'
    items = json.loads(response.content)
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert set(item) <= CSL_FIELDS
    assert item["type"] == "article-journal"
    assert item["container-title"] == "Asiel & Migrantenrecht"
    assert item["issued"] == {"date-parts": [[2015, 10, 1]]}
    assert item["author"][0] == {"family": "van den Berg", "given": "Marieke"}
    assert item["DOI"] == "10.5555/los-demo.2015.008"
    # A real CSL processor accepts it and formats the reference.
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), source, formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    assert "van den Berg" in text and "2015" in text and "Asiel & Migrantenrecht" in text


def test_apa_reference_on_the_page(client):
    html = client.get(ARTICLE_URL).content.decode()
    assert "Citeer deze publicatie" in html
    assert (
        "van den Berg, M., &amp; de Vries, A. (2015). De rechtspositie van vreemdelingen tijdens de uitzetting. "
        "<i>Asiel &amp; Migrantenrecht</i>, <i>6</i>(8), 372–379. https://doi.org/10.5555/los-demo.2015.008"
    ) in html
    report = client.get(REPORT_URL).content.decode()
    assert (
        "de Vries, A., &amp; Bakker, J. (2015). <i>Medische zorg in vreemdelingendetentie</i>. Stichting LOS." in report
    )


def test_citation_downloads_of_unknown_publication_are_404(client):
    assert client.get("/publicaties/bestaat-niet/cite/bibtex/").status_code == 404
    assert client.get(ARTICLE_URL + "cite/onbekend/").status_code == 404
