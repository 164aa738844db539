"""
Security of what readers and editors see: hostile text in every editable field stays inert
on every surface (pages, feeds, sitemap, structured data, admin), security headers, content
that is not public yet, sign-in throttling, and Django's deployment check.
"""

import html
import json
import os
import re
import secrets
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import feedparser
import html5lib
import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from PIL import Image

from reviews.models import Film, LocalTitle, Person, Review, Role, Tag

from .conftest import make_full_film, make_review, make_user
from .xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent

FIELDS = [
    "film title",
    "local title",
    "synopsis",
    "poster alt text",
    "person name",
    "bio",
    "photo alt text",
    "character name",
    "tag name",
    "tag description",
    "review headline",
    "teaser",
    "body",
]


def search_url():
    """The readers' search page, or None on a checkout that has none yet."""
    try:
        return reverse("reviews:search")
    except NoReverseMatch:
        return None


def small_image(name):
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 60), "red").save(path, format="PNG")
    return name


def plant(values, author):
    """A published review of a film with a credited person and a featured tag, every text from
    `values` (field name → text). Created with the ORM, as an importer would."""
    tag = Tag.objects.create(name=values["tag name"], description=values["tag description"], featured=True)
    film = Film.objects.create(title=values["film title"], year=2019, poster_alt=values["poster alt text"])
    person = Person.objects.create(name=values["person name"], photo_alt=values["photo alt text"])
    # A second version of each, so that the admin's history pages show a change of these texts.
    film.synopsis = values["synopsis"]
    film.save()
    person.bio = values["bio"]
    person.save()
    # Alt texts are shown only beside an image. Stored as files without renditions: pages
    # compute rendition URLs from the name alone.
    Film.objects.filter(pk=film.pk).update(
        poster=small_image("posters/planted.png"), poster_width=40, poster_height=60
    )
    Person.objects.filter(pk=person.pk).update(
        photo=small_image("people/planted.png"), photo_width=40, photo_height=60
    )
    LocalTitle.objects.create(film=film, language="de", title=values["local title"])
    Role.objects.create(film=film, person=person, kind=Role.Kind.ACTOR, character=values["character name"])
    review = make_review(film=film, author=author, headline=values["review headline"], body=values["body"])
    review.teaser = values["teaser"]
    review.save()
    film.tags.add(tag)
    review.tags.add(tag)
    film.refresh_from_db()
    person.refresh_from_db()
    return SimpleNamespace(film=film, person=person, tag=tag, review=review)


def surfaces(planted, query):
    """Every place the planted texts reach: name → (kind, URL)."""
    tag_slug = planted.tag.slug
    found = {
        "home": ("page", "/"),
        "archive": ("page", "/reviews/"),
        "archive by tag": ("page", f"/reviews/?{urlencode({'tag': tag_slug})}"),
        "review": ("page", planted.review.get_absolute_url()),
        "film": ("page", planted.film.get_absolute_url()),
        "person": ("page", planted.person.get_absolute_url()),
        "tag": ("page", planted.tag.get_absolute_url()),
        "film index": ("page", "/films/"),
        "search": ("page", f"{search_url()}?{urlencode({'q': query})}"),
        "feed (RSS)": ("rss", reverse("reviews:review_feed")),
        "feed (Atom)": ("atom", reverse("reviews:review_feed_atom")),
        "tag feed (RSS)": ("rss", reverse("reviews:tag_feed", args=[tag_slug])),
        "tag feed (Atom)": ("atom", reverse("reviews:tag_feed_atom", args=[tag_slug])),
        "sitemap": ("sitemap", "/sitemap.xml"),
        "admin markdown preview": ("preview", reverse("admin:reviews_review_preview")),
    }
    if search_url() is None:
        del found["search"]
    for model, obj in [
        ("film", planted.film),
        ("person", planted.person),
        ("review", planted.review),
        ("tag", planted.tag),
    ]:
        found[f"admin {model} list"] = ("admin", reverse(f"admin:reviews_{model}_changelist"))
        found[f"admin {model} change"] = ("admin", reverse(f"admin:reviews_{model}_change", args=[obj.pk]))
        if model != "tag":  # tags keep no versions
            found[f"admin {model} history"] = (
                "admin",
                reverse(f"admin:reviews_{model}_history", args=[obj.pk]),
            )
    found["admin film search"] = (
        "admin",
        f"{reverse('admin:reviews_film_changelist')}?{urlencode({'q': query})}",
    )
    return found


