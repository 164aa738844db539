"""
What the readers' pages show, as plain rows rather than model instances where there are many
(review cards, films in lists, a film's credits and titles, tags), and the object of a detail
page as model instances made from one row.

The ORM's work around these queries was most of their cost: a film's credits took ~1.7 ms
with Role and Person instances for 0.2 ms of SQL, and the home page's twelve cards spent more
time becoming Review, Film and User instances than in PostgreSQL. The rows carry what
templates, fragments.py and schema.py read, under the same names as the instances they
replace. On PostgreSQL the SQL of the detail pages' queries and of the lists of home, archive
and tag pages is compiled by the ORM once per process and shape (CompiledList) and run with
each request's values: building a query through the ORM cost more than running it.
"""

from datetime import UTC, datetime
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import CharField, F, FilteredRelation, IntegerField, Q, Value
from django.utils import timezone

from .models import Film, LocalTitle, Review, Role, Tag, TaggedFilm, TaggedReview
from .models.base import language_name, slug_url

# Stand-in values (see _stand_in) derive from it: no row holds such a number.
PLACEHOLDER = -7_301_917

User = get_user_model()


class CompiledList:
    """A query whose SQL the ORM compiles once per shape, on PostgreSQL.

    `build(shape, **values)` returns the QuerySet (values_list). The shape (a tuple) fixes
    everything but the values: which filters there are, the slice. On first use of a shape the
    query is compiled with a stand-in for each value, and the stand-ins' places among the
    parameters are noted; afterwards it runs with the values in their places. Building and
    compiling a list of cards took 1.3-1.9 ms of ORM work for 0.5 ms of SQL. Other databases
    (SQLite converts values while compiling, so the stand-ins cannot be found) run the QuerySet.
    """

    max_shapes = 256

    def __init__(self, build):
        self.build = build
        self.compiled = {}

    def rows(self, shape, using=DEFAULT_DB_ALIAS, **values):
        connection = connections[using]
        if connection.vendor != "postgresql":
            return list(self.build(shape, **values))
        compiled = self.compiled.get((shape, using))
        if compiled is None:
            if len(self.compiled) >= self.max_shapes:
                self.compiled.clear()
            compiled = self.compiled[(shape, using)] = self._compile(shape, values, using)
        sql, places = compiled
        params = [values[name] if name is not None else constant for name, constant in places]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _compile(self, shape, values, using):
        stand_ins = {name: _stand_in(value, number) for number, (name, value) in enumerate(values.items())}
        sql, params = self.build(shape, **stand_ins).query.get_compiler(using).as_sql()
        by_value = {(type(value), value): name for name, value in stand_ins.items()}
        places = [(by_value.get((type(param), param)), param) for param in params]
        missing = set(values) - {name for name, _constant in places}
        if missing:
            raise ImproperlyConfigured(f"{sorted(missing)} are not parameters of the compiled query: {sql}")
        return sql, places


def _stand_in(value, number):
    """A value of `value`'s type that no query holds otherwise: it marks the value's places."""
    if isinstance(value, datetime):
        return datetime(1901, 2, 3, 4, 5, 6, number + 1, tzinfo=UTC)
    if isinstance(value, Decimal):
        return Decimal(PLACEHOLDER) - number - Decimal("0.25")
    if isinstance(value, int) and not isinstance(value, bool):
        return PLACEHOLDER - number
    if isinstance(value, str):
        return f"stand-in {PLACEHOLDER} {number}"
    raise ImproperlyConfigured(f"No stand-in for a {type(value).__name__}.")


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


FACT_COLUMNS = ("source", "pk", "kind", "character", "order", "name", "slug")


