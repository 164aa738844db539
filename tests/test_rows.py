"""The detail pages' small lists as plain rows (reviews/rows.py) say what the ORM says."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from PIL import Image

from reviews import fragments, rows
from reviews.models import Film, LocalTitle, Person, Review, Role, Tag

from .conftest import make_film, make_person, make_review, make_role, make_user


def png_bytes(width, height):
    content = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(content, "PNG")
    return content.getvalue()


pytestmark = pytest.mark.django_db


def orm_cards(reviews):
    """The reference for the compiled card lists: the reviews of a QuerySet (ordered, perhaps
    sliced) as ListedReviews, through the ORM's own query."""
    reviews, title_columns = rows.with_local_titles(reviews, "film__")
    return rows._cards(reviews.values_list(*rows.CARD_FIELDS, *title_columns), rows.interface_languages())


def test_credits_are_the_films_roles_with_their_people():
    film = make_film("Der Himmel über Berlin", 1987)
    other = make_film()
    bruno = make_person("Bruno Ganz")
    make_role(film, make_person("Wim Wenders"), Role.Kind.DIRECTOR)
    make_role(film, bruno, character="Damiel", order=1)
    make_role(film, make_person("Solveig Dommartin"), character="Marion", order=2)
    make_role(film, make_person("Henri Alekan"), Role.Kind.CAMERA)
    make_role(other, bruno, character="Someone else")

    expected = {
        (role.pk, role.kind, role.character, role.order, role.person.name, role.person.slug)
        for role in Role.objects.filter(film=film).select_related("person")
    }
    found = rows.facts(film).credits
    assert {(c.pk, c.kind, c.character, c.order, c.person.name, c.person.slug) for c in found} == expected
    assert found[0].person.get_absolute_url() == f"/people/{found[0].person.slug}/"

    grouped = film.credits(found)
    assert [credit.person.name for credit in grouped["directors"]] == ["Wim Wenders"]
    assert [credit.character for credit in grouped["cast"]] == ["Damiel", "Marion"]
    assert [(label, [c.person.name for c in credits]) for label, credits in grouped["crew"]] == [
        (Role.Kind.CAMERA.label, ["Henri Alekan"])
    ]
    assert rows.facts(make_film()) == ([], [], [])


def test_local_titles_serve_the_films_title_methods():
    film = make_film("Wings of Desire", 1987, original_language="de")
    LocalTitle.objects.create(film=film, language="en", title="Wings of Desire")
    LocalTitle.objects.create(film=film, language="de", title="Der Himmel über Berlin")
    LocalTitle.objects.create(film=make_film(), language="de", title="Another film's")
    titles = rows.facts(film).titles
    assert titles == [
        (t.language, t.title) for t in LocalTitle.objects.filter(film=film).order_by("language")
    ]

    fresh = Film.objects.get(pk=film.pk)
    setattr(fresh, Film.LOCAL_TITLE_LIST, titles)
    assert fresh.local_title("de") == "Der Himmel über Berlin"
    assert (
        titles[0].get_language_display()
        == LocalTitle.objects.get(film=film, language="de").get_language_display()
    )


def test_tags_are_listed_by_name_and_link_to_their_pages():
    film = make_film()
    review = make_review(film=film)
    review.tags.add("Wettbewerb", "Berlinale 2026", "Ökumenischer Preis")
    film.tags.add("Drama")
    make_review(film=film).tags.add("Unrelated")
    make_film().tags.add("Komödie")

    review_tags = rows.facts(film, review).tags
    assert [tag.name for tag in review_tags] == ["Berlinale 2026", "Wettbewerb", "Ökumenischer Preis"]
    assert review_tags == [(tag.name, tag.slug) for tag in review.tags.order_by("name")]
    assert [tag.get_absolute_url() for tag in review_tags] == [
        tag.get_absolute_url() for tag in review.tags.order_by("name")
    ]
    assert rows.facts(film).tags == [("Drama", "drama")]


