"""bench/compare_bakerydemo.py (`make bench-compare`) needs bakerydemo and two databases, so no test runs it whole.
Its parts that could rot unseen run here on our own site: the generic in-process measurement (bench/measure_pages.py,
the same code that times bakerydemo in its own process), and the choice of our pages it compares."""

from __future__ import annotations

import importlib
import json

import pytest

from bench.measure_pages import MIN_REQUESTS, measure

pytestmark = pytest.mark.django_db


def test_measure_times_a_page_of_ours_in_process(client, home_page):
    results = measure(client, {"news_index": "/nieuws/"}, requests=MIN_REQUESTS)

    timed = results["news_index"]
    assert timed["path"] == "/nieuws/"
    assert timed["requests"] == MIN_REQUESTS
    for clock in ("cpu", "wall"):
        assert 0 < timed[clock]["median_ms"] <= timed[clock]["p95_ms"]
    assert timed["queries"] > 0
    assert abs(timed["bytes"] - len(client.get("/nieuws/").content)) < 100  # the page (its nonce differs)


def test_measure_refuses_what_is_not_an_anonymous_page_view(client, home_page):
    with pytest.raises(RuntimeError, match="answered 404"):
        measure(client, {"missing": "/bestaat-niet/"}, requests=MIN_REQUESTS)
    with pytest.raises(ValueError, match="at least"):
        measure(client, {"home": "/"}, requests=MIN_REQUESTS - 1)


def test_the_pages_of_ours_it_compares_answer(client, home_page, capsys):
    compare = importlib.import_module("bench.compare_bakerydemo")
    # What it runs in `manage.py shell -c` to pick a news item and a publication: our own constant.
    exec(compare.FIND_OURS, {})  # noqa: S102
    found = json.loads(capsys.readouterr().out.splitlines()[-1])

    assert set(found) == {"news_page", "publication_page"}
    urls = {**compare.OURS_PAGES, **found}
    assert {name for names, _ in compare.SHAPES.values() for name in names} == set(urls)
    for path in urls.values():
        assert client.get(path, HTTP_HOST="localhost").status_code == 200, path
