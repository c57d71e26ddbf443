# The front door: `make run` sets up and serves the app on the sample corpus, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lock lint format ingest browser superuser bench clean serve deploy-check load

# Each command installs what it needs from a lock file with hashes (`make lock` compiles them from the .in files):
# `make run` the runtime only, `make test` and `make lint` the test tools on top, `make load` locust on top.
$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --require-hashes --progress-bar on -r requirements.txt
	touch $@

$(VENV)/.test-tools: requirements-dev.txt | $(PY)
	$(PY) -m pip install --require-hashes --progress-bar on -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

$(VENV)/.load-tools: bench/load/requirements.txt | $(PY)
	$(PY) -m pip install --require-hashes --progress-bar on -r bench/load/requirements.txt
	touch $@

install: $(VENV)/.runtime

# Recompile the lock files after editing a .in file; CI (.ci/check_lock.py) fails while they are stale.
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links
lock: $(VENV)/.test-tools
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in
	$(PIP_COMPILE) -o bench/load/requirements.txt bench/load/requirements.in

# Debian's Chromium for the browser tests (never a browser download); needs root, as on CI.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium"; fi; }

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest data/seeds
	@echo
	@echo "Parley is starting at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@echo "  a curator account for /admin/:  $(PY) manage.py create_curator USERNAME"
	@echo "  more articles (.txt, .html):     $(PY) manage.py ingest PATH [PATH ...]"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.test-tools browser
	$(PY) -m pytest

# Production serving: gunicorn + whitenoise on PostgreSQL with config.settings.production.
# Needs DATABASE_URL (postgres://...), DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS in the environment (.env.example).
PROD := DJANGO_SETTINGS_MODULE=config.settings.production
serve: install
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	  *) echo "make serve needs DATABASE_URL=postgres://... (see .env.example)"; exit 1;; esac
	$(PROD) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(PROD) DATABASE_STATEMENT_TIMEOUT_MS=0 $(PY) manage.py migrate --noinput
	$(PROD) $(VENV)/bin/gunicorn --config config/gunicorn.conf.py

# Django's deployment checklist against the production settings (same variables as `serve`).
deploy-check: install
	$(PROD) $(PY) manage.py check --deploy --fail-level WARNING

# Load test: gunicorn on loopback against PostgreSQL, locust headless (bench/load/run.sh says how to tune it).
load: $(VENV)/.load-tools
	bash bench/load/run.sh

lint: $(VENV)/.test-tools
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(VENV)/.test-tools
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

superuser: install
	$(PY) manage.py createsuperuser

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache

# Benchmarks (docs/benchmarks.md): ingest throughput, linear cost, memory, search latency on 100,000 articles,
# extraction bounds on invented texts.
# The corpora are read at run time from BENCH_CORPUS; the 100k database (parley_bench) is built on the first run.
BENCH_CORPUS ?= ../shared/corpora
bench: install
	@status=0; for script in ingest_throughput linear_cost memory search_latency extraction_bounds; do \
	  echo "=== bench/$$script.py"; $(PY) bench/$$script.py --corpus $(BENCH_CORPUS) || status=1; \
	done; exit $$status
