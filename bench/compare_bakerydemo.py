"""`make bench-compare`: LOS's pages against wagtail/bakerydemo's pages of the same shape, rendered uncached.

Issue 18 asks listing, detail and search pages to be at least 1.5x cheaper to render than bakerydemo's. Pairs:
home (ours) vs home; list: the news index vs the blog index and the breads index; detail: a news item and a
publication vs a blog page and a bread page; search: the search page with a common word vs bakerydemo's search
with a common word.

Each project runs in a subprocess of its own, with its own Python, through bench/measure_pages.py: a small generic
script of ours that gets the project's folder, settings module and addresses as arguments (no bakerydemo code
lives in this repository). In-process, whole middleware stack, Django's test Client as an anonymous visitor,
production settings (DEBUG off), one warm-up request per address, then the median and 95th percentile of
--requests requests (at least 20), as wall time and as CPU time of the measuring process. That is one round;
--rounds (3) alternate which project goes first, and the table shows the median over the rounds. The ratios use CPU
time: the machine is shared, and wall time also counts the minutes a process waited for a core; CPU time leaves
out the database server's work, so the query counts are reported beside it.

"Uncached": ours with the full-page cache off (PAGE_CACHE_SECONDS=0, as site_bench.py's "cold" column) and
otherwise as in production: Redis, where menus, settings, routes and fragments stay cached between two
publications. Bakerydemo as it ships in bakerydemo.settings.production without REDIS_URL: Django's local-memory
cache, which Wagtail uses for renditions; bakerydemo caches no pages or fragments of its own. Both projects' caches
are emptied when their process starts, before the warm-up request.

Setting up (once; bakerydemo lives outside this repository):

    git clone https://github.com/wagtail/bakerydemo ../bakerydemo   # any folder; BAKERYDEMO_DIR names it
    python3.11 -m venv ../bakerydemo/.venv
    ../bakerydemo/.venv/bin/pip install Django==5.2.19 wagtail==8.0.1 python-dotenv wagtail-font-awesome-svg \\
        "django-debug-toolbar<5" django-extensions "django-csp<4" dj-database-url "psycopg[binary]" whitenoise
    BAKERYDEMO_DIR=../bakerydemo .venv/bin/python bench/compare_bakerydemo.py --prepare  # databases, data, static

Bakerydemo's own requirements name Django 6.0 and Wagtail 7.4; it installs, migrates and runs on the versions
above (ours), which is what makes the comparison one of code, not of framework versions. --prepare makes the
PostgreSQL databases (dropped first if they exist), migrates them, loads the demo content (our seed_demo;
bakerydemo's load_initial_data) and collects static files (both use WhiteNoise's manifest storage in
production). Then:

    BAKERYDEMO_DIR=../bakerydemo make bench-compare
    BAKERYDEMO_DIR=../bakerydemo .venv/bin/python bench/compare_bakerydemo.py --requests 40 --output out.json

Environment: COMPARE_OURS_DATABASE_URL, COMPARE_BAKERYDEMO_DATABASE_URL (PostgreSQL on 127.0.0.1 by default),
COMPARE_REDIS_URL (ours; default redis://127.0.0.1:6379/12, emptied at the start), COMPARE_STATE_DIR (our media
and static files; default bench/results/compare-bakerydemo).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import secrets
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEASURE = ROOT / "bench" / "measure_pages.py"
sys.path.insert(0, str(ROOT))

from bench.measure_pages import MIN_REQUESTS, RESULT_MARKER  # noqa: E402
from bench.site_bench import machine  # noqa: E402
from cms.local_services import recreate_database  # noqa: E402

OURS_DB = "postgres://postgres@127.0.0.1:5432/los_perf_compare_ours"
BAKERY_DB = "postgres://postgres@127.0.0.1:5432/los_perf_compare_bakery"
SEARCH_WORD = {"ours": "opvang", "bakerydemo": "bread"}  # words found on many pages of each site
# Ours, besides the news item and publication FIND_OURS picks.
OURS_PAGES = {"home": "/", "news_index": "/nieuws/", "search": f"/zoeken/?q={SEARCH_WORD['ours']}"}
BAKERY_PAGES = {
    "home": "/",
    "blog_index": "/blog/",
    "breads_index": "/breads/",
    "blog_page": "/blog/wild-yeast/",
    "bread_page": "/breads/anadama-bread/",
    "search": f"/search/?q={SEARCH_WORD['bakerydemo']}",
}
# Shape: (our pages, bakerydemo's pages); every pair within a shape is compared.
SHAPES = {
    "home": (["home"], ["home"]),
    "list": (["news_index"], ["blog_index", "breads_index"]),
    "detail": (["news_page", "publication_page"], ["blog_page", "bread_page"]),
    "search": (["search"], ["search"]),
}
GOAL = 1.5
# Our newest news item and publication on the main site, in Dutch (the source language).
FIND_OURS = """
import json
from news.models import NewsPage
from research.models import PublicationPage
from wagtail.models import Locale, Site
site = Site.objects.get(is_default_site=True)
dutch = Locale.objects.get(language_code='nl')
def newest(model):
    page = model.objects.live().public().descendant_of(site.root_page).filter(locale=dutch)
    return page.order_by('-first_published_at', '-pk').first().relative_url(site)
print(json.dumps({'news_page': newest(NewsPage), 'publication_page': newest(PublicationPage)}))
"""


def ours_env(state: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": os.environ.get("COMPARE_OURS_DATABASE_URL", OURS_DB),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": str(state / "media"),
        "STATIC_ROOT": str(state / "static"),
        "TASKS_BACKEND": "immediate",
        "REDIS_URL": os.environ.get("COMPARE_REDIS_URL", "redis://127.0.0.1:6379/12"),
        "EMAIL_URL": "smtp://127.0.0.1:25",  # production refuses to start without one; nothing is sent
        "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
        "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local address; no mail sent
        "PAGE_CACHE_SECONDS": "0",  # the full-page cache off: every request renders the page
    }
    env.pop("DEBUG", None)
    return env


def bakery_env() -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DATABASE_URL": os.environ.get("COMPARE_BAKERYDEMO_DATABASE_URL", BAKERY_DB),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    for name in ("REDIS_URL", "REDIS_TLS_URL", "ELASTICSEARCH_ENDPOINT", "DEBUG"):
        env.pop(name, None)  # bakerydemo as it ships: local-memory cache, database search
    return env


def _run(args: list, env: dict, cwd: Path) -> str:
    result = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result.stdout


def prepare(bakery: Path, bakery_python: Path, state: Path) -> None:
    """Fresh databases with each project's demo content, and each project's static files collected."""
    ours, theirs = ours_env(state), bakery_env()
    for env, cwd, python, steps in (
        (ours, ROOT, sys.executable, [["migrate", "--no-input", "-v0"], ["seed_demo", "-v0"]]),
        (theirs, bakery, bakery_python, [["migrate", "--no-input", "-v0"], ["load_initial_data"]]),
    ):
        print(f"Preparing {env['DATABASE_URL']}...", flush=True)
        recreate_database(env["DATABASE_URL"])
        for step in [*steps, ["collectstatic", "--no-input", "-v0"]]:
            _run([python, "manage.py", *step], env, cwd)


def measure(python, project: Path, settings: str, env: dict, urls: dict, requests: int) -> dict:
    args = [python, MEASURE, "--project-dir", project, "--settings", settings, "--requests", requests]
    output = _run([*args, *(f"{name}={path}" for name, path in urls.items())], env, project)
    line = next(line for line in reversed(output.splitlines()) if line.startswith(RESULT_MARKER))
    return json.loads(line.removeprefix(RESULT_MARKER))


def combine(results: list[dict]) -> dict:
    """Several rounds of one project as one: per page, the median over the rounds of each round's median and
    95th percentile."""
    combined = {"environment": results[0]["environment"], "pages": {}}
    for name, first in results[0]["pages"].items():
        rows = [r["pages"][name] for r in results]
        page = {key: first[key] for key in ("path", "queries", "bytes")}
        page["requests"] = sum(row["requests"] for row in rows)
        for clock in ("cpu", "wall"):
            page[clock] = {
                stat: round(statistics.median(row[clock][stat] for row in rows), 2) for stat in ("median_ms", "p95_ms")
            }
        combined["pages"][name] = page
    return combined


def ratios(ours: dict, bakery: dict) -> list[dict]:
    """Every (our page, bakerydemo page) pair of a shape: how many times cheaper ours is, by CPU and wall time."""
    rows = []
    for shape, (our_names, their_names) in SHAPES.items():
        for mine in our_names:
            for theirs in their_names:
                a, b = ours["pages"][mine], bakery["pages"][theirs]
                rows.append({
                    "shape": shape,
                    "ours": mine,
                    "bakerydemo": theirs,
                    "cpu_ratio": round(b["cpu"]["median_ms"] / a["cpu"]["median_ms"], 2),
                    "wall_ratio": round(b["wall"]["median_ms"] / a["wall"]["median_ms"], 2),
                })  # fmt: skip
    return rows


def table(report: dict) -> str:
    lines = [
        "| project | page | path | CPU median / p95 ms | wall median / p95 ms | queries | KiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for project in ("ours", "bakerydemo"):
        for name, r in report[project]["pages"].items():
            lines.append(
                f"| {project} | {name} | `{r['path']}` | {r['cpu']['median_ms']} / {r['cpu']['p95_ms']} | "
                f"{r['wall']['median_ms']} / {r['wall']['p95_ms']} | {r['queries']} | {r['bytes'] // 1024} |"
            )
    lines += ["", "| shape | ours | bakerydemo | bakerydemo ÷ ours, CPU | wall | goal 1.5x |"]
    lines.append("|---|---|---|---|---|---|")
    for row in report["ratios"]:
        met = "home: no goal" if row["shape"] == "home" else ("met" if row["cpu_ratio"] >= GOAL else "NOT met")
        pair = f"| {row['shape']} | {row['ours']} | {row['bakerydemo']} |"
        lines.append(f"{pair} {row['cpu_ratio']}x | {row['wall_ratio']}x | {met} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", default=os.environ.get("BAKERYDEMO_DIR", ""), help="its folder")
    parser.add_argument("--bakerydemo-python", default="", help="default: <folder>/.venv/bin/python")
    parser.add_argument("--requests", type=int, default=30, help=f"timed requests per page (>= {MIN_REQUESTS})")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per project, alternating who goes first")
    parser.add_argument("--prepare", action="store_true", help="(re)create both databases and static files first")
    parser.add_argument("--output", default="", help="JSON file (default: bench/results/compare-<date>.json)")
    parser.add_argument("--note", default="", help="free text stored with the results (e.g. what ran beside it)")
    args = parser.parse_args()
    if not args.bakerydemo:
        raise SystemExit("Set BAKERYDEMO_DIR (or --bakerydemo) to a bakerydemo checkout: see this script's docstring")
    if args.requests < MIN_REQUESTS:
        raise SystemExit(f"--requests: at least {MIN_REQUESTS}")
    bakery = Path(args.bakerydemo).resolve()
    bakery_python = Path(args.bakerydemo_python or bakery / ".venv" / "bin" / "python")
    state = Path(os.environ.get("COMPARE_STATE_DIR", ROOT / "bench" / "results" / "compare-bakerydemo"))
    if args.prepare:
        prepare(bakery, bakery_python, state)

    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "note": args.note,
        "requests_per_page_and_round": args.requests,
        "rounds": args.rounds,
    }
    env = ours_env(state)
    if not (state / "static" / "staticfiles.json").exists():  # a fresh checkout: production needs the manifest
        print(f"Collecting our static files into {state / 'static'}...", flush=True)
        _run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env, ROOT)
    _run([sys.executable, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"], env, ROOT)
    found = json.loads(_run([sys.executable, "manage.py", "shell", "-c", FIND_OURS], env, ROOT).splitlines()[-1])
    ours_urls = {**OURS_PAGES, **found}
    runs = {
        "ours": lambda: measure(sys.executable, ROOT, "cms.settings.production", env, ours_urls, args.requests),
        "bakerydemo": lambda: measure(
            bakery_python, bakery, "bakerydemo.settings.production", bakery_env(), BAKERY_PAGES, args.requests
        ),
    }
    rounds: dict[str, list[dict]] = {"ours": [], "bakerydemo": []}
    for n in range(args.rounds):
        # Alternating who goes first (ABBA...), so a busy minute on the shared machine falls on both sides.
        for project in ("ours", "bakerydemo") if n % 2 == 0 else ("bakerydemo", "ours"):
            print(f"Round {n + 1}/{args.rounds}: measuring {project}...", flush=True)
            rounds[project].append(runs[project]())
    report["per_round"] = rounds
    for project, results in rounds.items():
        report[project] = combine(results)
    report["ratios"] = ratios(report["ours"], report["bakerydemo"])
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    output = Path(args.output or ROOT / "bench" / "results" / f"compare-{report['date'][:10]}.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    for project in ("ours", "bakerydemo"):
        e = report[project]["environment"]
        print(f"{project}: Python {e['python']}, Django {e['django']}, Wagtail {e['wagtail']}, {e['settings']}, "
              f"DEBUG {e['debug']}, {e['database']}, caches {e['caches']}")  # fmt: skip
    print(f"Load average at start {report['machine']['load_average_at_start']}, "
          f"at end {report['machine']['load_average_at_end']}\n")  # fmt: skip
    print(table(report))
    print(f"\nSaved {output}")


if __name__ == "__main__":
    main()
