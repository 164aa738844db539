"""
Search over films, people and reviews, for the readers' /search/ page and the admin.

PostgreSQL
    Reviews: full-text search over the stored `Review.search_vector` (see the model for how it
    stays current), with a GIN index. The query goes through `websearch_to_tsquery` with the
    German and the English configuration, OR-ed (`BilingualQuery`), so one index scan serves
    reviews in both languages and no input is ever a syntax error. Rank: `ts_rank` with
    PostgreSQL's default weights, A (headline, film titles) 1.0, B (teaser) 0.4, C (body) 0.2,
    so a headline match ranks above a body-only one however often the body repeats the word;
    ties go to the newer review. Only the latest RANKED_REVIEWS matches are ranked.
    Films and people: pg_trgm word similarity (`%>`, threshold 0.6) against titles, local
    titles, character names and names, each with a trigram GIN index. Score: the best word
    similarity of the whole query to the film's own titles (original or local), or to the
    person's name, so films and people found through a credit or character come after them.
    The search page ranks a bounded set of candidates, as a first name is credited in tens of
    thousands of films (`top_films`, `top_people`): films whose titles match, then the films
    of the page's top people (in their order) and of at most CHARACTER_ROLES roles whose
    character matches the whole query; for a one-word query the people so named and the actors
    of at most CHARACTER_ROLES roles so named. So "Helen Mitchell" lists Helen Mitchell's films,
    not films with "Helen" in the title and a Mitchell in the cast; the admin's searches
    (`films_matching`, `people_matching`) still find every match.

SQLite
    The same fields with `icontains` (case-insensitive for ASCII letters only) and a score by
    the field that contains the whole query: headline, film or local title 3, teaser 2, body 1
    for reviews; title or local title 3, character 2, credited name 1 for films; name 2,
    character 1 for people. Ties: newest review, films and people by name.

Both
    The query is cleaned first (control characters and NUL bytes dropped, whitespace collapsed,
    at most 200 characters). A film or person matches if every word of it (see `name_words`)
    matches one of its fields ("Clara Kazan": Clara the character, Kazan the actor), or, on
    PostgreSQL, if the whole query matches its title or name ("Kleine Wunder unter Freunden").
    Snippets are escaped text, with nothing but <mark> added.
"""

import html
import re
import secrets
import unicodedata
from contextlib import contextmanager
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryField,
    SearchRank,
    TrigramWordSimilarity,
)
from django.core.paginator import Paginator
from django.db import connection
from django.db.backends.postgresql.psycopg_any import is_psycopg3
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, Greatest
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .models import Film, LocalTitle, Person, Review, Role
from .models.review import CARD_FIELDS, body_text, text_search_config

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
SIGNIFICANT_WORD_LENGTH = 4
TOP_FILMS = 5
TOP_PEOPLE = 5
REVIEWS_PER_PAGE = 10
RANKED_REVIEWS = 1000
CHARACTER_ROLES = 200
PEOPLE_ORDER = ("-search_score", "name", "pk")
EXCERPT_RADIUS = 120

# ts_headline marks matches with these; they are alphanumeric, so escaping leaves them
# alone and they can be swapped for <mark> afterwards. Random per process, so no text an
# editor writes can carry them.
_HIGHLIGHT_START = f"hl{secrets.token_hex(8)}s"
_HIGHLIGHT_STOP = f"hl{secrets.token_hex(8)}e"
_WORD_RE = re.compile(r"[^\W_]+")


def uses_postgres():
    return connection.vendor == "postgresql"


@contextmanager
def planned_per_query():
    """Run the enclosed queries as plain statements, never as prepared ones.

    The connection prepares the queries it runs again and again (settings.py), and after a few
    runs PostgreSQL may execute a prepared statement with one generic plan for any parameters.
    A search's best plan depends on its words (a rare one through the GIN index, a very common
    one along the date index), so each search is planned for its own words.

    Under psycopg2 this does nothing: it binds parameters on the client and never prepares a
    statement, so every query is already planned for its own values.
    """
    if not uses_postgres() or not is_psycopg3:
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    threshold = raw.prepare_threshold
    raw.prepare_threshold = None
    try:
        yield
    finally:
        raw.prepare_threshold = threshold


