"""Keep each review's search vector in the row itself (PostgreSQL).

A review's row is larger than PostgreSQL's 2 kB threshold, and by default it moves the largest
value out of the row first: the search vector. A search for a common word walks the reviews
newest first and tests each one's vector, so each test fetched the vector from the TOAST table
(an index lookup and another page). With storage MAIN the vector stays in the row, compressed,
and the body and rendered body move out instead, which no search reads.

The storage applies to rows written from now on, so the existing vectors are rewritten once
(about a minute for 200,000 reviews).
"""

from django.db import migrations

TABLE = "reviews_review"


def keep_vectors_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN")
    # Concatenating an empty vector makes a new value, which is stored the new way.
    schema_editor.execute(
        f"UPDATE {TABLE} SET search_vector = search_vector || ''::tsvector WHERE search_vector IS NOT NULL"
    )


def move_vectors_out(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0005_film_title_index"),
    ]

    operations = [
        migrations.RunPython(keep_vectors_inline, move_vectors_out, elidable=False),
    ]
