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

Pages are kept in two tiers. The shared cache (Redis) holds every stored page for all app
servers; each process also keeps the pages it served most recently in its own memory
(`LocalPages`, bounded in pages and bytes). A request always reads the small version record
from the shared cache, so that a change saved through any app server counts at once
everywhere, and takes the page from process memory when it was rendered under that version;
else from the shared cache (in the same round trip when the process has no copy at all),
else it renders the page.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar

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
# Pages kept in each process's memory, and their total size at most; a few hundred pages of
# 10-60 KB each fit well under the byte limit.
LOCAL_MAX_PAGES = 400
LOCAL_MAX_BYTES = 32 * 1024 * 1024


def bump_content_version(**kwargs):
    """Make every cached page stale. Connected to the content models' save and delete.

    Now, and once more when the transaction commits: another app server may
    render a page between the two from data not yet committed, and must not keep it.
    """
    cache.delete(VERSION_KEY)
    _forget_request_version()
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


class _RequestVersion:
    """The content version as first read in a request: (version, changed_at), or None."""

    __slots__ = ("value",)

    def __init__(self):
        self.value = None


# Set by PublicPageCacheMiddleware for each request, so that the page's derived values (a
# count, the tag filter; `per_version`) are looked up under the version it has read already,
# not after one more round trip each.
_request_version = ContextVar("request_version", default=None)


def _forget_request_version():
    memo = _request_version.get()
    if memo is not None:
        memo.value = None


def content_version(record=None):
    """(version, changed_at) of the content; computed and stored when missing or due.

    `record` is the stored version when the caller has fetched it already."""
    if record is None:
        record = cache.get(VERSION_KEY)
    version, changed_at, _new = _current_version(record)
    return version, changed_at


def _current_version(record):
    """(version, changed_at, new) from the version record as read (None: missing or unreadable).

    `new` is true when the version was made just now: no page can have been stored under it,
    so the caller need not look for one (nor make a second round trip while Redis is away)."""
    now = time.time()
    if record is not None:
        version, changed_at, next_publish = record
        if next_publish is None or now < next_publish:
            return version, changed_at, False
    from .models import Review

    upcoming = Review.objects.filter(
        status=Review.Status.PUBLISHED, published_at__gt=timezone.now()
    ).aggregate(next=Min("published_at"))["next"]
    version = f"{time.time_ns():x}"
    cache.set(VERSION_KEY, (version, now, upcoming.timestamp() if upcoming else None), None)
    return version, now, True


def per_version(name, compute, timeout=24 * 3600):
    """`compute()`, kept in the cache under the current content version: a value derived from
    content (a count, a list of tags) is computed once per change of content, not per request.
    `name` says what it is (a view and its filters); the value must pickle."""
    memo = _request_version.get()
    if memo is not None and memo.value is not None:
        version = memo.value[0]
    else:
        version, changed_at = content_version()
        if memo is not None:
            memo.value = (version, changed_at)
    key = f"derived:{version}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