def _facts_query(shape, film_id, review_id=None):
    """A film's credits, local titles and tags (or its review's tags) in one UNION ALL, as
    rows of FACT_COLUMNS, sorted by source and name:
    ("credit", role, kind, character, billing order, person's name, person's slug),
    ("tag", tag, -, -, -, name, slug) and ("title", local title, -, -, -, language, title)."""
    (tags_of,) = shape
    none = {
        "kind": Value(None, output_field=CharField()),
        "character": Value(None, output_field=CharField()),
        "order": Value(None, output_field=IntegerField()),
    }
    credits = Role.objects.filter(film_id=film_id).annotate(
        source=Value("credit"), name=F("person__name"), slug=F("person__slug")
    )
    titles = LocalTitle.objects.filter(film_id=film_id).annotate(
        source=Value("title"), name=F("language"), slug=F("title"), **none
    )
    if tags_of == "review":
        tagged = TaggedReview.objects.filter(content_object_id=review_id)
    else:
        tagged = TaggedFilm.objects.filter(content_object_id=film_id)
    tags = Tag.objects.filter(pk__in=tagged.values("tag_id")).annotate(source=Value("tag"), **none)
    branches = [rows.order_by().values_list(*FACT_COLUMNS) for rows in (credits, titles, tags)]
    return branches[0].union(*branches[1:], all=True).order_by("source", "name")


FACTS = CompiledList(_facts_query)


class Facts(NamedTuple):
    """What a detail page shows beside its object: a film's credits (`Film.credits()` groups
    them), its local titles, and the tags of the film or of the review."""

    credits: list
    titles: list
    tags: list


def facts(film, review=None, using=DEFAULT_DB_ALIAS):
    """The Facts of `film`, with the tags of `review` if given (else the film's): one query."""
    if review is None:
        found = FACTS.rows(("film",), using=using, film_id=film.pk)
    else:
        found = FACTS.rows(("review",), using=using, film_id=film.pk, review_id=review.pk)
    credits, titles, tags = [], [], []
    for source, pk, kind, character, order, name, slug in found:
        if source == "credit":
            credits.append(Credit(pk, kind, character, order, Person(name, slug)))
        elif source == "title":
            titles.append(Title(name, slug))
        else:
            tags.append(TagLink(name, slug))
    return Facts(credits, titles, tags)


# --- The object of a detail page ------------------------------------------------------------
#
# A detail page's main query cost more to build through the ORM on every request than to run;
# these compile it once and make the model instances from the row (`Model.from_db`, as the ORM
# itself does), so templates and structured data read the models they always read.


def concrete_attnames(model, exclude=()):
    return tuple(field.attname for field in model._meta.concrete_fields if field.name not in exclude)


FILM_PAGE_FIELDS = concrete_attnames(Film)
# The stored search vector is large and no page shows it.
REVIEW_PAGE_FIELDS = concrete_attnames(Review, exclude={"search_vector"})
# What pages show of an author; `from_db` defers the rest (the password hash stays in the database).
AUTHOR_PAGE_FIELDS = ("id", "username", "first_name", "last_name")


def _by_slug_query(shape, slug):
    (model,) = shape
    # No ORDER BY: the model's default ordering would sort the one row.
    return model._default_manager.filter(slug=slug).order_by().values_list(*concrete_attnames(model))


BY_SLUG = CompiledList(_by_slug_query)


def by_slug(model, slug, using=DEFAULT_DB_ALIAS):
    """The `model` instance (a Film, a Person) with this slug, or None."""
    found = BY_SLUG.rows((model,), using=using, slug=slug)
    return model.from_db(using, concrete_attnames(model), found[0]) if found else None


def _published_review_query(shape, slug, now):
    return (
        Review.objects.published(now)
        .filter(slug=slug)
        .values_list(
            *REVIEW_PAGE_FIELDS,
            *(f"film__{name}" for name in FILM_PAGE_FIELDS),
            *(f"author__{name}" for name in AUTHOR_PAGE_FIELDS),
        )
    )


PUBLISHED_REVIEW = CompiledList(_published_review_query)


