"""Every page type of both sites on a small phone, in every language (issue 21, Must show).

Two modes, one page load per page type per language per mode:
- "320": a 320 x 740 screen (WCAG 1.4.10 reflow);
- "text200": the same 320 x 740 screen, whose visitor doubled the text size (WCAG 1.4.4): Chromium's default font
  size set to 32 px through the DevTools protocol, as Android's font scale does, so everything sized in rem grows.
  (At 360 px the newsletter form's checkbox list pushed its fieldset 21 px past a 320 px screen unseen.)
On each page: every image that loaded shows (no missing file or rendition); no sideways scrolling, no text
squeezed into a column a few letters wide, no chart labels on top of each other; controls at least 24 x 24 px
(WCAG 2.5.8; links inside a sentence are exempt, as the criterion says). On listings (news, agenda, publications,
search) at 320 px: the first item starts on the first screen. In Arabic: every phone number, URL and e-mail
address sits in a left-to-right isolate. At 320 px also axe-core (WCAG 2.0-2.2 A and AA rules, bundled by
axe-playwright-python): no violations. With doubled text every page must really show its text at 32 px, so the
checks cannot pass at the normal size unnoticed. Every page also says its language and direction on <html>, asks
no other host for anything and gives the anonymous visitor no cookie. With `LOS_E2E_SCREENSHOTS` set, each page is
kept as `phone/<mode>/<site>/<address>.png` to look at.

Besides the pages a link opens, the answers a visitor gets to a post (`ANSWERS`, checked the same way): the visitors'
login when the user name is locked out (security/axes_support.py, 429), and a sign-up form that stores nothing when
its staff mail cannot be sent (campaigns/signups.py, 503: try again later, the form still filled in).

The main site offers Dutch and English (Settings › Talen); the microsite all five languages.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .accessibility import axe_check
from .page_editor import open_more_actions
from .screenshots import keep_screens, keep_screenshot
from .staff_login import ADMIN_PASSWORD, ADMIN_USER, account_context, log_in
from .test_security_privacy import Recorder, own_hosts

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
MODES = {
    "320": {"viewport": {"width": 320, "height": 740}, "font_size": None},
    "text200": {"viewport": {"width": 320, "height": 740}, "font_size": 32},
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
            rootFontSize: getComputedStyle(doc).fontSize, lang: doc.lang, dir: doc.dir};
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


# Answers to a post, per language: site, the form's address, what it is (the screenshot's name). Arabic is offered
# on the microsite only; no sign-up form exists in English or Arabic (campaigns are not translated), so the sign-up's
# answer is checked in Dutch.
ANSWERS = {
    "nl": [
        ("main", "/_util/login/?next=/", "locked-out"),
        ("main", "/campagnes/geen-strafbaarstelling/onderteken/", "signup-try-again"),
    ],
    "en": [("main", "/en/_util/login/?next=/en/", "locked-out")],
    "ar": [("microsite", "/ar/_util/login/?next=/ar/", "locked-out")],
}
LOCKED_NAME = "e2e-vergeten-lid"  # no such account: a lockout answers the same whether or not it exists
SIGNUP_ADDRESS = "e2e-telefoon@example.org"
ANSWER_STATUS = {"locked-out": 429, "signup-try-again": 503}


@pytest.fixture(scope="module", params=list(MODES))
def phone(request, browser):
    mode = MODES[request.param]
    context = browser.new_context(viewport=mode["viewport"], is_mobile=True, has_touch=True)
    page = context.new_page()
    if mode["font_size"]:
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": mode["font_size"], "fixed": mode["font_size"]}})
    recorder = Recorder(page)
    yield request.param, page, recorder
    context.close()


@pytest.fixture(scope="module")
def locked_name(browser, live_site: str) -> str:
    """A user name locked out by failed logins on the admin's login (django-axes locks the name, whichever login
    failed), in a context of its own: the visitor's phone then posts only its own answers, which stay well within
    the visitors' login limit per client (LOS_PASSWORD_FORM_RATE_LIMIT)."""
    from django.conf import settings

    context = browser.new_context()
    page = context.new_page()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.goto(live_site + "/admin/login/")
        page.locator("#id_username").fill(LOCKED_NAME)
        page.locator("#id_password").fill("fout-wachtwoord")
        with page.expect_navigation() as answer:
            page.locator("form.login-form [type=submit]").click()
    assert answer.value.status == 429  # the last failure locked the name
    context.close()
    return LOCKED_NAME


