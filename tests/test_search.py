"""Search: the /search/ page on both databases, PostgreSQL's stemming and fuzzy matching, the admin."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import is_psycopg3
from django.utils import timezone

from reviews import search
from reviews.models import LocalTitle, Review, Role

from .conftest import make_film, make_person, make_review, make_role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def skip_postgres_tests_on_sqlite(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def kindness(db):
    """The product's example: the film, its German title, its credits and a German review."""
    film = make_film("The Kindness of Strangers", year=2019, original_language="en")
    LocalTitle.objects.create(
        film=film, language="de", title="The Kindness of Strangers – Kleine Wunder unter Fremden"
    )
    make_role(film, make_person("Lone Scherfig"), Role.Kind.DIRECTOR)
    make_role(film, make_person("Zoe Kazan"), Role.Kind.ACTOR, character="Clara", order=1)
    make_role(film, make_person("Tahar Rahim"), Role.Kind.ACTOR, character="Marc", order=2)
    make_role(film, make_person("Andrea Riseborough"), Role.Kind.ACTOR, character="Alice", order=3)
    make_review(
        film=film,
        language="de",
        headline="Großer Frost über Manhattan",
        teaser="Lone Scherfig eröffnet die Berlinale mit einem Winterfilm.",
        body=(
            "Clara (Zoe Kazan) flieht mit ihren Söhnen nach Manhattan. Der Film erzählt von der "
            "Freundlichkeit der Fremden, die einander auffangen."
        ),
    )
    return film


