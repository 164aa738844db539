"""The model: constraints enforced by the database, published(), derived fields."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import timezone
from django.utils.translation import override

from reviews.models import LANGUAGE_CHOICES, Film, LocalTitle, Review, Role, Tag
from reviews.models.base import slug_url

from .conftest import make_film, make_person, make_review, make_role, make_user

pytestmark = pytest.mark.django_db


def test_a_duplicate_credit_is_refused_by_the_database():
    film, person = make_film(), make_person()
    make_role(film, person, Role.Kind.ACTOR, character="Clara")
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.bulk_create([Role(film=film, person=person, kind=Role.Kind.ACTOR, character="Clara")])


def test_the_same_person_may_play_two_characters_and_direct():
    film, person = make_film(), make_person()
    make_role(film, person, Role.Kind.ACTOR, character="Clara")
    make_role(film, person, Role.Kind.ACTOR, character="Clara's sister")
    make_role(film, person, Role.Kind.DIRECTOR)
    assert film.roles.count() == 3


def test_only_actors_have_characters():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role(make_film(), make_person(), Role.Kind.DIRECTOR, character="Clara")


def test_an_unknown_credit_kind_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role(make_film(), make_person(), kind="caterer")


@pytest.mark.parametrize("rating", ["0.5", "1.0", "2.5", "5.0"])
def test_ratings_on_the_half_star_scale_are_stored(rating):
    review = make_review(rating=Decimal(rating))
    review.refresh_from_db()
    assert review.rating == Decimal(rating)


@pytest.mark.parametrize("rating", ["0.0", "5.5", "4.3", "-1.0", "9.0"])
def test_ratings_off_the_scale_are_refused_by_the_database(rating):
    review = make_review()
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(rating=Decimal(rating))
    review.refresh_from_db()
    assert review.rating == Decimal("3.5")


def test_a_review_without_rating_is_allowed():
    assert make_review(rating=None).rating is None


def test_a_published_review_needs_a_publish_time():
    review = make_review(status=Review.Status.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(status=Review.Status.PUBLISHED, published_at=None)


def test_publishing_without_a_time_publishes_now():
    review = make_review(status=Review.Status.DRAFT)
    review.status = Review.Status.PUBLISHED
    review.save(update_fields=["status"])
    review.refresh_from_db()
    assert review.published_at is not None
    assert review in Review.objects.published()


def test_published_excludes_drafts_reviews_in_review_and_scheduled_reviews():
    now = timezone.now()
    published = make_review(published_at=now - timedelta(minutes=1))
    make_review(status=Review.Status.DRAFT)
    make_review(status=Review.Status.IN_REVIEW)
    scheduled = make_review(published_at=now + timedelta(hours=1))
    assert list(Review.objects.published()) == [published]
    assert scheduled.is_scheduled and not scheduled.is_published
    assert published.is_published and not published.is_scheduled


def test_slugs_are_unique_and_made_from_the_title():
    first = make_film("Undine", 2020)
    second = make_film("Undine", 2020)
    assert first.slug == "undine-2020"
    assert second.slug == "undine-2020-2"
    with pytest.raises(IntegrityError), transaction.atomic():
        Film.objects.filter(pk=second.pk).update(slug=first.slug)


def test_film_year_must_be_plausible():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_film(year=1066)


def test_deleting_a_film_with_credits_or_reviews_is_refused():
    film = make_film()
    make_role(film, make_person(), Role.Kind.DIRECTOR)
    with pytest.raises(ProtectedError):
        film.delete()
    reviewed = make_film()
    make_review(film=reviewed)
    with pytest.raises(ProtectedError):
        reviewed.delete()


def test_deleting_a_credited_person_is_refused():
    person = make_person()
    make_role(make_film(), person, Role.Kind.ACTOR, character="Marc")
    with pytest.raises(ProtectedError):
        person.delete()


def test_deleting_an_author_with_reviews_is_refused():
    author = make_user()
    make_review(author=author)
    with pytest.raises(ProtectedError):
        author.delete()


def test_body_is_rendered_once_on_save_and_sanitised():
    review = make_review(body="Ein *starker* Film.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))")
    assert "<em>starker</em>" in review.body_html
    assert "<script" not in review.body_html
    assert 'href="javascript' not in review.body_html
    review.body = "Neu."
    review.save(update_fields=["body"])
    review.refresh_from_db()
    assert review.body_html == "<p>Neu.</p>"


def test_tags_differing_only_in_case_are_one_tag():
    film = make_film()
    film.tags.add("Berlinale 2019")
    make_film().tags.add("berlinale 2019")
    assert Tag.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(name="BERLINALE 2019", slug="other")


def test_unicode_tag_slug_reverses_to_a_url():
    film = make_film()
    film.tags.add("Eröffnungsfilm")
    tag = Tag.objects.get()
    assert tag.slug == "eröffnungsfilm"
    assert tag.get_absolute_url() == "/tags/er%C3%B6ffnungsfilm/"


def test_local_title_follows_the_active_language():
    from django.utils import translation

    from reviews.models import LocalTitle

    film = make_film("The Kindness of Strangers", 2019)
    LocalTitle.objects.create(film=film, language="de", title="Kleine Wunder unter Fremden")
    with translation.override("de"):
        assert film.display_title() == "Kleine Wunder unter Fremden"
    with translation.override("en"):
        assert film.display_title() == "The Kindness of Strangers"


@pytest.mark.parametrize(
    "view_name", ["reviews:film_detail", "reviews:person_detail", "reviews:review_detail"]
)
@pytest.mark.parametrize("slug", ["der-lange-sommer-1987", "a", "x_y-2", "2019"])
def test_slug_url_is_what_reverse_gives(view_name, slug):
    assert slug_url(view_name, slug) == reverse(view_name, args=[slug])


@pytest.mark.parametrize("slug", ["eröffnungsfilm", "berlinale-2019", "a b", "100%"])
def test_slug_url_quotes_tag_slugs_as_reverse_does(slug):
    assert slug_url("reviews:tag_detail", slug) == reverse("reviews:tag_detail", args=[slug])


def test_slug_url_checks_what_is_not_a_slug_as_reverse_does():
    for slug in ["", "über", "a/b"]:
        with pytest.raises(NoReverseMatch):
            slug_url("reviews:film_detail", slug)


def test_slug_url_follows_the_script_prefix():
    reverse("reviews:film_detail", args=["warm"])
    try:
        set_script_prefix("/magazin/")
        assert slug_url("reviews:film_detail", "der-film-2020") == "/magazin/films/der-film-2020/"
    finally:
        set_script_prefix("/")
    assert slug_url("reviews:film_detail", "der-film-2020") == "/films/der-film-2020/"


@pytest.mark.parametrize("code", ["fr", "de", "en", "pt-br", "zz"])
def test_language_names_are_what_django_would_display(code):
    film = Film(title="x", year=2000, original_language=code)
    title = LocalTitle(film=film, language=code, title="y")
    for interface in ("de", "en"):
        with override(interface):
            expected = str(dict(LANGUAGE_CHOICES).get(code, code))
            assert film.get_original_language_display() == expected
            assert title.get_language_display() == expected
    with override("de"):
        assert Film(original_language="fr").get_original_language_display() == "Französisch"
