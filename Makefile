# LOS CMS. `make run` and `make test` are all a newcomer needs; `make help` lists the rest.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format messages openapi bench bench-import bench-search bench-compare loadtest clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is nodig ($(PYTHON) niet gevonden)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The Nu HTML Checker (W3C vnu.jar, from the npm package vnu-jar; Java 17 runs it) for tests/home/test_html_validity.py.
# Its install script only fetches a Java runtime, which the machine has: skipped.
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): | $(STAMP)
	npm install --prefix $(VENV)/vnu --no-save --no-audit --no-fund --no-package-lock --ignore-scripts vnu-jar@~26.9.0

install: $(STAMP) $(VNU_JAR) messages ## Create .venv and install everything (translations, the HTML checker)

messages: $(STAMP) ## Compile the .po translation files
	$(MANAGE) compile_translations -v0

openapi: install ## Rewrite docs/api/openapi.json, the reviewed copy of the API description (a test compares it)
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) openapi

run: install ## Migrate, load demo content, create a local admin, serve http://$(HOST):$(PORT)
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) seed_demo
	$(MANAGE) ensure_dev_admin --address http://$(HOST):$(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

# Two pytest-xdist workers, one per core: each has its own test database and media folder; one of them runs all
# the e2e tests, with one server and one browser, while the other runs the rest. TEST_WORKERS=0 runs everything in one process. Every run ends
# with the 25 slowest tests, so a slow newcomer is seen the day it lands.
# PYTHONDONTWRITEBYTECODE is emptied for the run: where a shell sets it (CI's does), every worker, e2e server and
# Django subprocess compiled the project and rewrote the test modules again, ~2 CPU-seconds each.
TEST_WORKERS ?= 2
test: install ## Run the whole test suite (DATABASE_URL selects PostgreSQL)
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=25; status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

# Templates: the project's folder and every app's own (djlint's settings are in pyproject.toml). `--reformat`
# exits 1 when it changed a file; `--warn` makes that 0, so `make format` succeeds after formatting.
TEMPLATE_DIRS := templates $(wildcard */templates)

lint: install ## ruff check and format check; djlint format check and template lint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --check $(TEMPLATE_DIRS)
	$(BIN)/djlint --lint $(TEMPLATE_DIRS)

format: install ## Apply ruff formatting and safe fixes; format the templates with djlint
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint --reformat --quiet --warn $(TEMPLATE_DIRS)

SIZES ?= 1000 10000
bench: install ## Site under load with gunicorn at SIZES news items (BENCH_DATABASE_URL: PostgreSQL), JSON in bench/results/
	$(BIN)/python bench/site_bench.py --sizes $(SIZES) $(BENCH_ARGS)

bench-import: install ## Agenda import: rows/s and peak memory for 10,000-row CSV and XLSX (DATABASE_URL selects the DB)
	$(BIN)/python bench/import_bench.py

bench-search: install ## Search latency on the database backend at 10,000 and 100,000 items
	$(BIN)/python bench/search_bench.py

bench-compare: install ## Uncached pages against wagtail/bakerydemo's, CPU and wall time (BAKERYDEMO_DIR; see the script)
	$(BIN)/python bench/compare_bakerydemo.py $(COMPARE_ARGS)

loadtest: install ## Load test: gunicorn + production settings + PostgreSQL on 127.0.0.1 (LOADTEST_DATABASE_URL)
	$(BIN)/python bench/loadtest.py

clean: ## Remove the virtualenv, local database and generated files
	rm -rf $(VENV) db.sqlite3 static/ media/
