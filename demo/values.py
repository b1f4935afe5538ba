"""Turn the values written in a demo data file into model field values: references by key, rich text shorthand,
dates, StreamField blocks, inline rows, tags.

Every function takes a `resolve(reference)` callable. While the files are checked it only confirms that the
reference names a known key (and returns None); while loading it returns the object made for that key.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from home.models.site_settings import LanguageCodesField

Resolve = Callable[[str], Any]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Text starting with one of these tags is HTML already; anything else is one paragraph.
_BLOCK_HTML = re.compile(r"^\s*<(p|ul|ol|h[1-6]|hr|blockquote|div|table)\b", re.IGNORECASE)


class DemoDataError(Exception):
    """A demo data file that cannot be loaded; the message names the file, the key and what is wrong."""


@dataclass
class Fields:
    """The converted fields of one object, grouped by how they are set on it."""

    plain: dict[str, Any] = field(default_factory=dict)
    parental: dict[str, Any] = field(default_factory=dict)  # child rows, parental many-to-many, tags: before save
    many: dict[str, list] = field(default_factory=dict)  # plain many-to-many: after save

    def apply_before_save(self, instance: models.Model) -> None:
        for name, value in self.plain.items():
            setattr(instance, name, value)
        for name, value in self.parental.items():
            if isinstance(value, TagList):
                getattr(instance, name).add(*value)
            else:
                setattr(instance, name, value)

    def apply_after_save(self, instance: models.Model) -> None:
        for name, value in self.many.items():
            getattr(instance, name).set(value)


class TagList(list):
    """Tags to add to a page (a list, marked so that they are added rather than assigned)."""


def rich_html(value: str | list[str]) -> str:
    """Rich text shorthand: a text is one paragraph, a list of texts several; text starting with a block tag
    (`<p>`, `<ul>`, `<ol>`, ...) is taken as HTML."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if not isinstance(text, str):
            raise DemoDataError(f"tekst verwacht, niet {text!r}")
    return "".join(text if _BLOCK_HTML.match(text) else f"<p>{text}</p>" for text in texts)


