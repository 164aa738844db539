"""
Whole-page caching for readers, invalidated by a site-wide content version.

Every save or delete of content a page shows (films, people, credits, titles, reviews,
tags) moves the content version on, so the next request renders afresh: a stored page
carries the version it was rendered under and counts only while that is current. The
version record also holds the time of the next scheduled review: when it has come, the
version moves on by itself, so a scheduled review appears on time without a job.

Only anonymous GET/HEAD requests with known query parameters are served from the cache:
a request with a session cookie (staff who signed in to the admin) always gets a fresh,
private page. With Redis as the cache, several app servers share pages and versions; a
Redis outage turns into cache misses (django-redis ignores its exceptions).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.utils.translation import get_language

VERSION_KEY = "content-version"
# Query parameters the public pages understand; other URLs are rendered but not stored.
KNOWN_PARAMETERS = {"page", "language", "rating", "tag", "letter", "order", "q"}
UNCACHED_PREFIXES = ("/admin/", "/language/", "/static/", "/media/")
# X-Frame-Options comes from a middleware inside this one, which a cache hit never reaches.
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Robots-Tag", "X-Frame-Options")


def bump_content_version(**kwargs):
    """Make every cached page stale. Connected to the content models' save and delete.

    Now, and once more when the transaction commits: another app server may
    render a page between the two from data not yet committed, and must not keep it.
    """
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def content_version(record=None):
    """(version, changed_at) of the content; computed and stored when missing or due.

    `record` is the stored version when the caller has fetched it already."""
    now = time.time()
    if record is None:
        record = cache.get(VERSION_KEY)
    if record is not None:
        version, changed_at, next_publish = record
        if next_publish is None or now < next_publish:
            return version, changed_at
    from .models import Review

    upcoming = Review.objects.filter(
        status=Review.Status.PUBLISHED, published_at__gt=timezone.now()
    ).aggregate(next=Min("published_at"))["next"]
    version = f"{time.time_ns():x}"
    cache.set(VERSION_KEY, (version, now, upcoming.timestamp() if upcoming else None), None)
    return version, now


class CountCachingPaginator(Paginator):
    """A paginator that counts a list once per content version.

    Counting 170,000 published reviews costs more than rendering the page of 20 that
    follows; the count only changes when content does (or a scheduled review comes due,
    which moves the version on too), so it is kept under the version. `count_key` names
    the list, e.g. the view and its filters.
    """

    def __init__(self, *args, count_key="", **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if not self.count_key:
            return super().count
        version, _changed_at = content_version()
        key = f"count:{version}:{hashlib.sha256(self.count_key.encode()).hexdigest()}"
        value = cache.get(key)
        if value is None:
            value = super().count
            cache.set(key, value, 24 * 3600)
        return value


def _page_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def _is_cacheable(request):
    if not _page_seconds() or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.path.startswith(UNCACHED_PREFIXES):
        return False
    return set(request.GET) <= KNOWN_PARAMETERS and len(request.get_full_path()) <= 500


def _page_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page:{get_language()}:{digest}"


class PublicPageCacheMiddleware:
    """Serve readers' pages from the cache; place after LocaleMiddleware (the key has the language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response

        # One round trip for the version and the page; a page stored under an older
        # version is stale and rendered again.
        key = _page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version, changed_at = content_version(found.get(VERSION_KEY))
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            _version, content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if self._should_store(response):
            response["Cache-Control"] = "public, max-age=0, must-revalidate"
            response["Last-Modified"] = http_date(changed_at)
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            names = (*STORED_HEADERS, "Cache-Control", "Last-Modified", "ETag")
            headers = {name: response[name] for name in names if response.has_header(name)}
            cache.set(key, (version, response.content, headers), _page_seconds())
            response["X-Page-Cache"] = "miss"
        return response

    def _should_store(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )
