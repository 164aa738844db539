"""The database backend: bulk writes larger than one statement may carry.

On PostgreSQL every value travels as a parameter of the statement (server-side binding), and a
statement may carry at most 65,535 of them; the backend cuts `bulk_create`, and the deletions
Django runs by id, into batches that fit. On SQLite Django does the same by itself.
"""

import pytest
from django.db import connection

from filmreviews.db.base import MAX_PARAMETERS
from reviews.models import Review

from .conftest import make_film, make_user

pytestmark = pytest.mark.django_db


def insert_fields(model):
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def test_batches_fit_the_parameter_limit_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's limit")
    assert connection.features.uses_server_side_binding
    fields = insert_fields(Review)
    size = connection.ops.bulk_batch_size(fields, [])
    assert size * len(fields) <= MAX_PARAMETERS < (size + 1) * len(fields)
    assert connection.ops.bulk_batch_size([], []) == MAX_PARAMETERS


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