# Which fields each surface shows, at least: the coverage test below puts a distinct marker
# in each field and checks that each surface contains the markers listed here (a page that
# starts to show more is fine; one that shows less would make the matrix count too high).
FIELDS_ON = {
    "home": {"local title", "tag name", "tag description", "review headline", "teaser"},
    "archive": {"local title", "tag name", "review headline", "teaser"},
    "archive by tag": {"local title", "tag name", "review headline", "teaser"},
    # The film's synopsis is in the review's structured data.
    "review": {
        "film title",
        "local title",
        "synopsis",
        "person name",
        "character name",
        "tag name",
        "review headline",
        "teaser",
        "body",
    },
    "film": {
        "film title",
        "local title",
        "synopsis",
        "poster alt text",
        "person name",
        "character name",
        "tag name",
        "review headline",
        "teaser",
    },
    "person": {"local title", "person name", "bio", "photo alt text", "character name"},
    "tag": {"local title", "tag name", "tag description", "review headline", "teaser"},
    "film index": {"film title", "local title"},
    "search": {"film title", "local title", "person name", "review headline", "teaser", "body"},
    "feed (RSS)": {"local title", "tag name", "review headline", "teaser"},
    "feed (Atom)": {"local title", "tag name", "review headline", "teaser"},
    "tag feed (RSS)": {"local title", "tag name", "tag description", "review headline", "teaser"},
    "tag feed (Atom)": {"local title", "tag name", "tag description", "review headline", "teaser"},
    # Only URLs, whose slugs come from titles, names and headlines.
    "sitemap": set(),
    "admin markdown preview": {"body"},
    "admin film list": {"film title", "tag name"},
    "admin film change": {
        "film title",
        "local title",
        "synopsis",
        "poster alt text",
        "person name",
        "character name",
        "tag name",
    },
    "admin person list": {"person name"},
    "admin person change": {"film title", "person name", "bio", "photo alt text", "character name"},
    "admin review list": {"film title", "tag name", "review headline"},
    "admin review change": {"film title", "tag name", "review headline", "teaser", "body"},
    "admin film history": {"film title", "synopsis"},
    "admin person history": {"person name", "bio"},
    "admin review history": {"review headline", "teaser"},
    "admin tag list": {"tag name"},
    "admin tag change": {"tag name", "tag description"},
    "admin film search": {"film title", "tag name"},
}
# Surfaces that echo what the visitor typed (reflected, not stored, text).
ECHOES_QUERY = {"search", "admin film search"}


# What inert means


BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "ping",
    "codebase",
}
# Browsers ignore these inside a URL scheme ("jav\tascript:" runs as "javascript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")
FORBIDDEN_ELEMENTS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "style",
    "template",
    "noscript",
    "portal",
    "isindex",
    "video",
    "audio",
}
OWN_FORM_IDS = {"logout-form", "changelist-search", "changelist-form"}
OWN_FORM_CLASSES = {"site-search", "search-form", "filters"}
OWN_ASSET_PREFIXES = ("/static/", "/media/")
SVG = "{http://www.w3.org/2000/svg}"
# The admin's own inline icons (its colour theme switch).
ADMIN_ICON_CLASSES = {"base-svgs", "theme-icon-when-auto", "theme-icon-when-dark", "theme-icon-when-light"}


def local_name(name):
    return name.rsplit("}", 1)[-1]


def scheme_part(url):
    return IGNORED_IN_SCHEME.sub("", url).lower()


def is_own_form(form):
    form_id = form.get("id", "")
    return (
        form_id in OWN_FORM_IDS
        or re.fullmatch(r"[a-z]+_form", form_id) is not None
        or form.get("class") in OWN_FORM_CLASSES
    )