def clean_query(raw):
    """The query as searched and shown again: no control characters, single spaces, capped."""
    text = (raw or "")[: MAX_QUERY_LENGTH * 4]
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Cs") else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    """The distinct words of at least two letters or digits, at most MAX_WORDS of them."""
    words = {}
    for word in _WORD_RE.findall(query):
        if len(word) >= 2:
            words.setdefault(word.casefold(), word)
    return list(words.values())[:MAX_WORDS]


def name_words(query):
    """The words a film or person must each match: short ones ("the", "of", "Le") only when
    there is nothing longer, as they match thousands of titles and names and tell little."""
    words = query_words(query)
    return [word for word in words if len(word) >= SIGNIFICANT_WORD_LENGTH] or words


# Where a film or a person can match: (model, field searched, field holding the film's or
# person's id). Every word of a query may match any of them ("Clara Kazan": the character and
# the actor); the whole query, only the first ones (the misspelt title "Kleine Wunder unter Freunden").
FILM_SOURCES = [
    (Film, "title", "pk"),
    (LocalTitle, "title", "film_id"),
    (Role, "character", "film_id"),
    (Role, "person__name", "film_id"),
]
FILM_TITLE_SOURCES = FILM_SOURCES[:2]
PERSON_SOURCES = [(Person, "name", "pk"), (Role, "character", "person_id")]
PERSON_NAME_SOURCES = PERSON_SOURCES[:1]


def _ids_matching(sources, text):
    """The ids whose fields match `text`: one index-backed SELECT per field, UNION ALL-ed."""
    lookup = "trigram_word_similar" if uses_postgres() else "icontains"
    branches = [
        model.objects.filter(**{f"{field}__{lookup}": text}).order_by().values(id_field)
        for model, field, id_field in sources
    ]
    return branches[0].union(*branches[1:], all=True)


def _matching_ids(sources, whole_query_sources, query):
    """PostgreSQL: the ids for which every word matches one of `sources` or the whole query one
    of `whole_query_sources`, as a set operation on ids (see `_matching`); None without words."""
    words = name_words(query)
    if not words:
        return None
    ids = _ids_matching(sources, words[0])
    if len(words) > 1:
        ids = ids.intersection(*(_ids_matching(sources, word) for word in words[1:]))
        ids = ids.union(_ids_matching(whole_query_sources, query), all=True)
    return ids


def _matching(sources, whole_query_sources, query):
    """A Q for "every word matches one of `sources`", on PostgreSQL also "or the whole query
    matches one of `whole_query_sources`".

    Set operations on ids rather than ORs across joins: each field's trigram index serves its
    own SELECT, and the planner sees a small set of candidates rather than a whole table.
    SQLite cannot nest set operations, so there each word is a condition of its own.
    """
    words = name_words(query)
    if not words:
        return None
    if not uses_postgres():
        return reduce(and_, (Q(pk__in=_ids_matching(sources, word)) for word in words))
    return Q(pk__in=_matching_ids(sources, whole_query_sources, query))


def _review_conditions(text):
    """SQLite only: PostgreSQL searches reviews by their stored vector."""
    return reduce(
        or_,
        [
            Q(headline__icontains=text),
            Q(teaser__icontains=text),
            Q(body__icontains=text),
            Q(film__title__icontains=text),
            Q(film_id__in=LocalTitle.objects.filter(title__icontains=text).values("film_id")),
        ],
    )


def _best_similarity(queryset, field, query):
    """The best word similarity of `query` to `field` over the rows of `queryset`, or 0."""
    similarity = queryset.annotate(similarity=TrigramWordSimilarity(query, field))
    return Coalesce(Subquery(similarity.order_by("-similarity").values("similarity")[:1]), Value(0.0))


def films_matching(query):
    """Films matching `query`, best first, with `search_score`."""
    match = _matching(FILM_SOURCES, FILM_TITLE_SOURCES, query)
    if match is None:
        return Film.objects.none()
    films = Film.objects.filter(match)
    if uses_postgres():
        # Titles only: a film found through its cast ranks after the films whose title matches.
        # (Scoring the cast as well costs a join per candidate, and a first name has thousands.)
        score = _title_similarity(query)
    else:
        score = Case(
            When(title__icontains=query, then=3),
            When(Exists(LocalTitle.objects.filter(film=OuterRef("pk"), title__icontains=query)), then=3),
            When(Exists(Role.objects.filter(film=OuterRef("pk"), character__icontains=query)), then=2),
            When(Exists(Role.objects.filter(film=OuterRef("pk"), person__name__icontains=query)), then=1),
            default=0,
            output_field=FloatField(),
        )
    return films.annotate(search_score=score).order_by("-search_score", "title", "year", "pk")


def people_matching(query):
    """People matching `query`, best first, with `search_score`."""
    match = _matching(PERSON_SOURCES, PERSON_NAME_SOURCES, query)
    if match is None:
        return Person.objects.none()
    people = Person.objects.filter(match)
    if uses_postgres():
        # The name only: someone found through a character ranks after the people so named.
        score = TrigramWordSimilarity(query, "name")
    else:
        score = Case(
            When(name__icontains=query, then=2),
            When(Exists(Role.objects.filter(person=OuterRef("pk"), character__icontains=query)), then=1),
            default=0,
            output_field=FloatField(),
        )
    return people.annotate(search_score=score).order_by("-search_score", "name", "pk")


def top_people(query):
    """The first TOP_PEOPLE people for the search page.

    On PostgreSQL, for a single word (a first name or a surname: thousands of people and
    characters) the candidates are the people so named and the actors of at most
    CHARACTER_ROLES roles so named; they rank by name as in `people_matching`. SQLite, and
    queries of several words: `people_matching`.
    """
    words = name_words(query)
    if not uses_postgres() or len(words) != 1:
        return list(people_matching(query)[:TOP_PEOPLE])
    named = Person.objects.filter(name__trigram_word_similar=words[0])
    playing = Person.objects.filter(pk__in=_characters_matching(words[0]).values("person_id"))
    best = [_by_name_similarity(people, query)[:TOP_PEOPLE] for people in (named, playing)]
    return list(best[0].union(best[1]).order_by(*PEOPLE_ORDER)[:TOP_PEOPLE])


def _by_name_similarity(people, query):
    """`people` with `search_score`, best first, as `people_matching` ranks them."""
    return people.annotate(search_score=TrigramWordSimilarity(query, "name")).order_by(*PEOPLE_ORDER)


def _title_similarity(query):
    """The best word similarity of `query` to a film's original or local titles."""
    return Greatest(
        TrigramWordSimilarity(query, "title"),
        _best_similarity(LocalTitle.objects.filter(film=OuterRef("pk")), "title", query),
        output_field=FloatField(),
    )


