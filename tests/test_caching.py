"""The readers' page cache: hits, conditional requests, and invalidation by edits in the admin."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from .adminforms import form_fields, post_data
from .conftest import make_full_film, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_repeat_anonymous_request_is_served_from_the_cache(
    client, django_assert_num_queries, published_review
):
    url = published_review.get_absolute_url()
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert second["ETag"] == first["ETag"]


def test_a_repeat_visit_with_the_etag_or_date_gets_304(client, published_review):
    url = published_review.get_absolute_url()
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_languages_are_cached_apart(client, published_review):
    url = published_review.film.get_absolute_url()
    german = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Besetzung" in german.content.decode()
    assert "Cast" in english.content.decode() and "Besetzung" not in english.content.decode()


def test_an_edit_in_the_admin_shows_on_the_next_request(client, editor, published_review):
    url = published_review.get_absolute_url()
    reader = client.__class__()
    assert "Neue Überschrift" not in reader.get(url).content.decode()
    assert reader.get(url)["X-Page-Cache"] == "hit"

    client.force_login(editor)
    change = reverse("admin:reviews_review_change", args=[published_review.pk])
    fields = form_fields(client.get(change), "review_form")
    assert client.post(change, post_data(fields, headline="Neue Überschrift")).status_code == 302

    for path in [url, "/", "/reviews/", published_review.film.get_absolute_url()]:
        response = reader.get(path)
        assert response["X-Page-Cache"] == "miss", path
        assert "Neue Überschrift" in response.content.decode(), path


def test_unpublishing_in_the_admin_removes_the_review_from_cached_pages(client, editor, published_review):
    reader = client.__class__()
    assert published_review.headline in reader.get("/").content.decode()
    client.force_login(editor)
    client.post(
        reverse("admin:reviews_review_changelist"),
        {"action": "unpublish", "_selected_action": [published_review.pk], "index": "0"},
    )
    assert published_review.headline not in reader.get("/").content.decode()
    assert reader.get(published_review.get_absolute_url()).status_code == 404


def test_a_credit_change_shows_on_the_cached_film_page(client, editor, published_review):
    film = published_review.film
    reader = client.__class__()
    assert "Neuer Name" not in reader.get(film.get_absolute_url()).content.decode()
    person = film.roles.first().person
    person.name = "Neuer Name"
    person.save()
    assert "Neuer Name" in reader.get(film.get_absolute_url()).content.decode()


def test_a_scheduled_review_appears_when_its_time_comes(client):
    film = make_full_film()
    make_review(film=film, headline="Schon da")
    make_review(film=film, headline="Gleich da", published_at=timezone.now() + timedelta(seconds=1))
    assert "Gleich da" not in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    time.sleep(1.1)
    response = client.get("/")
    assert "Gleich da" in response.content.decode()


def test_signed_in_staff_never_get_cached_pages(client, editor, published_review):
    url = published_review.get_absolute_url()
    client.get(url)
    client.force_login(editor)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"].startswith("private")


def test_unknown_query_parameters_and_posts_are_not_cached(client, published_review):
    assert "X-Page-Cache" not in client.get("/?utm_source=x")
    assert "X-Page-Cache" not in client.get("/nope/")
    assert client.get("/films/nope/").status_code == 404


def test_a_redis_outage_degrades_to_uncached_pages(client, settings, published_review):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    for _ in range(2):
        response = client.get(published_review.get_absolute_url())
        assert response.status_code == 200
        assert published_review.headline in response.content.decode()
