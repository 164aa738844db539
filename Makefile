# make run   — serve the site with the demo content on 127.0.0.1:$(PORT) (SQLite by default)
# make test  — run the whole test suite (PostgreSQL when DATABASE_URL points at it)
# make serve — the production set-up (gunicorn, DEBUG off) on 127.0.0.1:$(PORT)
# make bench — throughput and latency of the pages under gunicorn (bench/README.md; ~15 min)
# Both create .venv and install the pinned requirements when needed, and are safe to repeat.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run serve test lint migrations-check clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

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

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: $(VENV)/.installed-dev
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
