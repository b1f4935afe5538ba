"""Query statistics (no write per request, nothing about who searched) and PDF text extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from search import stats
from search.documents import extract_pdf_text
from search.models import DocumentText, SearchTermCount

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "search"


@pytest.fixture(autouse=True)
def empty_stats():
    cache.clear()
    SearchTermCount.objects.all().delete()


def test_normalise_keeps_short_queries_only():
    assert stats.normalise("  Medische ZORG! ") == "medische zorg"
    assert stats.normalise("mijn naam is jan en ik woon in utrecht") == ""
    assert stats.normalise("x" * 61) == ""
    assert stats.normalise("?!") == ""


def test_searches_are_buffered_without_a_database_write(django_assert_num_queries):
    cache.add(stats.LOCK_KEY, 1, 300)  # a flush happened recently
    with django_assert_num_queries(0):
        for _ in range(5):
            stats.record_query("Opvang", language="nl", found=3)
        stats.record_query("xyzzy", language="nl", found=0)
    assert not SearchTermCount.objects.exists()
    assert stats.flush() == 2
    rows = {r.term: (r.searches, r.zero_results) for r in SearchTermCount.objects.all()}
    assert rows == {"opvang": (5, 0), "xyzzy": (1, 1)}


def test_flush_adds_to_todays_counts():
    cache.add(stats.LOCK_KEY, 1, 300)
    stats.record_query("opvang", language="nl", found=1)
    stats.flush()
    stats.record_query("opvang", language="nl", found=0)
    stats.flush()
    row = SearchTermCount.objects.get(term="opvang")
    assert (row.searches, row.zero_results) == (2, 1)


def test_first_search_after_the_interval_flushes():
    stats.record_query("opvang", language="nl", found=1)
    assert SearchTermCount.objects.filter(term="opvang", searches=1).exists()


def test_search_page_records_the_query(client):
    cache.add(stats.LOCK_KEY, 1, 300)
    client.get("/zoeken/", {"q": "helpdesk"})
    client.get("/zoeken/", {"q": "qqqqzzzz"})
    stats.flush()
    assert set(SearchTermCount.objects.values_list("term", "zero_results")) == {("helpdesk", 0), ("qqqqzzzz", 1)}


def test_admin_report_lists_popular_and_zero_result_terms(admin_client):
    cache.add(stats.LOCK_KEY, 1, 300)
    for _ in range(3):
        stats.record_query("opvang", language="nl", found=2)
    stats.record_query("papierloos", language="nl", found=0)
    html = admin_client.get("/admin/reports/search-terms/", {"days": "abc"}).content.decode()
    assert "opvang" in html and "papierloos" in html
    assert "Zoektermen zonder resultaat" in html


def test_report_is_for_admins_only(client):
    assert client.get("/admin/reports/search-terms/").status_code == 302


def test_pdf_text_is_extracted():
    with (FIXTURES / "publicatie.pdf").open("rb") as handle:
        text = extract_pdf_text(handle)
    assert "vreemdelingendetentie" in text and "Beïnvloeding" in text


def test_broken_pdf_gives_empty_text():
    with (FIXTURES / "kapot.pdf").open("rb") as handle:
        assert extract_pdf_text(handle) == ""


def test_document_text_is_stored_when_a_pdf_is_saved(django_capture_on_commit_callbacks):
    Document = get_document_model()
    with django_capture_on_commit_callbacks(execute=True):
        document = Document(title="Rapport")
        document.file.save("rapport.pdf", ContentFile((FIXTURES / "publicatie.pdf").read_bytes()), save=False)
        document.save()
    stored = DocumentText.objects.get(document=document)
    assert "vreemdelingendetentie" in stored.text
    # Saving again without a new file does not extract again; replacing the file does.
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Rapport (nieuw)"
        document.save()
    assert DocumentText.objects.get(document=document).pk == stored.pk


def test_other_documents_get_no_text(django_capture_on_commit_callbacks):
    Document = get_document_model()
    with django_capture_on_commit_callbacks(execute=True):
        document = Document(title="Lijst")
        document.file.save("lijst.txt", ContentFile(b"tekst"), save=False)
        document.save()
    assert not DocumentText.objects.filter(document=document).exists()


def test_family_can_index_pdf_text(django_capture_on_commit_callbacks, home_page):
    """search_families.document_text reads the stored text of any document a page links to."""
    from search.search_families import document_text

    Document = get_document_model()
    with django_capture_on_commit_callbacks(execute=True):
        document = Document(title="Rapport")
        document.file.save("rapport2.pdf", ContentFile((FIXTURES / "publicatie.pdf").read_bytes()), save=False)
        document.save()

    class FakeField:
        is_relation = True
        attname = "document_id"

        class related_model:
            class _meta:
                label = "wagtaildocs.Document"

    class FakePage:
        document_id = document.pk

        class _meta:
            concrete_fields = [FakeField()]

    assert "vreemdelingendetentie" in document_text(FakePage())