def results(client, query, **params):
    """The search page in English, whose texts the assertions quote."""
    response = client.get("/search/", {"q": query, **params}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def section(content, heading_id):
    """The HTML of one result section, or "" if the page has none."""
    start = content.find(f'<section aria-labelledby="{heading_id}">')
    if start == -1:
        return ""
    return content[start : content.index("</section>", start)]


def film_section(content):
    return section(content, "search-films-heading")


def people_section(content):
    return section(content, "search-people-heading")


def review_section(content):
    return section(content, "search-reviews-heading")


# The page on both databases


def test_empty_and_blank_queries_show_a_helpful_page_without_queries(client, django_assert_num_queries, db):
    for query in ["", "   ", "\t\n"]:
        with django_assert_num_queries(0):
            content = results(client, query)
        assert "Find a film by its original or its German title" in content
        assert 'value=""' in content
    assert "Find a film" in client.get("/search/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_local_title_finds_the_film_and_its_review(client, kindness):
    content = results(client, "Kleine Wunder")
    assert kindness.get_absolute_url() in film_section(content)
    assert "Großer Frost über Manhattan" in review_section(content)


def test_a_name_finds_the_person(client, kindness):
    content = results(client, "Riseborough")
    assert "Andrea Riseborough" in people_section(content)
    assert "Zoe Kazan" not in people_section(content)


@pytest.mark.parametrize("query", ["Clara", "Clara Kazan"])
def test_a_character_finds_the_film_and_the_actor(client, kindness, query):
    content = results(client, query)
    assert kindness.get_absolute_url() in film_section(content)
    assert "Zoe Kazan" in people_section(content)
    assert "Tahar Rahim" not in people_section(content)


def test_a_word_of_the_headline_finds_the_review(client, kindness):
    content = results(client, "Manhattan Frost")
    assert "Großer Frost über Manhattan" in review_section(content)


def test_a_headline_match_ranks_above_a_body_only_match(client, db):
    body_only = make_review(
        film=make_film("Erster Film"),
        headline="Ein Abend im Kino",
        body="Ein Stummfilm. Noch ein Stummfilm, und am Ende wieder ein Stummfilm.",
    )
    in_headline = make_review(
        film=make_film("Zweiter Film"), headline="Der Stummfilm lebt", body="Schwarzweiß."
    )
    content = review_section(results(client, "Stummfilm"))
    assert content.index(in_headline.headline) < content.index(body_only.headline)


@pytest.mark.parametrize("status", [Review.Status.DRAFT, Review.Status.IN_REVIEW, "scheduled"])
def test_unpublished_reviews_are_never_found(client, db, status):
    if status == "scheduled":
        make_review(headline="Zukunftsmusik Vorschau", published_at=timezone.now() + timedelta(days=2))
    else:
        make_review(headline="Zukunftsmusik Vorschau", status=status)
    content = results(client, "Zukunftsmusik")
    assert "Zukunftsmusik Vorschau" not in content
    assert "Nothing found" in content


def test_snippets_mark_the_match_and_escape_the_editors_text(client, db):
    make_review(
        headline="Ein Film über Gewalt",
        teaser="<b onmouseover=alert(1)>Teaser</b>",
        body="Zuerst <script>alert(1)</script> und dann der Satz mit Wunderkerze darin & mehr.",
    )
    content = review_section(results(client, "Wunderkerze"))
    assert "<mark>Wunderkerze</mark>" in content
    assert "<script>" not in content
    assert "<b onmouseover" not in content
    assert "&lt;b onmouseover=alert(1)&gt;" in content or "Teaser" not in content
    assert "&amp; mehr" in content


def test_reviews_are_paginated_and_keep_the_query(client, db):
    film = make_film("Seitenweise")
    for number in range(search.REVIEWS_PER_PAGE + 3):
        make_review(film=film, headline=f"Blätterteig Folge {number}")
    first = results(client, "Blätterteig")
    assert first.count('class="card"') == search.REVIEWS_PER_PAGE
    assert "q=Bl%C3%A4tterteig&amp;page=2" in first
    assert film.get_absolute_url() in film_section(results(client, "Seitenweise"))
    second = results(client, "Blätterteig", page=2)
    assert second.count('class="card"') == 3
    assert 'value="Blätterteig"' in second
    assert results(client, "Blätterteig", page="abc").count('class="card"') == search.REVIEWS_PER_PAGE


def test_later_pages_show_only_reviews(client, django_assert_num_queries, db):
    film = make_film("Blätterteig im Kino")
    for number in range(search.REVIEWS_PER_PAGE + 1):
        make_review(film=film, headline=f"Blätterteig Folge {number}")
    # ranked review ids; the page of reviews with their films' titles for the reader
    with django_assert_num_queries(2):
        content = results(client, "Blätterteig", page=2)
    assert not film_section(content)
    assert review_section(content).count('class="card"') == 1


def test_only_so_many_reviews_are_ranked_and_the_page_says_so(client, db, monkeypatch):
    monkeypatch.setattr(search, "RANKED_REVIEWS", 3)
    film = make_film("Überfluss")
    for number in range(5):
        make_review(film=film, headline=f"Lawine Nummer {number}")
    content = review_section(results(client, "Lawine"))
    assert "More than 3 reviews found" in content
    assert content.count('class="card"') == 3


def grow(count):
    for number in range(count):
        film = make_film(f"Wachstum {number}")
        LocalTitle.objects.create(film=film, language="de", title=f"Wachstum auf Deutsch {number}")
        make_role(film, make_person(f"Wachstum Person {number}"), character=f"Wachstum Figur {number}")
        make_review(film=film, headline=f"Wachstum im Kino {number}", body="Über Wachstum.")


# Queries of a search page with results in every group:
# ids of the matching published reviews, ranked; top films with their scores; those films'
# local titles; top people with their scores; the page of reviews with film, author, the
# film's title for the reader and the snippet.
SEARCH_PAGE_QUERIES = 5


def test_the_search_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, db):
    grow(2)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES):
        small = results(client, "Wachstum")
    grow(15)
    with django_assert_num_queries(SEARCH_PAGE_QUERIES):
        large = results(client, "Wachstum")
    for content in (small, large):
        assert film_section(content) and people_section(content) and review_section(content)