def _title_match(query):
    """A Q for a film whose own titles match `query` by `_matching`'s rule over the titles,
    tested row by row, without running the set operations again."""
    words = name_words(query)
    match = reduce(and_, (_has_title_matching(word) for word in words))
    return match | _has_title_matching(query) if len(words) > 1 else match


def _has_title_matching(text):
    """A Q for a film whose original or one of whose local titles matches `text`."""
    local = LocalTitle.objects.filter(film=OuterRef("pk"), title__trigram_word_similar=text)
    return Q(title__trigram_word_similar=text) | Q(Exists(local))


def _characters_matching(query):
    """Roles whose character matches the whole of `query`, at most CHARACTER_ROLES of them:
    a common first name is the character of thousands of roles."""
    return Role.objects.filter(character__trigram_word_similar=query).order_by()[:CHARACTER_ROLES]


def _credit_score(people):
    """The score of a film found through its credits, below every title match (0 to 1):
    -1 if it credits the first of `people`, -2 the second, ..., -1 - len(people) if none
    (a character matched)."""
    if not people:
        return Value(-1.0)
    rank = Case(*(When(person=person, then=Value(-1.0 - position)) for position, person in enumerate(people)))
    best = (
        Role.objects.filter(film=OuterRef("pk"), person__in=people)
        .annotate(rank=rank)
        .order_by("-rank")
        .values("rank")[:1]
    )
    return Coalesce(Subquery(best), Value(-1.0 - len(people)), output_field=FloatField())