class CountCachingPaginator(Paginator):
    """A paginator that counts a list once per content version.

    Counting a large archive's published reviews costs more than rendering the page of 20
    that follows; the count only changes when content does (or a scheduled review comes due,
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
        return per_version(f"count:{self.count_key}", lambda: Paginator.count.func(self))


def _page_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def _page_key(request):
    """The cache key of the page a request asks for, or None when it is not served from the cache.

    Anonymous GET/HEAD requests outside the admin and friends, with known query parameters and
    a URL of at most 500 characters; the key holds the language, the host and the full path."""
    if not _page_seconds() or request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.path.startswith(UNCACHED_PREFIXES):
        return None
    # Parsing the query string costs more than the rest of the key: only when there is one.
    if request.META.get("QUERY_STRING") and not set(request.GET) <= KNOWN_PARAMETERS:
        return None
    full_path = request.get_full_path()
    if len(full_path) > 500:
        return None
    digest = hashlib.sha256(f"{request.get_host()}{full_path}".encode()).hexdigest()
    # "page2": a stored page carries its expiry time too (for the process tier); the new name
    # keeps app servers of the old and the new format from reading each other's pages.
    return f"page2:{get_language()}:{digest}"


class LocalPages:
    """The pages this process served most recently, kept in its memory: a bounded LRU.

    A page is the tuple stored in the shared cache, (version, content, headers, expires_at):
    it counts only while its content version is the current one and it has not expired. At
    most `max_pages` pages and `max_bytes` bytes of content are kept; the least recently
    used go first, and a page larger than `max_bytes` is not kept. Safe to share between
    the threads of a process.
    """

    def __init__(self, max_pages=LOCAL_MAX_PAGES, max_bytes=LOCAL_MAX_BYTES):
        self.max_pages = max_pages
        self.max_bytes = max_bytes
        self.size = 0  # bytes of content kept
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._pages)

    def __contains__(self, key):
        return key in self._pages

    def get(self, key, version):
        """The page under `key` if it was rendered under `version` and is fresh, else None.

        A page that no longer counts is dropped: versions never come back."""
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            if page[0] != version or page[3] <= time.time():
                self._drop(key)
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key, page):
        """Keep `page` under `key`, replacing what was there, and evict beyond the limits."""
        with self._lock:
            if key in self._pages:
                self._drop(key)
            size = len(page[1])
            if size > self.max_bytes:
                return
            self._pages[key] = page
            self.size += size
            while len(self._pages) > self.max_pages or self.size > self.max_bytes:
                _key, oldest = self._pages.popitem(last=False)
                self.size -= len(oldest[1])

    def clear(self):
        with self._lock:
            self._pages.clear()
            self.size = 0

    def _drop(self, key):
        self.size -= len(self._pages.pop(key)[1])


# This process's tier, shared by every request (and every handler) of the process.
local_pages = LocalPages()


class PublicPageCacheMiddleware:
    """Serve readers' pages from the cache; place after LocaleMiddleware (the key has the language).

    A cacheable request reads the version record from the shared cache (one small round
    trip) and is answered, in this order, from this process's memory, from the shared cache
    (the page is then kept in memory too) or by rendering (the page is then stored in both),
    always with a page rendered under the current version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = _RequestVersion()
        token = _request_version.set(memo)
        try:
            return self._respond(request, memo)
        finally:
            _request_version.reset(token)

    def _respond(self, request, memo):
        key = _page_key(request)
        if key is None:
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response

        # With a copy in this process, only the version record is read; without one, the page
        # from the shared cache comes in the same round trip.
        local_copy = key in local_pages
        if local_copy:
            record, stored = cache.get(VERSION_KEY), None
        else:
            found = cache.get_many([VERSION_KEY, key])
            record, stored = found.get(VERSION_KEY), found.get(key)
        version, changed_at, new = _current_version(record)
        memo.value = (version, changed_at)
        # Under a version made just now (after a change, or with Redis away) nothing is stored.
        if not new:
            page = local_pages.get(key, version) if local_copy else None
            if page is None:
                if local_copy:
                    # The copy was stale; another server may have stored the page anew.
                    stored = cache.get(key)
                if stored is not None and stored[0] == version and stored[3] > time.time():
                    page = stored
                    local_pages.put(key, page)
            if page is not None:
                _version, content, headers, _expires_at = page
                response = HttpResponse(content, headers=headers)
                response["X-Page-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if self._should_store(response):
            seconds = _page_seconds()
            response["Cache-Control"] = "public, max-age=0, must-revalidate"
            response["Last-Modified"] = http_date(changed_at)
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            names = (*STORED_HEADERS, "Cache-Control", "Last-Modified", "ETag")
            headers = {name: response[name] for name in names if response.has_header(name)}
            page = (version, response.content, headers, time.time() + seconds)
            cache.set(key, page, seconds)
            local_pages.put(key, page)
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
