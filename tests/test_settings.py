"""Settings come from the environment; a production start without a secret key is refused."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.backends.postgresql.psycopg_any import is_psycopg3

PROJECT = Path(__file__).resolve().parent.parent


def run_settings(
    env,
    code="from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
    is_psycopg3=None,
):
    """Run `code` after settings load from `env` alone. With `is_psycopg3`, the settings load
    as if that were Django's choice of PostgreSQL driver, whichever one is installed; Django
    itself then starts with the real one."""
    clean = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="filmreviews.settings")
    driver = ""
    if is_psycopg3 is not None:
        driver = f"""
import django.db.backends.postgresql.psycopg_any as psycopg_any
from django.conf import settings
installed, psycopg_any.is_psycopg3 = psycopg_any.is_psycopg3, {is_psycopg3}
settings.DATABASES
psycopg_any.is_psycopg3 = installed
"""
    return subprocess.run(
        [sys.executable, "-c", f"{driver}\nimport django; django.setup(); {code}"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("entry_point", ["filmreviews.wsgi", "filmreviews.asgi"])
def test_debug_off_without_secret_key_refuses_to_serve(entry_point):
    result = run_settings({"DEBUG": "0"}, f"import {entry_point}")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_commands_that_sign_nothing_run_without_secret_key():
    clean = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_debug_on_runs_with_a_development_key_on_sqlite():
    result = run_settings({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://postgres@127.0.0.1:5432/filmreviews", "filmreviews.db"),
        ("sqlite:////tmp/elsewhere.sqlite3", "django.db.backends.sqlite3"),
        ("", "django.db.backends.sqlite3"),
    ],
)
def test_database_url_chooses_the_database(url, engine):
    result = run_settings({"SECRET_KEY": "x" * 50, "DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == engine


@pytest.mark.parametrize(
    ("value", "threshold"), [(None, "2"), ("0", "0"), ("5", "5"), ("off", "None"), ("OFF", "None")]
)
def test_prepared_statements_on_postgresql(value, threshold):
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/filmreviews"}
    if value is not None:
        env["DATABASE_PREPARE_THRESHOLD"] = value
    code = "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS']; "
    code += "print(o['server_side_binding'], o['prepare_threshold'])"
    result = run_settings(env, code, is_psycopg3=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", threshold]


OPTIONS = "from django.conf import settings; print(sorted(settings.DATABASES['default']['OPTIONS']))"


@pytest.mark.parametrize("value", [None, "5", "off"])
def test_psycopg2_gets_no_options_of_psycopg_3(value):
    # Django falls back to psycopg2 when psycopg 3 is not installed, and hands OPTIONS to
    # psycopg2.connect(), which refuses every connection with prepare_threshold in them.
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/filmreviews"}
    if value is not None:
        env["DATABASE_PREPARE_THRESHOLD"] = value
    result = run_settings(env, OPTIONS, is_psycopg3=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['options']"


def test_options_follow_the_installed_driver():
    # The suite runs with psycopg 3 and again with psycopg2 installed (make test-psycopg2).
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/filmreviews"}
    result = run_settings(env, OPTIONS)
    assert result.returncode == 0, result.stderr
    if is_psycopg3:
        assert result.stdout.strip() == "['options', 'prepare_threshold', 'server_side_binding']"
    else:
        assert result.stdout.strip() == "['options']"


@pytest.mark.parametrize("value", ["-1", "two", "1.5"])
def test_a_bad_prepare_threshold_is_refused_with_a_message(value):
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/filmreviews"}
    result = run_settings({**env, "DATABASE_PREPARE_THRESHOLD": value})
    assert result.returncode != 0
    assert 'DATABASE_PREPARE_THRESHOLD must be a whole number or "off"' in result.stderr


def test_redis_url_switches_the_cache_to_redis():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_settings({"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/1"}, code)
    assert result.stdout.strip() == "django_redis.cache.RedisCache"
    result = run_settings({"DEBUG": "1"}, code)
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "de"
    assert [code for code, _ in settings.LANGUAGES] == ["de", "en"]
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ
