"""Text extraction from uploaded PDFs (pypdf), stored in search.DocumentText for families to index."""

from __future__ import annotations

import hashlib
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger("los.search")

MAX_PAGES = 300
MAX_CHARS = 500_000


def extract_pdf_text(file) -> str:
    """Plain text of a PDF (first MAX_PAGES pages, capped); empty for damaged or encrypted files."""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            return ""
        parts: list[str] = []
        size = 0
        for page in reader.pages[:MAX_PAGES]:
            text = " ".join((page.extract_text() or "").split())
            parts.append(text)
            size += len(text)
            if size > MAX_CHARS:
                break
        return " ".join(parts)[:MAX_CHARS].replace("\x00", "")
    # PyPdfError, not only PdfReadError: a decompression bomb raises LimitReachedError (issue 17: 500 on upload).
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        logger.warning("PDF text extraction failed (%s)", type(error).__name__)
        return ""


def store_document_text(document) -> None:
    """Extract and store the text of a PDF document; other file types are skipped."""
    from search.models import DocumentText

    if not document.pk or document.file_extension.lower() != "pdf":
        DocumentText.objects.filter(document_id=document.pk).delete()
        return
    file_hash = document.file_hash or ""
    existing = DocumentText.objects.filter(document_id=document.pk).first()
    if existing and file_hash and existing.file_hash == file_hash:
        return
    try:
        document.file.open("rb")
        with document.file as handle:
            data = handle.read()
    except OSError as error:
        logger.warning("PDF could not be read for search (%s)", type(error).__name__)
        return
    import io

    text = extract_pdf_text(io.BytesIO(data))
    DocumentText.objects.update_or_create(
        document_id=document.pk,
        defaults={"text": text, "file_hash": file_hash or hashlib.sha1(data, usedforsecurity=False).hexdigest()},
    )
