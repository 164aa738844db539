"""The detail pages' small lists as plain rows (reviews/rows.py) say what the ORM says."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from reviews import rows
from reviews.models import Film, LocalTitle, Role

from .conftest import make_film, make_person, make_review, make_role

pytestmark = pytest.mark.django_db


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
    found = rows.credits(film)
    assert {(c.pk, c.kind, c.character, c.order, c.person.name, c.person.slug) for c in found} == expected
    assert found[0].person.get_absolute_url() == f"/people/{found[0].person.slug}/"

    grouped = film.credits(found)
    assert [credit.person.name for credit in grouped["directors"]] == ["Wim Wenders"]
    assert [credit.character for credit in grouped["cast"]] == ["Damiel", "Marion"]
    assert [(label, [c.person.name for c in credits]) for label, credits in grouped["crew"]] == [
        (Role.Kind.CAMERA.label, ["Henri Alekan"])
    ]
    assert rows.credits(make_film()) == []


def test_local_titles_serve_the_films_title_methods():
    film = make_film("Wings of Desire", 1987, original_language="de")
    LocalTitle.objects.create(film=film, language="de", title="Der Himmel über Berlin")
    LocalTitle.objects.create(film=film, language="en", title="Wings of Desire")
    titles = rows.local_titles(film)
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

    assert [tag.name for tag in rows.review_tags(review)] == [
        "Berlinale 2026",
        "Wettbewerb",
        "Ökumenischer Preis",
    ]
    assert rows.review_tags(review) == [(tag.name, tag.slug) for tag in review.tags.order_by("name")]
    assert [tag.get_absolute_url() for tag in rows.review_tags(review)] == [
        tag.get_absolute_url() for tag in review.tags.order_by("name")
    ]
    assert rows.film_tags(film) == [("Drama", "drama")]


def test_a_compiled_query_takes_exactly_one_id():
    query = rows.CompiledQuery(
        lambda film_id: Role.objects.filter(film_id=film_id, kind="actor").values_list("pk")
    )
    with pytest.raises(ImproperlyConfigured, match="one id"):
        query.rows(1)
