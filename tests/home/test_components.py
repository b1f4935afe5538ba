"""Shared page furniture: the share links (one list for every page that shares), the page header and the
{% fragment %} tag that hands markup to components."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from home.sharing import share_links

URL = "https://stichtinglos.nl/nieuws/een-bericht/"
TITLE = "Zorg & opvang: wat nu?"


def _query(link_url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(link_url).query)


def test_share_links_are_plain_links_to_each_service():
    links = {link.service: link for link in share_links(URL, TITLE)}
    assert list(links) == ["whatsapp", "telegram", "facebook", "bluesky", "mastodon", "linkedin", "email"]
    for link in links.values():
        assert link.url.startswith(("https://", "mailto:"))
        assert " " not in link.url and "+" not in link.url  # %20 for spaces: mail programs show a "+" literally
    assert _query(links["whatsapp"].url)["text"] == [f"{TITLE} {URL}"]
    assert _query(links["facebook"].url)["u"] == [URL]
    assert _query(links["telegram"].url) == {"url": [URL], "text": [TITLE]}
    assert _query(links["bluesky"].url)["text"] == [f"{TITLE} {URL}"]
    assert _query(links["mastodon"].url)["text"] == [f"{TITLE} {URL}"]
    email = links["email"].url
    assert email.startswith("mailto:?subject=") and _query(email.replace("mailto:", "http://x/"))["body"] == [
        f"{TITLE} {URL}"
    ]


@pytest.mark.django_db
def test_news_items_and_campaigns_share_the_same_way(client):
    pages = {
        "/nieuws/reactie-strafbaarstelling-illegaal-verblijf/": "Delen",
        "/campagnes/geen-strafbaarstelling/": "Deel deze campagne",
    }
    services = set()
    for path, heading in pages.items():
        html = client.get(path).content.decode()
        share = re.search(r'<aside class="share".*?</aside>', html, re.S).group(0)
        assert f'<h2 id="share-heading" class="share__heading">{heading}</h2>' in share
        assert "/static/js/share.js" in share
        found = re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', share)
        assert dict(found)["copy"] == f"http://localhost{path}"
        services.add(tuple(service for service, _url in found))
    assert len(services) == 1  # one list, one order


def test_fragment_is_escaped_stripped_markup():
    template = Template(
        "{% load component_tags %}{% fragment as title %}\n  {{ name }} <span>x</span>\n{% endfragment %}[{{ title }}]"
    )
    assert template.render(Context({"name": "<b>"})) == "[&lt;b&gt; <span>x</span>]"


def test_page_header_variants():
    def render(params: str, **context) -> str:
        source = '{% include "components/page_header.html" with ' + params + " only %}"
        # Whitespace between tags is the formatter's business, not the component's.
        return re.sub(r">\s+<", "><", Template(source).render(Context(context))).strip()

    plain = render("title=title intro=intro", title="Nieuws", intro="Het laatste <nieuws>")
    assert (
        plain
        == '<header class="article__header"><h1>Nieuws</h1><p class="lead">Het laatste &lt;nieuws&gt;</p></header>'
    )
    assert (
        render("title=title intro=''", title="Zonder intro")
        == '<header class="article__header"><h1>Zonder intro</h1></header>'
    )

    assert '<h1 lang="en">Training</h1>' in render("title=title title_lang='en'", title="Training")
    band = render("title=title band='hero' image=image", title="LOS", image=mark_safe('<img alt="">'))
    assert band.startswith(
        '<header class="hero"><div class="container hero__inner"><div class="hero__text"><h1>LOS</h1>'
    )
    assert '<figure class="hero__figure"><img alt=""></figure>' in band
