"""The readers' site beyond the basic pages: structured data, feeds, sitemap, languages, markup."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import feedparser
import html5lib
import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from reviews import views
from reviews.markup import link_first_mentions
from reviews.models import Film, Person, Review, Tag

from .conftest import make_film, make_full_film, make_person, make_review, make_role

pytestmark = pytest.mark.django_db

KINDNESS = "the-kindness-of-strangers-2019"


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def demo_review():
    return Review.objects.published().get(film__slug=KINDNESS, language="de")


def test_review_json_ld_has_every_property(client, demo):
    review = demo_review()
    data = json_ld(client.get(review.get_absolute_url()))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Review"
    assert data["name"] == review.headline and data["inLanguage"] == "de"
    assert data["author"] == {"@type": "Person", "name": "Johanna Keßler"}
    assert data["datePublished"].startswith("2019-02-07")
    assert data["publisher"]["@type"] == "Organization"
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": "3",
        "bestRating": "5",
        "worstRating": "0.5",
    }
    movie = data["itemReviewed"]
    assert movie["@type"] == "Movie" and movie["name"] == "The Kindness of Strangers"
    assert movie["alternateName"] == ["The Kindness of Strangers – Kleine Wunder unter Fremden"]
    assert movie["dateCreated"] == "2019"
    assert movie["image"].startswith("http://testserver/media/posters/")
    assert [director["name"] for director in movie["director"]] == ["Lone Scherfig"]
    clara = movie["actor"][0]
    assert clara["@type"] == "PerformanceRole" and clara["characterName"] == "Clara"
    assert clara["actor"]["name"] == "Zoe Kazan"
    assert (
        clara["actor"]["url"] == "http://testserver" + Person.objects.get(name="Zoe Kazan").get_absolute_url()
    )
    assert movie["sameAs"] == ["https://en.wikipedia.org/wiki/The_Kindness_of_Strangers_(film)"]


def test_json_ld_cannot_be_closed_by_a_headline(client):
    review = make_review(headline="</script><script>alert(1)</script>", teaser="a & b <i>")
    content = client.get(review.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_film_and_person_pages_carry_movie_and_person_data(client, demo):
    film = Film.objects.get(slug=KINDNESS)
    data = json_ld(client.get(film.get_absolute_url()))
    assert data["@type"] == "Movie" and data["duration"] == "PT112M"
    assert data["aggregateRating"]["ratingCount"] == 1
    assert [review["name"] for review in data["review"]] == [demo_review().headline]
    person = json_ld(client.get(Person.objects.get(name="Lone Scherfig").get_absolute_url()))
    assert person["@type"] == "Person" and person["birthDate"] == "1959-05-02"


def test_pages_have_title_description_canonical_and_open_graph(client, demo):
    review = demo_review()
    content = client.get(review.get_absolute_url()).content.decode()
    assert f"<title>{review.headline} – " in content
    assert '<meta name="description" content="' in content
    assert f'<link rel="canonical" href="http://testserver{review.get_absolute_url()}">' in content
    assert '<meta property="og:type" content="article">' in content
    assert '<meta property="og:image" content="http://testserver/media/posters/' in content
    assert 'type="application/rss+xml"' in content and 'type="application/atom+xml"' in content


@pytest.mark.parametrize("url", ["/feeds/reviews/", "/feeds/reviews/atom/"])
def test_feeds_parse_and_list_only_published_reviews(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("rss20" if "atom" not in url else "atom10")
    titles = [entry.title for entry in feed.entries]
    published = Review.objects.published()
    assert len(titles) == published.count()
    hidden = [review for review in Review.objects.all() if not review.is_published]
    assert hidden
    for review in hidden:
        assert not any(title.startswith(review.headline) for title in titles)
    kindness = next(entry for entry in feed.entries if entry.title.startswith(demo_review().headline))
    assert {tag.term for tag in kindness.tags} == {"Berlinale 2019", "Eröffnungsfilm"}


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_each_tag_has_a_feed(client, demo, suffix):
    tag = Tag.objects.get(name="Eröffnungsfilm")
    response = client.get(f"/feeds/tags/{tag.slug}/{suffix}")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title.split(" (")[0] for entry in feed.entries] == [demo_review().headline]
    assert (
        f'href="/feeds/tags/{tag.slug}/"'
        in client.get(tag.get_absolute_url()).content.decode().replace("%C3%B6", "ö")
        or "/feeds/tags/er%C3%B6ffnungsfilm/" in client.get(tag.get_absolute_url()).content.decode()
    )
    assert client.get("/feeds/tags/no-such-tag/").status_code == 404


def test_sitemap_lists_published_content_with_lastmod_and_no_hidden_review(client, demo):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index.content.decode())
    assert set(sections) == {
        f"/sitemap-{name}.xml" for name in ["pages", "reviews", "films", "people", "tags"]
    }
    urls = []
    for section in sections:
        content = client.get(section).content.decode()
        urls += re.findall(r"<loc>http://testserver([^<]+)</loc>", content)
        if section != "/sitemap-pages.xml":
            assert content.count("<lastmod>") == content.count("<url>")
    for review in Review.objects.all():
        assert (review.get_absolute_url() in urls) == review.is_published
    assert Film.objects.get(slug=KINDNESS).get_absolute_url() in urls
    assert "/tags/berlinale-2019/" in urls


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_language_switch_keeps_the_reader_on_the_page(client, demo):
    film = Film.objects.get(slug=KINDNESS)
    german = client.get(film.get_absolute_url()).content.decode()
    assert "<h1>The Kindness of Strangers – Kleine Wunder unter Fremden" in german
    assert "Besetzung" in german and "7. Februar 2019" in german
    response = client.get(f"/language/?language=en&next={film.get_absolute_url()}")
    assert response.status_code == 302 and response["Location"] == film.get_absolute_url()
    english = client.get(film.get_absolute_url()).content.decode()
    assert '<html lang="en">' in english and "<h1>The Kindness of Strangers <span" in english
    assert "The Kindness of Strangers – Kleine Wunder unter Fremden" in english  # the other title beside
    assert "Cast" in english and "Feb. 7, 2019" in english


def test_language_switch_refuses_foreign_redirects_and_unknown_languages(client, db):
    response = client.get("/language/?language=xx&next=https://evil.example/")
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


def test_review_body_links_first_mentions_and_uses_german_quotes(client):
    film = make_film("Transit", 2018)
    make_role(film, make_person("Franz Rogowski"), "actor", "Georg")
    review = make_review(
        film=film, language="de", body='Georg (Franz Rogowski) sagt "ja". Franz Rogowski -- wieder.'
    )
    html = review.body_html
    assert html.count('class="person-link"') == 1
    assert "„ja“" in html and "–" in html
    make_role(film, make_person("Paula Beer"), "actor", "Marie")
    review.body += "\n\nPaula Beer spielt Marie."
    review.save()
    assert review.body_html.count('class="person-link"') == 2


def test_two_people_of_one_name_link_the_same_way_whatever_the_order():
    # The text cannot tell which John Carter is meant; the link must not depend on the order of
    # the credits or on the process (generated data is the same for a seed on every run).
    names = [f"John Carter {letter}" for letter in "ABCDEFGH"]
    html = "<p>" + " und ".join(names) + ".</p>"
    people = [(name, f"/people/{slug}-{name[-1].lower()}/") for name in names for slug in ("second", "first")]
    for order in (people, people[::-1]):
        linked = link_first_mentions(html, order)
        assert linked.count('class="person-link"') == len(names)
        assert "/people/second-" not in linked


def test_credits_added_later_are_linked_in_existing_reviews(db, django_capture_on_commit_callbacks):
    film = make_film("Undine", 2020)
    review = make_review(film=film, body="Paula Beer ist Undine.")
    assert "person-link" not in review.body_html
    # The reviews are rendered again when the credit's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        make_role(film, make_person("Paula Beer"), "actor", "Undine")
    review.refresh_from_db()
    assert 'class="person-link">Paula Beer</a>' in review.body_html


@pytest.mark.parametrize(
    ("query", "visible", "hidden"),
    [
        ("?language=en", ["English one"], ["Deutsch eins"]),
        ("?rating=4", ["English one"], ["Deutsch eins"]),
        ("?tag=festival", ["Deutsch eins"], ["English one"]),
        ("?language=xx&rating=99&tag=' OR 1=1", ["English one", "Deutsch eins"], []),
    ],
)
def test_archive_filters(client, query, visible, hidden):
    german = make_review(headline="Deutsch eins", language="de", rating=Decimal("2.5"))
    german.tags.add("Festival")
    make_review(headline="English one", language="en", rating=Decimal("4.5"))
    content = client.get("/reviews/" + query).content.decode()
    for headline in visible:
        assert headline in content
    for headline in hidden:
        assert headline not in content


def test_film_index_by_letter_and_by_year(client, db):
    make_film("Afire", 2023)
    make_film("Transit", 2018)
    make_film("tom at the farm", 2013)
    make_film("Über alles", 1999)
    by_letter = client.get("/films/?letter=T").content.decode()
    assert "Transit" in by_letter and "Afire" not in by_letter
    # A lower-case initial is filed under its letter, an umlaut under none of A–Z.
    assert by_letter.index("Transit") < by_letter.index("tom at the farm")
    assert (
        "Über alles" not in by_letter and "Über alles" not in client.get("/films/?letter=U").content.decode()
    )
    assert "tom at the farm" in client.get("/films/?letter=t").content.decode()
    by_year = client.get("/films/?order=year").content.decode()
    assert by_year.index("2023") < by_year.index("2018")


def public_urls():
    review = demo_review()
    return [
        "/",
        "/reviews/",
        "/reviews/?language=de&rating=3",
        review.get_absolute_url(),
        "/films/",
        "/films/?order=year",
        review.film.get_absolute_url(),
        Person.objects.get(name="Zoe Kazan").get_absolute_url(),
        "/tags/berlinale-2019/",
        "/tags/eröffnungsfilm/",
        "/films/does-not-exist/",
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_is_well_formed_html(client, demo, language):
    client.cookies["django_language"] = language
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for url in public_urls():
        response = client.get(url)
        parser.parse(response.content.decode())  # raises on any parse error
        assert f'<html lang="{language}">' in response.content.decode()


def test_images_state_their_size_and_offer_webp_renditions(client, demo, media_root):
    film = Film.objects.get(slug=KINDNESS)
    content = client.get(film.get_absolute_url()).content.decode()
    img = re.search(r"<img [^>]*poster[^>]*>", content).group(0)
    assert f'width="{film.poster_width}"' in img and f'height="{film.poster_height}"' in img
    srcset = re.search(r'<source type="image/webp" srcset="([^"]+)"', content).group(1)
    for candidate in srcset.split(", "):
        url, width = candidate.split(" ")
        assert (media_root / url.removeprefix("/media/")).exists(), url
    home = client.get("/").content.decode()
    assert 'loading="lazy"' in home


@pytest.mark.parametrize("reviews", [10, 1000])
def test_public_pages_run_the_same_queries_at_10_and_1000_reviews(
    client, reviews, django_assert_max_num_queries
):
    film = make_full_film("Viel besprochen")
    author = make_review(film=film).author
    tag = Tag.objects.get(name="Testfestival")
    now = timezone.now()
    created = Review.objects.bulk_create(
        [
            Review(
                film=film,
                author=author,
                headline=f"Kritik {n}",
                slug=f"kritik-{n}",
                status=Review.Status.PUBLISHED,
                published_at=now - timedelta(hours=n + 1),
                rating=Decimal("3.0"),
            )
            for n in range(reviews)
        ]
    )
    Review.tags.through.objects.bulk_create([Review.tags.through(content_object=r, tag=tag) for r in created])
    person = film.roles.filter(kind="actor").first().person
    expected = {
        "/": 2,
        "/reviews/": 4,  # the first to read the content version, on a cold cache
        "/reviews/?tag=testfestival": 3,  # + the tag; the filter's tags are kept from "/reviews/"
        created[0].get_absolute_url(): 2,
        "/films/": 2,
        film.get_absolute_url(): 3,
        person.get_absolute_url(): 2,
        tag.get_absolute_url(): 5,  # the version is read; the counts of reviews and films
        "/feeds/reviews/": 2,  # reviews with film, author and the film's title; their tags
        f"/feeds/tags/{tag.slug}/": 3,  # + the tag
    }
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url, count in expected.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        assert len(queries) == count, (url, [q["sql"][:120] for q in queries])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL plan")
def test_the_film_index_finds_a_letter_through_its_index(db):
    make_film("Melancholia", 2011)
    films = views.FilmListView(request=RequestFactory().get("/films/", {"letter": "M"}), kwargs={})
    with connection.cursor() as cursor:
        # On a table this small any plan is cheap: rule out the whole-table scan, and see that
        # the filter lets the index of initials answer it (by `istartswith` it could not).
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = films.get_queryset().explain()
    assert "film_initial_title_idx" in plan
