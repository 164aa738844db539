"""
Data safety: no write path leaves half a change behind, migrations run both ways, and a
backup restores to the same site.

Atomic writes. Each write path (the admin's film form with its inlines, the bulk tag
actions, `import_review`, `load_demo`, `generate_data`) is made to fail part-way, once by an
exception in Python and once by the database refusing a write, and the whole database is
compared with what it held before, every row of every table. The tests run with real
transactions (`transaction=True`): the code's own `atomic` block is the outermost one, so
what it does not roll back stays committed and shows up.

Migrations. `migrate` in a subprocess on a scratch database, forward from zero, back to
zero app by app, and forward again, on SQLite and on PostgreSQL.

Backup and restore. The demo content is dumped with `dumpdata` and loaded into a new
database (and, on PostgreSQL, backed up with `pg_dump -Fc` and restored with `pg_restore`);
the public pages rendered from the copy must be byte for byte those of the original.
The commands are the ones README.md gives under "Backup and restore".
"""

import importlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError
from django.db.backends.postgresql.psycopg_any import is_psycopg3
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from reviews.devdata.generator import Generator
from reviews.management.commands import import_review
from reviews.models import Film, LocalTitle, Person, Review, Role, Tag, TaggedFilm
from reviews.permissions import GROUP_PERMISSIONS

from .adminforms import form_fields, post_data
from .conftest import make_film, make_full_film

BASE_DIR = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The driver Django uses (psycopg 3, else psycopg2), so the scratch databases need no other;
# both have the same connect(), cursors and OperationalError.
postgres_driver = importlib.import_module("psycopg" if is_psycopg3 else "psycopg2")


class InjectedFailure(Exception):
    """The failure a test provokes; anything else escaping is a real error."""


FAILURES = ["python", "database"]
# What each kind of injected failure surfaces as.
RAISED = {"python": InjectedFailure, "database": IntegrityError}


def fail(kind):
    if kind == "database":
        # A write the database itself refuses (film_year_plausible), as a real constraint
        # violation would; on PostgreSQL it also aborts the transaction.
        Film.objects.bulk_create([Film(title="Injected", slug="injected-failure", year=1)])
    raise InjectedFailure("injected part-way through the write")


@contextmanager
def failing_on(signal, model, nth, kind, observe=None):
    """Make the `nth` send of `signal` for `model` fail, after `observe()` records the state then."""
    seen = []
    observed = {}

    def receiver(sender, **kwargs):
        seen.append(kwargs["instance"].pk)
        if len(seen) == nth:
            if observe is not None:
                observed.update(observe())
            fail(kind)

    uid = f"test_data_safety.{model.__name__}.{nth}"
    signal.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    try:
        yield observed
    finally:
        signal.disconnect(sender=model, dispatch_uid=uid)
    assert len(seen) >= nth, f"the failure was never reached ({len(seen)} of {nth} sends)"


