"""
Every public URL, given random paths, slugs, query strings and headers, answers without a server error.

Hypothesis generates the input (Unicode, `/`, `%`, NUL, values thousands of characters long,
page numbers that are no page numbers) and the test client sends it with
`raise_request_exception=True`, so an exception a view lets escape fails the test just as a
500 would. Page numbers have an exact oracle besides: the list pages show the page asked for
when it exists and answer 404 otherwise (as Django's ListView does); the search page falls
back to the first or the last page.

`pytest --hypothesis-show-statistics tests/test_robustness.py` shows how many examples each
test ran. ROBUSTNESS_EXAMPLES=2.0 doubles them (1.0 by default: 4,600 requests).
"""

import math
import os
from datetime import timedelta
from urllib.parse import quote, urlsplit

import hypothesis
import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from reviews import search, views
from reviews.models import Review, Tag

from .conftest import make_full_film, make_review, make_staff, make_user

pytestmark = pytest.mark.django_db

SCALE = float(os.environ.get("ROBUSTNESS_EXAMPLES", "1.0"))
# Two per page, so the small data set below spans several pages.
PER_PAGE = 2


def examples(number):
    return hypothesis.settings(
        max_examples=max(1, round(number * SCALE)),
        deadline=None,
        # The data set is made once per test function on purpose: examples only read it.
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        # No example database in the work tree; a failure prints its example and a blob to replay it.
        database=None,
        print_blob=True,
    )


FILM_SLUGS = ["film-alpha-2019", "film-beta-2019", "film-gamma-2019"]
REVIEW_SLUGS = [f"kritik-{number}" for number in range(1, 6)]
TAG_SLUGS = ["berlinale-2019", "eröffnungsfilm"]
PERSON_NAMES = ["Lone Scherfig"]
PERSON_SLUGS = ["lone-scherfig"]
KNOWN_SLUGS = [*FILM_SLUGS, *REVIEW_SLUGS, *TAG_SLUGS, *PERSON_SLUGS]

# Values that have broken web applications before: empty, separators, encodings, NUL,
# number formats Python's int() accepts or refuses, direction marks, emoji.
AWKWARD = [
    "",
    " ",
    "/",
    "//",
    "\\",
    ".",
    "..",
    "../../etc/passwd",
    "%",
    "%%",
    "%00",
    "%2F",
    "%2e%2e",
    "%ff",
    "%ZZ",
    "\x00",
    "a\x00b",
    "\n",
    "\r\n",
    "\t",
    "?",
    "#",
    "&",
    "=",
    ";",
    "'",
    '"',
    "<script>",
    "0",
    "-1",
    "1.5",
    "1e3",
    "0x10",
    "1_0",
    " 1 ",
    "+1",
    "١٢",
    "NaN",
    "inf",
    "last",
    str(10**30),
    str(2**63),
    str(2**63 - 1),
    str(-(2**63)),
    "9" * 5000,
    "é",
    "ß",
    "Ǆ",
    "İ",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\U0001f3ac",
    "ℌ",
    "ﬁ",
]

