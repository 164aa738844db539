"""What the readers' pages ask of the models: the QuerySet methods and `Film.facts()`."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from reviews.models import Film, LocalTitle, Review, Role, Tag

from .conftest import make_film, make_person, make_review, make_role, make_user

pytestmark = pytest.mark.django_db


def test_facts_are_the_films_credits_grouped_with_their_people():
    film = make_film("Der Himmel über Berlin", 1987)
    other = make_film()
    bruno = make_person("Bruno Ganz")
    make_role(film, make_person("Wim Wenders"), Role.Kind.DIRECTOR)
    make_role(film, make_person("Solveig Dommartin"), character="Marion", order=2)
    make_role(film, bruno, character="Damiel", order=1)
    make_role(film, make_person("Henri Alekan"), Role.Kind.CAMERA)
    make_role(other, bruno, character="Someone else")

    credits, tags = film.facts()
    assert [role.person.name for role in credits["directors"]] == ["Wim Wenders"]
    assert [(role.character, role.person.name) for role in credits["cast"]] == [
        ("Damiel", "Bruno Ganz"),
        ("Marion", "Solveig Dommartin"),
    ]
    assert [(label, [role.person.name for role in roles]) for label, roles in credits["crew"]] == [
        (Role.Kind.CAMERA.label, ["Henri Alekan"])
    ]
    damiel = credits["cast"][0]
    assert damiel.pk == Role.objects.get(character="Damiel").pk
    assert damiel.person.get_absolute_url() == bruno.get_absolute_url()
    assert tags == []
    assert make_film().facts() == ({"directors": [], "cast": [], "crew": []}, [])


def test_facts_give_the_film_its_local_titles_and_the_tags_of_the_film_or_the_review():
    film = make_film("Wings of Desire", 1987, original_language="de")
    LocalTitle.objects.create(film=film, language="en", title="Wings of Desire")
    LocalTitle.objects.create(film=film, language="de", title="Der Himmel über Berlin")
    LocalTitle.objects.create(film=make_film(), language="de", title="Another film's")
    review = make_review(film=film)
    review.tags.add("Wettbewerb", "Berlinale 2026", "Ökumenischer Preis")
    film.tags.add("Drama")
    make_review(film=film).tags.add("Unrelated")

    fresh = Film.objects.get(pk=film.pk)
    _credits, tags = fresh.facts(review)
    assert [tag.name for tag in tags] == ["Berlinale 2026", "Wettbewerb", "Ökumenischer Preis"]
    assert [tag.get_absolute_url() for tag in tags] == [t.get_absolute_url() for t in review.tags.all()]
    with CaptureQueriesContext(connection) as queries:
        assert [(t.language, t.title) for t in fresh.local_title_objects()] == [
            ("de", "Der Himmel über Berlin"),
            ("en", "Wings of Desire"),
        ]
        assert fresh.local_title("de") == "Der Himmel über Berlin"
    assert len(queries) == 0
    assert [tag.name for tag in Film.objects.get(pk=film.pk).facts()[1]] == ["Drama"]


def test_a_films_facts_are_one_query_whatever_their_number():
    film = make_film()
    review = make_review(film=film)
    LocalTitle.objects.create(film=film, language="de", title="Ein Film")
    for number in range(30):
        make_role(film, make_person(), character=f"Role {number}", order=number)
    review.tags.add(*(f"Tag {number}" for number in range(12)))
    with CaptureQueriesContext(connection) as queries:
        credits, tags = film.facts(review)
    assert len(queries) == 1
    assert (len(credits["cast"]), len(film.local_title_objects()), len(tags)) == (30, 1, 12)


def test_cards_are_the_published_reviews_newest_first_with_their_films_title_for_the_reader():
    author = make_user(first_name="Johanna", last_name="Keßler")
    film = make_film("The Kindness of Strangers", 2019)
    LocalTitle.objects.create(film=film, language="de", title="Kleine Wunder unter Fremden")
    older = make_review(film=film, author=author, published_at=timezone.now() - timedelta(days=2))
    newer = make_review(film=make_film("Roter Himmel", 2023), rating=None)
    make_review(film=film, status=Review.Status.DRAFT)
    make_review(film=film, published_at=timezone.now() + timedelta(days=1))

    for language, title in (("de", "Kleine Wunder unter Fremden"), ("en", "The Kindness of Strangers")):
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            cards = list(Review.objects.published().for_cards())
            assert [card.pk for card in cards] == [newer.pk, older.pk]
            assert [card.film_reader_title for card in cards] == ["Roter Himmel", title]
            assert cards[1].author.get_full_name() == "Johanna Keßler"
            assert (cards[1].film.year, cards[1].film.get_absolute_url()) == (2019, film.get_absolute_url())
        assert len(queries) == 1
    # What cards never show stays in the database.
    assert {"body", "body_html", "search_vector"} <= cards[0].get_deferred_fields()


def test_a_page_of_cards_keeps_its_filters_for_the_list_and_its_count():
    tagged = make_film("Getaggt", 2020)
    for number in range(6):
        review = make_review(
            film=tagged,
            language="de" if number % 2 else "en",
            rating=Decimal(number % 5 + 1),
            published_at=timezone.now() - timedelta(hours=number + 1),
        )
        if number < 4:
            review.tags.add("Festival")
    festival = Tag.objects.get(name="Festival")
    cards = Review.objects.published().filter(tags=festival, language="de").for_cards()
    assert cards.count() == 2
    assert [card.rating for card in cards[:1]] == [Decimal(2)]
    assert [card.rating for card in cards[1:2]] == [Decimal(4)]


def test_lists_of_films_carry_the_title_for_the_reader():
    wings = make_film("Der Himmel über Berlin", 1987, original_language="de")
    LocalTitle.objects.create(film=wings, language="en", title="Wings of Desire")
    plain = make_film("Paris, Texas", 1984, original_language="en")
    expected = {"de": ["Der Himmel über Berlin", "Paris, Texas"], "en": ["Wings of Desire", "Paris, Texas"]}
    for language, titles in expected.items():
        with translation.override(language):
            films = list(Film.objects.for_lists().newest_first())
        assert [film.pk for film in films] == [wings.pk, plain.pk]
        assert [film.reader_title for film in films] == titles
    assert "synopsis" in films[0].get_deferred_fields()
    # By a join: a film with titles in several languages is still one row.
    assert Film.objects.for_lists().count() == 2


def test_a_reviews_page_loads_its_film_and_author_in_the_same_query():
    author = make_user(first_name="Johanna", last_name="Keßler")
    review = make_review(film=make_film("Roter Himmel", 2023), author=author, body="Ein *Film*.")
    with CaptureQueriesContext(connection) as queries:
        found = Review.objects.published().for_page().get(slug=review.slug)
        read = (found.film.title, found.author.get_full_name(), found.body_html, found.reading_minutes)
    assert len(queries) == 1
    assert read[:2] == ("Roter Himmel", "Johanna Keßler") and "<em>Film</em>" in read[2]
    assert "author__password" not in str(queries[0]["sql"]) and '"password"' not in queries[0]["sql"]


def test_a_page_cut_from_a_list_becomes_the_same_cards_in_one_query():
    now = timezone.now()
    reviews = [make_review(published_at=now - timedelta(hours=number + 1)) for number in range(7)]
    make_review(status=Review.Status.DRAFT)
    listed = Review.objects.published().newest_first()
    for start, stop in ((0, 3), (3, 6), (6, 9)):
        with CaptureQueriesContext(connection) as queries:
            cards = list(listed[start:stop].as_cards())
        assert len(queries) == 1
        assert [card.pk for card in cards] == [review.pk for review in reviews[start:stop]]
        assert cards == list(Review.objects.published().for_cards()[start:stop])


def test_a_page_cut_from_the_film_index_keeps_its_order():
    films = [make_film(f"Film {number}", year=2000 + number % 3) for number in range(7)]
    LocalTitle.objects.create(film=films[2], language="en", title="Second")
    for order in ("title", "year"):
        listed = Film.objects.in_order(order)
        for start, stop in ((0, 4), (4, 8)):
            page = list(listed[start:stop].as_listed(order))
            assert page == list(Film.objects.for_lists().in_order(order)[start:stop])
    with translation.override("en"):
        assert Film.objects.filter(pk=films[2].pk).as_listed("title").get().reader_title == "Second"
