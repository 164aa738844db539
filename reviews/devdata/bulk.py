"""
Many new rows at once: COPY on PostgreSQL, `bulk_create` elsewhere.

`insert(model, objects)` does what `bulk_create` does (fills the values `save()` would fill on
adding, such as `auto_now` times, gives every object its primary key, calls no `save()` and
sends no signal), faster on PostgreSQL: `bulk_create` compiles an INSERT with a parameter for
every value of every row, and the driver parses that statement again for each batch (psycopg
caches only short statements). COPY streams the rows in one statement without parameters; the
primary keys are taken from the table's sequence first, in one query. For `generate_data`,
whose million rows of credits and hundreds of thousands of reviews spent most of their time in
those INSERTs.

Both PostgreSQL drivers Django supports can COPY, with different calls: psycopg 3 takes rows
(`cursor.copy()`, which adapts each value itself), psycopg2 a stream in COPY's text format
(`cursor.copy_expert()`), which `_copy_text` writes. The connection says which driver it has.
"""

import io
from datetime import date, datetime, time
from decimal import Decimal

from django.db import connection, models

# Fields that store a str, int or bool as it is: such values go into COPY without a call to
# `get_db_prep_save()` (a million credits have eight million values). By exact class, so a
# subclass that converts its values (a CountryField is a CharField) takes the full path.
PLAIN_FIELDS = {
    models.AutoField,
    models.BigAutoField,
    models.BigIntegerField,
    models.BooleanField,
    models.CharField,
    models.EmailField,
    models.ForeignKey,
    models.IntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.SlugField,
    models.SmallIntegerField,
    models.TextField,
}
PLAIN_VALUES = {str, int, bool, type(None)}
# COPY's text format: a tab between columns, a newline after each row, backslash escapes.
TEXT_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def insert(model, objects, batch_size=None):
    """Insert `objects` (new, unsaved instances of `model`) and give them their primary keys."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=batch_size)
        return
    meta = model._meta
    fields = meta.concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    statement = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        _assign_primary_keys(cursor, meta, objects)
        rows = ([_value(field, obj) for field in fields] for obj in objects)
        if connection.Database.__name__ == "psycopg2":
            cursor.copy_expert(statement, io.StringIO("".join(_copy_text(row) for row in rows)))
        else:
            with cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


def _value(field, obj):
    value = field.pre_save(obj, True)
    if type(field) in PLAIN_FIELDS and type(value) in PLAIN_VALUES:
        return value
    return field.get_db_prep_save(value, connection)


def _copy_text(row):
    """One row in COPY's text format, for psycopg2, which sends the text as it is."""
    return "\t".join(_text(value) for value in row) + "\n"


def _text(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(TEXT_ESCAPES)
    if isinstance(value, int | Decimal | float):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    # Better to stop than to write a value's repr into a row: psycopg 3 adapts more types.
    raise TypeError(f"No COPY text for a {type(value).__name__} value; add it to bulk._text.")


def _assign_primary_keys(cursor, meta, objects):
    """Draw the keys of the objects without one from the primary key's sequence."""
    pk = meta.pk
    missing = [obj for obj in objects if getattr(obj, pk.attname) is None]
    if not missing:
        return
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
        [meta.db_table, pk.column, len(missing)],
    )
    for obj, (value,) in zip(missing, cursor.fetchall(), strict=True):
        setattr(obj, pk.attname, value)
