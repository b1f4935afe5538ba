"""`make loadtest`: a bounded load test of the production stack on 127.0.0.1.

Builds a PostgreSQL database (LOADTEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/los_loadtest;
dropped and created), migrates it, loads the demo content plus generated news, collects static files, then runs
gunicorn (gunicorn.conf.py) with cms.settings.production on a free port. Concurrent clients (threads with
keep-alive connections) request a fixed mix of news list, news item, search and API URLs; the script prints
requests per second, median and 95th percentile latency and the error count (anything but 200, or a failed
connection), per URL and overall. Nothing leaves 127.0.0.1. Timing goals live here, never in test asserts.

    .venv/bin/python bench/loadtest.py [--clients 20] [--requests 2000] [--news 300] [--workers 3]
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/los_loadtest"
sys.path.insert(0, str(ROOT))

from cms.local_services import free_port, recreate_database, wait_until_serving  # noqa: E402


def run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def urls_to_test(base: str) -> list[str]:
    """The mix: news list (with a filter and a page), one news item, search, the API."""
    with urllib.request.urlopen(base + "/api/v2/pages/?type=news.NewsPage&limit=20&fields=-title") as response:  # noqa: S310
        import json

        items = json.load(response)["items"]
    item_paths = [urlparse(item["meta"]["html_url"]).path for item in items[:5]]
    return [
        "/nieuws/",
        "/nieuws/?page=2",
        "/nieuws/?theme=zorg",
        *item_paths,
        "/zoeken/?q=zorg",
        "/zoeken/?q=detentie+opvang",
        "/api/v2/pages/?type=news.NewsPage&limit=20",
        "/api/v2/search/?q=zorg",
    ]


def client(host: str, port: int, paths: list[str], count: int, offset: int, results: dict, lock) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    local: list[tuple[str, float, bool]] = []
    for i in range(count):
        path = paths[(offset + i) % len(paths)]
        started = time.perf_counter()
        ok = False
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Language": "nl"})
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
        local.append((path, time.perf_counter() - started, ok))
    connection.close()
    with lock:
        for path, seconds, ok in local:
            results[path].append((seconds, ok))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="total requests over all clients")
    parser.add_argument("--news", type=int, default=300, help="generated news items on top of the demo")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    args = parser.parse_args()

    database_url = os.environ.get("LOADTEST_DATABASE_URL", DEFAULT_DB)
    tmp = Path(tempfile.mkdtemp(prefix="los-loadtest-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1; production sits behind TLS
        "EMAIL_URL": os.environ.get("LOADTEST_EMAIL_URL", "smtp://127.0.0.1:25"),  # production refuses none
        "REDIS_URL": os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/13"),  # shared by the workers
        "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
        "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local address; no mail sent
        "MEDIA_ROOT": str(tmp / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_ACCESS_LOG": str(tmp / "access.log"),
    }
    print(f"Database {urlparse(database_url).path.lstrip('/')}: migrate, seed_demo --news {args.news}...")
    recreate_database(database_url)
    manage = [PYTHON, "manage.py"]
    run([*manage, "migrate", "--no-input", "-v0"], env)
    run([*manage, "seed_demo", "--news", str(args.news), "-v0"], env)
    run([*manage, "update_index"], {**env, "PYTHONWARNINGS": "ignore"})
    run([*manage, "collectstatic", "--no-input", "-v0"], env)

    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "cms.wsgi", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=(tmp / "gunicorn.out").open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_serving(base, server):
            print((tmp / "gunicorn.out").read_text())
            return 2
        paths = urls_to_test(base)
        for path in paths:  # one warm-up request each: caches and connections, not measured
            urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310

        results: dict[str, list[tuple[float, bool]]] = defaultdict(list)
        lock = threading.Lock()
        per_client = args.requests // args.clients
        threads = [
            threading.Thread(target=client, args=("127.0.0.1", port, paths, per_client, i, results, lock))
            for i in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    all_times = [seconds for rows in results.values() for seconds, _ in rows]
    errors = sum(1 for rows in results.values() for _, ok in rows if not ok)
    print(f"\n{len(all_times)} requests, {args.clients} concurrent clients, gunicorn {args.workers} workers")
    print(f"{'URL':55} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'errors':>6}")
    for path, rows in sorted(results.items()):
        times = [seconds for seconds, _ in rows]
        failed = sum(1 for _, ok in rows if not ok)
        median_ms, p95_ms = statistics.median(times) * 1000, p95(times) * 1000
        print(f"{path[:55]:55} {len(rows):5d} {median_ms:10.0f} {p95_ms:8.0f} {failed:6d}")
    print(
        f"\nTotal: {len(all_times) / elapsed:.1f} requests/s, median {statistics.median(all_times) * 1000:.0f} ms, "
        f"p95 {p95(all_times) * 1000:.0f} ms, errors {errors}"
    )
    access_log = (tmp / "access.log").read_text().splitlines()
    print(f"Access log sample (no IP, no query string): {access_log[-1] if access_log else '(empty)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
