"""Validating and writing imported records in bulk: one INSERT per chunk of new records, one UPDATE per chunk of
changed ones, no query and no savepoint per row.

Why not django-import-export's bulk mode (`use_bulk`), which the agenda used until issue 18: it still runs its
whole per-row pipeline (an instance loader, a widget and a field object per cell, a copy of the row, `full_clean`),
measured at about half of an agenda import's CPU time, which kept the import near 400 rows/s on PostgreSQL.
Validation here is still the model's own: each field's `clean` (length, web address, choices, ...) and the model's
`clean()`, as `full_clean` runs them (without the uniqueness checks: imports match records first, and the database
constraints stand behind that). A field check depends only on the value, so its outcome is remembered per value
within one writer: a column repeats the same place or web address thousands of times.

Bulk writes send no signals: the caller updates the search index and stale caches once, after commit. Nothing here
knows which model a sheet fills.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone

CHUNK_SIZE = 1_000


class BulkWriter:
    """Collects the records of one import, validates each as it comes, and writes them a chunk at a time."""

    def __init__(
        self,
        model: type[models.Model],
        fields: Iterable[str],
        *,
        unchecked: Iterable[str] = (),
        stamp: str | None = "updated_at",
        always_written: Iterable[str] = (),
    ) -> None:
        """`fields` are those an import sets; `unchecked` those the caller's parser already guarantees; `stamp`
        the auto_now field an update sets (bulk_update does not); `always_written` extra fields every update
        writes (such as the record's import)."""
        self.model = model
        self.fields = list(fields)
        self._checked = [model._meta.get_field(name) for name in self.fields if name not in set(unchecked)]
        self.stamp = stamp
        self.always_written = list(always_written)
        self._verdicts: dict[tuple[str, Any], list[str]] = {}
        self.new: list[models.Model] = []
        self.changed: list[models.Model] = []
        self._changed_fields: set[str] = set()

    def errors(self, instance: models.Model, skip: Iterable[str] = ()) -> dict[str, list[str]]:
        """What `full_clean(validate_unique=False, validate_constraints=False)` would say, by field name; fields
        in `skip` (already known to be wrong) are not checked."""
        errors: dict[str, list[str]] = {}
        skip = set(skip)
        for field in self._checked:
            if field.name in skip:
                continue
            value = getattr(instance, field.attname)
            try:
                key = (field.name, value)
                messages = self._verdicts.get(key)
            except TypeError:  # an unhashable value: checked every time
                key, messages = None, None
            if messages is None:
                messages = self._check(field, value, instance)
                if key is not None:
                    self._verdicts[key] = messages
            if messages:
                errors[field.name] = list(messages)
        try:
            instance.clean()
        except ValidationError as error:
            by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
            for name, messages in by_field.items():
                errors.setdefault(name, []).extend(messages)
        return errors

    @staticmethod
    def _check(field: models.Field, value: Any, instance: models.Model) -> list[str]:
        if field.blank and value in field.empty_values:
            return []
        try:
            field.clean(value, instance)
        except ValidationError as error:
            return list(error.messages)
        return []

    def create(self, instance: models.Model) -> None:
        self.new.append(instance)

    def update(self, instance: models.Model, changed_fields: Iterable[str]) -> None:
        """Write `instance` again; only the fields that changed in any record of the chunk are written."""
        self.changed.append(instance)
        self._changed_fields.update(changed_fields)

    def flush(self) -> None:
        """Write what was collected: new records get their ids (PostgreSQL and SQLite return them)."""
        manager = self.model._default_manager
        if self.new:
            manager.bulk_create(self.new, batch_size=CHUNK_SIZE)
        if self.changed:
            written = [name for name in self.fields if name in self._changed_fields] + self.always_written
            if self.stamp:
                now = timezone.now()
                for instance in self.changed:
                    setattr(instance, self.stamp, now)
                written.append(self.stamp)
            manager.bulk_update(self.changed, written, batch_size=CHUNK_SIZE)
        self.new, self.changed, self._changed_fields = [], [], set()
