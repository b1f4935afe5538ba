"""In a real browser: every page type loads nothing from another host, sets no cookie and breaks no rule of its
Content-Security-Policy; the admin (dashboard, editor with live preview, uploads) and the userbar work under
the admin's policy without violations."""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from .conftest import ADMIN_PASSWORD, ADMIN_USER
from .page_editor import open_preview
from .staff_login import log_in

pytestmark = pytest.mark.e2e

MAIN_PAGES = {
    "home": "/",
    "content": "/over-los/",
    "privacy": "/over-los/privacy/",
    "news index": "/nieuws/",
    "news item": "/nieuws/meldpunt-jaarrapport-2026/",
    "publications index": "/publicaties/",
    "publication": "/publicaties/medische-zorg-in-vreemdelingendetentie/",
    "funders": "/over-los/fondsen/",
    "agenda": "/agenda/",
    "campaign index": "/campagnes/",
    "campaign": "/campagnes/geen-strafbaarstelling/",
    "project": "/projecten/meldpunt-vreemdelingendetentie/",
    "sign-up": "/campagnes/geen-strafbaarstelling/onderteken/",
    "search": "/zoeken/?q=zorg",
    "english home": "/en/",
}
MICROSITE_PAGES = {"microsite home": "/", "microsite page": "/huiselijk-geweld/", "help finder": "/hulp-zoeken/"}


class Recorder:
    """Every request the page makes and every console message about the security policy."""

    def __init__(self, page: Page):
        self.requests: list[str] = []
        self.violations: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.violations.append(f"pageerror: {error}"))

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text or "Refused to" in text:
            self.violations.append(text)


# Lazy images are made eager so that every image the page can load is requested (and recorded), and the call
# returns when they all finished. Quicker and more exact than scrolling and waiting for 500 ms of network silence.
# (page.evaluate, not wait_for_function: the page's CSP forbids the eval that wait_for_function needs.)
LOAD_EVERY_IMAGE = """async () => {
    const images = [...document.images];
    images.forEach((image) => { image.loading = "eager"; });
    await Promise.all(images.map((image) => image.complete ? null
        : new Promise((done) => { image.addEventListener("load", done); image.addEventListener("error", done); })));
}"""


def visit(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.evaluate(LOAD_EVERY_IMAGE)


def own_hosts(live_site: str) -> set[str]:
    port = urlparse(live_site).port
    return {f"127.0.0.1:{port}", f"ilegalevrouw.localhost:{port}"}


def test_every_page_type_stays_on_our_host_sets_no_cookie_and_keeps_its_policy(page: Page, live_site: str):
    recorder = Recorder(page)
    port = urlparse(live_site).port
    visited = []
    for name, path in MAIN_PAGES.items():
        visit(page, live_site + path)
        visited.append(name)
    # the agenda's first event, and the sign-up form's interactive parts
    page.goto(live_site + "/agenda/?verleden=1")
    event_link = page.locator(".event-card__title a").first
    event_link.click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/agenda/\d+-[-a-z0-9]*/$", page.url), page.url
    visited.append("event")
    for name, path in MICROSITE_PAGES.items():
        visit(page, f"http://ilegalevrouw.localhost:{port}{path}")
        visited.append(name)

    hosts = {urlparse(url).netloc for url in recorder.requests if not url.startswith("data:")}
    assert hosts <= own_hosts(live_site), hosts - own_hosts(live_site)
    assert len(recorder.requests) > len(visited) * 3  # pages, styles, scripts, images were all recorded
    assert page.context.cookies() == []
    assert recorder.violations == []


def _with_a_video(live_site: str, path: str, url: str) -> tuple[str, callable]:
    """A route handler that serves the real page `path` (its own headers and policy) with a video block for `url`
    rendered into its main content: the demo content has no video (no third-party embed), the test brings its own."""
    from home.blocks import VideoBlock

    block = VideoBlock()
    html = block.render(block.to_python({"url": url, "title": "Testvideo", "transcript": "<p>Uitgeschreven.</p>"}))

    # Fetched by the test before the browser navigates, not inside the route handler: the single-threaded test
    # server is then busy with the browser's (intercepted, idle) connection and answers nobody else in time.
    with urllib.request.urlopen(live_site + path, timeout=60) as response:  # noqa: S310 (the local test server)
        status, body = response.status, response.read().decode()
        headers = {k: v for k, v in response.headers.items() if k.lower() not in {"content-length", "content-encoding"}}
    body = body.replace("</main>", f"{html}</main>", 1)

    def serve(route):
        route.fulfill(status=status, headers=headers, body=body)

    return live_site + path, serve


@pytest.mark.parametrize("url", ["https://vimeo.com/76979871", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"])
def test_video_player_is_the_only_other_host_and_only_after_a_click(page: Page, live_site: str, url: str):
    """The policy allows the privacy-friendly video players as frames only; nothing loads before the click."""
    recorder = Recorder(page)
    page.route(re.compile(r"^https://(www\.youtube-nocookie\.com|player\.vimeo\.com)/"), lambda r: r.fulfill(body="ok"))
    page.route(*_with_a_video(live_site, MAIN_PAGES["content"], url))
    page.goto(live_site + MAIN_PAGES["content"])
    expect(page.locator(".video__play")).to_be_visible()
    assert {urlparse(u).netloc for u in recorder.requests} <= own_hosts(live_site)
    page.locator(".video__play").click()
    page.wait_for_load_state("networkidle")
    player = urlparse(page.locator(".video iframe").get_attribute("src")).netloc
    assert player in {"player.vimeo.com", "www.youtube-nocookie.com"}
    assert recorder.violations == []


def login(page: Page, live_site: str) -> None:
    log_in(page, live_site, ADMIN_USER, ADMIN_PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_admin_editor_preview_and_userbar_work_under_the_admin_policy(page: Page, live_site: str):
    recorder = Recorder(page)
    login(page, live_site)
    for path in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/images/multiple/add/", "/admin/documents/"):
        visit(page, live_site + path)
    # the page editor with its live preview panel
    found = page.request.get(live_site + "/api/v2/pages/?type=news.NewsPage&slug=meldpunt-jaarrapport-2026").json()
    visit(page, f"{live_site}/admin/pages/{found['items'][0]['id']}/edit/")
    preview = open_preview(page)
    expect(preview.locator("h1").first).to_contain_text("Meldpunt Vreemdelingendetentie")
    assert recorder.violations == [], recorder.violations
    # the userbar on a public page, for the signed-in editor
    visit(page, live_site + "/nieuws/meldpunt-jaarrapport-2026/")
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    page.locator("wagtail-userbar").locator("button").first.click()
    page.wait_for_timeout(500)  # let the userbar's menu and accessibility checker run (not an assertion)
    assert recorder.violations == []
    hosts = {urlparse(url).netloc for url in recorder.requests if url.startswith("http")}
    assert hosts <= own_hosts(live_site)
