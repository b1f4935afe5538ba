"""The URL converter for database ids in public addresses (`<db_id:page_id>`), registered in SecurityConfig.ready.

PostgreSQL refuses a number larger than its integer column with an error, not an empty result, so a hostile
`/aanmelden/99999999999999999999/` would answer 500. Such an id does not match the URL at all: a plain 404 before
any view runs, instead of a check repeated in every view.
"""

from __future__ import annotations

from django.urls.converters import IntConverter

MAX_DB_ID = 2**31 - 1  # PostgreSQL `integer`, the type of every AutoField id here


class DatabaseIdConverter(IntConverter):
    """A positive whole number a database id can be; anything larger does not match (Django answers 404)."""

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_DB_ID:
            raise ValueError(value)  # Django's resolver reads ValueError as "no match"
        return number
