"""Every page type of both sites on a small phone, in every language (issue 21, Must show).

Two modes, one page load per page type per language per mode:
- "320": a 320 x 740 screen (WCAG 1.4.10 reflow);
- "text200": a 360 x 740 phone whose visitor doubled the text size (WCAG 1.4.4): Chromium's default font size
  set to 32 px through the DevTools protocol, as Android's font scale does, so everything sized in rem grows.
On each page: every image that loaded shows (no missing file or rendition); no sideways scrolling, no text
squeezed into a column a few letters wide, no chart labels on top of each other; controls at least 24 x 24 px
(WCAG 2.5.8; links inside a sentence are exempt, as the criterion says). On listings (news, agenda, publications,
search) at 320 px: the first item starts on the first screen. In Arabic: every phone number, URL and e-mail
address sits in a left-to-right isolate. At 320 px also axe-core (WCAG 2.0-2.2 A and AA rules, bundled by
axe-playwright-python): no violations. With doubled text every page must really show its text at 32 px, so the
checks cannot pass at the normal size unnoticed. With `LOS_E2E_SCREENSHOTS` set, each page is kept as
`phone/<mode>/<site>/<address>.png` to look at.

The main site offers Dutch and English (Settings › Talen); the microsite all five languages.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from .screenshots import keep_screens, keep_screenshot

pytestmark = pytest.mark.e2e

MAIN = {
    "nl": [
        "/",
        "/over-los/",
        "/over-los/fondsen/",
        "/publicaties/",
        "/publicaties/medische-zorg-in-vreemdelingendetentie/",
        "/nieuws/",
        "/nieuws/meldpunt-jaarrapport-2026/",
        "/agenda/",
        "/agenda/1-regiobijeenkomst-opvang-noord/",
        "/campagnes/",
        "/campagnes/geen-strafbaarstelling/",
        "/campagnes/geen-strafbaarstelling/onderteken/",
        "/projecten/",
        "/projecten/meldpunt-vreemdelingendetentie/",
        "/cijfers/",
        "/nieuwsbrief/",
        "/steun-los/",
        "/zoeken/?q=opvang",
        "/pagina-die-niet-bestaat/",
    ],
    "en": [
        "/en/",
        "/en/about-los/",
        "/en/news/",
        "/en/news/detention-hotline-annual-report-2026/",
        "/en/events/",
        "/en/figures/",
        "/en/support-los/",
    ],
}
MICROSITE = {
    "nl": ["/", "/huiselijk-geweld/", "/hulp-zoeken/"],
    "en": ["/en/", "/en/domestic-violence/", "/en/find-help/"],
    "fr": ["/fr/", "/fr/violences-familiales/", "/fr/trouver-de-l-aide/"],
    "ar": ["/ar/", "/ar/al-unf-al-usari/", "/ar/musaada/"],
    "es": ["/es/", "/es/violencia-domestica/", "/es/buscar-ayuda/"],
}
# Listings whose first item must be on the first screen, with the selector of an item.
LISTINGS = {
    "/nieuws/": ".news-list > li",
    "/en/news/": ".news-list > li",
    "/agenda/": ".event-list > li",
    "/en/events/": ".event-list > li",
    "/publicaties/": ".publication-list > li",
    "/zoeken/?q=opvang": ".result-list > li",
}
AXE = Axe()
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
MODES = {
    "320": {"viewport": {"width": 320, "height": 740}, "font_size": None},
    "text200": {"viewport": {"width": 360, "height": 740}, "font_size": 32},
}

# Everything measured in one evaluation per page.
MEASURE = """(listing) => {
    const doc = document.documentElement;
    const small = [];
    const targets = document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary');
    for (const el of targets) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;  // not rendered (e.g. a closed menu)
        if (box.right <= 0 || box.left >= doc.clientWidth) continue;  // off-screen on purpose (a honeypot field)
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link, [hidden]')) continue;
        // A link inside a sentence is exempt (2.5.8 "inline"): its block holds more text than the link.
        if (el.tagName === 'A') {
            const block = el.parentElement.closest('p, li, dd, td, figcaption, blockquote, span, div');
            if (block && block.textContent.trim() !== el.textContent.trim()
                && getComputedStyle(el).display === 'inline') continue;
        }
        if (box.width < 24 || box.height < 24) {
            small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 30)}"`
                + ` ${Math.round(box.width)}x${Math.round(box.height)}`);
        }
    }
    let first = null;
    if (listing) {
        const item = document.querySelector(listing);
        first = item ? item.getBoundingClientRect().top + window.scrollY : -1;
    }
    const wide = [];
    if (doc.scrollWidth > doc.clientWidth) {
        for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.right > doc.clientWidth + 1 || box.left < -1) {
                wide.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 60));
                if (wide.length > 4) break;
            }
        }
    }
    // Text squeezed into a column narrower than three letters, so that it runs down the screen a few letters a line
    // ("1 / 5 / ju / ni"): nothing overflows, yet it cannot be read.
    const squeezed = [];
    const blocks = 'p, li, dt, dd, td, th, h1, h2, h3, h4, figcaption, label, a, button';
    for (const el of document.body.querySelectorAll(blocks)) {
        const style = getComputedStyle(el);
        if (style.display === 'inline' || el.textContent.trim().length < 5) continue;
        const box = el.getBoundingClientRect();
        const size = parseFloat(style.fontSize);
        if (box.width > 0 && box.width < 3 * size && box.height > 3 * size) {
            const text = el.textContent.trim().slice(0, 20);
            squeezed.push(`${el.tagName.toLowerCase()} "${text}" ${Math.round(box.width)} px`);
        }
    }
    // Labels of a drawn chart that touch each other (a period under the axis, a value after a bar).
    const touching = [];
    for (const svg of document.querySelectorAll('svg.chart__svg')) {
        const boxes = [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()]);
        boxes.forEach(([text, box], i) => boxes.slice(i + 1).forEach(([other, next]) => {
            if (box.left < next.right && next.left < box.right && box.top < next.bottom && next.top < box.bottom) {
                touching.push(`"${text}" / "${other}"`);
            }
        }));
    }
    // Loaded (or failed) images that show nothing: a missing file or rendition.
    const broken = [...document.images].filter((img) => img.complete && img.naturalWidth === 0)
        .map((img) => img.currentSrc || img.src);
    return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, small, first, wide, broken, squeezed, touching,
            rootFontSize: getComputedStyle(doc).fontSize};
}"""

# In a right-to-left page: text nodes holding a phone number, URL or e-mail address whose nearest element is not
# a left-to-right isolate.
UNISOLATED = r"""() => {
    const pattern = /(https?:\/\/|www\.|[\w.+-]+@[\w-]+\.|\d{2,}[\s-]\d{2,})/;
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!pattern.test(node.textContent)) continue;
        const parent = node.parentElement;
        if (parent.closest('script, style, option, textarea')) continue;
        const style = getComputedStyle(parent);
        const isolate = parent.closest('[dir=ltr]');
        if (!isolate || isolate === document.documentElement || style.direction !== 'ltr'
            || !['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(isolate).unicodeBidi)) {
            found.push(node.textContent.trim().slice(0, 60));
        }
    }
    return found;
}"""


def _microsite(live_site: str) -> str:
    return f"http://ilegalevrouw.localhost:{urlparse(live_site).port}"


@pytest.fixture(scope="module", params=list(MODES))
def phone(request, browser):
    mode = MODES[request.param]
    context = browser.new_context(viewport=mode["viewport"], is_mobile=True, has_touch=True)
    page = context.new_page()
    if mode["font_size"]:
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": mode["font_size"], "fixed": mode["font_size"]}})
    yield request.param, page
    context.close()


def _check(page, mode: str, url: str, path: str, *, rtl: bool, shot: str) -> list[str]:
    page.goto(url)
    measured = page.evaluate(MEASURE, LISTINGS.get(path) if mode == "320" else None)
    problems = []
    if (size := MODES[mode]["font_size"]) and measured["rootFontSize"] != f"{size}px":
        problems.append(f"{path}: text at {measured['rootFontSize']}, not {size}px")
    if measured["scrollWidth"] > measured["clientWidth"]:
        problems.append(f"{path}: {measured['scrollWidth']} px wide at {measured['clientWidth']}: {measured['wide']}")
    if measured["broken"]:
        problems.append(f"{path}: images that do not load: {measured['broken'][:3]}")
    if measured["squeezed"]:
        problems.append(f"{path}: text squeezed into a narrow column: {measured['squeezed'][:3]}")
    if measured["touching"]:
        problems.append(f"{path}: chart labels on top of each other: {measured['touching'][:3]}")
    if measured["small"]:
        problems.append(f"{path}: targets under 24 x 24: {measured['small'][:5]}")
    if measured["first"] is not None and not 0 <= measured["first"] < 740:
        problems.append(f"{path}: first listing item at {measured['first']} px")
    if rtl and (unisolated := page.evaluate(UNISOLATED)):
        problems.append(f"{path}: not isolated left-to-right: {unisolated}")
    if mode == "320":
        violations = AXE.run(page, options=AXE_RULES).response["violations"]
        problems += [f"{path}: axe {rule['id']}: {rule['nodes'][0]['html'][:100]}" for rule in violations]
    name = f"phone/{mode}/{shot}/{re.sub(r'[^a-z0-9]+', '-', path).strip('-') or 'home'}.png"
    if MODES[mode]["font_size"]:
        keep_screens(page, name)  # not a full-page screenshot: it would undo the doubled text
    else:
        keep_screenshot(page, name, full_page=True)
    return problems


@pytest.mark.parametrize("language", list(MAIN))
def test_main_site_pages_fit_a_phone(phone, live_site: str, language: str):
    mode, page = phone
    problems = [
        problem
        for path in MAIN[language]
        for problem in _check(page, mode, live_site + path, path, rtl=False, shot="main")
    ]
    assert problems == []


@pytest.mark.parametrize("language", list(MICROSITE))
def test_microsite_pages_fit_a_phone(phone, live_site: str, language: str):
    mode, page = phone
    site = _microsite(live_site)
    problems = [
        problem
        for path in MICROSITE[language]
        for problem in _check(page, mode, site + path, path, rtl=language == "ar", shot="microsite")
    ]
    assert problems == []