def snapshot():
    """Every row of every table, m2m tables and history included."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }


def assert_unchanged(before):
    after = snapshot()
    changed = [label for label in before if before[label] != after[label]]
    assert not changed, f"left behind in: {', '.join(changed)}"


def change_url(obj):
    return reverse(f"admin:reviews_{obj._meta.model_name}_change", args=[obj.pk])


# The admin's film form with its inlines


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", FAILURES)
def test_a_film_save_that_fails_at_the_second_credit_changes_nothing(client, editor, kind):
    film = make_full_film("Systemsprenger", actors=3)
    client.force_login(editor)
    fields = form_fields(client.get(change_url(film)), "film_form")
    actor_forms = [
        name.split("-")[1] for name, value in fields.items() if name.endswith("-kind") and value == ["actor"]
    ]
    assert len(actor_forms) == 3
    data = post_data(
        fields,
        title="Systemsprenger (neu)",
        runtime="125",
        **{"local_titles-0-title": "Neuer Verleihtitel"},
        **{f"roles-{index}-character": f"Neue Figur {index}" for index in actor_forms},
    )
    before = snapshot()

    def state():
        return {
            "title": Film.objects.get(pk=film.pk).title,
            "local": LocalTitle.objects.get(film=film).title,
            "characters": sorted(Role.objects.filter(film=film).values_list("character", flat=True)),
        }

    with failing_on(post_save, Role, 2, kind, observe=state) as at_failure:
        with pytest.raises(RAISED[kind]):
            client.post(change_url(film), data)
    # The film, its local title and the first credit had been written when the second failed.
    assert at_failure["title"] == "Systemsprenger (neu)" and at_failure["local"] == "Neuer Verleihtitel"
    assert sum(name.startswith("Neue Figur") for name in at_failure["characters"]) == 2
    assert_unchanged(before)

    # The same form goes through once nothing fails: it was valid, and its lock version still holds.
    assert client.post(change_url(film), data).status_code == 302
    film.refresh_from_db()
    assert (film.title, film.runtime, film.version) == ("Systemsprenger (neu)", 125, 2)


# The bulk tag actions


def tag_action(client, action, films, tags):
    changelist = reverse("admin:reviews_film_changelist")
    data = {"action": action, "_selected_action": [film.pk for film in films], "index": "0"}
    return client.post(changelist, {**data, "tags": tags, "apply": "1"})


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", FAILURES)
def test_adding_a_tag_in_bulk_that_fails_part_way_tags_no_film(client, festival, kind):
    films = [make_film(f"Wettbewerb {number}", 2026) for number in range(5)]
    client.force_login(festival)
    before = snapshot()

    def state():
        return {"tagged": TaggedFilm.objects.filter(tag__name="Berlinale 2026").count()}

    with failing_on(post_save, TaggedFilm, 3, kind, observe=state) as at_failure:
        with pytest.raises(RAISED[kind]):
            tag_action(client, "add_tags", films, "Berlinale 2026")
    assert at_failure["tagged"] == 3
    assert_unchanged(before)
    assert not Tag.objects.filter(name="Berlinale 2026").exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", FAILURES)
def test_removing_a_tag_in_bulk_that_fails_part_way_keeps_every_tag(client, festival, kind):
    films = [make_film(f"Wettbewerb {number}", 2026) for number in range(5)]
    for film in films:
        film.tags.add("Berlinale 2026")
    client.force_login(festival)
    before = snapshot()

    def state():
        return {"tagged": TaggedFilm.objects.filter(tag__name="Berlinale 2026").count()}

    with failing_on(post_delete, TaggedFilm, 3, kind, observe=state) as at_failure:
        with pytest.raises(RAISED[kind]):
            tag_action(client, "remove_tags", films, "Berlinale 2026")
    assert at_failure["tagged"] == 2
    assert_unchanged(before)


# Management commands


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", FAILURES)
def test_an_import_that_fails_after_creating_the_film_leaves_nothing(superuser, kind):
    arguments = [
        str(FIXTURES / "kindness_de.md"),
        "--film-title",
        "The Kindness of Strangers",
        "--year",
        "2019",
    ]
    before = snapshot()
    real_add_credit = import_review.add_credit
    calls = []
    at_failure = {}

    def add_credit_then_fail(film, credit):
        result = real_add_credit(film, credit)
        calls.append(credit)
        if len(calls) == 2:
            at_failure.update(films=Film.objects.count(), reviews=Review.objects.count())
            at_failure.update(people=Person.objects.count(), credits=Role.objects.count())
            fail(kind)
        return result

    with mock.patch.object(import_review, "add_credit", add_credit_then_fail):
        with pytest.raises(RAISED[kind]):
            call_command("import_review", *arguments, "--add-credits", stdout=io.StringIO())
    # The film, the draft review and two new people with their credits existed when it failed.
    assert at_failure == {"films": 1, "reviews": 1, "people": 2, "credits": 2}
    assert_unchanged(before)

    call_command("import_review", *arguments, "--add-credits", stdout=io.StringIO())
    assert Film.objects.count() == 1 and Review.objects.count() == 1 and Person.objects.count() > 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", FAILURES)
def test_load_demo_that_fails_part_way_loads_nothing(kind):
    before = snapshot()

    def state():
        return {"films": Film.objects.count(), "people": Person.objects.count()}

    with failing_on(post_save, Review, 2, kind, observe=state) as at_failure:
        with pytest.raises(RAISED[kind]):
            call_command("load_demo", stdout=io.StringIO())
    assert at_failure["films"] > 5 and at_failure["people"] > 50
    assert_unchanged(before)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", FAILURES)
def test_generate_data_that_fails_part_way_writes_nothing(kind):
    before = snapshot()
    real_insert = Generator.insert
    at_failure = {}

    def insert_then_fail(generator, model, rows):
        real_insert(generator, model, rows)
        if model is Review:
            at_failure.update(films=Film.objects.count(), reviews=Review.objects.count())
            fail(kind)

    with mock.patch.object(Generator, "insert", insert_then_fail):
        with pytest.raises(RAISED[kind]):
            call_command("generate_data", films=8, reviews=12, seed=7, verbosity=0, stdout=io.StringIO())
    assert at_failure == {"films": 8, "reviews": 12}
    assert_unchanged(before)


# Scratch databases for the subprocess tests


class Scratch:
    """A database of a test's own, reached by URL by `manage.py` and directly by the test."""

    def __init__(self, url):
        self.url = url
        self.vendor = "sqlite" if url.startswith("sqlite") else "postgresql"

    def query(self, sql):
        if self.vendor == "sqlite":
            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as connection:
                return connection.execute(sql).fetchall()
        connection = postgres_driver.connect(self.url)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        finally:
            connection.close()

    def tables(self):
        if self.vendor == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        else:
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        return sorted(name for (name,) in self.query(sql))

    def applied_migrations(self):
        return self.query("SELECT app, name FROM django_migrations ORDER BY id")