characters = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be sent in a URL
long_values = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["a", "é", "%", "/", "\x00", "-", "1", "\U0001f3ac"]),
    st.integers(min_value=200, max_value=6000),
)
values = st.one_of(
    st.text(characters, max_size=40),
    st.sampled_from(AWKWARD),
    st.sampled_from(KNOWN_SLUGS),
    st.builds(
        lambda slug, extra: slug + extra, st.sampled_from(KNOWN_SLUGS), st.text(characters, max_size=5)
    ),
    long_values,
)
page_numbers = st.one_of(
    st.integers(min_value=-5, max_value=8).map(str),
    st.integers().map(str),
    st.sampled_from(["", "0", "-1", str(10**30), "abc", "1.5", "last", "١", "2 ", "9" * 5000, "\x00", "1e1"]),
    st.text(characters, max_size=10),
)
# Query-string parameters the pages read, with their values, and random ones.
PARAMETERS = ["page", "language", "rating", "tag", "letter", "order", "q", "p", "next"]
parameter_values = {
    "page": page_numbers,
    "language": st.one_of(st.sampled_from(["de", "en", "fr", "DE", "de-at", "zz"]), values),
    "rating": st.one_of(st.sampled_from(["1", "3", "5", "0", "6", "3.5", "-1"]), values),
    "tag": st.one_of(st.sampled_from(TAG_SLUGS), values),
    "letter": st.one_of(st.sampled_from(["A", "f", "Z", "ß", "Ä", "AB", ""]), values),
    "order": st.one_of(st.sampled_from(["year", "title", "-year", "pk", "?"]), values),
    "q": st.one_of(st.sampled_from(["Film", "Alpha", "Lone", "Eröffnungsfilm", "a", "&|!:*"]), values),
    "p": page_numbers,
    "next": st.one_of(st.sampled_from(["/", "//evil.example", "https://evil.example/", "/films/"]), values),
}
query_strings = st.one_of(
    st.fixed_dictionaries({}, optional=parameter_values),
    st.dictionaries(
        st.one_of(st.sampled_from(PARAMETERS), st.text(characters, max_size=10)), values, max_size=4
    ),
    # Several values for one name, as `?tag=a&tag=b`.
    st.dictionaries(st.sampled_from(PARAMETERS), st.lists(values, min_size=2, max_size=3), max_size=3),
)
# Raw query strings, some not valid percent-encoding or UTF-8.
raw_query_strings = st.one_of(
    st.text(characters, max_size=60),
    st.builds(lambda name, value: f"{name}={value}", st.sampled_from(PARAMETERS), st.sampled_from(AWKWARD)),
    st.sampled_from(["page=%ff", "q=%c3%28", "tag=%00", "=&=&", "&&&", "page", "q=%", "a=1;b=2"]),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "accept-language": st.one_of(
            st.sampled_from(["de", "en", "en-GB,en;q=0.8", "*", "zz", "de;q=abc", "x" * 600]),
            st.text(characters, max_size=40),
        ),
        "cookie": st.builds(
            lambda value: f"django_language={value}", st.one_of(st.sampled_from(["de", "en", "xx"]), values)
        ),
        "if-none-match": st.one_of(st.just("*"), st.text(characters, max_size=40)),
        "if-modified-since": st.one_of(
            st.sampled_from(["Sat, 29 Oct 1994 19:43:31 GMT", "0", "Mon, 99 Foo 9999"]),
            st.text(characters, max_size=30),
        ),
    },
)


def as_segment(value, encode):
    """`value` as one path segment, percent-encoded as a browser would, or raw, as a hand-made URL."""
    return quote(value, safe="") if encode else value


def as_wsgi(value):
    # A WSGI server hands headers over as bytes decoded as Latin-1, so any text can arrive.
    return value.encode("utf-8").decode("iso-8859-1")


@pytest.fixture
def client():
    """One client per test: building one loads the middleware, and WhiteNoise then indexes every
    static file (60 ms). `request` clears its cookies, so examples stay independent."""
    return Client(raise_request_exception=True)


def request(client, path, data=None, user=None, **header_values):
    """GET `path` as a fresh visitor, or signed in as `user`; never a 5xx."""
    client.cookies.clear()
    if user is not None:
        client.force_login(user)
    headers = {name: as_wsgi(value) for name, value in header_values.items()}
    response = client.get(path, data, headers=headers or None)
    assert response.status_code < 500, f"{response.status_code} for {path[:200]!r}"
    return response


