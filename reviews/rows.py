"""
What the readers' pages list, as plain rows rather than model instances: review cards and
films (with their local titles) for the lists, and a detail page's small lists (a film's
credits and local titles, an object's tags).

The ORM's work around these queries was most of their cost: a film's credits took ~1.7 ms
with Role and Person instances for 0.2 ms of SQL, and the home page's twelve cards spent more
time becoming Review, Film and User instances than in PostgreSQL. The rows carry what
templates, fragments.py and schema.py read, under the same names as the instances they
replace. The detail lists go further: their SQL, which takes one id, is compiled by the ORM
once per process (CompiledQuery).
"""

from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import FilteredRelation, Q

from .models import Film, LocalTitle, Review, Role, Tag, TaggedFilm, TaggedReview
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


# --- Review cards and films in lists ---------------------------------------------------------

POSTER = Film._meta.get_field("poster")


class Author(NamedTuple):
    username: str
    first_name: str
    last_name: str

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_username(self):
        return self.username


class ListedFilm:
    """A film as lists and review cards show it; its title methods are Film's own. It knows its
    local titles in the interface languages only (`with_local_titles`): all that lists show."""

    def __init__(self, pk, slug, title, year, original_language, poster, poster_width, poster_height, titles):
        self.pk, self.slug, self.title, self.year = pk, slug, title, year
        self.original_language = original_language
        self.poster = POSTER.attr_class(self, POSTER, poster)
        self.poster_width, self.poster_height = poster_width, poster_height
        self._titles = titles

    def local_title_objects(self):
        return self._titles

    def get_absolute_url(self):
        return slug_url("reviews:film_detail", self.slug)

    local_title = Film.local_title
    display_title = Film.display_title


class ListedReview(NamedTuple):
    """A review as cards (fragments.review_card) and structured data (schema.review_summary) read it."""

    pk: int
    slug: str
    headline: str
    teaser: str
    language: str
    rating: object
    published_at: object
    film: object
    author: Author

    def get_absolute_url(self):
        return slug_url("reviews:review_detail", self.slug)

    def get_language_display(self):
        return Review.Language(self.language).label


REVIEW_FIELDS = ("pk", "slug", "headline", "teaser", "language", "rating", "published_at")
AUTHOR_FIELDS = ("author__username", "author__first_name", "author__last_name")
LISTED_FILM_FIELDS = (
    "pk",
    "slug",
    "title",
    "year",
    "original_language",
    "poster",
    "poster_width",
    "poster_height",
)
FILM_FIELDS = ("film_id", *(f"film__{name}" for name in LISTED_FILM_FIELDS[1:]))


def interface_languages():
    """The codes of the interface languages, in the order Film.local_title_objects() sorts titles."""
    return sorted(code for code, name in settings.LANGUAGES)


def with_local_titles(queryset, film_path=""):
    """`queryset` joined with its films' local titles in each interface language (a film has at
    most one per language), and the names of those title columns for values_list().

    Lists show a film by its title in the reader's language. A join per interface language
    costs PostgreSQL less than the second query it replaces (a page of cards spent more time
    building that query through the ORM than running it).
    """
    if queryset.query.is_sliced:
        # Join only the rows the slice keeps: PostgreSQL would join every candidate (a tag's
        # hundreds of reviews) before sorting and cutting.
        ordering = queryset.query.order_by
        queryset = queryset.model._default_manager.filter(pk__in=queryset.values("pk")).order_by(*ordering)
    joins, columns = {}, []
    for language in interface_languages():
        name = f"local_title_{language}"
        relation = f"{film_path}local_titles"
        joins[name] = FilteredRelation(relation, condition=Q(**{f"{relation}__language": language}))
        columns.append(f"{name}__title")
    return queryset.annotate(**joins), columns


def _titles(languages, titles):
    """[Title, …] of a film from its local-title columns (None where there is none)."""
    return [Title(language, title) for language, title in zip(languages, titles, strict=True) if title]


def review_cards(reviews, film=None):
    """The reviews of a QuerySet (ordered, perhaps sliced) as ListedReviews, with their films'
    titles in the interface languages: one query. For the reviews of `film` (a Film the page
    has loaded), that film."""
    author_at, film_at = len(REVIEW_FIELDS), len(REVIEW_FIELDS) + len(AUTHOR_FIELDS)
    if film is not None:
        return [
            ListedReview(*row[:author_at], film, Author(*row[author_at:]))
            for row in reviews.values_list(*REVIEW_FIELDS, *AUTHOR_FIELDS)
        ]
    titles_at = film_at + len(FILM_FIELDS)
    languages = interface_languages()
    reviews, title_columns = with_local_titles(reviews, "film__")
    films = {}
    cards = []
    for row in reviews.values_list(*REVIEW_FIELDS, *AUTHOR_FIELDS, *FILM_FIELDS, *title_columns):
        film_id = row[film_at]
        listed = films.get(film_id)
        if listed is None:
            listed = films[film_id] = ListedFilm(*row[film_at:titles_at], _titles(languages, row[titles_at:]))
        cards.append(ListedReview(*row[:author_at], listed, Author(*row[author_at:film_at])))
    return cards


def listed_films(films):
    """The films of a QuerySet (ordered, perhaps sliced) as ListedFilms with their titles in
    the interface languages: one query."""
    languages = interface_languages()
    films, title_columns = with_local_titles(films)
    titles_at = len(LISTED_FILM_FIELDS)
    return [
        ListedFilm(*row[:titles_at], _titles(languages, row[titles_at:]))
        for row in films.values_list(*LISTED_FILM_FIELDS, *title_columns)
    ]
