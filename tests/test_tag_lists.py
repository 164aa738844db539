"""A tag's page: its reviews a page at a time, its newest films, and the film index for the tag."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reviews.models import LocalTitle, Review, Tag

from .conftest import make_film, make_review

pytestmark = pytest.mark.django_db


def tagged_reviews(count, tag="Cannes 2022"):
    """`count` published reviews with `tag`, one a day, the newest yesterday; newest first."""
    now = timezone.now()
    reviews = []
    for day in range(count):
        review = make_review(headline=f"Kritik {day:02}", published_at=now - timedelta(days=day + 1))
        review.tags.add(tag)
        reviews.append(review)
    return reviews


def headlines(content, reviews):
    return [review.headline for review in reviews if f">{review.headline}</a>" in content]


def test_a_tags_reviews_come_twenty_a_page_newest_first(client):
    reviews = tagged_reviews(25)
    make_review(headline="Ohne Tag")
    make_review(headline="Entwurf", status=Review.Status.DRAFT).tags.add("Cannes 2022")

    first = client.get("/tags/cannes-2022/").content.decode()
    assert headlines(first, reviews) == [review.headline for review in reviews[:20]]
    assert "Ohne Tag" not in first and "Entwurf" not in first
    assert 'rel="next" href="?page=2"' in first
    assert 'Kritiken <span class="count">(25)</span>' in first

    second = client.get("/tags/cannes-2022/?page=2")
    assert second.status_code == 200
    content = second.content.decode()
    assert headlines(content, reviews) == [review.headline for review in reviews[20:]]
    assert 'rel="prev"' in content and 'rel="next"' not in content
    # The films are on the first page only.
    assert 'id="tag-films-heading"' in first and 'id="tag-films-heading"' not in content
    assert "<title>Cannes 2022 – Seite 2 · filmreviews</title>" in content

    for page in ("3", "0", "x", "99999999999999999999"):
        assert client.get(f"/tags/cannes-2022/?page={page}").status_code == 404, page


def test_a_tag_with_many_films_links_to_all_of_them_in_the_film_index(client):
    tag = "Berlinale 2019"
    films = [make_film(f"Wettbewerbsfilm {number:02}", year=1990 + number) for number in range(30)]
    for film in films:
        film.tags.add(tag)
    make_film("Außer Konkurrenz", year=2030)

    page = client.get("/tags/berlinale-2019/").content.decode()
    # The newest 24, newest first, and a link to all 30.
    newest = sorted(films, key=lambda film: -film.year)
    positions = [page.find(f">{film.title}</a>") for film in newest]
    assert all(position > 0 for position in positions[:24]) and positions[:24] == sorted(positions[:24])
    assert all(position == -1 for position in positions[24:])
    assert "Alle 30 Filme mit diesem Schlagwort" in page
    assert 'href="/films/?tag=berlinale-2019&amp;order=year"' in page

    index = client.get("/films/?tag=berlinale-2019&order=year").content.decode()
    assert all(f">{film.title}</a>" in index for film in films)
    assert "Außer Konkurrenz" not in index
    assert "<h1>Filme mit dem Schlagwort „Berlinale 2019“</h1>" in index
    assert f'href="{Tag.objects.get(name=tag).get_absolute_url()}"' in index
    # The order and letter links keep the tag.
    assert 'href="/films/?tag=berlinale-2019"' in index
    a_to_z = client.get("/films/?tag=berlinale-2019").content.decode()
    assert 'href="?tag=berlinale-2019&amp;letter=W"' in a_to_z
    assert "Außer Konkurrenz" not in client.get("/films/?tag=berlinale-2019&letter=A").content.decode()


def test_a_small_tag_shows_all_its_films_without_a_link(client):
    film = make_film("Einziger Film")
    film.tags.add("Kleines Festival")
    page = client.get("/tags/kleines-festival/").content.decode()
    assert ">Einziger Film</a>" in page
    # As in the film index, in the order of their original titles: the original title linked,
    # the reader's title beside it.
    wings = make_film("Der Himmel über Berlin", 1987, original_language="de")
    LocalTitle.objects.create(film=wings, language="en", title="Wings of Desire")
    wings.tags.add("Kleines Festival")
    client.cookies["django_language"] = "en"
    english = client.get("/tags/kleines-festival/").content.decode()
    link = f'<a href="{wings.get_absolute_url()}" lang="de">Der Himmel über Berlin</a>'
    local = '<span class="other-title-inline" lang="en">Wings of Desire</span>'
    assert f'{link} <span class="year">(1987)</span> {local}' in english
    by_year = client.get("/films/?order=year").content.decode()
    assert f'<a href="{wings.get_absolute_url()}" lang="de">Der Himmel über Berlin</a> <span' in by_year
    assert "(1987)" not in by_year  # under the year's heading
    assert "/films/?tag=" not in page
    assert "Keine Kritiken mit diesem Schlagwort." in page


@pytest.mark.parametrize("tag", ["", "no-such-tag", "a\x00b", "x" * 101])
def test_the_film_index_ignores_a_tag_it_does_not_know(client, tag):
    make_film("Irgendein Film")
    response = client.get("/films/", {"tag": tag})
    assert response.status_code == 200
    assert ">Irgendein Film</a>" in response.content.decode()


# Queries of each page, requested twice in this order after a change of content.
TAG_LIST_QUERIES = {
    # tag; content version; count of reviews; page of reviews; films; count of films (then
    # tag, reviews, films: the version and both counts are kept until content changes)
    "/tags/cannes-2022/": (6, 3),
    # tag; page of reviews (the count is the first page's)
    "/tags/cannes-2022/?page=2": (2, 2),
    # tag; page of films (the count is the tag page's)
    "/films/?tag=cannes-2022&order=year": (2, 2),
}


def query_counts(client):
    counts = {}
    for url in TAG_LIST_QUERIES:
        runs = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            runs.append(len(queries))
        counts[url] = tuple(runs)
    return counts


def test_tag_lists_run_a_fixed_number_of_queries(client):
    def grow(reviews):
        for review in tagged_reviews(reviews):
            review.film.tags.add("Cannes 2022")

    grow(25)
    assert query_counts(client) == TAG_LIST_QUERIES
    grow(60)
    assert query_counts(client) == TAG_LIST_QUERIES


def test_a_newly_tagged_review_shows_on_the_tag_page_at_once(client):
    tagged_reviews(2)
    assert "(2)" in client.get("/tags/cannes-2022/").content.decode()
    new = make_review(headline="Neu im Wettbewerb")
    new.tags.add("Cannes 2022")
    page = client.get("/tags/cannes-2022/").content.decode()
    assert "Neu im Wettbewerb" in page and "(3)" in page