def top_films(query, people=()):
    """The first TOP_FILMS films for the search page, with their local titles.

    On PostgreSQL, from a bounded set of candidates, as a common name is credited in tens of
    thousands of films: the films whose titles match (`films_matching`'s rule over the titles
    alone), best title first; then the films crediting `people` (the page's top people, in
    their order), and films with a character matching the whole query. SQLite: `films_matching`.
    """
    if not uses_postgres():
        return list(films_matching(query).prefetch_related("local_titles")[:TOP_FILMS])
    by_title = _matching_ids(FILM_TITLE_SOURCES, FILM_TITLE_SOURCES, query)
    if by_title is None:
        return []
    by_credits = Role.objects.filter(person__in=people).order_by().values("film_id")
    by_credits = by_credits.union(_characters_matching(query).values("film_id"), all=True)
    films = (
        Film.objects.filter(pk__in=by_title.union(by_credits, all=True))
        .annotate(
            # The titles are tested only for the few films found through their credits.
            search_score=Case(
                When(Q(pk__in=by_credits) & ~_title_match(query), then=_credit_score(list(people))),
                default=_title_similarity(query),
                output_field=FloatField(),
            )
        )
        .order_by("-search_score", "title", "year", "pk")
    )
    return list(films.prefetch_related("local_titles")[:TOP_FILMS])


class BilingualQuery(Func):
    """`websearch_to_tsquery` of a text for German and for English reviews, OR-ed.

    Where both give the same query (names, many words) it is used once: PostgreSQL folds the
    CASE into a constant, and 'fremd' | 'fremd' would double the planner's estimate of
    matches and make it walk the date index instead of using the GIN index.
    """

    output_field = SearchQueryField()

    def __init__(self, text):
        super().__init__(
            SearchQuery(text, config="german", search_type="websearch"),
            SearchQuery(text, config="english", search_type="websearch"),
        )

    def as_sql(self, compiler, connection, **extra_context):
        german, german_params = compiler.compile(self.source_expressions[0])
        english, english_params = compiler.compile(self.source_expressions[1])
        sql = f"(CASE WHEN {german} = {english} THEN {german} ELSE ({german} || {english}) END)"
        return sql, (*german_params, *english_params, *german_params, *german_params, *english_params)


def matches(vector, query):
    """`vector @@ query` as a condition for filter()."""
    return Func(vector, query, arg_joiner=" @@ ", template="(%(expressions)s)", output_field=BooleanField())


def reviews_matching(query, reviews=None):
    """Reviews of `reviews` (default: all) matching `query`, best first, with `search_score`."""
    reviews = Review.objects.all() if reviews is None else reviews
    if not query_words(query):
        return reviews.none()
    if uses_postgres():
        text_query = BilingualQuery(query)
        # Ranking reads every candidate's vector: for a word in most reviews ("Film") that
        # is the whole table. So rank only the latest RANKED_REVIEWS matches, which the
        # planner finds from the GIN index for rare words and along the date index for common ones.
        candidates = (
            reviews.filter(matches(F("search_vector"), text_query))
            .order_by("-published_at", "-pk")
            .values("pk")
        )[:RANKED_REVIEWS]
        return (
            reviews.filter(pk__in=candidates)
            .annotate(search_score=SearchRank(F("search_vector"), text_query))
            .order_by("-search_score", "-published_at", "-pk")
        )
    score = Case(
        When(headline__icontains=query, then=3),
        When(film__title__icontains=query, then=3),
        When(Exists(LocalTitle.objects.filter(film=OuterRef("film_id"), title__icontains=query)), then=3),
        When(teaser__icontains=query, then=2),
        When(body__icontains=query, then=1),
        default=0,
        output_field=FloatField(),
    )
    match = reduce(and_, (_review_conditions(word) for word in query_words(query)))
    return (
        reviews.filter(match).annotate(search_score=score).order_by("-search_score", "-published_at", "-pk")
    )


def highlight(headline):
    """Safe HTML from a ts_headline result: everything escaped, then the markers made <mark>."""
    text = escape(html.unescape(headline))
    return mark_safe(text.replace(_HIGHLIGHT_START, "<mark>").replace(_HIGHLIGHT_STOP, "</mark>"))