@pytest.fixture
def site(db, monkeypatch):
    """Three films with credits and German titles, five published reviews, a draft, a scheduled review."""
    monkeypatch.setattr(views.ReviewListView, "paginate_by", PER_PAGE)
    monkeypatch.setattr(views.FilmListView, "paginate_by", PER_PAGE)
    monkeypatch.setattr(views.TagDetailView, "paginate_by", PER_PAGE)
    monkeypatch.setattr(search, "REVIEWS_PER_PAGE", PER_PAGE)
    author = make_user("kritikerin", first_name="Ada", last_name="Kritik")
    films = [make_full_film(f"Film {name}") for name in ("Alpha", "Beta", "Gamma")]
    director = films[0].roles.get(kind="director").person
    director.name, director.slug = PERSON_NAMES[0], PERSON_SLUGS[0]
    director.save()
    festival = Tag.objects.create(name="Berlinale 2019", featured=True)
    opening = Tag.objects.create(name="Eröffnungsfilm")
    for number, slug in enumerate(REVIEW_SLUGS):
        review = make_review(
            film=films[number % len(films)],
            author=author,
            headline=f"Kritik {number + 1}: Film {number}",
            slug=slug,
            language="de" if number % 2 else "en",
            teaser="Ein Film über Lone Scherfig.",
            body=f"Ein *Film* von Lone Scherfig, Nummer {number}.",
            published_at=timezone.now() - timedelta(days=number + 1),
        )
        review.tags.add(festival, *([opening] if number < 3 else []))
    films[0].tags.add(festival, opening)
    draft = make_review(film=films[1], author=author, status=Review.Status.DRAFT, headline="Entwurf")
    make_review(
        film=films[2],
        author=author,
        headline="Geplant",
        published_at=timezone.now() + timedelta(days=30),
    )
    assert {tag.slug for tag in Tag.objects.all()} >= set(TAG_SLUGS)
    return {"draft": draft, "staff": make_staff("Editors", "redaktion")}


# Paths


path_prefixes = st.sampled_from(
    [
        "",
        "reviews/",
        "films/",
        "people/",
        "tags/",
        "feeds/reviews/",
        "feeds/tags/",
        "search/",
        "language/",
        "media/",
        "static/",
        "sitemap-",
        "admin/",
    ]
)
path_suffixes = st.sampled_from(["", "/", ".xml", "/atom/", "/preview/", "?page=2", "/../"])


@examples(400)
@given(
    prefix=path_prefixes,
    segments=st.lists(st.tuples(values, st.booleans()), max_size=4),
    suffix=path_suffixes,
)
def test_any_path_is_answered(client, site, settings, prefix, segments, suffix):
    # Media files are served by Django in `make serve`; a hostile name must not get past it.
    settings.SERVE_MEDIA = True
    path = "/" + prefix + "/".join(as_segment(value, encode) for value, encode in segments) + suffix
    request(client, path)


@pytest.mark.parametrize(
    "path", ["/tags/a%00b/", "/feeds/tags/%00/", "/feeds/tags/%00/atom/", "/reviews/?tag=%00"]
)
def test_a_nul_in_a_tag_slug_is_not_a_server_error(client, site, path):
    # Was a 500 on PostgreSQL, which refuses NUL in a query ("A string literal cannot contain NUL").
    assert request(client, path).status_code in (200, 404)


def test_a_media_name_too_long_for_the_file_system_is_a_404(client, site, settings):
    # Was a 500: OSError ENAMETOOLONG from django.views.static.serve.
    settings.SERVE_MEDIA = True
    assert request(client, "/media/" + "a" * 300).status_code == 404


# Detail pages: one slug in the path

# Each detail page with the slugs the data set has for it.
DETAIL_PAGES = {
    "/reviews/{}/": REVIEW_SLUGS,
    "/films/{}/": FILM_SLUGS,
    "/people/{}/": PERSON_SLUGS,
    "/tags/{}/": TAG_SLUGS,
    "/feeds/tags/{}/": TAG_SLUGS,
    "/feeds/tags/{}/atom/": TAG_SLUGS,
    "/sitemap-{}.xml": [],
}


@pytest.mark.parametrize("pattern", DETAIL_PAGES)
@examples(200)
@given(slug=values, encode=st.booleans(), query=query_strings)
def test_detail_pages_with_any_slug(client, site, pattern, slug, encode, query):
    response = request(client, pattern.format(as_segment(slug, encode)), query)
    if slug in DETAIL_PAGES[pattern]:
        if pattern == "/tags/{}/" and "page" in query:
            # A tag's reviews come a page at a time: a page that is none is a 404, as on the
            # list pages (test_page_numbers_give_the_page_or_404 checks which).
            assert response.status_code in (200, 404), (slug, query)
        else:
            # A real page answers whatever the query string says.
            assert response.status_code == 200, (slug, query)


@pytest.mark.parametrize("pattern", [pattern for pattern, slugs in DETAIL_PAGES.items() if slugs])
def test_known_slugs_are_found(client, site, pattern):
    for slug in DETAIL_PAGES[pattern]:
        assert request(client, pattern.format(quote(slug))).status_code == 200, slug