def manage(database, *args, media_root=None):
    """Run `manage.py` as an operator would, against `database`; fail with its output if it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=subprocess_environment(database, media_root),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr[-4000:]}"
    return result.stdout


def subprocess_environment(database, media_root=None):
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    environment.update(
        DATABASE_URL=database.url,
        DEBUG="1",
        CONN_MAX_AGE="0",
        PAGE_CACHE_SECONDS="0",
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="filmreviews.settings",
    )
    if media_root is not None:
        environment["MEDIA_ROOT"] = str(media_root)
    return environment


def postgres_server():
    """scheme://user@host:port of the PostgreSQL server: DATABASE_URL's, or the local default."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url.rsplit("/", 1)[0]
    return "postgres://postgres@127.0.0.1:5432"


@pytest.fixture
def sqlite_database(tmp_path):
    def create(name):
        return Scratch(f"sqlite:///{tmp_path / f'{name}.sqlite3'}")

    return create


@pytest.fixture
def postgres_database():
    """Creates scratch PostgreSQL databases named after this process, and drops them afterwards."""
    server = postgres_server()
    try:
        admin = postgres_driver.connect(f"{server}/postgres", connect_timeout=3)
    except postgres_driver.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable: {error}")
    admin.autocommit = True
    created = []

    def create(name):
        database = f"fr_{name}_{os.getpid()}"
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{database}"')
        created.append(database)
        return Scratch(f"{server}/{database}")

    yield create
    with admin.cursor() as cursor:
        for database in created:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    admin.close()


# Migrations


def migrate_there_and_back(database):
    manage(database, "migrate", "--noinput")
    every_migration = sorted(database.applied_migrations())
    assert ("reviews", "0001_initial") in every_migration

    # Back to zero one app at a time, the last one migrated first; Django unapplies whatever
    # depends on an app along with it.
    while applied := database.applied_migrations():
        manage(database, "migrate", applied[-1][0], "zero", "--noinput")
    assert database.tables() == ["django_migrations"]

    # Forward again, auth alone first: an app's post_migrate handler must cope with a
    # database on which only part of the project is migrated.
    manage(database, "migrate", "auth", "--noinput")
    manage(database, "migrate", "--noinput")
    assert sorted(database.applied_migrations()) == every_migration
    groups = database.query(
        "SELECT g.name, COUNT(p.id) FROM auth_group g "
        "JOIN auth_group_permissions p ON p.group_id = g.id GROUP BY g.name ORDER BY g.name"
    )
    assert groups == sorted((name, len(codenames)) for name, codenames in GROUP_PERMISSIONS.items())


def test_migrations_run_forward_back_to_zero_and_forward_on_sqlite(sqlite_database):
    migrate_there_and_back(sqlite_database("migrate"))


@pytest.mark.postgres
def test_migrations_run_forward_back_to_zero_and_forward_on_postgresql(postgres_database):
    migrate_there_and_back(postgres_database("migrate"))


# Backup and restore

# As README.md gives them under "Backup and restore". XML rather than JSON: Django's JSON
# encoder cuts times to milliseconds, so the copy's `updated_at` (dateModified in a review's
# structured data) would differ. No `--natural-primary`: taggit's TaggedFilm and TaggedReview
# claim a natural key they cannot build, and loaddata fails on them.
DUMP = [
    "dumpdata",
    "--natural-foreign",
    "-e",
    "contenttypes",
    "-e",
    "auth.permission",
    "-e",
    "sessions",
    "-e",
    "admin.logentry",
    "--format",
    "xml",
    "-o",
]
REFRESH_SEARCH_VECTORS = "from reviews.search import refresh_search_vectors; refresh_search_vectors()"
PG_DUMP = ["pg_dump", "-Fc", "--no-owner", "-f"]
PG_RESTORE = ["pg_restore", "--clean", "--if-exists", "--no-owner", "-d"]

KINDNESS = "the-kindness-of-strangers-2019"
PAGES = [
    "/",
    "/reviews/kindness-of-strangers-berlinale-eroeffnung/",
    f"/films/{KINDNESS}/",
    "/people/zoe-kazan/",
    "/tags/berlinale-2019/",
    "/tags/er%C3%B6ffnungsfilm/",
    "/reviews/",
    "/films/",
    "/feeds/reviews/atom/",
    "/sitemap-reviews.xml",
    "/sitemap-people.xml",
    "/search/?q=Kazan",
]
# Run with `python -c` in the project folder, with DATABASE_URL set: the pages as the test
# client gets them.
RENDER = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=True)
pages = {}
for url in sys.argv[1:]:
    response = client.get(url)
    pages[url] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def render(database, media_root, pages=PAGES):
    result = subprocess.run(
        [sys.executable, "-c", RENDER, *pages],
        cwd=BASE_DIR,
        env=subprocess_environment(database, media_root),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout)


