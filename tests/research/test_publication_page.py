"""The publication page: tree rules, what it shows, Scholar meta, JSON-LD, the cached PDF page count, validation."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from demo.pdf import make_pdf
from home.models import ContentPage
from research.identifiers import validate_doi, validate_orcid
from research.models import FunderIndexPage, PublicationAuthor, PublicationIndexPage, PublicationPage
from tests.factories.research import FunderFactory, PublicationPageFactory, add_author, pdf_document

pytestmark = pytest.mark.django_db


class _HeadParser(HTMLParser):
    """Collects <meta name content> pairs and JSON-LD scripts, the way crawlers read them."""

    def __init__(self):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.meta.append((attrs["name"], attrs.get("content", "")))
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)


def _parse(html: str) -> _HeadParser:
    parser = _HeadParser()
    parser.feed(html)
    return parser


def test_page_tree_rules(home_page, publication_index):
    assert not PublicationIndexPage.can_create_at(home_page)  # one per site, and the demo has it
    assert PublicationPage.can_create_at(publication_index)
    assert not PublicationPage.can_create_at(home_page)
    about = home_page.get_children().get(slug="over-los").specific
    assert isinstance(about, ContentPage)
    assert not FunderIndexPage.can_create_at(about)  # the demo's funders page is already there
    assert isinstance(about.get_children().get(slug="fondsen").specific, FunderIndexPage)


def test_report_shows_authors_toc_pdf_facts_and_funders(client, report):
    response = client.get("/publicaties/medische-zorg-in-vreemdelingendetentie/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Medische zorg in vreemdelingendetentie</h1>" in html
    assert "Anna de Vries" in html and "Joris Bakker" in html
    # Table of contents links to the chapter headings.
    for number, title in enumerate(["Inleiding", "Wat de meldingen laten zien", "Aanbevelingen"], start=1):
        anchor = f"h{number}-" + title.lower().replace(" ", "-")
        assert f'<a href="#{anchor}">{title}</a>' in html
        assert f'<h2 id="{anchor}">{title}</h2>' in html
    # PDF with its size and the page count read when it was saved.
    assert f'href="{report.pdf.url}"' in html
    assert "12 pagina&#x27;s" in html or "12 pagina's" in html
    assert "KB" in html or "bytes" in html
    # Funders with logo and the acknowledgement text they require.
    assert "Dit project is mogelijk gemaakt door een bijdrage van het Fonds Menswaardig Bestaan." in html
    assert 'alt="Logo van Fonds Menswaardig Bestaan"' in html
    assert "Klankbordgroep" in html and "Dokters van de Wereld" in html


def test_scholar_meta_tags(client, article):
    parser = _parse(client.get("/publicaties/rechtspositie-tijdens-uitzetting/").content.decode())
    meta = [(name, content) for name, content in parser.meta if name.startswith("citation_")]
    values = dict(meta)
    assert values["citation_title"] == "De rechtspositie van vreemdelingen tijdens de uitzetting"
    assert [c for n, c in meta if n == "citation_author"] == ["van den Berg, Marieke", "de Vries, Anna"]
    assert values["citation_publication_date"] == "2015/10/01"
    assert values["citation_journal_title"] == "Asiel & Migrantenrecht"
    assert (values["citation_volume"], values["citation_issue"]) == ("6", "8")
    assert (values["citation_firstpage"], values["citation_lastpage"]) == ("372", "379")
    assert values["citation_doi"] == "10.5555/los-demo.2015.008"
    pdf_url = values["citation_pdf_url"]
    assert pdf_url.startswith("http://testserver/") and pdf_url.endswith(".pdf")
    pdf = client.get(pdf_url.removeprefix("http://testserver"))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")


def test_json_ld_describes_article_with_authors_publisher_and_funders(client, article):
    parser = _parse(client.get("/publicaties/rechtspositie-tijdens-uitzetting/").content.decode())
    assert len(parser.json_ld) == 1
    data = json.loads(parser.json_ld[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["name"] == article.title
    assert [a["name"] for a in data["author"]] == ["Marieke van den Berg", "Anna de Vries"]
    assert data["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["publisher"]["name"] == "Stichting LOS"
    assert [f["name"] for f in data["funder"]] == ["Europees Fonds voor Basisrechten"]
    assert data["datePublished"] == "2015-10-01"
    assert data["isPartOf"]["issueNumber"] == "8"


def test_json_ld_of_a_report_and_escaping(client, report):
    report.title = "Rapport </script><b>x</b> & meer"
    report.save_revision().publish()
    parser = _parse(client.get(report.url).content.decode())
    data = json.loads(parser.json_ld[0])
    assert data["@type"] == "Report"
    assert data["name"] == "Rapport </script><b>x</b> & meer"
    assert {f["name"] for f in data["funder"]} == {"Fonds Menswaardig Bestaan", "Europees Fonds voor Basisrechten"}


def test_pdf_page_count_is_read_on_save_not_per_request(client, publication_index, monkeypatch):
    publication = PublicationPageFactory(parent=publication_index, slug="met-pdf", pdf=pdf_document(pages=3))
    assert publication.pdf_page_count == 3
    # Reading PDFs is now broken: the page still shows the count it cached.
    import research.pdf

    def broken(*args, **kwargs):
        raise AssertionError("the PDF was read while serving a page")

    monkeypatch.setattr(research.pdf, "PdfReader", broken)
    html = client.get("/publicaties/met-pdf/").content.decode()
    assert "3 pagina" in html


def test_replaced_pdf_file_is_counted_again(publication_index):
    document = pdf_document(pages=2)
    publication = PublicationPageFactory(parent=publication_index, slug="vervangen", pdf=document)
    assert publication.pdf_page_count == 2
    data = make_pdf("Nieuw", ["Nieuwe versie"], 5)
    document.file = ContentFile(data, name="nieuw.pdf")
    document._set_document_file_metadata()
    document.save()
    publication.refresh_from_db()
    publication.save_revision().publish()
    publication.refresh_from_db()
    assert publication.pdf_page_count == 5


def test_unreadable_pdf_gets_no_page_count(publication_index):
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Kapot")
    document.file = ContentFile(b"%PDF-1.4 dit is geen echte pdf", name="kapot.pdf")
    document.save()
    publication = PublicationPageFactory(parent=publication_index, slug="kapot", pdf=document)
    assert publication.pdf_page_count is None


@pytest.mark.parametrize(
    "value", ["0000-0002-1825-0097", "https://orcid.org/0000-0002-1694-233X", "0000-0001-5109-3700"]
)
def test_valid_orcids(value):
    validate_orcid(value)


@pytest.mark.parametrize("value", ["0000-0002-1825-0098", "1234", "0000-0002-1825-009", "orcid"])
def test_invalid_orcids(value):
    with pytest.raises(ValidationError):
        validate_orcid(value)


def test_author_orcid_is_validated_and_normalised(article):
    author = PublicationAuthor(page=article, name="Test Persoon", orcid="https://orcid.org/0000-0002-1694-233x")
    author.full_clean()
    assert author.orcid == "0000-0002-1694-233X"
    author.orcid = "0000-0002-1694-2331"
    with pytest.raises(ValidationError):
        author.full_clean()


@pytest.mark.parametrize("value", ["10.1000/182", "https://doi.org/10.5555/abc.def", "doi:10.1234/X-Y"])
def test_valid_dois(value):
    validate_doi(value)


@pytest.mark.parametrize("value", ["11.1000/182", "10.1/abc", "geen doi", "10.1234/"])
def test_invalid_dois(value):
    with pytest.raises(ValidationError):
        validate_doi(value)


def test_doi_is_stored_bare(article):
    article.doi = "https://doi.org/10.5555/abc"
    article.full_clean()
    assert article.doi == "10.5555/abc"


@pytest.mark.parametrize("extra", [1, 10])
def test_publication_page_query_budget(client, publication_index, django_assert_max_num_queries, extra):
    publication = PublicationPageFactory(parent=publication_index, slug="budget", pdf=pdf_document())
    for number in range(extra):
        add_author(publication, f"Auteur {number}", orcid="0000-0002-1825-0097")
        publication.funders.add(FunderFactory())
    publication.save_revision().publish()
    client.get("/publicaties/budget/")
    with django_assert_max_num_queries(40):
        response = client.get("/publicaties/budget/")
    assert response.status_code == 200
    assert "Auteur 0" in response.content.decode()
