"""Text pasted from Word carries its line breaks as vertical tabs, invisible in the admin. They went on into mail
subjects, calendar files, feeds and spreadsheets, where several formats refuse them (the news feeds answered 500).
Every plain text field of the admin's forms (pages, snippets, settings) now turns them into a space."""

from __future__ import annotations

import pytest
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

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


@pytest.mark.django_db
def test_the_translation_editor_keeps_no_control_characters_and_one_line_stays_one_line():
    """wagtail-localize's editor saves each string past the admin's forms: a line break it saved in an English
    mail subject made the English sign-up form answer 500 (tests/campaigns/test_signup_mail.py)."""
    page = NewsPage.objects.live().first()
    page.title, page.intro = "Nieuwe regels", "Eerste alinea.\n\nTweede."
    page.save_revision().publish()
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    english = Locale.objects.get(language_code="en")

    def translate(field: str, text: str) -> str:
        segment = StringSegment.objects.select_related("string", "context").get(source=source, context__path=field)
        StringTranslation.objects.update_or_create(  # as the translation editor saves it
            translation_of=segment.string, locale=english, context=segment.context, defaults={"data": text}
        )
        return StringTranslation.objects.get(translation_of=segment.string, locale=english).data

    assert translate("title", "New rules\r\n for the\x0bshelter\x08") == "New rules for the shelter"
    assert translate("intro", "First paragraph.\n\nSecond\x0bone.") == "First paragraph.\n\nSecond one."
