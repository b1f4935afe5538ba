"""Shared helpers for the agenda tests: the fixture files and a way to see the whole events table."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.models import Event, ImportBatch

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def database_state() -> tuple:
    """Everything an import could touch, to compare before and after a rejected import."""
    events = tuple(Event.objects.order_by("pk").values_list())
    batches = tuple(ImportBatch.objects.order_by("pk").values_list("pk", "status"))
    return events, batches


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