HOSTILE_QUERIES = [
    '"',
    "'",
    "''",
    '"unclosed',
    "'; DROP TABLE reviews_review; --",
    '" OR 1=1 --',
    "Robert'); DROP TABLE students;--",
    "a & b",
    "a | b",
    "!a",
    "!",
    "&",
    "|",
    "a:*",
    "a:* & !b:A",
    ":",
    "*",
    "(a",
    "a)",
    "((()))",
    "<->",
    "a <-> b",
    "a <2> b",
    "\\",
    "a\\' b",
    "%",
    "_",
    "%_%",
    "100%",
    "a%b_c",
    "x" * 10_000,
    "Fremde " * 2_000,
    "🎬🍿",
    "👩‍👩‍👧 Familie",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202eevil\u202c",
    "\x00",
    "Kleine\x00Wunder",
    " ",
    "\t\n\r ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }} {% debug %}",
    "&amp; &lt;",
    "-",
    "or and not",
    "SELECT * FROM auth_user",
    "\x1b[31m rot",
    "a" * 201,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_give_a_sane_page(client, kindness, query):
    content = results(client, query)
    cleaned = search.clean_query(query)
    assert len(cleaned) <= search.MAX_QUERY_LENGTH
    assert "\x00" not in cleaned
    # The box shows the cleaned query, escaped: a quote in it would end the value early.
    value = re.search(r'id="search-q" type="search" name="q" value="([^"]*)"', content)
    assert value is not None and html.unescape(value.group(1)) == cleaned
    assert "Traceback" not in content
    if "<" in cleaned:
        assert cleaned not in content
    assert content.rstrip().endswith("</html>")


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%00%00", "q%25%27%22"])
def test_undecodable_query_strings_give_a_sane_page(client, kindness, raw):
    response = client.get(f"/search/?q={raw}&page=%00")
    assert response.status_code == 200


def test_clean_query_drops_control_characters_and_caps_the_length():
    assert search.clean_query("  Kleine\x00Wunder\n\tunter  ") == "Kleine Wunder unter"
    assert len(search.clean_query("x" * 10_000)) == search.MAX_QUERY_LENGTH
    assert search.clean_query(None) == ""
    assert search.query_words("a Clara, Kazan! clara") == ["Clara", "Kazan"]


# Admin


def test_admin_film_search_finds_a_local_title(admin_client, kindness):
    make_film("Ganz anderer Film")
    response = admin_client.get("/admin/reviews/film/", {"q": "Kleine Wunder"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [kindness]


def test_admin_review_search_finds_drafts_too(admin_client, kindness):
    draft = make_review(film=kindness, status=Review.Status.DRAFT, headline="Entwurf über Zwischentitel")
    response = admin_client.get("/admin/reviews/review/", {"q": "Zwischentitel"})
    assert list(response.context["cl"].result_list) == [draft]


@pytest.mark.parametrize("model", ["film", "person", "review"])
def test_admin_search_survives_hostile_input(admin_client, kindness, model):
    for query in ["\x00", "'\"&|!:*()<->", "x" * 10_000, "%_\\"]:
        assert admin_client.get(f"/admin/reviews/{model}/", {"q": query}).status_code == 200


# PostgreSQL: stemming, fuzzy matching, stored vectors


@pytest.mark.postgres
def test_german_stemming(client, kindness):
    friendly = make_review(
        headline="Ein Nachbarschaftsfilm", language="de", body="Alle sind so freundlich hier."
    )
    content = review_section(results(client, "Freundlichkeit"))
    assert "Großer Frost über Manhattan" in content
    assert friendly.headline in content
    content = review_section(results(client, "Fremde"))
    assert "Großer Frost über Manhattan" in content
    assert "<mark>Fremden</mark>" in content


@pytest.mark.postgres
def test_english_reviews_are_stemmed_in_english(client, db):
    review = make_review(headline="A quiet one", language="en", body="Strangers keep helping each other.")
    assert review.headline in review_section(results(client, "helps stranger"))


@pytest.mark.postgres
@pytest.mark.parametrize(
    "query, section_of, expected",
    [
        ("Riseborow", people_section, "Andrea Riseborough"),
        ("Tahar Ramin", people_section, "Tahar Rahim"),
        ("Scherfigg", people_section, "Lone Scherfig"),
        ("kindnes of strangers", film_section, "/films/the-kindness-of-strangers-2019/"),
        ("Kleine Wunder unter Freunden", film_section, "/films/the-kindness-of-strangers-2019/"),
    ],
)
def test_misspelt_names_and_titles_are_found(client, kindness, query, section_of, expected):
    assert expected in section_of(results(client, query))


@pytest.mark.postgres
def test_a_film_title_match_ranks_above_a_cast_match(client, kindness):
    namesake = make_film("Riseborough")
    content = film_section(results(client, "Riseborough"))
    assert content.index(namesake.get_absolute_url()) < content.index(kindness.get_absolute_url())


@pytest.mark.postgres
def test_the_vector_follows_edits_of_the_review_and_the_films_titles(client, kindness):
    review = kindness.reviews.get()
    review.body = "Jetzt geht es um Schneeflocken."
    review.save()
    assert review.headline in review_section(results(client, "Schneeflocke"))

    kindness.title = "The Kindness of Unknown People"
    kindness.save()
    assert review.headline in review_section(results(client, "Unknown People"))

    local = kindness.local_titles.get()
    local.title = "Kleine Wunder unter Freunden"
    local.save()
    assert review.headline in review_section(results(client, "Freunden"))
    local.delete()
    assert review.headline not in review_section(results(client, "Freunden"))


@pytest.mark.postgres
def test_refresh_search_vectors_after_bulk_create(client, kindness):
    author = kindness.reviews.get().author
    created = Review.objects.bulk_create(
        Review(
            film=kindness,
            author=author,
            headline=f"Massenware {number}",
            slug=f"massenware-{number}",
            body_html="<p>Importiert aus dem Archiv.</p>",
            status=Review.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=1),
        )
        for number in range(3)
    )
    assert "Nothing found" in results(client, "Massenware")
    assert search.refresh_search_vectors([review.pk for review in created], batch_size=2) == 3
    assert review_section(results(client, "Archiv")).count("Massenware") == 3
    assert search.refresh_search_vectors() == Review.objects.count()


def test_refresh_search_vectors_does_nothing_on_sqlite(db, django_assert_num_queries):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    with django_assert_num_queries(0):
        assert search.refresh_search_vectors() == 0


@pytest.mark.postgres
def test_admin_person_search_finds_a_misspelt_name(admin_client, kindness):
    response = admin_client.get("/admin/reviews/person/", {"q": "Riseborow"})
    assert [person.name for person in response.context["cl"].result_list] == ["Andrea Riseborough"]


@pytest.mark.postgres
def test_admin_review_search_stems_words(admin_client, kindness):
    response = admin_client.get("/admin/reviews/review/", {"q": "Freundlichkeiten"})
    assert [review.headline for review in response.context["cl"].result_list] == [
        "Großer Frost über Manhattan"
    ]


@pytest.mark.postgres
def test_the_review_query_can_use_the_gin_index(kindness):
    reviews = search.reviews_matching("Fremde")
    with connection.cursor() as cursor:
        # On a table this small any plan is cheap: rule out the whole-table scan and the walk
        # along the date index, and see that the query's shape lets the GIN index answer it.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = reviews.explain()
    assert "review_search_vector_gin" in plan
    # German and English stem "Fremde" alike: the query holds it once, or the planner's
    # estimate of matches would double.
    assert "'''fremd'''::tsquery" in plan


def test_search_covers_films_without_reviews(client, db):
    film = make_film("Stiller Ozean")
    assert film.get_absolute_url() in film_section(results(client, "Stiller Ozean"))


# PostgreSQL: common names. The page ranks a bounded set of candidates (see top_films and
# top_people), not every film that credits someone with a common first name.


def films_listed(content):
    """The film URLs of the search page's film section, in order."""
    return [part.split('"')[0] for part in film_section(content).split('href="')[1:]]


@pytest.mark.postgres
def test_a_common_full_name_finds_the_person_and_her_films_first(client, db):
    helen = make_person("Helen Mitchell")
    her_film = make_film("Nordlicht")
    make_role(her_film, helen, Role.Kind.ACTOR, character="Anna", order=3)
    # Namesakes and a film where "Helen" is a character and "Mitchell" another actor.
    for number in range(8):
        make_role(make_film(f"Abendrot {number}"), make_person(f"Helen Namesake{number}"), character="Helen")
    pair = make_film("Aaron's Morgen")
    make_role(pair, make_person("Tom Mitchell"), Role.Kind.ACTOR, character="Helen", order=1)
    content = results(client, "Helen Mitchell")
    assert people_section(content).index("Helen Mitchell") < people_section(content).index("Tom Mitchell")
    assert films_listed(content)[:2] == [her_film.get_absolute_url(), pair.get_absolute_url()]


@pytest.mark.postgres
def test_films_found_through_credits_come_after_title_matches(client, db):
    frank = make_person("Frank Castorp")
    credited = make_film("Aaa Morgengrauen")
    make_role(credited, frank)
    titled = make_film("Frank und Frei")
    content = results(client, "Frank")
    assert films_listed(content) == [titled.get_absolute_url(), credited.get_absolute_url()]
    assert "Frank Castorp" in people_section(content)


@pytest.mark.postgres
def test_a_first_name_of_thousands_of_characters_still_finds_the_person_so_named(client, db, monkeypatch):
    # Only so many roles with a matching character are candidates: here fewer than there are.
    monkeypatch.setattr(search, "CHARACTER_ROLES", 2)
    for number in range(6):
        make_role(make_film(f"Episode {number}"), make_person(f"Darsteller {number}"), character="Wanda")
    make_person("Wanda Jakubowska")
    content = results(client, "Wanda")
    assert people_section(content).index("Wanda Jakubowska") < people_section(content).index("Darsteller")
    assert len(films_listed(content)) == 2


@pytest.mark.postgres
def test_a_character_and_an_actor_still_find_the_film_among_many_namesakes(client, kindness):
    for number in range(6):
        make_role(make_film(f"Claras Welt {number}"), make_person(f"Zoe Other{number}"), character="Clara")
    content = results(client, "Clara Kazan")
    assert "Zoe Kazan" in people_section(content)
    assert kindness.get_absolute_url() in film_section(content)


def prepared_statements():
    """The statements this connection has prepared (PostgreSQL keeps them per session)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.postgres
def test_pages_queries_are_prepared_but_searches_are_planned_each_time(client, admin_client, kindness):
    if not is_psycopg3:
        pytest.skip("psycopg 3 prepares statements, psycopg2 does not")
    review = Review.objects.get()
    for _ in range(4):
        assert client.get(review.get_absolute_url()).status_code == 200
        assert client.get("/search/", {"q": "Fremden"}).status_code == 200
        assert admin_client.get("/admin/reviews/review/", {"q": "Fremden"}).status_code == 200
    statements = prepared_statements()
    # The review page's query, run four times, is prepared: PostgreSQL plans it once.
    assert any('FROM "reviews_review"' in sql and '"reviews_review"."slug" = $' in sql for sql in statements)
    # No search query is: each search is planned for its own words.
    assert not [sql for sql in statements if "to_tsquery" in sql or "word_similarity" in sql.lower()]


@pytest.mark.postgres
def test_under_psycopg2_nothing_is_prepared_and_searches_run(client, admin_client, kindness):
    if is_psycopg3:
        pytest.skip("psycopg2 binds on the client")
    review = Review.objects.get()
    for _ in range(4):
        assert client.get(review.get_absolute_url()).status_code == 200
        assert kindness.get_absolute_url() in film_section(results(client, "Fremden"))
        assert admin_client.get("/admin/reviews/review/", {"q": "Fremden"}).status_code == 200
    assert prepared_statements() == []


@pytest.mark.postgres
def test_search_vectors_are_kept_in_the_row():
    # Migration 0006: a common word's search tests thousands of vectors without a TOAST fetch each.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attname = 'search_vector'",
            [Review._meta.db_table],
        )
        assert cursor.fetchone()[0] == "m"
