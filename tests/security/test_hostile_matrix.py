"""The adversarial review as a permanent test (issue 17): hostile input on every public URL pattern and every API
endpoint and parameter, asserting that nothing answers 5xx. Run on PostgreSQL (DATABASE_URL): NUL bytes and
out-of-range numbers only fail there.

Nothing here is a hand-kept list of URLs. The public URLs come from Django's URL resolver (every `path()` outside
/admin/, with sample values for its converters), the pages from the database (one live page per page type, plus
each routable page's own sub-URLs), the API endpoints from `cms.api.api_router` and their parameters from each
endpoint's `known_query_parameters`, the page types' declared filters and their API fields. A new endpoint,
parameter, page type or route is covered the day it lands. A URL pattern this file cannot fill in fails the test
with a message saying which row to add to `SAMPLE_ARGUMENTS`.

Sized to find bugs, not to repeat renders: every URL gets a few hostile values (rotating through the whole list),
every API parameter the values that break parsing and databases (`API_ALWAYS`) plus a few more in rotation,
posted forms get every value in every field. One test per API endpoint, so pytest-xdist spreads them.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import quote

import pytest
from django.apps import apps
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from api.filters import declared_filters
from cms.api import api_router

from .url_patterns import walk

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00",
    "zorg\x00opvang",
    "-1",
    "0",
    "99999999999999999999999",
    "1e308",
    "NaN",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "../../../etc/passwd",
    "a" * 3000,
    "зорг🏠\u202e\ufeff",
    "%",
    "[]",
    "{}",
    "__proto__",
    ",,,",
    "*",
    "-",
    "2026-13-45",
    " ",
    "null",
    "news.NewsPage",
    "wagtailcore.Page",
    "--5",
    "²",  # a digit to str.isdigit(), not to int()
    "9999-12-31",  # a valid date whose next day, or whose moment in Dutch time, does not exist
    "0001-01-01",
]
# Query parameter names the site's views read, besides those the API declares; one request sets them all.
PAGE_PARAMETERS = [
    "q", "page", "p", "type", "theme", "thema", "kind", "year", "tag", "sort", "order", "author", "project",
    "plaats", "maand", "verleden", "past", "taal", "status", "bedankt", "v", "format", "next", "locale",
]  # fmt: skip
VALUES_PER_URL = 4
# What broke parsers and databases in the adversarial review (NUL, out-of-range and non-finite numbers, quotes,
# huge and malformed values): every API parameter gets all of these, and API_ROTATING more from the rest.
API_ALWAYS = [
    "\x00", "zorg\x00opvang", "-1", "99999999999999999999999", "1e308", "NaN", "' OR '1'='1", "a" * 3000, "%",
    "2026-13-45", "зорг🏠\u202e\ufeff", "--5", "9999-12-31",
]  # fmt: skip
API_ROTATING = 3
# Converters of URL patterns that are not an `int`: a value to put in, per pattern name.
SAMPLE_ARGUMENTS: dict[str, dict[str, str]] = {
    "wagtaildocs_serve": {},  # regex pattern: documents are requested from the database below
    "wagtail_serve": {},  # regex pattern: pages are requested from the database below
    "embed": {"kind": "cijfers"},
    "newsletter:confirm": {"token": "x"},
    "newsletter:unsubscribe": {"token": "x"},
    "newsletter:manage": {"token": "x"},  # an unknown kind is attacked too: the value is not checked here
}
SKIPPED_PREFIXES = ("admin/", "static/", "media/")


def _concrete(route: str, name: str, problems: list[str]) -> list[str]:
    """Paths for one URL pattern: converters filled with an existing-looking and an out-of-range value."""
    route = route.replace("^", "").replace("$", "")
    if name in SAMPLE_ARGUMENTS and not SAMPLE_ARGUMENTS[name]:
        return []
    samples = SAMPLE_ARGUMENTS.get(name, {})
    converters = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if re.search(r"[()\\\[\]?*+]", re.sub(r"<[^>]+>", "", route)):
        problems.append(f'{name or route}: a regex pattern; add SAMPLE_ARGUMENTS["{name}"] = {{}} and cover it here')
        return []
    paths = []
    for variant in ("1", "99999999999999999999"):
        path = route
        for kind, arg in converters:
            if kind in ("int", "db_id") or arg in ("pk", "id"):  # db_id: security/converters.py, a database id
                value = variant
            elif arg in samples:
                value = samples[arg]
            else:
                problems.append(f'{name}: add SAMPLE_ARGUMENTS["{name}"] = {{"{arg}": "<an example>"}}')
                return []
            path = re.sub(rf"<(?:\w+:)?{arg}>", value, path, count=1)
        paths.append("/" + path)
    return paths


def public_urls() -> tuple[list[str], list[str]]:
    """Every public URL to attack, and the patterns that could not be filled in."""
    problems: list[str] = []
    urls: list[str] = []
    for route, name, _view in walk():
        if route.replace("^", "").startswith(SKIPPED_PREFIXES) or name.startswith("wagtailapi:"):
            continue
        urls.extend(_concrete(route, name, problems))
    # One live page per page type (the same template renders all of its kind), with each routable page's routes.
    seen: set[int] = set()
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        if page.content_type_id in seen:
            continue
        seen.add(page.content_type_id)
        url = page.get_url()
        if not url:
            continue
        urls.append(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                route = str(pattern.pattern).replace("^", "").replace("$", "")
                if route and not re.search(r"[<(\\]", route):
                    urls.append(url.rstrip("/") + "/" + route.lstrip("/"))
    from wagtail.documents import get_document_model

    document = get_document_model().objects.order_by("pk").first()
    if document:
        urls.append(document.url)
    return sorted(set(urls)), problems


def api_targets() -> list[tuple[str, list[str], dict[str, str]]]:
    """(URL, parameter names, fixed parameters) for every endpoint of the API router, listing and detail."""
    targets = []
    for name, viewset in api_router._endpoints.items():
        base = f"/api/v2/{name}/"
        params = set(viewset.known_query_parameters)
        model = getattr(viewset, "model", None)
        if model is not None:
            params |= {
                str(field.name if hasattr(field, "name") else field) for field in getattr(model, "api_fields", [])
            }
        targets.append((base, sorted(params), {}))
        targets.append((base + "1/", ["fields", "format"], {}))
        targets.append((base + "find/", sorted(params), {}))
        if name == "pages":
            for page_model in apps.get_models():
                if issubclass(page_model, Page) and (filters := declared_filters(page_model)):
                    targets.append((base, sorted(filters), {"type": page_model._meta.label}))
    targets.append(("/api/v2/search/", PAGE_PARAMETERS, {}))
    return targets


def _query(pairs) -> str:
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


class Tally:
    """Counts requests and collects every 5xx (URL and status), so one run lists all failures at once."""

    def __init__(self, client):
        client.raise_request_exception = False  # an exception is a 500 like any other: list them all
        self.client, self.requests, self.errors = client, 0, []

    def get(self, url: str) -> None:
        self.requests += 1
        response = self.client.get(url)
        if response.status_code >= 500:
            self.errors.append((response.status_code, url[:300]))

    def post(self, url: str, data: dict, **headers) -> None:
        self.requests += 1
        response = self.client.post(url, data, **headers)
        if response.status_code >= 500:
            self.errors.append((response.status_code, f"POST {url} {str(data)[:200]}"))

    def report(self, what: str) -> None:
        print(f"\nhostile {what}: {self.requests} requests, {len(self.errors)} answered 5xx")  # noqa: T201
        assert not self.errors, self.errors[:20]


def test_every_public_url_pattern_is_covered():
    urls, problems = public_urls()
    assert not problems, "\n".join(problems)
    assert len(urls) > 20 and "/.well-known/security.txt" in urls


def test_hostile_query_strings_on_every_public_url(client):
    urls, _problems = public_urls()
    tally = Tally(client)
    values = itertools.cycle(HOSTILE)
    for url in urls:
        for _ in range(VALUES_PER_URL):
            value = next(values)
            tally.get(f"{url}?{_query((name, value) for name in PAGE_PARAMETERS)}")
        tally.get(f"{url}?{_query([(next(values), '1')])}")  # the hostile value as a parameter name
    tally.report("public URLs")


API_TARGETS = api_targets()


@pytest.mark.parametrize(
    ("url", "params", "fixed"), API_TARGETS, ids=[f"{url}{fixed.get('type', '')}" for url, _p, fixed in API_TARGETS]
)
def test_hostile_values_in_every_api_parameter(client, settings, url, params, fixed):
    settings.LOS_API_RATE = "1000000/minute"  # every request reaches the endpoint, not the 429 (test_rate_limits.py)
    tally = Tally(client)
    others = itertools.cycle([value for value in HOSTILE if value not in API_ALWAYS])
    for name in params:
        for value in [*API_ALWAYS, *itertools.islice(others, API_ROTATING)]:
            tally.get(f"{url}?{_query([*fixed.items(), (name, value)])}")
    tally.report(f"API parameters of {url}")


def test_hostile_posts_to_every_public_form(client, settings):
    from wagtail.models import PageViewRestriction

    from campaigns.models import SignupFormPage

    # Reach the form handling, not the 429 (the limits have tests of their own: test_rate_limits.py).
    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = settings.LOS_PASSWORD_FORM_RATE_LIMIT = (10_000, 600)
    # The login as in production: axes records every failed attempt (a 3,000-character user name answered 500).
    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT = True, 10_000
    tally = Tally(client)
    forms = []
    for page in SignupFormPage.objects.live():
        fields = [field.clean_name for field in page.get_form_fields()]
        fields += ["privacy_consent", "organisation", "hp_website"]
        forms.append((f"/aanmelden/{page.pk}/", fields))
    forms.append(("/_util/login/", ["username", "password", "next"]))
    restricted = Page.objects.live().filter(depth__gt=2).order_by("path").first()
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x" * 12)
    forms.append((f"/_util/authenticate_with_password/{restriction.pk}/{restricted.pk}/", ["password", "return_url"]))
    for url, fields in forms:
        for value in HOSTILE:
            tally.post(url, dict.fromkeys(fields, value), HTTP_SEC_FETCH_SITE="same-origin")
        tally.post(url, {name: [HOSTILE[2], HOSTILE[7]] for name in fields}, HTTP_SEC_FETCH_SITE="same-origin")
    tally.report("form posts")
