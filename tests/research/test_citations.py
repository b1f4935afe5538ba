"""Citation downloads parse with the parsers reference managers use, and carry the publication's data."""

from __future__ import annotations

import datetime
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pylatexenc.latex2text import LatexNodes2Text

from research.models import PublicationType
from tests.factories.research import PublicationPageFactory, add_author

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


# Round trips: what an editor types comes back from the parsers reference managers use ----------------------

TRICKY_TITLE = 'Rechten {en} plichten \\ van 100% "ongedocumenteerden" & hun hulp: é ü ø — العربية_$#~'
# (name as on the title page, family name field, expected (given names, family name))
TRICKY_AUTHORS = [
    ("Zoë {Maria} Ørsted", "", ("Zoë {Maria}", "Ørsted")),
    ("محمد العلي", "", ("محمد", "العلي")),
    ("Jan \\ Back & 50% Slash", "Back & 50% Slash", ("Jan \\", "Back & 50% Slash")),
    ("Kees Jansen and Zonen", "Jansen and Zonen", ("Kees", "Jansen and Zonen")),
    ("Marieke van den Berg", "van den Berg", ("Marieke", "van den Berg")),
    ("Fatou Diallo, Jr.", "Diallo, Jr.", ("Fatou", "Diallo, Jr.")),
]
TRICKY_DOI = "10.5555/los_{1}%2F(2025)"
TRICKY_URL = "https://example.org/r%C3%A9sum%C3%A9_1?id=1&lang=nl#deel_2"


@pytest.fixture
def tricky(publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        slug="rondreis",
        title=TRICKY_TITLE,
        publication_type=PublicationType.ARTICLE,
        publication_date=datetime.date(2025, 3, 9),
        journal="Tijdschrift voor {Recht} & Praktijk",
        volume="12",
        issue="3",
        pages="112–129",
        doi=TRICKY_DOI,
        external_url=TRICKY_URL,
        summary="Samenvatting met 50% {accolades}\nen een tweede regel.",
    )
    for name, family, _expected in TRICKY_AUTHORS:
        add_author(page, name, family_name=family)
    return page


def _decoded_names(names: list) -> list[tuple[str, str]]:
    """(given names, family name) of split BibTeX names, each part decoded from LaTeX after splitting, as reference
    managers do (bibtexparser's LatexDecodingMiddleware leaves a list of split names alone)."""
    latex = LatexNodes2Text()
    return [
        (" ".join(map(latex.latex_to_text, name.first)), " ".join(map(latex.latex_to_text, name.von + name.last)))
        for name in names
    ]


def test_bibtex_round_trip_keeps_special_characters(client, tricky):
    text = _download(client, tricky.url, "cite/bibtex/").content.decode()
    decoded = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()]
    )
    assert decoded.failed_blocks == []
    fields = decoded.entries[0].fields_dict
    assert fields["title"].value == TRICKY_TITLE
    assert _decoded_names(fields["author"].value) == [expected for _name, _family, expected in TRICKY_AUTHORS]
    assert fields["journal"].value == "Tijdschrift voor {Recht} & Praktijk"
    assert (fields["year"].value, fields["month"].value) == ("2025", "mar")
    assert (fields["volume"].value, fields["number"].value) == ("12", "3")
    assert fields["abstract"].value == "Samenvatting met 50% {accolades} en een tweede regel."
    # DOI and URL are verbatim fields (biblatex prints them as they are): read back without LaTeX decoding.
    verbatim = bibtexparser.parse_string(text).entries[0].fields_dict
    assert verbatim["doi"].value == "10.5555/los_%7B1%7D%2F(2025)"
    assert verbatim["url"].value == TRICKY_URL
    assert verbatim["pages"].value == "112--129"


def test_ris_round_trip_keeps_special_characters(client, tricky):
    entry = rispy.loads(_download(client, tricky.url, "cite/ris/").content.decode())[0]
    assert entry["title"] == TRICKY_TITLE
    assert entry["authors"] == [f"{family}, {given}" for _name, _family, (given, family) in TRICKY_AUTHORS]
    assert entry["secondary_title"] == "Tijdschrift voor {Recht} & Praktijk"
    assert (entry["year"], entry["date"]) == ("2025", "2025/03/09")
    assert (entry["start_page"], entry["end_page"]) == ("112", "129")
    assert entry["doi"] == TRICKY_DOI
    assert entry["urls"] == [TRICKY_URL]
    assert entry["abstract"] == "Samenvatting met 50% {accolades} en een tweede regel."


def test_ris_starts_at_its_type_line_with_crlf_line_ends(client):
    text = _download(client, REPORT_URL, "cite/ris/").content.decode()
    assert text.startswith("TY  - RPRT\r\n")
    assert text.endswith("ER  - \r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_bibtex_of_a_publication_without_authors_names_los_as_one_author(client, publication_index):
    page = PublicationPageFactory(parent=publication_index, slug="zonder-auteurs", title="Feiten & cijfers")
    library = bibtexparser.parse_string(
        _download(client, page.url, "cite/bibtex/").content.decode(),
        append_middleware=[SeparateCoAuthors(), SplitNameParts()],
    )
    authors = library.entries[0].fields_dict["author"].value
    assert [(a.first, a.von, a.last) for a in authors] == [([], [], ["{Stichting LOS}"])]
    assert library.entries[0].fields_dict["title"].value == "{Feiten \\& cijfers}"
