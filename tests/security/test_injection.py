"""Editor-controlled content cannot inject script: rich text, block values, table cells, form help text,
link URLs and file names are inert on the public page and in the admin.

Values reach the database through the same cleaning the admin's forms use (the Draftail converter for rich
text, block `clean`, model validation); the rendered HTML is then searched for anything that would execute.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.rich_text import features as feature_registry

from campaigns.models import SignupFormPage
from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, CallToActionBlock, VideoURLBlock
from home.models import ContentPage

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>"\'><svg onload=alert(2)>'
EXECUTABLE = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img src=x onerror", re.I),
    re.compile(r"<svg onload", re.I),
    re.compile(r"href=[\"']?\s*javascript:", re.I),
]


def assert_inert(html: str):
    for pattern in EXECUTABLE:
        assert not pattern.search(html), pattern.pattern


def rich_text_from_editor(text: str, link: str) -> str:
    """What Draftail submits for a paragraph with `text` linked to `link`, converted as the admin does."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 6, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}},
    }
    return ContentstateConverter(RICH_TEXT_FEATURES or feature_registry.get_default_features()).to_database_format(
        json.dumps(contentstate)
    )


def test_editor_conversion_drops_javascript_links_and_escapes_text():
    html = rich_text_from_editor(PAYLOAD, "javascript:alert(document.cookie)")
    assert "javascript:" not in html
    assert "<script>" not in html
    assert "&lt;/script&gt;&lt;img src=x onerror" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x"])
def test_url_fields_refuse_script_urls(url):
    with pytest.raises(ValidationError):
        CallToActionBlock().clean({"title": "t", "text": "", "button_label": "b", "link": {"page": None, "url": url}})
    with pytest.raises(ValidationError):
        VideoURLBlock().clean(url)


@pytest.fixture
def hostile_page(home_page, admin_client):
    document = get_document_model().objects.create(
        title=PAYLOAD, file=SimpleUploadedFile('"><img src=x onerror=alert(1)>.pdf', b"%PDF-1.4\n%%EOF\n")
    )
    block = BaseStreamBlock()
    raw = [
        {"type": "heading", "value": {"text": PAYLOAD[:120], "level": "h2"}},
        {"type": "paragraph", "value": rich_text_from_editor(PAYLOAD, "javascript:alert(3)")},
        {"type": "quote", "value": {"quote": PAYLOAD, "attribution": PAYLOAD[:100]}},
        {
            "type": "call_to_action",
            "value": {
                "title": PAYLOAD[:100],
                "text": PAYLOAD,
                "button_label": PAYLOAD[:40],
                "link": {"page": home_page.pk, "url": ""},
            },
        },
        {
            "type": "faq",
            "value": {
                "title": PAYLOAD[:120],
                "items": [{"question": PAYLOAD, "answer": rich_text_from_editor(PAYLOAD, "https://example.org")}],
            },
        },
        {
            "type": "table",
            "value": {
                "caption": PAYLOAD,
                "columns": [{"type": "text", "heading": PAYLOAD}, {"type": "rich_text", "heading": PAYLOAD}],
                "rows": [{"values": [PAYLOAD, rich_text_from_editor(PAYLOAD, "javascript:alert(4)")]}],
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    value = block.clean(block.to_python(raw))  # what the admin form does before saving
    page = ContentPage(title=PAYLOAD[:200], slug="injectie", intro=PAYLOAD, body=StreamValue(block, []))
    page.body = value
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_hostile_content_is_inert_on_the_public_page(client, hostile_page):
    response = client.get(hostile_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;/script&gt;" in html  # it is shown, as text
    assert_inert(html)


def test_hostile_content_is_inert_in_the_admin(admin_client, hostile_page):
    for path in (
        f"/admin/pages/{hostile_page.pk}/edit/",
        f"/admin/pages/{hostile_page.get_parent().pk}/",
        "/admin/documents/",
        f"/admin/pages/{hostile_page.pk}/history/",
        "/admin/pages/search/?q=xss",
    ):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content.decode())


def test_hostile_content_is_inert_in_the_api_and_search(client, hostile_page):
    response = client.get(f"/api/v2/pages/{hostile_page.pk}/", {"fields": "body,intro"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")  # a browser never renders it as HTML
    assert_inert(client.get("/zoeken/", {"q": "xss alert"}).content.decode())


def test_form_help_text_and_labels_are_escaped(client, main_site):
    page = SignupFormPage.objects.live().descendant_of(main_site.root_page).first()
    field = page.form_fields.first()
    field.help_text = PAYLOAD
    field.save()
    html = client.get(page.url).content.decode()
    assert "&lt;/script&gt;" in html
    assert_inert(html)


def test_a_stored_javascript_link_cannot_run_because_of_the_policy(client, home_page):
    """If a javascript: URL ever got stored (an import, the shell), CSP without 'unsafe-inline' forbids
    running it: browsers block javascript: navigations under script-src 'self' (CSP Level 3)."""
    response = client.get("/")
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