def test_a_films_facts_are_one_query_whatever_their_number():
    film = make_film()
    review = make_review(film=film)
    LocalTitle.objects.create(film=film, language="de", title="Ein Film")
    for number in range(30):
        make_role(film, make_person(), character=f"Role {number}", order=number)
    review.tags.add(*(f"Tag {number}" for number in range(12)))
    with CaptureQueriesContext(connection) as queries:
        found = rows.facts(film, review)
    assert len(queries) == 1
    assert (len(found.credits), len(found.titles), len(found.tags)) == (30, 1, 12)


def test_review_cards_carry_what_the_review_instances_would(settings):
    author = make_user(first_name="Johanna", last_name="Keßler")
    nameless = make_user("nobody")
    film = make_film("The Kindness of Strangers", 2019)
    LocalTitle.objects.create(film=film, language="de", title="Kleine Wunder unter Fremden")
    untitled = make_film("Roter Himmel", 2023)
    first = make_review(film=film, author=author, teaser="Warm.", language="en")
    second = make_review(film=untitled, author=nameless, rating=None)
    make_review(film=film, status=Review.Status.DRAFT)

    queryset = Review.objects.published().newest_first()
    with translation.override("de"):
        cards = orm_cards(queryset)
        expected = list(queryset.for_listing())
        assert [card.pk for card in cards] == [review.pk for review in expected] == [second.pk, first.pk]
        for card, review in zip(cards, expected, strict=True):
            for name in ("slug", "headline", "teaser", "language", "rating", "published_at"):
                assert getattr(card, name) == getattr(review, name), name
            assert card.get_absolute_url() == review.get_absolute_url()
            assert str(card.get_language_display()) == str(review.get_language_display())
            assert card.author.get_full_name() == review.author.get_full_name()
            assert card.author.get_username() == review.author.get_username()
            assert card.film.display_title() == review.film.display_title()
            assert card.film.get_absolute_url() == review.film.get_absolute_url()
            assert (card.film.year, bool(card.film.poster)) == (review.film.year, bool(review.film.poster))
        assert cards[1].film.display_title() == "Kleine Wunder unter Fremden"
    with translation.override("en"):
        assert cards[1].film.display_title() == "The Kindness of Strangers"

    # A slice (a page, a list's first fifty) keeps its order and its films' titles; one query.
    with CaptureQueriesContext(connection) as queries:
        sliced = orm_cards(queryset[1:2])
    assert len(queries) == 1
    assert [(card.pk, card.film.local_title("de")) for card in sliced] == [
        (first.pk, "Kleine Wunder unter Fremden")
    ]

    assert orm_cards(Review.objects.none()) == []


def test_a_films_reviews_are_its_published_reviews_newest_first():
    film = make_film("The Kindness of Strangers", 2019)
    author = make_user(first_name="Johanna", last_name="Keßler")
    older = make_review(film=film, author=author, published_at=timezone.now() - timedelta(days=9))
    newer = make_review(film=film, language="en", rating=None, teaser="Warm.")
    make_review(film=film, status=Review.Status.DRAFT)
    make_review(film=film, published_at=timezone.now() + timedelta(days=1))
    make_review()

    with CaptureQueriesContext(connection) as queries:
        found = rows.film_reviews(film)
    assert len(queries) == 1
    expected = list(film.reviews.published().newest_first().select_related("author"))
    assert [card.pk for card in found] == [review.pk for review in expected] == [newer.pk, older.pk]
    for card, review in zip(found, expected, strict=True):
        for name in ("slug", "headline", "teaser", "language", "rating", "published_at"):
            assert getattr(card, name) == getattr(review, name), name
        assert card.film is film
        assert card.author.get_full_name() == review.author.get_full_name()
    assert rows.film_reviews(make_film()) == []