def assert_inert(root, where, admin=False):
    """No element, attribute or URL in the tree that could run script, load foreign content,
    or redirect; the only scripts are our own."""
    json_ld_blocks = 0
    own_icons = set()
    if admin:
        for svg in root.iter(f"{SVG}svg"):
            if svg.get("class") in ADMIN_ICON_CLASSES:
                own_icons.update(id(element) for element in svg.iter())
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments
            continue
        name = element.tag
        if id(element) not in own_icons:
            assert not name.startswith("{"), f"{where}: foreign (SVG/MathML) element {name}"
        assert name not in FORBIDDEN_ELEMENTS, f"{where}: <{name}>"
        for attribute, value in element.attrib.items():
            attribute = local_name(attribute).lower()
            assert not attribute.startswith("on"), f"{where}: <{name} {attribute}={value!r}>"
            if attribute in URL_ATTRIBUTES:
                assert not scheme_part(value).startswith(BAD_SCHEMES), (
                    f"{where}: <{name} {attribute}={value!r}>"
                )
            if attribute == "srcset":
                for candidate in value.split(","):
                    assert candidate.strip().startswith(OWN_ASSET_PREFIXES), f"{where}: srcset {value!r}"
        if name == "script":
            if admin:
                src = element.get("src", "")
                assert src.startswith("/static/") or src == reverse("admin:jsi18n"), (
                    f"{where}: script {src!r}"
                )
                assert not (element.text or "").strip(), f"{where}: inline script"
            else:
                assert element.attrib == {"type": "application/ld+json"}, f"{where}: script {element.attrib}"
                raw = element.text or ""
                assert "<" not in raw, f"{where}: raw < in JSON-LD"
                json.loads(raw)
                json_ld_blocks += 1
        elif name == "img":
            assert element.get("src", "").startswith(OWN_ASSET_PREFIXES), (
                f"{where}: <img src={element.get('src')!r}>"
            )
        elif name == "link":
            href = element.get("href", "")
            assert href.startswith(("/", "http://testserver/")) and not href.startswith("//"), (
                f"{where}: {href!r}"
            )
        elif name == "meta":
            assert "http-equiv" not in element.attrib, f"{where}: <meta http-equiv>"
        elif name == "form":
            assert is_own_form(element), f"{where}: foreign <form {element.attrib}>"
    assert json_ld_blocks <= 1, f"{where}: {json_ld_blocks} JSON-LD blocks"


def parse_page(response, where):
    assert response.status_code == 200, f"{where}: {response.status_code}"
    return html5lib.parse(response.content.decode(), treebuilder="etree", namespaceHTMLElements=False)


def json_ld(document):
    blocks = [
        script.text for script in document.iter("script") if script.get("type") == "application/ld+json"
    ]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def text_of(document, tag):
    element = next(document.iter(tag))
    return " ".join("".join(element.itertext()).split())


def shown(text):
    """`text` as a page shows it: whitespace runs collapsed."""
    return " ".join(text.split())


XML_1_0_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
RSS_ELEMENTS = {
    "rss",
    "channel",
    "title",
    "link",
    "description",
    "language",
    "lastBuildDate",
    "item",
    "creator",
    "pubDate",
    "guid",
    "category",
}
ATOM_ELEMENTS = {
    "feed",
    "title",
    "link",
    "id",
    "updated",
    "subtitle",
    "entry",
    "published",
    "author",
    "name",
    "summary",
    "category",
}
SITEMAP_ELEMENTS = {"sitemapindex", "sitemap", "loc", "lastmod", "urlset", "url", "changefreq", "priority"}
ATOM = "{http://www.w3.org/2005/Atom}"


def in_xml(text):
    """`text` as a feed carries it: XML 1.0 cannot carry most control characters."""
    return XML_1_0_INVALID.sub("", text)


