"""`make bench`: the whole site under load, at several data sizes, as production runs it.

For each size (news items; plus N/20 publications and N/5 events):
1. a fresh database (PostgreSQL when BENCH_DATABASE_URL points at a server, else a SQLite file), migrated,
   filled with the demo content (seed_demo) and the generated items (bench/dataset.py, bulk inserts), which
   also measures the agenda import throughput;
2. gunicorn with cms.settings.production on 127.0.0.1 (static files collected and compressed by WhiteNoise,
   Redis cache when BENCH_REDIS_URL or a local Redis answers);
3. a bounded load generator: per page type, CONCURRENCY client threads with keep-alive connections, stopping
   at --seconds or --requests, whichever comes first, after one warm-up request (renditions, caches).
Reports per page type the median and 95th percentile latency and requests per second, as a table and as JSON
(--output). Timing goals live here, never in test asserts.

    make bench                          # SIZES="1000 10000"
    make bench SIZES="1000 10000 100000"
    .venv/bin/python bench/site_bench.py --sizes 10000 --seconds 15 --requests 400 --output out.json
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cms.local_services import (  # noqa: E402
    create_scratch_database,
    drop_scratch_database,
    free_port,
    wait_until_serving,
)

PYTHON = sys.executable
MICROSITE = "ilegalevrouw.localhost"

# (page type, path or a key of the data set's sample URLs, Host header)
PAGES = [
    ("home", "/", "localhost"),
    ("content", "/over-los/", "localhost"),
    ("news_index", "/nieuws/", "localhost"),
    ("news_index_page_40", "/nieuws/?page=40", "localhost"),
    ("news_filtered", "/nieuws/?kind=media&year=2024", "localhost"),
    ("news_page", "news_page", "localhost"),
    ("publication_index", "/publicaties/", "localhost"),
    ("publication_page", "publication_page", "localhost"),
    ("agenda", "/agenda/", "localhost"),
    ("event_detail", "event_detail", "localhost"),
    ("campaign", "/campagnes/zorg-in-detentie/", "localhost"),
    ("project", "/projecten/meldpunt-vreemdelingendetentie/", "localhost"),
    ("funders", "/over-los/fondsen/", "localhost"),
    ("microsite_home", "/", MICROSITE),
    ("search", "/zoeken/?q=opvang", "localhost"),
    ("search_two_words", "/zoeken/?q=medische+zorg", "localhost"),
    ("search_filtered", "/zoeken/?q=detentie&type=news", "localhost"),
    ("search_suggestions", "/zoeken/suggesties/?q=opv", "localhost"),
    ("news_feed", "/nieuws/feed/rss/", "localhost"),
]


def _redis_url() -> str:
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=0.5):
            return url
    except OSError:
        return ""


def _env(database_url: str, redis_url: str, static_root: Path, media_root: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": f"localhost,127.0.0.1,{MICROSITE}",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "TASKS_BACKEND": "immediate",
        "REDIS_URL": redis_url,
        # Production settings refuse to start without both; a benchmark sends no mail, and without a Redis server
        # it measures one process's own cache (reported as "locmem" below).
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "CACHE_SINGLE_PROCESS": "false" if redis_url else "true",
    }
    env.pop("DEBUG", None)
    return env


def _run(args: list[str], env: dict) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result.stdout


class Load:
    """A bounded load generator: `threads` clients, each with one keep-alive connection."""

    def __init__(self, port: int, threads: int, seconds: float, max_requests: int) -> None:
        self.port, self.threads, self.seconds, self.max_requests = port, threads, seconds, max_requests

    def run(self, paths: list[str], host: str) -> dict:
        latencies: list[float] = []
        errors: list[int] = []
        lock = threading.Lock()
        deadline = time.perf_counter() + self.seconds
        counter = iter(range(self.max_requests))

        def client() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            while time.perf_counter() < deadline:
                with lock:
                    n = next(counter, None)
                if n is None:
                    break
                path = paths[n % len(paths)]
                started = time.perf_counter()
                try:
                    conn.request("GET", path, headers={"Host": host, "Accept-Encoding": "gzip"})
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                    status = 0
                elapsed = time.perf_counter() - started
                with lock:
                    (latencies if status == 200 else errors).append(elapsed if status == 200 else status)
            conn.close()

        started = time.perf_counter()
        workers = [threading.Thread(target=client) for _ in range(self.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        wall = time.perf_counter() - started
        latencies.sort()
        return {
            "requests": len(latencies),
            "errors": len(errors),
            "error_statuses": sorted(set(errors))[:5],
            "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1) if latencies else None,
            "rps": round(len(latencies) / wall, 1) if wall else None,
        }


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 2**20, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def bench_size(size: int, args, tmp: Path, static_root: Path) -> dict:
    print(f"\n== {size:,} news items ==", flush=True)
    redis_url = _redis_url()
    database_url = create_scratch_database(
        os.environ.get("BENCH_DATABASE_URL", ""), f"bench_{size}", tmp / f"bench-{size}.sqlite3"
    )
    media_root = tmp / f"media-{size}"
    env = _env(database_url, redis_url, static_root, media_root)
    manage = [PYTHON, "manage.py"]
    started = time.perf_counter()
    _run([*manage, "migrate", "--no-input", "-v0"], env)
    _run([*manage, "seed_demo", "-v0"], env)
    seeded = time.perf_counter() - started
    print(f"  migrated and seeded in {seeded:.0f} s; building the data set...", flush=True)
    dataset = json.loads(_run([PYTHON, "bench/dataset.py", "--news", str(size)], env).strip().splitlines()[-1])
    print(
        f"  {dataset['news']:,} news, {dataset['publications']:,} publications, {dataset['events']:,} events "
        f"built in {dataset['build_seconds']} s, indexed in {dataset['search_index_seconds']} s; "
        f"import {dataset['import']['rows_per_second']:,} rows/s",
        flush=True,
    )
    port = free_port()
    log = tmp / f"gunicorn-{size}.log"
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            "1",
            "--timeout",
            "60",
        ],  # fmt: skip
        env=env,
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    results = {}
    try:
        if not wait_until_serving(f"http://127.0.0.1:{port}", server, seconds=90):
            server.kill()
            raise SystemExit(log.read_text()[-4000:])
        load = Load(port, args.concurrency, args.seconds, args.requests)
        for name, target, host in PAGES:
            paths = dataset["urls"].get(target, [target])
            warm = Load(port, 1, 120, len(paths)).run(paths, host)  # renditions and caches, as in production
            if warm["errors"]:
                print(f"  {name:<22} warm-up failed: {warm['error_statuses']}", flush=True)
            results[name] = load.run(paths, host)
            r = results[name]
            if not r["requests"]:
                print(f"  {name:<22} no successful requests: {r['error_statuses']}", flush=True)
                continue
            print(
                f"  {name:<22} median {r['median_ms']:>7} ms  p95 {r['p95_ms']:>7} ms  {r['rps']:>6} req/s  "
                f"({r['requests']} requests, {r['errors']} errors)",
                flush=True,
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if not args.keep_databases:
            drop_scratch_database(database_url)
        shutil.rmtree(media_root, ignore_errors=True)
    return {
        "size": size,
        "database": "postgresql" if database_url.startswith("postgres") else "sqlite",
        "cache": "redis" if redis_url else "locmem",
        "seed_seconds": round(seeded, 1),
        "dataset": {k: v for k, v in dataset.items() if k != "urls"},
        "pages": results,
    }


def table(report: dict) -> str:
    sizes = [run["size"] for run in report["runs"]]
    lines = ["| page type | " + " | ".join(f"{s:,}: median / p95 ms, req/s" for s in sizes) + " |"]
    lines.append("|---|" + "---|" * len(sizes))
    for name, _target, _host in PAGES:
        cells = []
        for run in report["runs"]:
            r = run["pages"].get(name)
            cells.append(f"{r['median_ms']} / {r['p95_ms']}, {r['rps']}" if r and r["median_ms"] else "n/a")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| data set | " + " | ".join(f"{s:,}" for s in sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    for label, key in (("news / publications / events", None), ("build (s)", "build_seconds"),
                       ("search index (s)", "search_index_seconds")):  # fmt: skip
        cells = []
        for run in report["runs"]:
            d = run["dataset"]
            cells.append(f"{d['news']:,} / {d['publications']:,} / {d['events']:,}" if key is None else str(d[key]))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = [f"{run['dataset']['import']['rows_per_second']:,}" for run in report["runs"]]
    lines.append("| agenda import, CSV (rows/s) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--seconds", type=float, default=10.0, help="time cap per page type")
    parser.add_argument("--requests", type=int, default=300, help="request cap per page type")
    parser.add_argument("--concurrency", type=int, default=2, help="client threads (default: one per worker)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--output", default="", help="JSON file (default: bench/results/site-<date>.json)")
    parser.add_argument("--note", default="", help="free text stored with the results (e.g. concurrent load)")
    parser.add_argument("--keep-databases", action="store_true")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="los-bench-"))
    static_root = tmp / "static"
    env = _env("sqlite:///" + str(tmp / "collect.sqlite3"), "", static_root, tmp / "media")
    print("Collecting and compressing static files...", flush=True)
    _run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "note": args.note,
        "settings": {
            "gunicorn_workers": args.workers,
            "concurrency": args.concurrency,
            "seconds_cap": args.seconds,
            "requests_cap": args.requests,
        },
        "runs": [],
    }
    for size in args.sizes:
        report["runs"].append(bench_size(size, args, tmp, static_root))
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    output = Path(
        args.output
        or ROOT / "bench" / "results" / f"site-{datetime.datetime.now().astimezone().date().isoformat()}.json"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    print("\n" + table(report))
    print(f"\nSaved {output}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