def test_films_and_people_by_slug_are_the_instances_the_orm_loads(media_root):
    film = make_film("Roter Himmel", 2023, runtime=103, countries=["DE", "AT"], tmdb_id=811948)
    film.poster.save("poster.png", ContentFile(png_bytes(600, 900)))
    person = make_person("Paula Beer", birth_date=date(1995, 2, 1), imdb_id="nm3565131")
    for model, obj in ((Film, film), (Person, person)):
        with CaptureQueriesContext(connection) as queries:
            found = rows.by_slug(model, obj.slug)
        assert len(queries) == 1
        expected = model.objects.get(pk=obj.pk)
        assert type(found) is model and found == expected
        for field in model._meta.concrete_fields:
            assert getattr(found, field.attname) == getattr(expected, field.attname), field.name
        assert found._state.adding is False
        assert rows.by_slug(model, "no-such-slug") is None
    assert rows.by_slug(Film, film.slug).countries == film.countries
    assert rows.by_slug(Film, film.slug).poster.url == film.poster.url


def test_a_review_cards_poster_gives_its_url_and_renditions(media_root):
    film = make_film("Poster Film", 2020)
    film.poster.save("poster.png", ContentFile(png_bytes(900, 1200)))
    make_review(film=film)
    card = orm_cards(Review.objects.published().newest_first())[0]
    assert card.film.poster.url == film.poster.url
    assert (card.film.poster_width, card.film.poster_height) == (900, 1200)
    html = fragments.review_card(card)
    assert html == fragments.review_card(Review.objects.for_listing().get())
    assert f'src="{film.poster.url}"' in html and 'type="image/webp"' in html


def test_listed_films_answer_like_films():
    wings = make_film("Der Himmel über Berlin", 1987, original_language="de")
    LocalTitle.objects.create(film=wings, language="en", title="Wings of Desire")
    plain = make_film("Paris, Texas", 1984, original_language="en")
    films = Film.objects.order_by("-year")
    listed = rows.listed_films(films)
    assert [film.pk for film in listed] == [wings.pk, plain.pk]
    for language in ("de", "en"):
        with translation.override(language):
            for film, real in zip(listed, films, strict=True):
                assert (film.slug, film.title, film.year, film.original_language) == (
                    real.slug,
                    real.title,
                    real.year,
                    real.original_language,
                )
                assert film.display_title() == real.display_title()
                assert film.local_title("en") == real.local_title("en")
                assert fragments.film_index_items([film]) == fragments.film_index_items([real])
    with translation.override("en"):
        assert listed[0].display_title() == "Wings of Desire"
    with CaptureQueriesContext(connection) as queries:
        assert rows.listed_films(Film.objects.none()) == []
    assert len(queries) == 0


def card_values(card):
    film = card.film
    return (*card[:-2], card.author, film.pk, film.display_title(), film.year, film.poster.name)


def test_published_cards_are_the_cards_of_the_same_list_by_the_orm():
    tagged, other = make_film("Getaggt", 2020), make_film("Anders", 2021)
    LocalTitle.objects.create(film=other, language="en", title="Different")
    now = timezone.now()
    reviews = [
        make_review(
            film=tagged if number % 2 else other,
            language="de" if number % 3 else "en",
            rating=Decimal(number % 5 + 1),
            published_at=now - timedelta(hours=number + 1),
        )
        for number in range(9)
    ]
    make_review(film=tagged, status=Review.Status.DRAFT)
    make_review(film=tagged, published_at=now + timedelta(days=1))  # scheduled
    for review in reviews[:5]:
        review.tags.add("Festival")
    festival = Tag.objects.get(name="Festival")
    cases = [
        ({}, Review.objects.published()),
        ({"language": "en"}, Review.objects.published().filter(language="en")),
        ({"min_rating": Decimal(3)}, Review.objects.published().filter(rating__gte=3)),
        ({"tag_id": festival.pk}, Review.objects.published().filter(tags=festival)),
        (
            {"language": "de", "min_rating": Decimal(2), "tag_id": festival.pk},
            Review.objects.published().filter(language="de", rating__gte=2, tags=festival),
        ),
    ]
    for language in ("de", "en"):
        with translation.override(language):
            for filters, queryset in cases:
                for start, stop in ((0, 3), (3, 6), (6, 9), (0, 20)):
                    expected = orm_cards(queryset.newest_first()[start:stop])
                    cards = rows.published_cards(start, stop, **filters)
                    assert list(map(card_values, cards)) == list(map(card_values, expected)), (filters, start)
    if connection.vendor == "postgresql":
        # Each shape compiled once, then run with the values of each call.
        assert len(rows.PUBLISHED_CARDS.compiled) >= len(cases) * 4
        other_tag = make_review(film=other)
        other_tag.tags.add("Anderes Festival")
        tag_id = Tag.objects.get(name="Anderes Festival").pk
        assert [card.pk for card in rows.published_cards(0, 3, tag_id=tag_id)] == [other_tag.pk]


