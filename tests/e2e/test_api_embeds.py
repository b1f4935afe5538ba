"""A partner's page shows LOS's agenda in an <iframe>: it loads, sets no cookie, fetches nothing from a third
host, and passes axe (WCAG 2.2 AA rules)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from cms.local_services import free_port, wait_until_serving

from .accessibility import axe_check

pytestmark = pytest.mark.e2e


def host(url: str) -> str:
    return re.sub(r"^[a-z]+://([^/]+).*", r"\1", url)


@pytest.fixture(scope="module")
def partner_site(tmp_path_factory):
    """A partner's web page on an origin of its own (another port: X-Frame-Options or frame-ancestors would
    block it), served by Python's http.server in a process of its own; the test writes the page. On 127.0.0.1
    like the LOS server: the e2e server serves one connection at a time, and a page from another site would make
    Chromium open a second connection beside its idle one (connection pools are kept per site)."""
    folder = tmp_path_factory.mktemp("partner")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    if not wait_until_serving(base, server):
        server.kill()
        pytest.fail("the partner site did not start")

    def with_iframe(src: str, name: str) -> str:
        page = f'<!DOCTYPE html><html lang="nl"><title>Partner</title><iframe src="{src}" title="LOS"></iframe>'
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
        return f"{base}/{name}.html"

    yield with_iframe
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.parametrize(
    "embed", ["agenda/?city=Utrecht&limit=5", "nieuws/?locale=en&limit=3", "agenda/?locale=ar&limit=3"]
)
def test_partner_page_shows_the_embed_without_cookies_or_third_parties(
    page: Page, live_site: str, partner_site, embed: str
):
    src = f"{live_site}/embed/{embed}"
    partner_url = partner_site(src, re.sub(r"\W", "-", embed))
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(host(request.url)))

    page.goto(partner_url)
    frame = page.frame_locator("iframe")
    frame.locator("h1").wait_for()
    assert frame.locator(".embed-list li").count() >= 1
    assert hosts == {host(partner_url), host(live_site)}
    assert page.context.cookies() == []

    page.goto(src)
    results = axe_check(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_volunteer_makes_the_code_and_the_partner_page_shows_it(staff_page, page: Page, live_site: str, partner_site):
    """Instellingen › Insluiten op een andere site, as the least-privileged group (any admin access may make one):
    the Vrijwilligers choose the agenda of Utrecht, get the code and its preview; the partner's page built from
    that code shows the list."""
    generator = staff_page("Vrijwilligers", "/admin/embeds/")
    generator.get_by_label("Wat wil je tonen?").select_option("agenda")
    generator.get_by_label("Plaats").fill("Utrecht")
    generator.get_by_label("Aantal").fill("3")
    generator.get_by_role("button", name="Maak de code").click()
    code = generator.get_by_label("Kopieer deze code en stuur hem naar de partner:").input_value()
    src = re.search(r'<iframe src="([^"]+)"', code).group(1)
    assert src.startswith(live_site + "/embed/agenda/?") and "city=Utrecht" in src and "limit=3" in src
    expect(generator.frame_locator("iframe[title='Voorbeeld van de inbedding']").locator("h1")).to_be_visible()

    page.goto(partner_site(src, "gemaakt-in-de-beheeromgeving"))
    items = page.frame_locator("iframe").locator(".embed-list li")
    expect(items.first).to_be_visible()
    assert items.count() <= 3
    assert page.context.cookies() == []
