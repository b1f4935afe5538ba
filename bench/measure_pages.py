"""Time pages of any Django project in-process: the generic half of bench/compare_bakerydemo.py.

It knows nothing about the project it measures: it is given the project's folder (put first on sys.path and made
the working directory, as `manage.py` would have it), its settings module and the addresses, and it runs with that
project's own Python. Each address gets one warm-up request (renditions, caches, lazily built URL resolvers), then
`--requests` timed requests through the whole middleware stack with Django's test Client as an anonymous visitor
(no cookies). Each request is timed twice: wall time (time.perf_counter) and the CPU time of this process
(time.process_time). On a machine shared with others, wall time includes waiting for a core; CPU time does not,
so it is the figure that compares two projects measured minutes apart. CPU time leaves out the database server's
own work (another process): the query count, counted on one extra request after the timed ones, shows that part.

    <python> bench/measure_pages.py --project-dir DIR --settings MODULE [--requests 20] [--host localhost] \\
        home=/ list=/blog/ ...

Prints the results as one JSON object on its last line of output (a project may print its own lines first).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

MIN_REQUESTS = 20
RESULT_MARKER = "MEASURE_PAGES_RESULT "


def _percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[round(share * (len(sorted_values) - 1))]


def _summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(_percentile(ordered, 0.95) * 1000, 2),
    }


def _get(client, path: str, host: str):
    response = client.get(path, HTTP_HOST=host)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}, not 200: a benchmark measures pages")
    if response.cookies:
        raise RuntimeError(f"{path} set a cookie ({', '.join(response.cookies)}): not an anonymous page view")
    return body


def measure(client, urls: dict[str, str], requests: int = MIN_REQUESTS, host: str = "localhost") -> dict:
    """Per name in `urls`: median and 95th percentile of wall and CPU time over `requests` requests after one
    warm-up request, the response size, and the number of queries of one more request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if requests < MIN_REQUESTS:
        raise ValueError(f"at least {MIN_REQUESTS} requests per address")
    results = {}
    for name, path in urls.items():
        _get(client, path, host)  # warm-up
        walls, cpus = [], []
        for _ in range(requests):
            wall, cpu = time.perf_counter(), time.process_time()
            body = _get(client, path, host)
            cpus.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - wall)
        with CaptureQueriesContext(connection) as queries:
            _get(client, path, host)
        results[name] = {
            "path": path,
            "requests": requests,
            "wall": _summary(walls),
            "cpu": _summary(cpus),
            "queries": len(queries.captured_queries),
            "bytes": len(body),
        }
    return results


def environment() -> dict:
    """What ran: versions, settings module, cache backends, DEBUG."""
    import django
    from django.conf import settings

    try:
        from wagtail import __version__ as wagtail_version
    except ImportError:
        wagtail_version = None
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail_version,
        "settings": os.environ.get("DJANGO_SETTINGS_MODULE"),
        "debug": settings.DEBUG,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "caches": {name: conf["BACKEND"].rsplit(".", 1)[-1] for name, conf in settings.CACHES.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project-dir", required=True, help="the project's folder (where its manage.py is)")
    parser.add_argument("--settings", required=True, help="its settings module")
    parser.add_argument("--requests", type=int, default=MIN_REQUESTS)
    parser.add_argument("--host", default="localhost", help="Host header (must be in the project's ALLOWED_HOSTS)")
    parser.add_argument("--keep-cache", action="store_true", help="don't empty the project's caches first")
    parser.add_argument("urls", nargs="+", metavar="NAME=PATH")
    args = parser.parse_args()

    project = os.path.abspath(args.project_dir)
    os.chdir(project)  # settings may name folders relative to it
    sys.path.insert(0, project)
    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.test import Client

    if settings.DEBUG:
        raise SystemExit("DEBUG is on: measure with production settings")
    if not args.keep_cache:
        for cache in caches.all():
            cache.clear()
    urls = dict(url.split("=", 1) for url in args.urls)
    started = time.process_time()
    results = measure(Client(), urls, args.requests, args.host)
    report = {"environment": environment(), "pages": results, "cpu_seconds": round(time.process_time() - started, 2)}
    print(RESULT_MARKER + json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
