"""`generate_data`: what it makes, that a seed decides it, what it refuses, and that the site serves it."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Max, Min

from reviews.credits import find_credits, missing_credits
from reviews.models import Film, LocalTitle, Person, Review, Role, Tag, TaggedFilm, TaggedReview

from .conftest import make_film, make_person, make_review

pytestmark = pytest.mark.django_db

SMALL = {"films": 20, "reviews": 40, "seed": 1}


def generate(**options):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("generate_data", stdout=stdout, stderr=stderr, **{**SMALL, **options})
    return stdout.getvalue(), stderr.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Film, LocalTitle, Person, Role, Review, Tag, TaggedFilm, TaggedReview, get_user_model())
    }


def empty_database():
    Review.objects.all().delete()
    Role.objects.all().delete()
    Film.objects.all().delete()
    Person.objects.all().delete()
    Tag.objects.all().delete()
    get_user_model().objects.all().delete()


def content():
    """What a seed decides, in a comparable form."""
    films = list(Film.objects.order_by("pk").values_list("title", "slug", "year", "synopsis"))
    people = list(Person.objects.order_by("pk").values_list("name", "slug"))
    credits = list(Role.objects.order_by("pk").values_list("film__slug", "person__slug", "kind", "character"))
    reviews = list(
        Review.objects.order_by("pk").values_list(
            "slug",
            "headline",
            "teaser",
            "body",
            "body_html",
            "rating",
            "status",
            "published_at",
            "author__username",
        )
    )
    return films, people, credits, reviews


@pytest.fixture
def small_run(db):
    return generate()


def test_a_small_run_creates_what_it_reports(small_run):
    stdout, stderr = small_run
    assert counts()["Film"] == 20 and counts()["Review"] == 40 and counts()["Person"] == 30
    assert re.search(r"Generated 30 people, 20 films, [\d,]+ credits", stdout)
    # The progress bar goes to stderr, redrawn in place.
    assert "\r" in stderr and "reviews" in stderr and "40/40" in stderr


def test_films_have_credits_titles_and_facts(small_run):
    credits_per_film = Film.objects.annotate(credits=Count("roles")).values_list("credits", flat=True)
    assert all(5 <= number <= 30 for number in credits_per_film)
    for film in Film.objects.prefetch_related("roles"):
        kinds = [role.kind for role in film.roles.all()]
        assert {"director", "screenplay", "camera", "editing", "actor"} <= set(kinds)
        assert 3 <= kinds.count("actor") <= 20
        assert 1950 <= film.year <= 2025 and film.runtime > 0 and film.countries and film.original_language
        assert film.synopsis and film.version == 1
    assert not Role.objects.exclude(kind="actor").exclude(character="").exists()
    assert not Role.objects.filter(kind="actor", character="").exists()
    # Local titles for about half the films: German for foreign films, English for German ones.
    assert 3 <= LocalTitle.objects.count() <= 17
    assert not LocalTitle.objects.filter(film__original_language="de", language="de").exists()
    assert not LocalTitle.objects.exclude(film__original_language="de").filter(language="en").exists()


def test_people_are_shared_across_films(small_run):
    films_per_person = Person.objects.annotate(films=Count("roles__film", distinct=True))
    assert films_per_person.aggregate(most=Max("films"))["most"] >= 2
    assert Person.objects.filter(slug__regex=r"-gen[0-9]+$").count() == 30


def test_reviews_come_in_both_languages_and_every_status(small_run):
    assert set(Review.objects.values_list("language", flat=True)) == {"de", "en"}
    drafts = Review.objects.filter(status=Review.Status.DRAFT)
    scheduled = Review.objects.filter(status=Review.Status.PUBLISHED, published_at__gt=datetime.now(UTC))
    assert drafts.exists() and scheduled.exists()
    published = Review.objects.published()
    assert not published.filter(pk__in=drafts).exists() and not published.filter(pk__in=scheduled).exists()
    assert published.count() == Review.objects.count() - drafts.count() - scheduled.count()
    # Past publish times lie before the fixed reference date, scheduled ones in 2100.
    assert published.aggregate(last=Max("published_at"))["last"] < datetime(2026, 1, 1, tzinfo=UTC)
    assert scheduled.aggregate(first=Min("published_at"))["first"].year == 2100
    assert not drafts.exclude(published_at=None).exists()
    ratings = set(Review.objects.exclude(rating=None).values_list("rating", flat=True))
    assert all(rating * 2 == int(rating * 2) and 0.5 <= rating <= 5 for rating in ratings)


def test_review_bodies_are_markdown_rendered_as_save_would(small_run):
    for review in Review.objects.all():
        assert review.headline and review.teaser and review.version == 1
        assert 3 <= review.body.count("\n\n") + 1 <= 6
        assert review.body_html.startswith("<p>")
        # Exactly what Review.save() stores: sanitised Markdown, the film's people linked.
        assert review.body_html == review.render_body()
    assert Review.objects.filter(body_html__contains="<em>").exists()
    assert Review.objects.filter(body_html__contains='class="person-link"').exists()


def test_reviews_name_the_films_real_cast(small_run):
    reviews = Review.objects.select_related("film").prefetch_related("film__roles__person")
    with_cast = 0
    for review in reviews:
        assert missing_credits(review.film, review.body) == []
        with_cast += any(credit.kind == "actor" for credit in find_credits(review.body))
    assert with_cast >= 0.8 * len(reviews)


def test_authors_are_generated_critics_who_cannot_log_in(small_run):
    authors = get_user_model().objects.filter(reviews__isnull=False).distinct()
    assert authors.count() >= 2
    for author in authors:
        assert author.username.startswith("gen-author-") and author.get_full_name()
        assert not author.has_usable_password() and not author.is_staff


def test_films_and_reviews_carry_tags(small_run):
    assert TaggedFilm.objects.exists() and TaggedReview.objects.exists()
    assert not Film.objects.annotate(tags_count=Count("tags")).filter(tags_count=0).exists()
    names = set(Tag.objects.values_list("name", flat=True))
    assert "Drama" in names or "Komödie" in names


def test_no_history_is_written(small_run):
    for model in (Film, Person, Role, Review):
        assert model.history.count() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors are PostgreSQL only")
def test_reviews_get_their_search_vectors(small_run):
    assert not Review.objects.filter(search_vector=None).exists()


def test_the_planner_gets_statistics_for_the_new_rows(small_run):
    # Without them PostgreSQL plans for empty tables (see devdata.generator.update_statistics).
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Review._meta.db_table])
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s LIMIT 1", [Review._meta.db_table])
        row = cursor.fetchone()
    assert row is not None
    if connection.vendor == "postgresql":
        assert row[0] == Review.objects.count()
    else:
        assert int(row[0].split()[0]) == Review.objects.count()


def test_the_same_seed_gives_the_same_content(db):
    generate(seed=7)
    first = content()
    empty_database()
    generate(seed=7)
    assert content() == first
    empty_database()
    generate(seed=8)
    other = content()
    assert [film[:2] for film in other[0]] != [film[:2] for film in first[0]]
    assert [review[3] for review in other[3]] != [review[3] for review in first[3]]


def test_the_rendering_process_and_batch_size_do_not_change_the_content(db):
    # 40 reviews in batches of 7 go through the worker process; in one batch they do not.
    generate(seed=3, batch_size=7)
    in_batches = content()
    empty_database()
    generate(seed=3, batch_size=5000)
    assert content() == in_batches


def test_a_second_run_adds_more_and_continues_the_numbering(db):
    generate()
    first_slugs = set(Film.objects.values_list("slug", flat=True))
    output, _ = generate()
    assert "Generated 30 people, 20 films" in output
    assert Film.objects.count() == 40 and Review.objects.count() == 80 and Person.objects.count() == 60
    numbers = sorted(int(slug.rsplit("-gen", 1)[1]) for slug in Film.objects.values_list("slug", flat=True))
    assert numbers == list(range(1, 41))
    # The second run is new content, not the first one again.
    new_titles = Film.objects.exclude(slug__in=first_slugs).values_list("title", flat=True)
    assert list(new_titles) != list(Film.objects.filter(slug__in=first_slugs).values_list("title", flat=True))
    # Critics are reused, not duplicated.
    assert get_user_model().objects.filter(username__startswith="gen-author-").count() == 3


@pytest.mark.parametrize(
    "make_foreign",
    [lambda: make_film("Ein echter Film"), lambda: make_person("Eine echte Person"), lambda: make_review()],
    ids=["film", "person", "review"],
)
def test_content_it_did_not_create_is_refused_unless_forced(make_foreign):
    make_foreign()
    before = counts()
    with pytest.raises(CommandError, match="did not create .* --force"):
        generate()
    assert counts() == before
    generate(force=True)
    assert counts()["Film"] == before["Film"] + 20 and counts()["Review"] == before["Review"] + 40


@pytest.mark.parametrize(
    "options, message",
    [
        ({"films": -1}, "--films must be 0 or more"),
        ({"reviews": -5}, "--reviews must be 0 or more"),
        ({"films": 0, "reviews": 3}, "--reviews needs films"),
        ({"seed": "abc"}, "--seed: invalid int value: 'abc'"),
        ({"films": "ten"}, "--films: invalid int value: 'ten'"),
        ({"people": 2}, "--people must be at least 3"),
        ({"people": "many"}, "--people must be a whole number"),
        ({"batch_size": 0}, "--batch-size must be 1 or more"),
    ],
)
def test_bad_arguments_are_refused_and_change_nothing(options, message):
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        generate(**options)
    assert counts() == before


def test_bad_arguments_from_the_command_line_are_refused_too(db):
    with pytest.raises(CommandError, match="invalid int value: '1.5'"):
        call_command("generate_data", "--films", "2", "--reviews", "1", "--seed", "1.5")
    assert counts()["Film"] == 0


def test_nothing_to_generate_says_so(db):
    output, _ = generate(films=0, reviews=0)
    assert "Nothing to generate" in output and counts()["Film"] == 0


def test_public_pages_serve_generated_content(client, small_run):
    review = Review.objects.published().select_related("film").order_by("pk").first()
    person = review.film.roles.filter(kind="actor").first().person
    tag = Tag.objects.filter(review_items__isnull=False).first()
    for url in ("/", "/reviews/", review.get_absolute_url(), "/films/", review.film.get_absolute_url()):
        assert client.get(url).status_code == 200, url
    assert client.get(person.get_absolute_url()).status_code == 200
    assert client.get(tag.get_absolute_url()).status_code == 200
    page = client.get(review.get_absolute_url()).content.decode()
    assert review.body_html in page
    draft = Review.objects.filter(status=Review.Status.DRAFT).first()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_tables_are_vacuumed_too():
    # Computing the search vectors writes each review twice; VACUUM clears the first versions.
    generate()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables "
            "WHERE relname = %s",
            [Review._meta.db_table],
        )
        assert cursor.fetchone() == (True, True)
