"""Small, real PDF files for demo content and tests, written by hand (no download, no PDF library needed).

The output follows the PDF 1.4 structure (catalog, page tree, pages with a text stream, a standard Type 1
font, a cross-reference table with exact byte offsets), so pypdf and browsers read it like any other PDF.
"""

from __future__ import annotations


def _pdf_text(value: str) -> str:
    """A PDF literal string in WinAnsi: unsupported characters dropped, backslash and brackets escaped."""
    encoded = value.encode("cp1252", "replace").decode("cp1252")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title: str, lines: list[str], pages: int = 1) -> bytes:
    """A PDF of `pages` A4 pages: the title and `lines` on the first page, a page number on every page."""
    objects: list[bytes] = []
    font_id = 3
    page_ids = [4 + 2 * i for i in range(pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for number, page_id in enumerate(page_ids, start=1):
        commands = ["BT", "/F1 11 Tf", "72 800 Td"]
        if number == 1:
            commands += ["/F1 18 Tf", f"({_pdf_text(title)}) Tj", "/F1 11 Tf", "0 -30 Td"]
            for line in lines:
                commands += [f"({_pdf_text(line)}) Tj", "0 -16 Td"]
        commands += ["ET", "BT", "/F1 9 Tf", "290 40 Td", f"({number}) Tj", "ET"]
        stream = "\n".join(commands).encode("cp1252", "replace")
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_id + 1} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % index + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)