def to_datetime(value: Any) -> datetime.datetime:
    """'2026-11-20 10:00' or {week: 1, day: tuesday, time: '19:30'} (this week's Monday plus `week` weeks),
    in the site's time zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    if isinstance(value, dict):
        unknown = set(value) - {"week", "day", "time"}
        if unknown or not isinstance(value.get("week", 0), int) or value.get("day", "monday") not in WEEKDAYS:
            raise DemoDataError(f"datum als {{week: 1, day: tuesday, time: '19:30'}} verwacht, niet {value!r}")
        today = timezone.localdate()
        monday = today - datetime.timedelta(days=today.weekday())
        day = monday + datetime.timedelta(weeks=value.get("week", 0), days=WEEKDAYS.index(value.get("day", "monday")))
        return datetime.datetime.combine(day, _time(value.get("time", "00:00"))).replace(tzinfo=zone)
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else value.replace(tzinfo=zone)
    if isinstance(value, str):
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            return to_datetime(parsed)
    raise DemoDataError(f"datum en tijd als '2026-11-20 10:00' verwacht, niet {value!r}")


def _time(value: Any) -> datetime.time:
    # YAML reads an unquoted 19:30 as a number (base 60): times must be quoted.
    if not isinstance(value, str):
        raise DemoDataError(f"tijd tussen aanhalingstekens verwacht, zoals '19:30', niet {value!r}")
    try:
        return datetime.time.fromisoformat(value)
    except ValueError as error:
        raise DemoDataError(f"tijd als '19:30' verwacht, niet {value!r}") from error


def to_date(value: Any) -> datetime.date | None:
    if value is None or (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)):
        return value
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise DemoDataError(f"datum als 2026-10-01 verwacht, niet {value!r}")
    return parsed


def convert_block(block: blocks.Block, value: Any, resolve: Resolve) -> Any:
    """A StreamField value from its data: a stream is a list of `- block_name: value`; a struct a mapping of its
    fields (or one value for its first field), fields left out get an empty value; chooser blocks take keys."""
    if isinstance(block, blocks.StreamBlock):
        if value is None:
            return []
        if not isinstance(value, list):
            raise DemoDataError("een lijst blokken verwacht ('- paragraph: ...')")
        stream = []
        for item in value:
            if not isinstance(item, dict) or len(item) != 1:
                raise DemoDataError(f"één blok per regel verwacht ('- paragraph: ...'), niet {item!r}")
            ((name, inner),) = item.items()
            if name not in block.child_blocks:
                raise DemoDataError(f"onbekend bloktype '{name}' (mogelijk: {', '.join(block.child_blocks)})")
            stream.append((name, convert_block(block.child_blocks[name], inner, resolve)))
        return stream
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            value = {next(iter(block.child_blocks)): value}
        unknown = set(value) - set(block.child_blocks)
        if unknown:
            raise DemoDataError(f"onbekend onderdeel {sorted(unknown)} van blok '{block.name}'")
        return {
            name: convert_block(child, value[name], resolve) if name in value else empty_value(child)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            raise DemoDataError(f"een lijst verwacht in blok '{block.name}'")
        return [convert_block(block.child_block, item, resolve) for item in value]
    if isinstance(block, blocks.RichTextBlock):
        return RichText(rich_html(value))
    if isinstance(block, blocks.ChooserBlock):
        return resolve(value) if value else None
    return value


def empty_value(block: blocks.Block) -> Any:
    """What a field left out of a block gets: its default, and for text an empty text (not None), as the admin
    saves it; a list is empty."""
    if isinstance(block, blocks.ListBlock):
        return []
    default = block.get_default()
    if default is None and isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.URLBlock | blocks.EmailBlock):
        return ""
    return default


def child_relation(model: type[models.Model], name: str):
    """The inline rows (ParentalKey) of `model` called `name`, or None."""
    return next((rel for rel in get_all_child_relations(model) if rel.get_accessor_name() == name), None)


def convert_field(model: type[models.Model], name: str, value: Any, resolve: Resolve, fields: Fields) -> None:
    """Convert one field of `model` from its data and put it in `fields`."""
    relation = child_relation(model, name)
    if relation is not None:
        if not isinstance(value, list):
            raise DemoDataError(f"'{name}' is een lijst van regels")
        rows = [row_values(relation, row, position, resolve) for position, row in enumerate(value)]
        fields.parental[name] = [relation.related_model(**row) for row in rows]
        return
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        raise DemoDataError(f"onbekend veld '{name}' van {model._meta.label}") from None
    if isinstance(field, TaggableManager):
        fields.parental[name] = TagList(str(tag) for tag in value or [])
    elif isinstance(field, models.ManyToManyField):
        target = fields.parental if isinstance(field, ParentalManyToManyField) else fields.many
        target[name] = [resolve(ref) for ref in value or []]
    elif field.is_relation and (field.many_to_one or field.one_to_one):
        fields.plain[name] = resolve(value) if value is not None else None
    elif field.is_relation:
        raise DemoDataError(f"veld '{name}' van {model._meta.label} kan niet in de demo-gegevens")
    else:
        fields.plain[name] = convert_plain(field, value, resolve)


def convert_plain(field: models.Field, value: Any, resolve: Resolve) -> Any:
    if isinstance(field, LanguageCodesField):  # a site's languages: only those the installation serves
        served = {code for code, _name in settings.LANGUAGES}
        return [code for code in value or [] if code in served]
    if isinstance(field, StreamField):
        return convert_block(field.stream_block, value, resolve)
    if isinstance(field, RichTextField):
        return rich_html(value) if value else ""
    if isinstance(field, models.DateTimeField):
        return to_datetime(value) if value is not None else None
    if isinstance(field, models.DateField):
        return to_date(value)
    return value


def row_values(relation, row: Any, position: int, resolve: Resolve) -> dict[str, Any]:
    """One inline row: its fields converted; `sort_order` is its position in the list unless it has its own."""
    if not isinstance(row, dict):
        raise DemoDataError(f"een regel met velden verwacht, niet {row!r}")
    model = relation.related_model
    fields = Fields()
    for name, value in row.items():
        convert_field(model, name, value, resolve, fields)
    if fields.parental or fields.many:
        raise DemoDataError(f"regels van '{relation.get_accessor_name()}' kunnen geen lijsten bevatten")
    values = fields.plain
    if "sort_order" not in values and any(f.name == "sort_order" for f in model._meta.fields):
        values["sort_order"] = position
    return values


def convert_fields(model: type[models.Model], data: dict[str, Any], resolve: Resolve) -> Fields:
    fields = Fields()
    for name, value in data.items():
        convert_field(model, name, value, resolve, fields)
    return fields
