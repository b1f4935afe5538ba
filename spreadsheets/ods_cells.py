"""What the cells of an OpenDocument spreadsheet (ODS) row hold, read from `xml.etree` elements of content.xml
(`reading` streams the rows). Repeated cells and repeated spaces are expanded only within bounds."""

from __future__ import annotations

import datetime
import re
from typing import Any

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# Spaces one `<text:s text:c="...">` may stand for (a cell is never wider than this in an agenda).
MAX_SPACES = 100


def row_values(row, max_columns: int) -> list[Any]:
    """The values of one `table:table-row`, repeated cells expanded up to `max_columns` in all."""
    values: list[Any] = []
    for cell in row:
        if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
            continue
        columns = int(cell.get(f"{TABLE}number-columns-repeated") or 1)
        values.extend([cell_value(cell)] * max(0, min(columns, max_columns - len(values))))
        if len(values) >= max_columns:
            break
    return values


def paragraph_text(element) -> str:
    """The text of a paragraph: spans, spaces (`text:s`), tabs and line breaks as the cell shows them. A loop, not
    recursion: a file of spans nested a thousand deep (511 bytes) ended the import with a RecursionError."""
    parts: list[str] = []
    pending: list = [element]  # elements still to read, and the strings (tails) between them, last first
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        parts.append(item.text or "")
        children: list = []
        for child in item:
            if child.tag == f"{TEXT}s":
                children.append(" " * min(int(child.get(f"{TEXT}c") or 1), MAX_SPACES))
            elif child.tag == f"{TEXT}tab":
                children.append("\t")
            elif child.tag == f"{TEXT}line-break":
                children.append("\n")
            else:
                children.append(child)
            children.append(child.tail or "")
        pending.extend(reversed(children))
    return "".join(parts)


def cell_value(cell) -> Any:
    """A cell's value: dates, times (24:00 as a timedelta), numbers and booleans typed, text as written."""
    kind = cell.get(f"{OFFICE}value-type")
    if kind == "date":
        raw = cell.get(f"{OFFICE}date-value") or ""
        try:
            if "T" in raw:
                return datetime.datetime.fromisoformat(raw[:19])
            return datetime.date.fromisoformat(raw[:10])
        except ValueError:
            return raw
    if kind == "time":
        raw = cell.get(f"{OFFICE}time-value") or ""
        match = re.match(r"^PT(\d{1,4})H(\d{1,2})M(\d{1,2})", raw)
        if match:
            # A duration, as LibreOffice stores a time cell: 24:00 is a whole day (parsing reads it as midnight).
            hours, minutes = int(match.group(1)), int(match.group(2))
            return datetime.timedelta(hours=hours, minutes=minutes) if hours > 23 else datetime.time(hours, minutes)
        return raw
    if kind in ("float", "percentage", "currency"):
        raw = cell.get(f"{OFFICE}value")
        try:
            number = float(raw)
        except (TypeError, ValueError):
            return raw
        return int(number) if number.is_integer() else number
    if kind == "boolean":
        return cell.get(f"{OFFICE}boolean-value") == "true"
    text = "\n".join(paragraph_text(p) for p in cell if p.tag == f"{TEXT}p")
    return text if text else None
