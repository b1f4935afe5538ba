"""The shared blocks: privacy of video embeds, required alt text, link validation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from home.blocks import CallToActionBlock, ImageFigureBlock, VideoBlock, VideoURLBlock, privacy_embed_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
    ],
)
def test_privacy_embed_url(url, expected):
    result = privacy_embed_url(url)
    assert (result[1] if result else None) == expected


def test_video_url_block_refuses_other_hosts():
    with pytest.raises(ValidationError):
        VideoURLBlock().clean("https://example.org/video.mp4")


def test_video_block_renders_no_iframe_and_no_request_to_the_host():
    block = VideoBlock()
    value = block.to_python({"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Uitleg", "transcript": ""})
    html = block.render(value)
    assert "<iframe" not in html
    assert "<img" not in html
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert "Bekijk de video op YouTube" in html


def test_image_block_requires_alt_text():
    block = ImageFigureBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_link_target(home_page):
    block = CallToActionBlock()
    base = {"title": "Doe mee", "text": "", "button_label": "Ja"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "link": {"page": None, "url": ""}}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "link": {"page": home_page.pk, "url": "https://example.org"}}))
    block.clean(block.to_python({**base, "link": {"page": home_page.pk, "url": ""}}))
