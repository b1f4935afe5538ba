"""Reading facts from publication PDFs (done once when a PDF is chosen or its file replaced, never while serving a
page)."""

from __future__ import annotations

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger("los.research")


def count_pdf_pages(document) -> int | None:
    """The number of pages of a Wagtail document, or None when it is not a readable PDF."""
    if (document.file_extension or "").lower() != "pdf":
        return None
    try:
        with document.open_file() as handle:
            return len(PdfReader(handle).pages)
    except (PyPdfError, OSError, ValueError) as error:
        # No personal data here: only the document id and the kind of error.
        logger.warning("Could not count pages of document %s: %s", document.pk, type(error).__name__)
        return None


def pdf_fingerprint(document) -> str:
    """What a publication's cached page count belongs to: the file's hash (Wagtail's), else the document."""
    return document.file_hash or f"id-{document.pk}"


def recount_publications(sender, instance, **kwargs) -> None:
    """post_save of a document: publications offering it as their PDF count the pages of its file again when it
    was replaced (the document's edit view), so their page shows the new number at once, not the old file's until
    the publication is next published."""
    from research.models import PublicationPage

    fingerprint = pdf_fingerprint(instance)
    stale = PublicationPage.objects.filter(pdf=instance).exclude(pdf_page_count_hash=fingerprint)
    if stale.exists():
        # No page saved, no revision made: the count is no content. Saving the document made cached pages stale.
        stale.update(pdf_page_count=count_pdf_pages(instance), pdf_page_count_hash=fingerprint)