def assert_inert_feed(response, planted, where, atom):
    assert response.status_code == 200, f"{where}: {response.status_code}"
    root = ET.fromstring(response.content)
    names = {local_name(element.tag) for element in root.iter()}
    assert names <= (ATOM_ELEMENTS if atom else RSS_ELEMENTS), f"{where}: {names}"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{where}: {parsed.get('bozo_exception')}"
    review_url = f"http://testserver{planted.review.get_absolute_url()}"
    if atom:
        entry = next(e for e in root.iter(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href") == review_url)
        title = entry.findtext(f"{ATOM}title")
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        description = summary.text or ""
        categories = [category.get("term") for category in entry.iter(f"{ATOM}category")]
    else:
        entry = next(item for item in root.iter("item") if item.findtext("link") == review_url)
        title = entry.findtext("title")
        description = entry.findtext("description") or ""
        categories = [category.text for category in entry.iter("category")]
    review = planted.review
    assert in_xml(review.headline) in title, where
    # Readers render the description as HTML (Atom says so: type="html"); the teaser is plain
    # text, so the description must be that text escaped, with no markup of its own.
    assert "<" not in description, f"{where}: markup in the description: {description!r}"
    assert html.unescape(description) == in_xml(review.teaser), where
    assert categories == [in_xml(planted.tag.name)], where
    # feedparser as a feed reader: the summary it would show holds no element at all.
    reader_entry = next(e for e in parsed.entries if e.link == review_url)
    fragment = html5lib.parseFragment(reader_entry.summary, treebuilder="etree", namespaceHTMLElements=False)
    assert not list(fragment), f"{where}: {reader_entry.summary!r}"


def assert_inert_sitemap(client, response):
    sections = [response]
    index = ET.fromstring(response.content)
    for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        sections.append(client.get(loc.text.removeprefix("http://testserver")))
    for section in sections:
        assert section.status_code == 200
        root = ET.fromstring(section.content)
        assert {local_name(element.tag) for element in root.iter()} <= SITEMAP_ELEMENTS
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            assert loc.text.startswith("http://testserver/") and "<" not in loc.text


# The matrix


@pytest.fixture
def critic(db):
    return make_user("critic", first_name="Ada", last_name="Kritikerin")


@pytest.mark.parametrize("payload", [pytest.param(text, id=name) for name, text in PAYLOADS])
def test_hostile_text_in_every_field_is_inert_on_every_surface(client, admin_client, critic, payload):
    values = dict.fromkeys(FIELDS, payload)
    # A release title equal to the original would hide the original title on most pages.
    values["local title"] = f"{payload} (DE)"
    planted = plant(values, critic)
    for where, (kind, url) in surfaces(planted, payload).items():
        if kind == "page":
            document = parse_page(client.get(url), where)
            assert_inert(document, where)
        elif kind == "admin":
            assert_inert(parse_page(admin_client.get(url), where), where, admin=True)
        elif kind in ("rss", "atom"):
            assert_inert_feed(client.get(url), planted, where, atom=kind == "atom")
        elif kind == "sitemap":
            assert_inert_sitemap(client, client.get(url))
        elif kind == "preview":
            response = admin_client.post(url, {"text": payload})
            assert response.status_code == 200
            fragment = html5lib.parseFragment(
                response.json()["html"], treebuilder="etree", namespaceHTMLElements=False
            )
            assert_inert(fragment, where)
            assert not list(fragment.iter("script"))

    # Shown as text, neither dropped nor interpreted (a template expression stays as typed).
    review_page = parse_page(client.get(planted.review.get_absolute_url()), "review")
    assert text_of(review_page, "h1") == shown(payload)
    data = json_ld(review_page)
    assert data["name"] == payload and data["description"] == payload
    movie = data["itemReviewed"]
    assert movie["name"] == payload and movie["alternateName"] == [values["local title"]]
    assert movie["actor"][0]["characterName"] == payload and movie["actor"][0]["actor"]["name"] == payload
    film_page = parse_page(client.get(planted.film.get_absolute_url()), "film")
    film_data = json_ld(film_page)
    assert film_data["description"] == payload and film_data["review"][0]["name"] == payload
    person_page = parse_page(client.get(planted.person.get_absolute_url()), "person")
    assert text_of(person_page, "h1") == shown(payload)
    assert json_ld(person_page)["description"] == payload
    assert text_of(parse_page(client.get(planted.tag.get_absolute_url()), "tag"), "h1") == shown(payload)


def test_the_surface_table_matches_what_each_surface_shows(client, admin_client, critic):
    """Each field gets a marker of its own (mixed case, so that slugs in URLs do not count)."""
    markers = {
        field: f"Kinoschau Mk{index:02d}{field.title().replace(' ', '')}"
        for index, field in enumerate(FIELDS)
    }
    planted = plant(markers, critic)
    seen = {}
    for where, (kind, url) in surfaces(planted, "Kinoschau").items():
        if kind == "preview":
            content = admin_client.post(url, {"text": markers["body"]}).json()["html"]
        else:
            response = (admin_client if kind == "admin" else client).get(url)
            assert response.status_code == 200, where
            content = response.content.decode()
            if kind == "sitemap":
                content = "".join(
                    client.get(loc.removeprefix("http://testserver")).content.decode()
                    for loc in re.findall(r"<loc>([^<]+)</loc>", content)
                )
        marker_text = html.unescape(content)
        seen[where] = {field for field, marker in markers.items() if marker.split()[1] in marker_text}
    assert seen.keys() == {where for where in FIELDS_ON if where != "search" or search_url()}
    missing = {
        where: FIELDS_ON[where] - fields for where, fields in seen.items() if FIELDS_ON[where] - fields
    }
    assert not missing
    assert set().union(*FIELDS_ON.values()) == set(FIELDS)


def test_matrix_size(capsys):
    searched = search_url() is not None
    cells = sum(len(fields) for where, fields in FIELDS_ON.items() if searched or where != "search")
    echoes = len(ECHOES_QUERY) - (0 if searched else 1)
    total = len(PAYLOADS) * (cells + echoes)
    with capsys.disabled():
        print(
            f"\nXSS matrix: {len(PAYLOADS)} payloads × {len(FIELDS)} fields on {len(FIELDS_ON)} surfaces "
            f"= {len(PAYLOADS)} × {cells} stored field/surface pairs + {len(PAYLOADS)} × {echoes} "
            f"reflected queries = {total} checks" + ("" if searched else " (no /search/ yet)")
        )
    assert len(PAYLOADS) >= 30


def test_payloads_fit_every_field():
    assert len({name for name, _ in PAYLOADS}) == len(PAYLOADS)
    # Tag names are unique ignoring case, and at most 100 characters long.
    assert len({text.casefold() for _, text in PAYLOADS}) == len(PAYLOADS)
    assert all(0 < len(text) <= 100 for _, text in PAYLOADS)


FEED_URLS = [reverse("reviews:review_feed"), reverse("reviews:review_feed_atom")]


def test_feed_readers_get_the_teaser_as_text_not_markup(client):
    teaser = "<b>Fett</b> & <img src=x onerror=alert(1)>"
    make_review(teaser=teaser)
    for url in FEED_URLS:
        summary = feedparser.parse(client.get(url).content).entries[0].summary
        assert "<" not in summary and html.unescape(summary) == teaser, url


def test_a_vertical_tab_pasted_from_a_word_processor_does_not_break_the_feeds(client):
    review = make_review(headline="Teil\x0beins", teaser="Kurz\x0bgesagt")
    review.tags.add("Fest\x0bival")
    tag = Tag.objects.get()
    for url in [*FEED_URLS, reverse("reviews:tag_feed", args=[tag.slug])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert feedparser.parse(response.content).entries[0].title.startswith("Teileins"), url


def test_a_tag_of_punctuation_only_still_has_a_page(client):
    """A name without letters or digits slugifies to nothing, and an empty slug has no URL."""
    film = make_full_film()
    film.tags.add("???")
    tag = Tag.objects.get(name="???")
    assert tag.slug
    assert client.get(film.get_absolute_url()).status_code == 200
    assert client.get(tag.get_absolute_url()).status_code == 200


# Headers


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response, where):
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"], where
    assert "'unsafe-inline'" not in directives["default-src"], where
    assert directives["object-src"] == ["'none'"], where
    assert directives["frame-ancestors"] == ["'none'"], where
    assert directives["base-uri"] == ["'self'"], where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", where
    assert response["X-Frame-Options"] == "DENY", where


def public_urls(review):
    return [
        "/",
        "/reviews/",
        review.get_absolute_url(),
        "/films/",
        review.film.get_absolute_url(),
        review.film.roles.first().person.get_absolute_url(),
        Tag.objects.get(name="Testfestival").get_absolute_url(),
        *([f"{search_url()}?q=Film"] if search_url() else []),
        reverse("reviews:review_feed"),
        "/sitemap.xml",
        "/films/no-such-film/",
    ]


def test_public_responses_carry_a_strict_policy_and_the_security_headers(client, published_review):
    for url in public_urls(published_review):
        assert_security_headers(client.get(url), url)


def test_admin_pages_allow_inline_styles_but_never_inline_scripts(admin_client):
    response = admin_client.get(reverse("admin:reviews_review_add"))
    assert_security_headers(response, "admin")
    assert "'unsafe-inline'" in csp_directives(response)["style-src"]


def test_pages_from_the_page_cache_keep_the_security_headers(client, settings, published_review):
    settings.PAGE_CACHE_SECONDS = 600
    for url in ["/", published_review.get_absolute_url()]:
        first, second = client.get(url), client.get(url)
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
        for response in (first, second):
            assert_security_headers(response, url)
            assert "Strict-Transport-Security" not in response
        cached_https = client.get(url, secure=True)
        assert "max-age=" in cached_https["Strict-Transport-Security"]


def test_hsts_is_sent_over_https_only(client, published_review):
    url = published_review.get_absolute_url()
    assert "Strict-Transport-Security" not in client.get(url)
    hsts = client.get(url, secure=True)["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 365 * 24 * 3600
    assert "includeSubDomains" in hsts


# Content that is not public yet


FIVE_STARS = Decimal("5.0")
HIDDEN = {
    "draft": {"status": Review.Status.DRAFT},
    "in review": {"status": Review.Status.IN_REVIEW},
    "scheduled": {"status": Review.Status.PUBLISHED, "published_at_in": timedelta(days=3)},
}


@pytest.fixture(params=list(HIDDEN), ids=lambda name: name.replace(" ", "-"))
def hidden_and_visible(request, db):
    """A hidden review beside a published one of the same film, tag, language and rating, so
    every surface that lists the published one would list the hidden one too."""
    film = make_full_film("Geheimfilm")
    tag = Tag.objects.get(name="Testfestival")
    visible = make_review(
        film=film, headline="Leinwandzauber sichtbar", teaser="Sichtbar.", rating=FIVE_STARS
    )
    state = HIDDEN[request.param]
    published_at = timezone.now() + state["published_at_in"] if "published_at_in" in state else None
    hidden = make_review(
        film=film,
        headline="Leinwandzauber verborgen",
        teaser="Verborgen.",
        body="Leinwandzauber, noch nicht öffentlich.",
        rating=FIVE_STARS,
        status=state["status"],
        published_at=published_at,
    )
    for review in (visible, hidden):
        review.tags.add(tag)
    return SimpleNamespace(hidden=hidden, visible=visible, film=film, tag=tag)


def test_hidden_reviews_appear_on_no_public_surface(client, hidden_and_visible):
    case = hidden_and_visible
    hidden, visible = case.hidden, case.visible
    assert client.get(hidden.get_absolute_url()).status_code == 404
    listings = [
        "/",
        "/reviews/",
        "/reviews/?language=de",
        "/reviews/?rating=5",
        f"/reviews/?tag={case.tag.slug}",
        f"/reviews/?language=de&rating=5&tag={case.tag.slug}",
        case.film.get_absolute_url(),
        case.tag.get_absolute_url(),
        reverse("reviews:review_feed"),
        reverse("reviews:review_feed_atom"),
        reverse("reviews:tag_feed", args=[case.tag.slug]),
        reverse("reviews:tag_feed_atom", args=[case.tag.slug]),
    ]
    if search_url():
        listings.append(f"{search_url()}?q=Leinwandzauber")
    for url in listings:
        response = client.get(url)
        assert response.status_code == 200, url
        content = html.unescape(response.content.decode())
        assert visible.headline in content, url
        assert hidden.headline not in content and hidden.slug not in content, url
        assert "noch nicht öffentlich" not in content, url

    sitemap = ""
    for section in ["pages", "reviews", "films", "people", "tags"]:
        sitemap += client.get(f"/sitemap-{section}.xml").content.decode()
    assert visible.get_absolute_url() in sitemap and hidden.get_absolute_url() not in sitemap

    film_data = json_ld(parse_page(client.get(case.film.get_absolute_url()), "film"))
    assert [review["name"] for review in film_data["review"]] == [visible.headline]
    assert film_data["aggregateRating"]["ratingCount"] == 1


@pytest.mark.parametrize(
    ("user", "expected"),
    [("anonymous", 404), ("reader", 404), ("festival", 200), ("editor", 200), ("superuser", 200)],
)
def test_the_preview_of_a_hidden_review_is_for_staff_only(
    client, request, hidden_and_visible, user, expected
):
    if user != "anonymous":
        client.force_login(request.getfixturevalue(user))
    hidden = hidden_and_visible.hidden
    response = client.get(reverse("reviews:review_preview", args=[hidden.pk]))
    assert response.status_code == expected
    if expected == 200:
        assert hidden.headline in response.content.decode()
        assert response["Cache-Control"] == "private, no-store"


# Sign-in throttling

RIGHT_PASSWORD = "richtig-und-lang-genug"


@pytest.fixture
def staff_with_password(db):
    user = make_user("redaktion", is_staff=True, is_superuser=True)
    user.set_password(RIGHT_PASSWORD)
    user.save()
    return user


def sign_in(client, password, address, username="redaktion"):
    return client.post(
        f"{reverse('admin:login')}?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_that_name_from_that_address(client, staff_with_password):
    assert not AccessAttempt.objects.exists()  # each test starts afresh: attempts live in the database
    for _ in range(4):
        response = sign_in(client, "falsch", "203.0.113.7")
        assert response.status_code == 200  # the form again, with an error
        assert "errornote" in response.content.decode()
    # django-axes answers the failure that reaches the limit with its lock-out already.
    assert sign_in(client, "falsch", "203.0.113.7").status_code == 429
    locked = sign_in(client, RIGHT_PASSWORD, "203.0.113.7")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/", REMOTE_ADDR="203.0.113.7").status_code == 302


def test_a_lock_out_does_not_lock_the_editor_out_elsewhere(client, staff_with_password):
    for _ in range(6):
        sign_in(client, "falsch", "203.0.113.7")
    assert sign_in(client, RIGHT_PASSWORD, "203.0.113.7").status_code == 429
    response = sign_in(client, RIGHT_PASSWORD, "198.51.100.20")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/", REMOTE_ADDR="198.51.100.20").status_code == 200


def test_failures_for_one_name_do_not_lock_another_name(client, staff_with_password):
    for _ in range(5):
        sign_in(client, "falsch", "203.0.113.7", username="someone-else")
    assert sign_in(client, RIGHT_PASSWORD, "203.0.113.7").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, staff_with_password):
    for _ in range(4):
        sign_in(client, "falsch", "203.0.113.7")
    assert sign_in(client, RIGHT_PASSWORD, "203.0.113.7").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "falsch", "203.0.113.7").status_code == 200


# Deployment check


def run_deploy_check(**extra):
    secret_key = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(50))
    # Only what the check is about, plus what Python needs to start: none of the test
    # process's own settings (SECURE_SSL_REDIRECT=0, DATABASE_URL, …) may leak in.
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR") if name in os.environ}
    env.update(DEBUG="0", SECRET_KEY=secret_key, ALLOWED_HOSTS="reviews.example.org", **extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_ssl_redirect_off_is_flagged_by_the_deploy_check():
    result = run_deploy_check(SECURE_SSL_REDIRECT="0")
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr
