"""`make bench`: the whole site under load, at several data sizes, as production runs it.

For each size (news items; plus N/20 publications and N/5 events):
1. a fresh database (PostgreSQL when BENCH_DATABASE_URL points at a server, else a SQLite file), migrated,
   filled with the demo content (seed_demo) and the generated items (bench/dataset.py, bulk inserts), which
   also measures the agenda import throughput;
2. the agenda import benchmark (bench/import_bench.py, `make bench-import`) on that database: rows per second;
3. gunicorn with cms.settings.production on 127.0.0.1 (static files collected and compressed by WhiteNoise,
   Redis cache when BENCH_REDIS_URL or a local Redis answers), twice: with the page cache (caching/page_cache.py)
   and without it ("cold": every request renders the page; menus, settings and routes still come from the cache,
   as between two publications);
4. a bounded load generator: per page type, CONCURRENCY client threads with keep-alive connections, stopping
   at --seconds or --requests, whichever comes first, after one warm-up request (renditions, caches). A static
   file (WhiteNoise, gzip) is measured the same way first: the floor the page cache is compared with.
Reports per page type the median and 95th percentile latency and requests per second, cached and cold, the
cached page's requests per second as a share of the static file's, as a table and as JSON (--output). Timing
goals live here, never in test asserts. Ratios within one run are meaningful on a busy machine; absolute figures
are not (docs/benchmarks/README.md).

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
import re
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
STATIC_FILE = "/static/css/main.css"
# A row of bench/import_bench.py's table: | bench.csv | rows | wall s | rows/s | CPU s | rows/s (CPU) | peak MiB |
IMPORT_LINE = re.compile(r"^\| bench\.(\w+) \| (\d+) \| ([\d.]+) \| (\d+) \| [^|]+\| \d+ \| ([\d.]+) \|", re.M)


def _redis_url() -> str:
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=0.5):
            return url
    except OSError:
        return ""


def _env(database_url: str, redis_url: str, static_root: Path, media_root: Path, page_cache: int = 600) -> dict:
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
        "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
        "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local address; no mail sent
        "CACHE_SINGLE_PROCESS": "false" if redis_url else "true",
        "PAGE_CACHE_SECONDS": str(page_cache),
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
    # A shared Redis may hold pages of an earlier run's database under a version that is still current.
    _run([*manage, "shell", "-c", "from django.core.cache import cache; cache.clear()"], env)
    seeded = time.perf_counter() - started
    print(f"  migrated and seeded in {seeded:.0f} s; building the data set...", flush=True)
    dataset = json.loads(_run([PYTHON, "bench/dataset.py", "--news", str(size)], env).strip().splitlines()[-1])
    print(
        f"  {dataset['news']:,} news, {dataset['publications']:,} publications, {dataset['events']:,} events "
        f"built in {dataset['build_seconds']} s, indexed in {dataset['search_index_seconds']} s; "
        f"import {dataset['import']['rows_per_second']:,} rows/s",
        flush=True,
    )
    print("  agenda import (bench/import_bench.py)...", flush=True)
    imports = import_throughput(env, args.import_rows)
    for fmt, figures in imports.items():
        print(f"  import {fmt:<5} {figures['rows']:,} rows  {figures['rows_per_second']:,} rows/s", flush=True)
    results: dict = {}
    try:
        for mode, seconds in (("cached", 600), ("cold", 0)):
            print(f"  -- pages {mode} --", flush=True)
            mode_env = _env(database_url, redis_url, static_root, media_root, seconds)
            log = tmp / f"gunicorn-{size}-{mode}.log"
            results[mode] = serve_and_measure(mode_env, args, log, dataset, with_static=mode == "cached")
    finally:
        if not args.keep_databases:
            drop_scratch_database(database_url)
        shutil.rmtree(media_root, ignore_errors=True)
    return {
        "size": size,
        "database": "postgresql" if database_url.startswith("postgres") else "sqlite",
        "cache": "redis" if redis_url else "locmem",
        "seed_seconds": round(seeded, 1),
        "dataset": {k: v for k, v in dataset.items() if k != "urls"},
        "imports": imports,
        "static": results["cached"].pop("static_file"),
        "pages": results["cached"],
        "cold": results["cold"],
    }


def import_throughput(env: dict, rows: int) -> dict:
    """`make bench-import` on this database, parsed: rows, seconds, rows/s and peak memory per format."""
    output = _run([PYTHON, "bench/import_bench.py"], {**env, "BENCH_ROWS": str(rows)})
    return {
        fmt: {"rows": int(n), "seconds": float(sec), "rows_per_second": int(rps), "peak_mib": float(mib)}
        for fmt, n, sec, rps, mib in IMPORT_LINE.findall(output)
    }


def _print(name: str, r: dict) -> None:
    if not r["requests"]:
        print(f"  {name:<22} no successful requests: {r['error_statuses']}", flush=True)
        return
    print(
        f"  {name:<22} median {r['median_ms']:>7} ms  p95 {r['p95_ms']:>7} ms  {r['rps']:>6} req/s  "
        f"({r['requests']} requests, {r['errors']} errors)",
        flush=True,
    )


def serve_and_measure(env: dict, args, log: Path, dataset: dict, with_static: bool) -> dict:
    """Start gunicorn with `env`, measure (the static file and) every page type, stop it."""
    port = free_port()
    command = [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(args.workers), "--threads", "1", "--timeout", "60"]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)
    results = {}
    try:
        if not wait_until_serving(f"http://127.0.0.1:{port}", server, seconds=90):
            server.kill()
            raise SystemExit(log.read_text()[-4000:])
        load = Load(port, args.concurrency, args.seconds, args.requests)
        targets = [("static_file", STATIC_FILE, "localhost")] if with_static else []
        for name, target, host in targets + PAGES:
            paths = dataset["urls"].get(target, [target])
            warm = Load(port, 1, 120, len(paths)).run(paths, host)  # renditions and caches, as in production
            if warm["errors"]:
                print(f"  {name:<22} warm-up failed: {warm['error_statuses']}", flush=True)
            results[name] = load.run(paths, host)
            _print(name, results[name])
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    return results


def _cell(r: dict | None) -> str:
    return f"{r['median_ms']} / {r['p95_ms']}, {r['rps']}" if r and r["median_ms"] else "n/a"


def table(report: dict) -> str:
    """Per size: the static floor, every page type cached and cold, the cached share of the floor; imports."""
    lines = []
    for run in report["runs"]:
        floor = run["static"]["rps"] or 0
        lines += [f"**{run['size']:,} news items** ({run['database']}, {run['cache']} cache)", ""]
        lines.append("| page type | cached: median / p95 ms, req/s | cold: median / p95 ms, req/s | cached ÷ static |")
        lines += ["|---|---|---|---|", f"| static file `{STATIC_FILE}` (floor) | {_cell(run['static'])} | | 1.00 |"]
        for name, _target, _host in PAGES:
            cached, cold = run["pages"].get(name), run["cold"].get(name)
            share = f"{cached['rps'] / floor:.2f}" if cached and cached["rps"] and floor else "n/a"
            lines.append(f"| {name} | {_cell(cached)} | {_cell(cold)} | {share} |")
        d = run["dataset"]
        lines.append(f"\nData set: {d['news']:,} news / {d['publications']:,} publications / {d['events']:,} events, ")
        lines[-1] += f"built in {d['build_seconds']} s, search index {d['search_index_seconds']} s.\n"
        lines += ["| agenda import | rows | seconds | rows/s | peak memory (MiB) |", "|---|---|---|---|---|"]
        for fmt, i in run["imports"].items():
            lines.append(f"| {fmt} | {i['rows']:,} | {i['seconds']} | {i['rows_per_second']:,} | {i['peak_mib']} |")
        lines.append("")
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
    parser.add_argument("--import-rows", type=int, default=10000, help="rows per file of the import benchmark")
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
            "import_rows": args.import_rows,
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
