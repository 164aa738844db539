"""Bulk writes: larger than one statement may carry, and `devdata.bulk.insert` (COPY on PostgreSQL).

On PostgreSQL every value travels as a parameter of the statement (server-side binding), and a
statement may carry at most 65,535 of them; the backend cuts `bulk_create`, and the deletions
Django runs by id, into batches that fit. On SQLite Django does the same by itself.
"""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import is_psycopg3

from filmreviews.db.base import MAX_PARAMETERS
from reviews.devdata import bulk
from reviews.models import Film, Review

from .conftest import make_film, make_user

pytestmark = pytest.mark.django_db


def insert_fields(model):
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def test_batches_fit_the_parameter_limit_on_postgresql():
    if connection.vendor != "postgresql" or not is_psycopg3:
        pytest.skip("the limit of psycopg 3's server-side binding")
    assert connection.features.uses_server_side_binding
    fields = insert_fields(Review)
    size = connection.ops.bulk_batch_size(fields, [])
    assert size * len(fields) <= MAX_PARAMETERS < (size + 1) * len(fields)
    assert connection.ops.bulk_batch_size([], []) == MAX_PARAMETERS


def test_batches_are_djangos_own_under_psycopg2():
    # psycopg2 binds values on the client, into the statement's text: no parameter limit.
    if connection.vendor != "postgresql" or is_psycopg3:
        pytest.skip("psycopg2's client-side binding")
    assert not connection.features.uses_server_side_binding
    objs = [Review()] * (MAX_PARAMETERS + 1)
    assert connection.ops.bulk_batch_size(insert_fields(Review), objs) == len(objs)


def test_bulk_create_of_more_rows_than_one_statement_holds():
    # More reviews than 65,535 parameters hold in one INSERT (one per field and row).
    author = make_user("critic")
    film = make_film("Nosferatu", 1922)
    count = MAX_PARAMETERS // len(insert_fields(Review)) + 50
    Review.objects.bulk_create(
        Review(
            film=film,
            author=author,
            headline=f"Review {number}",
            slug=f"review-{number}",
            body="Text.",
            body_html="<p>Text.</p>",
            language="en",
        )
        for number in range(count)
    )
    assert Review.objects.count() == count


def films(prefix):
    return [
        Film(
            title="L’Été – «dernier»\tet\\ nouveau",
            slug=f"{prefix}-ete",
            year=1999,
            countries=["FR", "DE"],
            original_language="fr",
            synopsis="Zeile eins\nZeile zwei",
            poster="posters/ete.jpg",
            poster_width=400,
            poster_height=600,
        ),
        Film(title="Plain", slug=f"{prefix}-plain", year=2001, runtime=90),
    ]


def reviews(prefix, film, author):
    published = datetime(2024, 2, 29, 23, 30, tzinfo=UTC)
    return [
        Review(
            film=film,
            author=author,
            headline="Half",
            slug=f"{prefix}-half",
            rating=Decimal("4.5"),
            status="published",
            published_at=published,
            body="*a*",
            body_html="<p><em>a</em></p>",
        ),
        Review(film=film, author=author, headline="None", slug=f"{prefix}-none", language="en"),
    ]


def stored(model, prefix):
    rows = model.objects.filter(slug__startswith=prefix).order_by("slug").values()
    return [
        {
            key: value
            for key, value in row.items()
            if key not in ("id", "slug", "created_at", "updated_at", "film_id")
        }
        for row in rows
    ]


def test_insert_writes_what_bulk_create_writes():
    author = make_user("critic")
    copied, created = films("copy"), films("orm")
    bulk.insert(Film, copied)
    Film.objects.bulk_create(created)
    assert stored(Film, "copy") == stored(Film, "orm")
    assert stored(Film, "copy")[0]["countries"] == "DE,FR"
    # The objects have their keys, as after bulk_create, and the rows their times.
    for film in copied:
        assert Film.objects.get(pk=film.pk).slug == film.slug
        assert not film._state.adding
    assert Film.objects.filter(slug__startswith="copy", created_at__isnull=False).count() == 2

    bulk.insert(Review, reviews("copy", copied[0], author))
    Review.objects.bulk_create(reviews("orm", created[0], author))
    assert stored(Review, "copy") == stored(Review, "orm")
    assert stored(Review, "copy")[0]["rating"] == Decimal("4.5")
    # The sequence moved past the keys taken: rows made afterwards get new ones.
    assert make_film("Later").pk > max(film.pk for film in copied)
    bulk.insert(Film, [])
