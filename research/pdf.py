"""Reading facts from publication PDFs (done once when a PDF is chosen, never while serving a page)."""

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