def assert_same_pages(original, restored):
    assert all(status == 200 for status, _ in original.values()), {url: s for url, (s, _) in original.items()}
    different = [url for url in original if original[url] != restored[url]]
    if different:
        first = different[0]
        before, after = original[first][1], restored[first][1]
        at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(before))
        pytest.fail(
            f"pages differ after the restore: {different}; {first} at character {at}:\n"
            f"{before[at - 120 : at + 120]!r}\n{after[at - 120 : at + 120]!r}"
        )


def demo_database(database, media_root):
    manage(database, "migrate", "--noinput", media_root=media_root)
    manage(database, "load_demo", media_root=media_root)
    return database


def rows(database, table):
    return sorted(database.query(f'SELECT * FROM "{table}"'), key=repr)


def assert_media_present(database, media_root):
    """The copy refers to the same uploaded files, and they are there."""
    names = [name for (name,) in database.query("SELECT poster FROM reviews_film WHERE poster <> ''")]
    names += [name for (name,) in database.query("SELECT photo FROM reviews_person WHERE photo <> ''")]
    assert names and all((media_root / name).is_file() for name in names)


# Tables the dump leaves out on purpose: recreated by `migrate`, or not worth keeping.
NOT_DUMPED = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "django_session",
    "django_admin_log",
}


def test_dumpdata_and_loaddata_restore_the_same_site(sqlite_database, tmp_path):
    media_root = tmp_path / "media"
    original = demo_database(sqlite_database("original"), media_root)
    backup = tmp_path / "backup.xml"
    manage(original, *DUMP, str(backup), media_root=media_root)

    restored = sqlite_database("restored")
    manage(restored, "migrate", "--noinput", media_root=media_root)
    manage(restored, "loaddata", str(backup), media_root=media_root)

    for table in sorted(set(original.tables()) - NOT_DUMPED):
        assert rows(restored, table) == rows(original, table), table
    assert_media_present(restored, media_root)
    assert_same_pages(render(original, media_root), render(restored, media_root))


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_restore_the_same_site(postgres_database, tmp_path):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump and pg_restore are not installed")
    media_root = tmp_path / "media"
    original = demo_database(postgres_database("backup_original"), media_root)
    backup = tmp_path / "filmreviews.dump"
    subprocess.run([*PG_DUMP, str(backup), original.url], check=True, timeout=300)

    # Restored over a database that is already migrated and has content of its own, as when
    # going back to last night's backup: --clean drops what is there first.
    restored = postgres_database("backup_restored")
    manage(restored, "migrate", "--noinput", media_root=media_root)
    call = subprocess.run(
        [*PG_RESTORE, restored.url, str(backup)], capture_output=True, text=True, timeout=300
    )
    assert call.returncode == 0, call.stderr[-4000:]

    for table in sorted(set(original.tables())):
        assert rows(restored, table) == rows(original, table), table
    assert_media_present(restored, media_root)
    assert_same_pages(render(original, media_root), render(restored, media_root))


@pytest.mark.postgres
def test_dumpdata_moves_the_site_from_sqlite_to_postgresql(sqlite_database, postgres_database, tmp_path):
    media_root = tmp_path / "media"
    original = demo_database(sqlite_database("original"), media_root)
    backup = tmp_path / "backup.xml"
    manage(original, *DUMP, str(backup), media_root=media_root)

    moved = postgres_database("moved")
    manage(moved, "migrate", "--noinput", media_root=media_root)
    manage(moved, "loaddata", str(backup), media_root=media_root)

    for table in sorted(set(original.tables()) - NOT_DUMPED):
        assert len(rows(moved, table)) == len(rows(original, table)), table
    assert_media_present(moved, media_root)

    # SQLite stores no search vectors (see Review.search_vector): PostgreSQL computes them once.
    unindexed = "SELECT COUNT(*) FROM reviews_review WHERE search_vector IS NULL"
    assert moved.query(unindexed) == moved.query("SELECT COUNT(*) FROM reviews_review")
    manage(moved, "shell", "-c", REFRESH_SEARCH_VECTORS)
    assert moved.query(unindexed) == [(0,)]
    status, search_page = render(moved, media_root, ["/search/?q=Kazan"])["/search/?q=Kazan"]
    assert status == 200 and 'href="/reviews/kindness-of-strangers-berlinale-eroeffnung/"' in search_page

    # Search works differently on the two databases (see reviews/search.py); every other page
    # must come out the same.
    pages = [url for url in PAGES if not url.startswith("/search/")]
    assert_same_pages(render(original, media_root, pages), render(moved, media_root, pages))
