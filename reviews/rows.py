"""
The small lists of a detail page (a film's credits and local titles, an object's tags) as
plain rows, by SQL the ORM compiles once per process.

Each of these queries is tiny (a few rows by one id), and building it was most of its cost:
making the QuerySet, compiling its SQL and a model instance per row took ~1.7 ms for a
film's credits whose SQL ran in 0.2 ms. The rows carry what pages and structured data read
of them, under the same names as the model instances they replace.
"""

from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

from .models import LocalTitle, Role, Tag, TaggedFilm, TaggedReview
from .models.base import language_name, slug_url

# Stands for the id while the ORM compiles the SQL; no row has it, and the compiled
# parameters must be exactly [PLACEHOLDER] (see CompiledQuery).
PLACEHOLDER = -7_301_917


class CompiledQuery:
    """A query with one parameter, an id: `build(id)` returns its QuerySet (values_list), whose
    SQL is compiled on first use for each database and then run with the id given."""

    def __init__(self, build):
        self.build = build
        self.sql = {}

    def rows(self, key, using=DEFAULT_DB_ALIAS):
        sql = self.sql.get(using)
        if sql is None:
            compiled, params = self.build(PLACEHOLDER).query.get_compiler(using).as_sql()
            if list(params) != [PLACEHOLDER]:
                raise ImproperlyConfigured(f"A compiled query takes one id, not {params!r}: {compiled}")
            sql = self.sql[using] = compiled
        with connections[using].cursor() as cursor:
            cursor.execute(sql, [key])
            return cursor.fetchall()


class Person(NamedTuple):
    name: str
    slug: str

    def get_absolute_url(self):
        return slug_url("reviews:person_detail", self.slug)


class Credit(NamedTuple):
    """A Role as a film's facts show it: `Film.credits()` groups these."""

    pk: int
    kind: str
    character: str
    order: int
    person: Person


class Title(NamedTuple):
    """A LocalTitle: what `Film.local_title_objects()` returns."""

    language: str
    title: str

    def get_language_display(self):
        return language_name(self.language)


class TagLink(NamedTuple):
    name: str
    slug: str

    def get_absolute_url(self):
        return slug_url("reviews:tag_detail", self.slug)


CREDITS = CompiledQuery(
    lambda film_id: (
        Role.objects.filter(film_id=film_id)
        .order_by()
        .values_list("pk", "kind", "character", "order", "person__name", "person__slug")
    )
)
LOCAL_TITLES = CompiledQuery(
    lambda film_id: (
        LocalTitle.objects.filter(film_id=film_id).order_by("language", "pk").values_list("language", "title")
    )
)
FILM_TAGS = CompiledQuery(
    lambda film_id: (
        Tag.objects.filter(pk__in=TaggedFilm.objects.filter(content_object_id=film_id).values("tag_id"))
        .order_by("name")
        .values_list("name", "slug")
    )
)
REVIEW_TAGS = CompiledQuery(
    lambda review_id: (
        Tag.objects.filter(pk__in=TaggedReview.objects.filter(content_object_id=review_id).values("tag_id"))
        .order_by("name")
        .values_list("name", "slug")
    )
)


def credits(film):
    return [
        Credit(pk, kind, character, order, Person(name, slug))
        for pk, kind, character, order, name, slug in CREDITS.rows(film.pk)
    ]


def local_titles(film):
    return [Title(*row) for row in LOCAL_TITLES.rows(film.pk)]


def film_tags(film):
    return [TagLink(*row) for row in FILM_TAGS.rows(film.pk)]


def review_tags(review):
    return [TagLink(*row) for row in REVIEW_TAGS.rows(review.pk)]
