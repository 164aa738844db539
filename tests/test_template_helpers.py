"""The macros of templates/includes/macros.html and the helpers they use (reviews/templating.py)."""

import datetime
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.template import engines
from django.utils import timezone
from django.utils.translation import override

from reviews.models import LocalTitle, Review
from reviews.templating import _long_date, long_date, rating_glyphs, rating_label

from .conftest import make_film, make_person, make_review, make_role, make_user
from .xss_payloads import PAYLOADS


def macro(name, *args, **kwargs):
    """Call one macro of the includes file, as a page would."""
    template = engines["jinja2"].env.get_template("includes/macros.html")
    return str(getattr(template.module, name)(*args, **kwargs))


@pytest.mark.parametrize(
    ("rating", "glyphs"),
    [("0.5", "½☆☆☆☆"), ("1.0", "★☆☆☆☆"), ("3.5", "★★★½☆"), ("5.0", "★★★★★")],
)
def test_ratings_are_five_glyphs_with_a_half(rating, glyphs):
    assert rating_glyphs(Decimal(rating)) == glyphs


def test_a_rating_says_its_value_in_the_readers_language():
    with override("de"):
        assert rating_label(Decimal("4.5")) == "4,5 von 5 Sternen"
        assert 'aria-label="4,5 von 5 Sternen"' in macro("stars", Decimal("4.5"))
    with override("en"):
        assert rating_label(Decimal("4.5")) == "4.5 of 5 stars"
    assert macro("stars", None) == ""


def test_long_dates_follow_the_language_and_the_sites_time_zone():
    day = datetime.date(2019, 2, 7)
    with override("de"):
        assert _long_date(day, "de") == "7. Februar 2019"
        # 23:30 UTC is already the next day in Berlin.
        late = datetime.datetime(2019, 2, 6, 23, 30, tzinfo=datetime.UTC)
        assert long_date(late) == "7. Februar 2019"
    with override("en"):
        assert "2019" in _long_date(day, "en") and "Feb" in _long_date(day, "en")
    assert long_date(None) == ""


class Elements(HTMLParser):
    """The elements and attributes of a piece of HTML, without its text."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, sorted(name for name, _value in attrs)))


def card_of(text):
    film = make_film(text[:150], 2019)
    LocalTitle.objects.create(film=film, language="de", title=text[:200])
    author = make_user(first_name=text[:100], last_name="")
    review = make_review(film=film, author=author, headline=text[:200], teaser=text)
    with override("de"):
        return macro("review_card", Review.objects.published().for_cards().get(pk=review.pk))


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "payload"), PAYLOADS[:20])
def test_a_card_escapes_every_text_it_shows(name, payload):
    assert Elements(card_of(payload)).found == Elements(card_of("Harmless")).found


@pytest.mark.django_db
def test_a_card_shows_the_film_by_the_readers_title_and_the_review_by_its_byline():
    film = make_film("The Kindness of Strangers", 2019)
    LocalTitle.objects.create(film=film, language="de", title="Kleine Wunder unter Fremden")
    author = make_user(first_name="Johanna", last_name="Keßler")
    review = make_review(
        film=film, author=author, headline="Warm", teaser="Ein Film.", language="en", rating=Decimal("3.5")
    )
    with override("de"):
        html = macro("review_card", Review.objects.published().for_cards().get(), heading_level=2)
    assert '<p class="card-film">Kleine Wunder unter Fremden <span class="year">2019</span></p>' in html
    assert f'<h2 class="card-title" lang="en"><a href="{review.get_absolute_url()}">Warm</a></h2>' in html
    assert '<p class="card-teaser" lang="en">Ein Film.</p>' in html
    published = timezone.localtime(review.published_at)
    assert f'<span>Johanna Keßler</span> · <time datetime="{published.isoformat()}">' in html
    assert '<span class="language-badge">Englisch</span>' in html
    assert "★★★½☆" in html


@pytest.mark.django_db
def test_credits_link_each_person_once_with_the_character():
    film = make_film()
    make_role(film, make_person("Zoe Kazan"), character="Clara", order=1)
    make_role(film, make_person("Lone Scherfig"), kind="director")
    make_role(film, make_person("Sebastian Blenkov"), kind="camera")
    credits, _tags = film.facts()
    with override("en"):
        html = macro("credit_list", credits)
    assert '<ul class="credits cast"><li><a href="/people/zoe-kazan/">Zoe Kazan</a>' in html
    assert '<span class="character">as Clara</span>' in html
    assert '<dd><a href="/people/sebastian-blenkov/">Sebastian Blenkov</a></dd>' in html