def published_review(slug, using=DEFAULT_DB_ALIAS):
    """The published review with this slug, or None: a Review with its Film and its author (a
    User with names only) loaded, as `select_related("film", "author")` would give them."""
    found = PUBLISHED_REVIEW.rows((), using=using, slug=slug, now=timezone.now())
    if not found:
        return None
    row = found[0]
    film_at = len(REVIEW_PAGE_FIELDS)
    author_at = film_at + len(FILM_PAGE_FIELDS)
    review = Review.from_db(using, REVIEW_PAGE_FIELDS, row[:film_at])
    Review.film.field.set_cached_value(review, Film.from_db(using, FILM_PAGE_FIELDS, row[film_at:author_at]))
    Review.author.field.set_cached_value(review, User.from_db(using, AUTHOR_PAGE_FIELDS, row[author_at:]))
    return review


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


CARD_FIELDS = (*REVIEW_FIELDS, *AUTHOR_FIELDS, *FILM_FIELDS)


def _film_reviews_query(shape, film_id, now):
    reviews = Review.objects.published(now).filter(film_id=film_id).newest_first()
    return reviews.values_list(*REVIEW_FIELDS, *AUTHOR_FIELDS)


FILM_REVIEWS = CompiledList(_film_reviews_query)


def film_reviews(film, using=DEFAULT_DB_ALIAS):
    """The published reviews of `film` (a Film the page has loaded), newest first, as
    ListedReviews of that film: its page's list."""
    author_at = len(REVIEW_FIELDS)
    return [
        ListedReview(*row[:author_at], film, Author(*row[author_at:]))
        for row in FILM_REVIEWS.rows((), using=using, film_id=film.pk, now=timezone.now())
    ]


def published_cards(start, stop, language="", min_rating=None, tag_id=None):
    """Published reviews newest first, `[start:stop]`, as ListedReviews with their films'
    titles in the interface languages; only those in `language`, rated `min_rating` or more,
    with the tag `tag_id`, where given.

    The lists of home, archive and tag pages: their SQL is compiled once per shape (which
    filters, which slice) rather than built by the ORM on every request.
    """
    filters = {"language": language, "min_rating": min_rating, "tag_id": tag_id}
    filters = {name: value for name, value in filters.items() if value not in ("", None)}
    languages = interface_languages()
    shape = (tuple(languages), tuple(sorted(filters)), start, stop)
    return _cards(PUBLISHED_CARDS.rows(shape, now=timezone.now(), **filters), languages)


def _published_cards_query(shape, now, language=None, min_rating=None, tag_id=None):
    _languages, _filters, start, stop = shape
    reviews = Review.objects.published(now)
    if language is not None:
        reviews = reviews.filter(language=language)
    if min_rating is not None:
        reviews = reviews.filter(rating__gte=min_rating)
    if tag_id is not None:
        reviews = reviews.filter(tags=tag_id)
    reviews, title_columns = with_local_titles(reviews.newest_first()[start:stop], "film__")
    return reviews.values_list(*CARD_FIELDS, *title_columns)


PUBLISHED_CARDS = CompiledList(_published_cards_query)


def films_with_tag(tag_id, count):
    """The newest `count` films with the tag `tag_id` (by year, then title) as ListedFilms,
    their SQL compiled once (home's featured festival, a tag's page)."""
    languages = interface_languages()
    titles_at = len(LISTED_FILM_FIELDS)
    found = FILMS_WITH_TAG.rows((tuple(languages), count), tag_id=tag_id)
    return [ListedFilm(*row[:titles_at], _titles(languages, row[titles_at:])) for row in found]


def _films_with_tag_query(shape, tag_id):
    _languages, count = shape
    films = Film.objects.filter(tags=tag_id).order_by("-year", "title", "pk")[:count]
    films, title_columns = with_local_titles(films)
    return films.values_list(*LISTED_FILM_FIELDS, *title_columns)


FILMS_WITH_TAG = CompiledList(_films_with_tag_query)


def _cards(found, languages):
    """ListedReviews from rows of CARD_FIELDS and the films' local-title columns."""
    author_at, film_at = len(REVIEW_FIELDS), len(REVIEW_FIELDS) + len(AUTHOR_FIELDS)
    titles_at = film_at + len(FILM_FIELDS)
    films = {}
    cards = []
    for row in found:
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