def test_a_compiled_list_refuses_a_value_that_is_no_parameter():
    ignoring = rows.CompiledList(lambda shape, now: Review.objects.order_by("pk").values_list("pk"))
    if connection.vendor != "postgresql":
        assert ignoring.rows(("any",), now=timezone.now()) == []  # the ORM's own query
        return
    with pytest.raises(ImproperlyConfigured, match="now"):
        ignoring.rows(("any",), now=timezone.now())


def test_films_with_a_tag_are_the_films_the_orm_lists():
    films = [make_film(f"Film {number}", year=2000 + number % 3) for number in range(7)]
    LocalTitle.objects.create(film=films[2], language="en", title="Second")
    for film in films[:5]:
        film.tags.add("Festival")
    tag_id = Tag.objects.get(name="Festival").pk
    queryset = Film.objects.filter(tags=tag_id).order_by("-year", "title", "pk")
    for count in (2, 6):
        for language in ("de", "en"):
            with translation.override(language):
                listed = rows.films_with_tag(tag_id, count)
                expected = rows.listed_films(queryset[:count])
                assert [(film.pk, film.display_title(), film.year) for film in listed] == [
                    (film.pk, film.display_title(), film.year) for film in expected
                ]
    assert rows.films_with_tag(-1, 6) == []


def test_a_published_review_by_slug_is_the_review_the_orm_loads(media_root):
    author = make_user(first_name="Johanna", last_name="Keßler")
    film = make_film(
        "Roter Himmel",
        2023,
        runtime=103,
        countries=["DE"],
        original_language="de",
        synopsis="Ein Sommer an der Ostsee.",
        imdb_id="tt18353206",
        tmdb_id=811948,
    )
    film.poster.save("poster.png", ContentFile(png_bytes(600, 900)))
    review = make_review(film=film, author=author, teaser="Hell.", body="Ein *Film*.", rating=Decimal("4.5"))
    make_review(film=film, slug="entwurf", status=Review.Status.DRAFT)
    make_review(film=film, slug="morgen", published_at=timezone.now() + timedelta(days=1))

    with CaptureQueriesContext(connection) as queries:
        found = rows.published_review(review.slug)
    assert len(queries) == 1
    expected = Review.objects.select_related("film", "author").get(pk=review.pk)
    for field in Review._meta.concrete_fields:
        if field.name != "search_vector":
            assert getattr(found, field.attname) == getattr(expected, field.attname), field.name
    for field in Film._meta.concrete_fields:
        assert getattr(found.film, field.attname) == getattr(expected.film, field.attname), field.name
    assert found.film.countries == expected.film.countries
    assert found.film.poster.url == expected.film.poster.url
    assert found.author.get_full_name() == "Johanna Keßler"
    assert found.author.get_username() == expected.author.get_username()
    assert found.body_html == expected.body_html and "<em>Film</em>" in found.body_html
    assert found.reading_minutes == expected.reading_minutes
    assert (found.is_published, found._state.adding, found._state.db) == (True, False, "default")

    # No query for what the page reads of the film and the author.
    with CaptureQueriesContext(connection) as queries:
        read = (found.film.title, found.film.year, found.author.first_name)
    assert read == ("Roter Himmel", 2023, "Johanna")
    assert len(queries) == 0

    # Drafts, scheduled reviews and unknown slugs are not found.
    for slug in ("entwurf", "morgen", "no-such-review", ""):
        assert rows.published_review(slug) is None
