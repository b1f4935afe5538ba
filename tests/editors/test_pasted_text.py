"""Text pasted from Word carries its line breaks as vertical tabs, invisible in the admin. They went on into mail
subjects, calendar files, feeds and spreadsheets, where several formats refuse them (the news feeds answered 500).
Every plain text field of the admin's forms (pages, snippets, settings) now turns them into a space."""

from __future__ import annotations

import pytest
from wagtail.admin.panels import get_edit_handler

from home.models import SiteTexts
from news.models import NewsPage
from newsletter.models import Issue

PASTED = "Nieuwe regels\x0bvoor de opvang\x08"


@pytest.mark.parametrize(
    ("model", "field"),
    [(NewsPage, "title"), (NewsPage, "intro"), (Issue, "subject"), (SiteTexts, "footer_text")],
)
def test_a_pasted_line_break_becomes_a_space(model, field):
    form_field = get_edit_handler(model).get_form_class().base_fields[field]
    assert form_field.clean(PASTED) == "Nieuwe regels voor de opvang"


def test_multi_line_text_keeps_its_line_breaks_and_email_fields_their_checks():
    fields = get_edit_handler(NewsPage).get_form_class().base_fields
    assert fields["intro"].clean("eerste\r\ntweede\x0bderde") == "eerste\r\ntweede derde"
    assert type(fields["slug"]).__name__ == "SlugField"