@examples(300)
@given(
    identifier=st.one_of(st.integers(min_value=-10, max_value=10**40).map(str), values), staff=st.booleans()
)
def test_preview_with_any_id(client, site, identifier, staff):
    response = request(
        client, f"/reviews/{quote(identifier, safe='')}/preview/", user=site["staff"] if staff else None
    )
    if not staff:
        assert response.status_code in (301, 404)


def test_preview_shows_the_draft_to_staff_only(client, site):
    path = f"/reviews/{site['draft'].pk}/preview/"
    assert request(client, path, user=site["staff"]).status_code == 200
    assert request(client, path).status_code == 404


# Query strings


LIST_PAGES = ["/reviews/", "/films/", "/search/"]
OTHER_PAGES = [
    "/",
    "/feeds/reviews/",
    "/feeds/reviews/atom/",
    "/sitemap.xml",
    "/sitemap-reviews.xml",
    "/sitemap-tags.xml",
    "/robots.txt",
    "/tags/eröffnungsfilm/",
    "/films/film-alpha-2019/",
    "/reviews/kritik-1/",
    "/people/lone-scherfig/",
]


@pytest.mark.parametrize("path", LIST_PAGES)
@examples(300)
@given(query=query_strings, header_values=headers)
def test_list_pages_with_any_query_string(client, site, path, query, header_values):
    response = request(client, path, query, **header_values)
    assert response.status_code in (200, 304, 404), response.status_code


@pytest.mark.parametrize("path", LIST_PAGES)
@examples(100)
@given(raw=raw_query_strings)
def test_list_pages_with_any_raw_query_string(client, site, path, raw):
    assert request(client, f"{path}?{raw}").status_code in (200, 404)


@examples(400)
@given(path=st.sampled_from(OTHER_PAGES), query=query_strings, header_values=headers)
def test_other_pages_with_any_query_string_and_headers(client, site, settings, path, query, header_values):
    # With the page cache on, as in production: its keys and stored headers see the same input.
    settings.PAGE_CACHE_SECONDS = 600
    request(client, path, query, **header_values)


@examples(300)
@given(
    query=query_strings, raw_next=st.one_of(values, st.sampled_from(["//evil.example", "/\\evil.example"]))
)
def test_language_switch_only_redirects_within_the_site(client, site, query, raw_next):
    response = request(client, "/language/", {**query, "next": raw_next})
    assert response.status_code == 302
    # A browser reads a backslash as a slash: "/\\evil.example" would leave the site.
    target = urlsplit(response["Location"].replace("\\", "/"))
    assert (target.scheme, target.netloc) == ("", ""), response["Location"]


# Page numbers


def expected_page(raw, num_pages, lenient):
    """The page Django shows for `?page=raw`, or None for a 404.

    ListView: the number if it is a page ("last" is the last one), else 404.
    Paginator.get_page (search): the first page for what is not a whole number, the last
    for numbers out of range.
    """
    if not lenient and raw == "last":
        return num_pages
    try:
        number = int(raw or 1)
    except ValueError:
        return 1 if lenient else None
    if 1 <= number <= num_pages:
        return number
    return num_pages if lenient else None


PAGINATED = [
    # path, query, number of items, lenient
    ("/reviews/", {}, len(REVIEW_SLUGS), False),
    ("/reviews/", {"tag": "eröffnungsfilm"}, 3, False),
    ("/films/", {}, len(FILM_SLUGS), False),
    ("/films/", {"order": "year", "letter": "F"}, len(FILM_SLUGS), False),
    ("/tags/er%C3%B6ffnungsfilm/", {}, 3, False),
    ("/search/", {"q": "Film"}, len(REVIEW_SLUGS), True),
]


@pytest.mark.parametrize(("path", "query", "items", "lenient"), PAGINATED)
@examples(120)
@given(raw=page_numbers)
def test_page_numbers_give_the_page_or_404(client, site, path, query, items, lenient, raw):
    num_pages = math.ceil(items / PER_PAGE)
    response = request(client, path, {**query, "page": raw})
    wanted = expected_page(raw, num_pages, lenient)
    if wanted is None:
        assert response.status_code == 404, raw
    else:
        assert response.status_code == 200, raw
        page = response.context["page_obj"]
        assert (page.number, page.paginator.num_pages) == (wanted, num_pages), raw
