"""The readers' page cache: hits, conditional requests, and invalidation by edits in the admin."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.urls import reverse
from django.utils import timezone

from reviews import caching
from reviews.models import Review

from .adminforms import form_fields, post_data
from .conftest import make_full_film, make_review

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caching.local_pages.clear()
    yield
    caching.local_pages.clear()


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
    settings.CACHES = DEAD_REDIS
    for _ in range(2):
        response = client.get(published_review.get_absolute_url())
        assert response.status_code == 200
        assert published_review.headline in response.content.decode()


# The process tier: pages kept in this process's memory, under the shared version record


@pytest.fixture
def backend_reads(monkeypatch):
    """The reads from the shared cache, in order: per round trip, the tuple of keys read."""
    backend = type(caches["default"])
    reads = []
    inside_get_many = False  # the local-memory backend's get_many calls get per key
    original_get, original_get_many = backend.get, backend.get_many

    def get(self, key, *args, **kwargs):
        if not inside_get_many:
            reads.append((key,))
        return original_get(self, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        nonlocal inside_get_many
        reads.append(tuple(keys))
        inside_get_many = True
        try:
            return original_get_many(self, keys, *args, **kwargs)
        finally:
            inside_get_many = False

    monkeypatch.setattr(backend, "get", get)
    monkeypatch.setattr(backend, "get_many", get_many)
    return reads


def kept_page():
    """The key and the page this process keeps: the one German page a test requested."""
    [key] = [key for key in caching.local_pages._pages if key.startswith("page2:de:")]
    return key, caching.local_pages._pages[key]


def test_a_hit_reads_only_the_version_record_from_the_shared_cache(client, backend_reads, published_review):
    url = published_review.get_absolute_url()
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    backend_reads.clear()
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert backend_reads == [(caching.VERSION_KEY,)]
    assert second.content == first.content and second["ETag"] == first["ETag"]


@pytest.mark.parametrize("page_cache_seconds", [600, 0])
def test_a_page_reads_the_version_record_once(client, settings, backend_reads, page_cache_seconds):
    """The archive looks up two derived values (its count, its tag filter) under the version
    the request has read already, cached pages or not."""
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    make_review().tags.add("Berlinale 2025")
    assert client.get("/reviews/").status_code == 200
    backend_reads.clear()
    assert client.get("/reviews/?language=de").status_code == 200
    # The version (with the page, when pages are cached), the count, the tags.
    assert len(backend_reads) == 3
    assert [caching.VERSION_KEY in keys for keys in backend_reads] == [True, False, False]


def test_a_change_within_a_request_is_not_hidden_by_its_version(client, published_review):
    """A request that saves content (the admin) reads the version anew afterwards."""
    request_version = caching._RequestVersion()
    token = caching._request_version.set(request_version)
    try:
        first = caching.per_version("test:value", lambda: "before")
        make_review()  # moves the version on
        assert request_version.value is None
        assert caching.per_version("test:value", lambda: "after") == "after" != first
    finally:
        caching._request_version.reset(token)


def test_a_page_only_in_the_shared_cache_is_served_and_kept(client, backend_reads, published_review):
    url = published_review.get_absolute_url()
    first = client.get(url)
    caching.local_pages.clear()  # as on another app server, or after this process restarted
    backend_reads.clear()
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    # One round trip for the version record and the page.
    [(version_key, page_key)] = backend_reads
    assert version_key == caching.VERSION_KEY and page_key.startswith("page2:")
    backend_reads.clear()
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert backend_reads == [(caching.VERSION_KEY,)]


def test_a_change_through_another_app_server_is_seen_at_once(client, backend_reads, published_review):
    url = published_review.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Another server saves: the database changes (no signal here) and the shared version
    # record goes; this process's copy of the page is now stale.
    Review.objects.filter(pk=published_review.pk).update(headline="Auf dem anderen Server geändert")
    cache.delete(caching.VERSION_KEY)
    backend_reads.clear()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    # A version made just now has no pages yet: none is looked for.
    assert backend_reads == [(caching.VERSION_KEY,)]
    assert "Auf dem anderen Server geändert" in response.content.decode()


def test_a_page_another_server_rendered_replaces_the_stale_copy(client, backend_reads, published_review):
    url = published_review.get_absolute_url()
    client.get(url)
    key, (version, _content, headers, expires_at) = kept_page()
    # The other server moved the version on and stored the page it rendered under the new one.
    _old, changed_at, next_publish = cache.get(caching.VERSION_KEY)
    cache.set(caching.VERSION_KEY, ("newer", changed_at, next_publish), None)
    cache.set(key, ("newer", b"<p>rendered by the other server</p>", headers, expires_at), 600)
    backend_reads.clear()
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert backend_reads == [(caching.VERSION_KEY,), (key,)]
    assert response.content == b"<p>rendered by the other server</p>"
    assert caching.local_pages.get(key, "newer")[1] == response.content
    assert caching.local_pages.get(key, version) is None


def test_signed_in_staff_are_never_served_from_process_memory(client, editor, published_review):
    url = published_review.get_absolute_url()
    client.get(url)
    key, (version, _content, headers, expires_at) = kept_page()
    caching.local_pages.put(key, (version, b"<p>kept for readers</p>", headers, expires_at))
    assert client.get(url).content == b"<p>kept for readers</p>"
    client.force_login(editor)
    response = client.get(url)
    assert "X-Page-Cache" not in response and response["Cache-Control"].startswith("private")
    assert published_review.headline in response.content.decode()


def test_process_memory_holds_a_bounded_number_of_pages(client, monkeypatch):
    monkeypatch.setattr(caching, "local_pages", caching.LocalPages(max_pages=2))
    film = make_full_film()
    reviews = [make_review(film=film) for _ in range(3)]
    for review in reviews:
        assert client.get(review.get_absolute_url())["X-Page-Cache"] == "miss"
    assert len(caching.local_pages) == 2
    # The evicted page is still in the shared cache.
    assert client.get(reviews[0].get_absolute_url())["X-Page-Cache"] == "hit"
    assert len(caching.local_pages) == 2


def test_pages_kept_before_a_redis_outage_are_not_served_during_it(client, settings, published_review):
    url = published_review.get_absolute_url()
    client.get(url)
    key, (version, _content, headers, expires_at) = kept_page()
    caching.local_pages.put(key, (version, b"<p>kept</p>", headers, expires_at))
    settings.CACHES = DEAD_REDIS
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
        assert published_review.headline in response.content.decode()


def page(version, size, expires_at=None):
    return (version, b"x" * size, {}, time.time() + 600 if expires_at is None else expires_at)


def test_local_pages_evict_the_least_recently_used_first():
    pages = caching.LocalPages(max_pages=2)
    pages.put("a", page("v", 10))
    pages.put("b", page("v", 10))
    assert pages.get("a", "v") is not None  # "a" is now the most recently used
    pages.put("c", page("v", 10))
    assert "b" not in pages and "a" in pages and "c" in pages
    assert (len(pages), pages.size) == (2, 20)


def test_local_pages_keep_to_their_byte_limit():
    pages = caching.LocalPages(max_pages=100, max_bytes=1000)
    for key in "abcd":
        pages.put(key, page("v", 300))
    assert list(pages._pages) == ["b", "c", "d"] and pages.size == 900
    pages.put("big", page("v", 1001))  # larger than the whole limit: not kept
    assert "big" not in pages and pages.size == 900
    pages.put("c", page("v", 100))  # a page replaced counts with its new size
    assert pages.size == 700


def test_local_pages_count_only_under_their_version_and_before_they_expire():
    pages = caching.LocalPages()
    pages.put("current", page("v1", 10))
    pages.put("expired", page("v1", 10, expires_at=time.time() - 1))
    assert pages.get("current", "v2") is None
    assert pages.get("expired", "v1") is None
    assert len(pages) == 0 and pages.size == 0