def excerpt(text, words, radius=EXCERPT_RADIUS):
    """Safe HTML: the part of plain `text` around the first of `words`, matches in <mark>."""
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.I)
    first = pattern.search(text) if words else None
    if first is None:
        return escape(Truncator(text).chars(2 * radius))
    start = max(0, first.start() - radius)
    end = min(len(text), first.end() + radius)
    # Whole words at both ends.
    if start > 0 and (space := text.find(" ", start, first.start())) != -1:
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", first.end(), end)) != -1:
        end = space
    window = text[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(window):
        pieces.append(escape(window[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(window[position:]))
    return mark_safe(("… " if start > 0 else "") + "".join(pieces) + (" …" if end < len(text) else ""))


def review_text(review):
    """What a reader reads of a review, as plain text: teaser, then the body without markup."""
    return " ".join(filter(None, [review.teaser, html.unescape(strip_tags(review.body_html))]))


def add_snippets(reviews, query):
    """Give each review a `snippet`: safe HTML of its text around the matches."""
    words = query_words(query)
    for review in reviews:
        if hasattr(review, "search_headline"):
            review.snippet = highlight(review.search_headline)
        else:
            review.snippet = excerpt(" ".join(review_text(review).split()), words)
    return reviews


def with_headlines(reviews, query):
    """On PostgreSQL, give each review `search_headline`: its text around the matches, the
    matches between the private markers that `highlight` turns into <mark>."""
    if not uses_postgres():
        return reviews
    return reviews.defer("body_html").annotate(
        search_headline=SearchHeadline(
            Concat("teaser", Value("\n\n"), body_text(), output_field=TextField()),
            BilingualQuery(query),
            config=text_search_config(),
            start_sel=_HIGHLIGHT_START,
            stop_sel=_HIGHLIGHT_STOP,
            max_fragments=2,
            max_words=30,
            min_words=12,
            fragment_delimiter=" … ",
        )
    )


def search(query, page_number=None):
    """Everything the search page shows for a cleaned, non-empty `query`.

    Runs a fixed number of queries: the ranked ids of the matching reviews (at most
    RANKED_REVIEWS, so ranking and counting happen once), the page of reviews with their
    films' local titles, and on the first page the top films (with local titles) and people.
    """
    with planned_per_query():
        return _search(query, page_number)


def _search(query, page_number):
    ranked_ids = list(
        reviews_matching(query, Review.objects.published()).values_list("pk", flat=True)[:RANKED_REVIEWS]
    )
    page = Paginator(ranked_ids, REVIEWS_PER_PAGE).get_page(page_number)
    films, people = [], []
    if page.number == 1:
        people = top_people(query)
        films = top_films(query, people)
    reviews = Review.objects.filter(pk__in=page.object_list).for_cards()
    if not uses_postgres():
        # The snippet is cut from the rendered body here (on PostgreSQL, by the query).
        reviews = reviews.only(*CARD_FIELDS, "body_html")
    position = {pk: index for index, pk in enumerate(page.object_list)}
    page.object_list = add_snippets(
        sorted(with_headlines(reviews, query), key=lambda review: position[review.pk]), query
    )
    return {
        "films": films,
        "people": people,
        "page_obj": page,
        "review_count": len(ranked_ids),
        "more_reviews": len(ranked_ids) >= RANKED_REVIEWS,
    }


def refresh_search_vectors(review_ids=None, batch_size=10_000):
    """(Re)compute the stored search vectors of these reviews (all if None); PostgreSQL only.

    For writes that bypass `Review.save()`: `bulk_create`, `update()`, imports. One UPDATE
    for all reviews, or one per `batch_size` ids. Returns the number of rows updated.
    """
    if not uses_postgres():
        return 0
    if review_ids is None:
        return Review.objects.all().update_search_vectors()
    ids = list(review_ids)
    return sum(
        Review.objects.filter(pk__in=ids[start : start + batch_size]).update_search_vectors()
        for start in range(0, len(ids), batch_size)
    )


def admin_search_results(queryset, query, substring_matches=None):
    """For `ModelAdmin.get_search_results`: rows of `queryset` the site's search finds for
    `query` (the admin's search box), plus `substring_matches` (the admin's own search).
    """
    query = clean_query(query)
    if not query:
        return queryset
    if queryset.model is Film:
        found = films_matching(query)
    elif queryset.model is Person:
        found = people_matching(query)
    elif queryset.model is Review:
        found = reviews_matching(query)
    else:
        raise ValueError(f"No search for {queryset.model.__name__}.")
    condition = Q(pk__in=found.order_by().values("pk"))
    if substring_matches is not None:
        condition |= Q(pk__in=substring_matches.order_by().values("pk"))
    return queryset.filter(condition)
