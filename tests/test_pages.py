"""Public pages: status, content, query counts, and what anonymous readers must not see."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reviews.models import LocalTitle, Review, Role, Tag

from .conftest import make_film, make_full_film, make_person, make_review, make_role

pytestmark = pytest.mark.django_db


def grow_archive(reviews=10):
    """More published reviews on more films, all sharing one tag, to show counts stay fixed."""
    for _ in range(reviews):
        review = make_review(film=make_full_film())
        review.tags.add("Testfestival")


# Queries per page, pinned at what the pages run:
PAGE_QUERIES = {
    # latest reviews with film, author and local titles; featured tag; its films (with local titles)
    "home": 2,
    # content version (cold cache: the next scheduled review); count for the paginator, kept
    # per version; page of reviews with film, author and local titles; tags for the filter
    "review_list": 4,
    # review with film and author; the film's credits with people and local titles, and the
    # review's tags (one UNION ALL)
    "review_detail": 2,
    # content version (cold cache); count, kept per version; page of films with local titles
    "film_list": 3,
    # film; its credits with people, local titles and tags (one UNION ALL); published
    # reviews with authors
    "film_detail": 3,
    # person; credits with their films' titles in the active language
    "person_detail": 2,
    # tag; content version (cold cache); count of its reviews and of its films, kept per
    # version; page of reviews with film, author and local titles; films (with local titles)
    "tag_detail": 6,
}


def page_urls(review):
    film = review.film
    return {
        "home": "/",
        "review_list": "/reviews/",
        "review_detail": review.get_absolute_url(),
        "film_list": "/films/",
        "film_detail": film.get_absolute_url(),
        "person_detail": film.roles.filter(kind="actor").first().person.get_absolute_url(),
        "tag_detail": Tag.objects.get(name="Testfestival").get_absolute_url(),
    }


@pytest.mark.parametrize("page", PAGE_QUERIES)
def test_every_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, published_review, page):
    published_review.tags.add("Testfestival")
    url = page_urls(published_review)[page]
    with django_assert_num_queries(PAGE_QUERIES[page]):
        small = client.get(url)
    assert small.status_code == 200
    grow_archive(10)
    with django_assert_num_queries(PAGE_QUERIES[page]):
        large = client.get(url)
    assert large.status_code == 200


def test_the_archive_counts_and_lists_its_filter_tags_once_per_change_of_content(
    client, django_assert_num_queries, published_review
):
    published_review.tags.add("Berlinale 2025")
    make_film("Untagged").tags.add("Only on films")  # a tag no review carries is not offered
    with django_assert_num_queries(PAGE_QUERIES["review_list"]):
        first = client.get("/reviews/").content.decode()
    assert '<option value="berlinale-2025">Berlinale 2025</option>' in first
    assert "Only on films" not in first
    # Until content changes, only the page of reviews (with their films' local titles).
    with django_assert_num_queries(1):
        assert client.get("/reviews/").content.decode() == first
    chosen = client.get("/reviews/?tag=berlinale-2025").content.decode()
    assert '<option value="berlinale-2025" selected>Berlinale 2025</option>' in chosen

    make_review(film=make_full_film()).tags.add("Cannes 2025")
    with django_assert_num_queries(PAGE_QUERIES["review_list"]):
        changed = client.get("/reviews/").content.decode()
    assert '<option value="cannes-2025">Cannes 2025</option>' in changed


def test_review_page_shows_the_review_its_film_and_linked_credits(client, published_review):
    film = published_review.film
    response = client.get(published_review.get_absolute_url())
    content = response.content.decode()
    assert published_review.headline in content
    assert "<em>schöner</em>" in content
    assert f"{film.title} (deutsch)" in content
    for role in film.roles.select_related("person"):
        assert f'href="{role.person.get_absolute_url()}"' in content
        if role.character:
            assert role.character in content


def test_film_page_lists_credits_and_only_published_reviews(client, published_review):
    film = published_review.film
    draft = make_review(film=film, status=Review.Status.DRAFT, headline="Noch nicht fertig")
    response = client.get(film.get_absolute_url())
    content = response.content.decode()
    assert published_review.headline in content
    assert draft.headline not in content
    assert "Figure 0" in content


def test_person_page_lists_the_filmography_with_characters(client, published_review):
    role = published_review.film.roles.filter(kind="actor").first()
    response = client.get(role.person.get_absolute_url())
    assert role.character in response.content.decode()
    assert published_review.film.get_absolute_url() in response.content.decode()


def test_person_page_groups_credits_newest_first_with_titles_in_the_readers_language(client, db):
    person = make_person("Lone Example")
    old = make_film("The Quiet Year", year=1999)
    LocalTitle.objects.create(film=old, language="de", title="Das stille Jahr")
    new = make_film("Fish & <Chips>", year=2021)
    make_role(new, person, Role.Kind.ACTOR, character="Clara <i>")
    make_role(old, person, Role.Kind.ACTOR, character="Alice")
    make_role(old, person, Role.Kind.DIRECTOR)
    make_role(new, person, Role.Kind.EDITING)

    german = client.get(person.get_absolute_url(), headers={"accept-language": "de"}).content.decode()
    assert "Das stille Jahr" in german and "The Quiet Year</a>" not in german
    assert "Clara &lt;i&gt;" in german and "Clara <i>" not in german
    assert f'href="{new.get_absolute_url()}"' in german

    english = client.get(person.get_absolute_url(), headers={"accept-language": "en"}).content.decode()
    assert "The Quiet Year</a>" in english and "Das stille Jahr" not in english
    acting = english.split("<h3>Acting</h3>")[1].split("</ul>")[0]
    assert acting.index("Fish &amp; &lt;Chips&gt;") < acting.index("The Quiet Year") < acting.index("Alice")
    assert "Editing" in english.split("Other work")[1]


@pytest.mark.parametrize("status", [Review.Status.DRAFT, Review.Status.IN_REVIEW, "scheduled"])
def test_unpublished_reviews_are_invisible_to_anonymous_readers(client, status):
    if status == "scheduled":
        hidden = make_review(published_at=timezone.now() + timedelta(days=3), headline="Scheduled one")
    else:
        hidden = make_review(status=status, headline="Hidden one")
    hidden.tags.add("Testfestival")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    for url in ["/", "/reviews/", hidden.film.get_absolute_url(), Tag.objects.get().get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert hidden.headline not in response.content.decode(), url


def test_unknown_slugs_and_bad_page_numbers_give_404(client, published_review):
    for url in [
        "/reviews/nope/",
        "/films/nope/",
        "/people/nope/",
        "/tags/nope/",
        "/reviews/?page=99",
        "/reviews/?page=abc",
        "/films/?page=0",
    ]:
        assert client.get(url).status_code == 404, url


def test_tag_page_with_a_unicode_slug(client):
    film = make_full_film("Eröffnung")
    film.tags.add("Eröffnungsfilm")
    response = client.get("/tags/eröffnungsfilm/")
    assert response.status_code == 200
    assert film.title in response.content.decode()


def test_404_page_uses_the_site_design(client, db):
    response = client.get("/films/no-such-film/")
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()
