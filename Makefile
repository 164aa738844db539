# make run   — serve the site with the demo content on 127.0.0.1:$(PORT) (SQLite by default)
# make test  — run the whole test suite (PostgreSQL when DATABASE_URL points at it)
# make serve — the production set-up (gunicorn, DEBUG off) on 127.0.0.1:$(PORT)
# make bench — throughput and latency of the pages under gunicorn (bench/README.md; ~15 min)
# make test-psycopg2 — the PostgreSQL-specific tests with psycopg2-binary in place of psycopg 3
# Each creates its virtualenv and installs the pinned requirements when needed, and is safe to repeat.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# A second virtualenv, with psycopg2-binary instead of psycopg 3 (Django uses psycopg 3 when it is installed).
VENV_PSYCOPG2 := .venv-psycopg2
PY_PSYCOPG2 := $(VENV_PSYCOPG2)/bin/python
# The tests where the driver matters: search (prepared statements, full text, trigrams), the
# backend's batches, constraints, the settings, the pages' QuerySets and query counts, and data
# safety (atomic writes, migrations, dumps and restores) on PostgreSQL.
PSYCOPG2_TESTS := tests/test_search.py tests/test_database.py tests/test_models.py tests/test_settings.py \
	tests/test_querysets.py tests/test_pages.py tests/test_data_safety.py tests/test_generate_data.py \
	tests/test_scaleout.py::test_an_edit_through_one_app_server_shows_on_the_other_at_once
# Left out: the migrations on SQLite, which use no PostgreSQL driver.
PSYCOPG2_LEFT_OUT := --deselect tests/test_data_safety.py::test_migrations_run_forward_back_to_zero_and_forward_on_sqlite

.PHONY: run serve test test-psycopg2 lint migrations-check clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

$(PY_PSYCOPG2):
	$(PYTHON) -m venv $(VENV_PSYCOPG2)

$(VENV_PSYCOPG2)/.installed: requirements.txt requirements-dev.txt requirements-psycopg2.txt | $(PY_PSYCOPG2)
	$(PY_PSYCOPG2) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY_PSYCOPG2) -m pip uninstall --quiet --yes psycopg psycopg-binary
	$(PY_PSYCOPG2) -m pip install --quiet --disable-pip-version-check -r requirements-psycopg2.txt
	touch $@

run: $(VENV)/.installed-run
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production set-up on this machine: DEBUG off, gunicorn, WhiteNoise, compressed static
# files. HTTPS redirects are off (plain http on 127.0.0.1); a random key is made per start
# unless SECRET_KEY is set.
serve: $(VENV)/.installed-run
	$(eval export DEBUG=0)
	$(eval export SECURE_SSL_REDIRECT?=0)
	$(eval export SERVE_MEDIA?=1)
	$(eval export ALLOWED_HOSTS?=127.0.0.1,localhost)
	$(eval export SECRET_KEY?=$(shell $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))'))
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn --config gunicorn.conf.py

# Needs PostgreSQL with the generated archive (fr_gen), Redis and wrk; options: bench/run.py --help.
bench: $(VENV)/.installed-run
	$(PY) bench/run.py $(BENCH_ARGS)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

test-psycopg2: $(VENV_PSYCOPG2)/.installed
	@case "$$DATABASE_URL" in postgres://* | postgresql://*) ;; \
		*) echo "make test-psycopg2 needs DATABASE_URL=postgres://..." >&2; exit 2 ;; esac
	$(PY_PSYCOPG2) -m pytest $(PSYCOPG2_TESTS) $(PSYCOPG2_LEFT_OUT)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: $(VENV)/.installed-dev
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) $(VENV_PSYCOPG2) .pytest_cache .ruff_cache
