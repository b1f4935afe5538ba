"""Share metadata, share links and the generated share image."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from news.share_image import share_image_name
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def _meta(html: str, key: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert match, key
    return match.group(1)


@pytest.fixture
def item(news_index):
    page = NewsPageFactory(
        parent=news_index,
        title="LOS reageert op nieuwe <plannen> & cijfers",
        slug="los-reageert",
        intro="Een korte samenvatting voor het delen.",
        kind="reactie",
        source_url="https://nos.nl/artikel/123",
        source_name="NOS",
    )
    page.save_revision().publish()
    return page


def test_open_graph_twitter_and_canonical(client, item):
    html = client.get("/nieuws/los-reageert/").content.decode()
    url = "http://localhost/nieuws/los-reageert/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:url") == url
    assert _meta(html, "og:title") == "LOS reageert op nieuwe &lt;plannen&gt; &amp; cijfers"
    assert _meta(html, "og:description") == "Een korte samenvatting voor het delen."
    assert _meta(html, "og:locale") == "nl_NL"
    assert _meta(html, "twitter:card") == "summary_large_image"
    image = _meta(html, "og:image")
    assert image.startswith("http://localhost/nieuws/los-reageert/deelafbeelding/?v=")
    assert _meta(html, "twitter:image") == image
    assert (_meta(html, "og:image:width"), _meta(html, "og:image:height")) == ("1200", "630")


def test_news_article_json_ld(client, item):
    html = client.get("/nieuws/los-reageert/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<plannen>" not in raw  # escaped, so the title cannot close the script element
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "LOS reageert op nieuwe <plannen> & cijfers"
    assert data["url"] == "http://localhost/nieuws/los-reageert/"
    assert data["datePublished"].startswith(str(item.publication_date.astimezone().year))
    assert data["publisher"]["name"] == "Stichting LOS"
    assert data["isBasedOn"] == "https://nos.nl/artikel/123"
    assert data["image"][0].startswith("http://localhost/nieuws/los-reageert/deelafbeelding/")


def test_share_links_are_plain_links_with_the_page_address(client, item):
    html = client.get("/nieuws/los-reageert/").content.decode()
    share = re.search(r'<aside class="share".*?</aside>', html, re.S).group(0)
    links = dict(re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', share))
    # One list for every page that shares (home/sharing.py): the campaigns' Bluesky and Mastodon joined, X left.
    assert set(links) == {"whatsapp", "telegram", "facebook", "bluesky", "mastodon", "linkedin", "email", "copy"}
    url = "http://localhost/nieuws/los-reageert/"
    assert links["copy"] == url
    assert url in parse_qs(urlparse(links["whatsapp"].replace("&amp;", "&")).query)["text"][0]
    assert parse_qs(urlparse(links["facebook"].replace("&amp;", "&")).query)["u"] == [url]
    assert links["email"].startswith("mailto:?subject=")
    # No third-party scripts, frames or images anywhere on the page.
    fetched = re.findall(r'(?:src|srcset|poster|data)="([^"]+)"', html)
    assert not [src for src in fetched if re.match(r"^(https?:)?//", src)]
    assert "<iframe" not in html


def test_generated_share_image_is_1200_by_630_png_and_cached(client, item):
    name = share_image_name(item)
    assert not default_storage.exists(name)
    response = client.get("/nieuws/los-reageert/deelafbeelding/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    body = b"".join(response.streaming_content)
    image = Image.open(io.BytesIO(body))
    assert image.size == (1200, 630)
    assert image.getpixel((5, 5)) == (11, 79, 108)  # the brand colour #0b4f6c
    assert default_storage.exists(name)
    modified = default_storage.get_modified_time(name)
    assert b"".join(client.get("/nieuws/los-reageert/deelafbeelding/").streaming_content) == body
    assert default_storage.get_modified_time(name) == modified  # served from the file, not drawn again


def test_share_image_changes_with_the_title(client, item):
    before = share_image_name(item)
    item.title = "Een heel andere titel"
    item.save_revision().publish()
    item.refresh_from_db()
    assert share_image_name(item) != before
    assert share_image_name(item).startswith(f"news/share/{item.pk}-")


def test_item_with_image_shares_its_own_image(client, news_index):
    from demo.images import generated_image

    image = generated_image("Test deelbeeld", background="#333333", text="Test")
    page = NewsPageFactory(parent=news_index, slug="met-beeld", listing_image=image, listing_image_alt="Een test")
    page.save_revision().publish()
    html = client.get("/nieuws/met-beeld/").content.decode()
    assert re.match(r"http://testserver/media/images/.+\.jpg$", _meta(html, "og:image"))
    assert _meta(html, "og:image:alt") == "Een test"


def test_social_card_preview_mode(admin_client, item):
    response = admin_client.post(
        f"/admin/pages/{item.pk}/edit/preview/?mode=social",
        data={},
    )
    # The edit preview needs the form data first; the share-card template is rendered by serve_preview.
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = response.wsgi_request.user
    rendered = item.serve_preview(request, "social")
    rendered.render()
    html = rendered.content.decode()
    assert "Zo ziet dit bericht eruit als het gedeeld wordt" in html
    assert 'src="data:image/png;base64,' in html
    assert "Een korte samenvatting voor het delen." in html
    assert ("social", "Deelkaart (sociale media)") in [(m, str(label)) for m, label in item.preview_modes]


def test_item_whose_image_file_is_missing_still_renders_and_shares_the_generated_card(client, news_index):
    from django.core.cache import cache

    from demo.images import generated_image

    cache.clear()  # Wagtail caches renditions by image id, and ids are reused after other tests roll back
    image = generated_image("Verdwenen bestand", background="#333333", text="Weg")
    image.file.storage.delete(image.file.name)
    page = NewsPageFactory(parent=news_index, slug="zonder-bestand", listing_image=image, listing_image_alt="Weg")
    page.save_revision().publish()
    response = client.get("/nieuws/zonder-bestand/")
    assert response.status_code == 200
    assert "/nieuws/zonder-bestand/deelafbeelding/?v=" in _meta(response.content.decode(), "og:image")


def test_share_card_is_immutable_only_at_its_versioned_address(client, item, settings):
    """Issue 17: the card was `immutable` for a year at a fixed URL, so a corrected title stayed cached."""
    from news.share_image import share_image_digest

    bare = client.get("/nieuws/los-reageert/deelafbeelding/")
    assert "immutable" not in bare["Cache-Control"]
    assert f"max-age={settings.PUBLIC_CACHE_MAX_AGE}" in bare["Cache-Control"]
    old = client.get("/nieuws/los-reageert/deelafbeelding/?v=0000000000000000")
    assert "immutable" not in old["Cache-Control"]
    current = client.get(f"/nieuws/los-reageert/deelafbeelding/?v={share_image_digest(item)}")
    assert current["Cache-Control"] == "public, max-age=31536000, immutable"