@pytest.fixture(scope="module")
def signup_storing_nothing(browser, live_site: str, django_db_blocker):
    """The coalition form set to "only e-mail, store nothing" by an administrator for this file, and back after."""
    from campaigns.models import SignupFormPage

    with django_db_blocker.unblock():  # the server's database is a copy of this one: the same page ids
        form = SignupFormPage.objects.get(slug="onderteken")
    page = account_context(browser, ADMIN_USER).new_page()

    def store(keep: bool) -> None:
        log_in(page, live_site, ADMIN_USER, ADMIN_PASSWORD, next_path=f"/admin/pages/{form.pk}/edit/")
        page.goto(f"{live_site}/admin/pages/{form.pk}/edit/")
        page.locator("#id_store_submissions").set_checked(keep)
        page.locator("#id_to_address").fill("" if keep else "e2e-aanmeldingen@example.org")
        open_more_actions(page)
        page.get_by_role("button", name="Publiceren").click()
        expect(page.locator(".messages")).to_contain_text("gepubliceerd")

    store(False)
    yield
    store(True)
    page.close()


def _post_answer(page, url: str, what: str, mail_dir: Path) -> int:
    """Open the form at `url` and post it so that the answer is `what`; the answer's status."""
    page.goto(url)
    if what == "locked-out":
        page.locator("#id_username").fill(LOCKED_NAME)
        page.locator("#id_password").fill("nog-een-poging")
        with page.expect_navigation() as answer:
            page.locator("form:has(#id_password) [type=submit]").click()
        return answer.value.status
    # The mail server is down: Django's file backend refuses a mail folder that is a file.
    page.get_by_label(re.compile("^Naam van je organisatie")).fill("Stichting Telefoon")
    page.get_by_label(re.compile("^E-mailadres contactpersoon")).fill(SIGNUP_ADDRESS)
    page.get_by_label(re.compile("toestemming")).check()
    kept = mail_dir.with_name(mail_dir.name + "-weg")
    mail_dir.rename(kept)
    try:
        mail_dir.write_text("geen map")
        with page.expect_navigation() as answer:
            page.locator("form:has([name=privacy_consent]) [type=submit]").click()
    finally:
        mail_dir.unlink()
        kept.rename(mail_dir)
    # Nothing lost: the form comes back as it was filled in, with the message on top.
    expect(page.get_by_role("alert").first).to_contain_text("probeer het later nog eens")
    expect(page.get_by_label(re.compile("^E-mailadres contactpersoon"))).to_have_value(SIGNUP_ADDRESS)
    return answer.value.status


def _check(phone, url: str, path: str, *, language: str, shot: str, answer: str = "", mail_dir=None) -> list[str]:
    mode, page, recorder = phone
    recorder.requests.clear()
    recorder.violations.clear()
    rtl = language == "ar"
    problems = []
    if answer:
        if (status := _post_answer(page, url, answer, mail_dir)) != ANSWER_STATUS[answer]:
            problems.append(f"{path}: {answer} answered {status}, not {ANSWER_STATUS[answer]}")
    else:
        page.goto(url)
    measured = page.evaluate(MEASURE, LISTINGS.get(path) if mode == "320" else None)
    if (measured["lang"], measured["dir"]) != (language, "rtl" if rtl else "ltr"):
        problems.append(f"{path}: <html lang={measured['lang']!r} dir={measured['dir']!r}> in {language}")
    if other := {urlparse(u).netloc for u in recorder.requests if u.startswith("http")} - own_hosts(url):
        problems.append(f"{path}: requests to other hosts {other}")
    if cookies := page.context.cookies():
        problems.append(f"{path}: cookies for an anonymous visitor {[cookie['name'] for cookie in cookies]}")
    if recorder.violations:
        problems.append(f"{path}: {recorder.violations[:3]}")
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
        violations = axe_check(page).response["violations"]
        problems += [f"{path}: axe {rule['id']}: {rule['nodes'][0]['html'][:100]}" for rule in violations]
    slug = f"{answer}-{language}" if answer else re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home"
    name = f"phone/{mode}/{shot}/{slug}.png"
    if MODES[mode]["font_size"]:
        keep_screens(page, name)  # not a full-page screenshot: it would undo the doubled text
    else:
        keep_screenshot(page, name, full_page=True)
    return problems


@pytest.mark.parametrize("language", list(MAIN))
def test_main_site_pages_fit_a_phone(phone, live_site: str, language: str):
    problems = [
        problem
        for path in MAIN[language]
        for problem in _check(phone, live_site + path, path, language=language, shot="main")
    ]
    assert problems == []


@pytest.mark.parametrize("language", list(MICROSITE))
def test_microsite_pages_fit_a_phone(phone, live_site: str, language: str):
    site = _microsite(live_site)
    problems = [
        problem
        for path in MICROSITE[language]
        for problem in _check(phone, site + path, path, language=language, shot="microsite")
    ]
    assert problems == []


@pytest.mark.parametrize("language", ANSWERS)
def test_answers_to_a_post_fit_a_phone(
    phone, live_site: str, language: str, locked_name, signup_storing_nothing, e2e_mail_dir
):
    problems = []
    for site, path, answer in ANSWERS[language]:
        base = live_site if site == "main" else _microsite(live_site)
        problems += _check(phone, base + path, path, language=language, shot=site, answer=answer, mail_dir=e2e_mail_dir)
    assert problems == []
