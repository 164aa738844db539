"""The editors' admin, used through real forms by each kind of user."""

import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews.models import Film, Person, Review, Role, Tag

from .adminforms import form_fields, post_data
from .conftest import make_film, make_full_film, make_person, make_review, make_role

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:reviews_{obj._meta.model_name}_change", args=[obj.pk])


def changelist_url(model):
    return reverse(f"admin:reviews_{model._meta.model_name}_changelist")


def test_groups_exist_with_their_permissions():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    festival = set(Group.objects.get(name="Festival staff").permissions.values_list("codename", flat=True))
    assert {"add_film", "change_review", "publish_review", "delete_review", "add_tag"} <= editors
    assert "delete_film" not in editors and "delete_person" not in editors
    assert festival == {"view_film", "view_review", "view_tag", "retag_film", "retag_review"}


@pytest.mark.parametrize(
    ("user", "expected"),
    [(None, 302), ("reader", 302), ("festival", 200), ("editor", 200), ("superuser", 200)],
)
def test_who_gets_into_the_admin(client, request, user, expected):
    if user:
        client.force_login(request.getfixturevalue(user))
    assert client.get("/admin/").status_code == expected


# Festival staff: tags and nothing else


def test_festival_staff_see_films_but_may_not_add_or_delete_them(client, festival):
    film = make_full_film()
    client.force_login(festival)
    assert client.get(changelist_url(Film)).status_code == 200
    assert client.get(reverse("admin:reviews_film_add")).status_code == 403
    assert client.get(reverse("admin:reviews_film_delete", args=[film.pk])).status_code == 403
    assert client.get(changelist_url(Person)).status_code == 403


def test_festival_staff_change_form_offers_only_the_tags(client, festival):
    film = make_full_film()
    client.force_login(festival)
    response = client.get(change_url(film))
    assert response.status_code == 200
    fields = form_fields(response, "film_form")
    assert set(fields) == {"csrfmiddlewaretoken", "tags", "lock_version"}


def test_festival_staff_can_retag_a_film(client, festival):
    film = make_full_film("Systemsprenger")
    client.force_login(festival)
    fields = form_fields(client.get(change_url(film)), "film_form")
    response = client.post(change_url(film), post_data(fields, tags="Testfestival, Berlinale 2019"))
    assert response.status_code == 302
    film.refresh_from_db()
    assert sorted(tag.name for tag in film.tags.all()) == ["Berlinale 2019", "Testfestival"]
    assert film.title == "Systemsprenger"


def test_a_forged_post_from_festival_staff_is_refused_and_saves_nothing(client, festival):
    film = make_full_film("Systemsprenger")
    client.force_login(festival)
    fields = form_fields(client.get(change_url(film)), "film_form")
    forged = post_data(fields, tags="Berlinale 2019", title="Hacked", year="1999")
    response = client.post(change_url(film), forged)
    assert response.status_code == 403
    film.refresh_from_db()
    assert (film.title, film.year) == ("Systemsprenger", 2019)
    assert [tag.name for tag in film.tags.all()] == ["Testfestival"]


def test_a_forged_post_on_a_review_is_refused(client, festival):
    review = make_review(body="Original.")
    client.force_login(festival)
    fields = form_fields(client.get(change_url(review)), "review_form")
    response = client.post(change_url(review), post_data(fields, tags="X", body="Defaced"))
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.body == "Original." and not review.tags.exists()


def test_festival_staff_bulk_tag_twenty_films_in_one_step(client, festival):
    films = [make_film(f"Wettbewerbsfilm {number}", 2026) for number in range(20)]
    others = make_film("Not selected", 2026)
    client.force_login(festival)
    selection = {"action": "add_tags", "_selected_action": [film.pk for film in films], "index": "0"}
    page = client.post(changelist_url(Film), selection)
    assert page.status_code == 200
    assert not Tag.objects.filter(name="Berlinale 2026").exists()
    assert 'name="tags"' in page.content.decode()
    response = client.post(changelist_url(Film), {**selection, "tags": "Berlinale 2026", "apply": "1"})
    assert response.status_code == 302
    tag = Tag.objects.get(name="Berlinale 2026")
    assert set(Film.objects.filter(tags=tag)) == set(films)
    assert not others.tags.exists()

    removal = {**selection, "action": "remove_tags", "_selected_action": [film.pk for film in films[:5]]}
    response = client.post(changelist_url(Film), {**removal, "tags": "berlinale 2026", "apply": "1"})
    assert response.status_code == 302
    assert Film.objects.filter(tags=tag).count() == 15


def test_bulk_tag_form_without_a_tag_shows_an_error_and_changes_nothing(client, festival):
    film = make_film()
    client.force_login(festival)
    data = {"action": "add_tags", "_selected_action": [film.pk], "index": "0", "tags": " , ", "apply": "1"}
    response = client.post(changelist_url(Film), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Tag.objects.exists()


def test_festival_staff_cannot_run_workflow_actions(client, festival):
    review = make_review(status=Review.Status.DRAFT)
    client.force_login(festival)
    data = {"action": "publish_now", "_selected_action": [review.pk], "index": "0"}
    client.post(changelist_url(Review), data)
    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT


# Editors


def test_editor_creates_a_film_with_a_credit_and_a_local_title(client, editor):
    person = make_person("Lone Scherfig")
    client.force_login(editor)
    fields = form_fields(client.get(reverse("admin:reviews_film_add")), "film_form")
    data = post_data(
        fields,
        title="The Kindness of Strangers",
        slug="the-kindness-of-strangers-2019",
        year="2019",
        **{
            "local_titles-TOTAL_FORMS": "1",
            "local_titles-0-language": "de",
            "local_titles-0-title": "Kleine Wunder unter Fremden",
            "roles-TOTAL_FORMS": "1",
            "roles-0-order": "1",
            "roles-0-kind": "director",
            "roles-0-person": str(person.pk),
            "roles-0-character": "",
        },
    )
    response = client.post(reverse("admin:reviews_film_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    film = Film.objects.get(slug="the-kindness-of-strangers-2019")
    assert film.local_title("de") == "Kleine Wunder unter Fremden"
    assert film.roles.get().person == person


def test_the_credit_inline_offers_the_add_person_popup(client, editor):
    client.force_login(editor)
    content = client.get(reverse("admin:reviews_film_add")).content.decode()
    assert 'id="add_id_roles-0-person"' in content
    popup = client.get(reverse("admin:reviews_person_add") + "?_to_field=id&_popup=1")
    assert popup.status_code == 200
    fields = form_fields(popup, "person_form")
    response = client.post(
        reverse("admin:reviews_person_add") + "?_to_field=id&_popup=1",
        post_data(fields, name="Sebastian Blenkov", slug="sebastian-blenkov"),
    )
    assert response.status_code == 200
    assert "popup_response" in response.content.decode()
    assert Person.objects.filter(name="Sebastian Blenkov").exists()


def test_new_review_defaults_to_the_current_user_as_author(client, editor):
    film = make_film()
    client.force_login(editor)
    fields = form_fields(client.get(reverse("admin:reviews_review_add")), "review_form")
    assert fields["author"] == [str(editor.pk)]
    data = post_data(
        fields, headline="Ein neuer Text", slug="ein-neuer-text", film=str(film.pk), body="*Gut.*"
    )
    response = client.post(reverse("admin:reviews_review_add"), data)
    assert response.status_code == 302
    review = Review.objects.get(slug="ein-neuer-text")
    assert review.author == editor and review.status == Review.Status.DRAFT
    assert review.body_html == "<p><em>Gut.</em></p>"


def test_workflow_actions_submit_publish_unpublish(client, editor):
    draft = make_review(status=Review.Status.DRAFT)
    client.force_login(editor)

    def act(action):
        client.post(changelist_url(Review), {"action": action, "_selected_action": [draft.pk], "index": "0"})
        draft.refresh_from_db()

    act("submit_for_review")
    assert draft.status == Review.Status.IN_REVIEW
    act("publish_now")
    assert draft.is_published
    act("unpublish")
    assert draft.status == Review.Status.DRAFT
    assert draft.history.count() == 4


def test_scheduled_reviews_are_labelled_in_the_list(client, editor):
    make_review(headline="Kommt noch", published_at=timezone.now() + timedelta(days=2))
    client.force_login(editor)
    content = client.get(changelist_url(Review)).content.decode()
    assert "Geplant" in content or "Scheduled" in content


def test_editors_delete_drafts_only(client, editor):
    draft = make_review(status=Review.Status.DRAFT)
    published = make_review()
    client.force_login(editor)
    assert client.get(reverse("admin:reviews_review_delete", args=[published.pk])).status_code == 403
    response = client.post(reverse("admin:reviews_review_delete", args=[draft.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Review.objects.filter(pk=draft.pk).exists()

    other_draft = make_review(status=Review.Status.DRAFT)
    bulk = {"action": "delete_selected", "_selected_action": [other_draft.pk, published.pk], "post": "yes"}
    client.post(changelist_url(Review), bulk)
    assert Review.objects.filter(pk__in=[other_draft.pk, published.pk]).count() == 2


def test_editors_may_not_delete_films_or_people(client, editor):
    film, person = make_film(), make_person()
    client.force_login(editor)
    assert client.get(reverse("admin:reviews_film_delete", args=[film.pk])).status_code == 403
    assert client.get(reverse("admin:reviews_person_delete", args=[person.pk])).status_code == 403


def test_view_on_site_of_a_draft_is_a_preview_for_staff_only(client, editor, reader):
    draft = make_review(status=Review.Status.DRAFT, headline="Noch geheim")
    preview = reverse("reviews:review_preview", args=[draft.pk])
    assert client.get(preview).status_code == 404
    client.force_login(reader)
    assert client.get(preview).status_code == 404
    client.force_login(editor)
    response = client.get(preview)
    assert response.status_code == 200
    assert "Noch geheim" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert f'href="{preview}"' in client.get(change_url(draft)).content.decode()


def test_the_preview_of_an_undated_draft_shows_no_empty_date(client, editor):
    draft = make_review(status=Review.Status.DRAFT, headline="Ohne Datum")
    assert draft.published_at is None
    client.force_login(editor)
    html = client.get(reverse("reviews:review_preview", args=[draft.pk])).content.decode()
    byline = html[html.index('<p class="byline">') :]
    byline = byline[: byline.index("</p>")]
    assert "<time" not in byline and "· ·" not in " ".join(byline.split())
    assert "minute" in byline.lower()  # the reading time stays


def test_markdown_preview_returns_sanitised_html(client, editor):
    url = reverse("admin:reviews_review_preview")
    assert client.post(url, {"text": "*x*"}).status_code == 302  # anonymous: to the login page
    client.force_login(editor)
    response = client.post(url, {"text": "Ein **kluger** Film <script>alert(1)</script>"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<strong>kluger</strong>" in html and "<script" not in html


# Conflicts and history


def test_the_second_of_two_concurrent_saves_is_refused_and_nothing_is_lost(client, editor, second_editor):
    review = make_review(headline="Erste Fassung", body="Text.", teaser="Alt.")
    client.force_login(editor)
    first_form = form_fields(client.get(change_url(review)), "review_form")
    client.force_login(second_editor)
    second_form = form_fields(client.get(change_url(review)), "review_form")

    client.force_login(editor)
    response = client.post(
        change_url(review), post_data(first_form, teaser="Neuer Vorspann von Redakteur 1.")
    )
    assert response.status_code == 302

    client.force_login(second_editor)
    response = client.post(change_url(review), post_data(second_form, headline="Zweite Fassung"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "editor1" in content
    assert "Neuer Vorspann von Redakteur 1." in content  # what the colleague changed
    assert 'value="Zweite Fassung"' in content  # the second editor's input is kept in the form
    review.refresh_from_db()
    assert review.teaser == "Neuer Vorspann von Redakteur 1."
    assert review.headline == "Erste Fassung"

    # Saving again, now knowingly, goes through.
    again = form_fields(response, "review_form")
    assert client.post(change_url(review), post_data(again)).status_code == 302
    review.refresh_from_db()
    assert review.headline == "Zweite Fassung"


def test_history_shows_changes_and_restores_an_earlier_version(client, editor):
    review = make_review(headline="Erste Fassung", body="Erster Text.")
    client.force_login(editor)
    for headline in ["Zweite Fassung", "Dritte Fassung"]:
        fields = form_fields(client.get(change_url(review)), "review_form")
        assert client.post(change_url(review), post_data(fields, headline=headline)).status_code == 302
    history_url = reverse("admin:reviews_review_history", args=[review.pk])
    history = client.get(history_url)
    assert history.status_code == 200
    assert "Dritte Fassung" in history.content.decode() and "editor1" in history.content.decode()

    first = review.history.order_by("history_date").first()
    restore_url = reverse("admin:reviews_review_simple_history", args=[review.pk, first.history_id])
    restore_form = client.get(restore_url)
    assert restore_form.status_code == 200
    fields = form_fields(restore_form, "historicalreview_form")
    assert fields["headline"] == ["Erste Fassung"]
    assert client.post(restore_url, post_data(fields)).status_code == 302
    review.refresh_from_db()
    assert review.headline == "Erste Fassung"
    assert review.history.count() == 4


# Checks on the review page


def test_review_change_page_lists_missing_credits_and_adds_one(client, editor):
    film = make_film("The Kindness of Strangers", 2019)
    make_role(film, make_person("Zoe Kazan"), Role.Kind.ACTOR, character="Clara")
    review = make_review(
        film=film,
        body="Clara (Zoe Kazan) flieht. Marc (Tahar Rahim) kocht. Alice (Andrea Riseborough) hilft.",
    )
    client.force_login(editor)
    content = client.get(change_url(review)).content.decode()
    assert "Tahar Rahim" in content and "Andrea Riseborough" in content
    add_url = reverse("admin:reviews_review_add_credit", args=[review.pk])
    response = client.post(add_url, {"credit": "actor|Tahar Rahim|Marc"})
    assert response.status_code == 302
    assert film.roles.filter(person__name="Tahar Rahim", character="Marc").exists()
    client.post(add_url, {"credit": "actor|Tahar Rahim|Marc"})
    assert film.roles.filter(person__name="Tahar Rahim").count() == 1
    client.post(add_url, {"credit": "actor|Somebody Else|Nobody"})
    assert not Person.objects.filter(name="Somebody Else").exists()


def test_review_change_page_warns_about_misspelt_names_and_titles(client, editor):
    film = make_film("The Kindness of Strangers", 2019)
    film.local_titles.create(language="de", title="The Kindness of Strangers – Kleine Wunder unter Fremden")
    make_role(film, make_person("Tahar Rahim"), Role.Kind.ACTOR, character="Marc")
    review = make_review(film=film, body="In „Kleine Wunder unter Freunden“ spielt Tahar Ramin den Marc.")
    client.force_login(editor)
    content = client.get(change_url(review)).content.decode()
    assert "Tahar Ramin" in content and "Kleine Wunder unter Freunden" in content


# Fixed query counts on list pages


_rows = itertools.count()


def grow(model, rows):
    """Add `rows` rows shown on the model's list page, with what its columns display."""
    numbers = [next(_rows) for _ in range(rows)]
    if model in (Film, Person):
        films = Film.objects.bulk_create(
            [Film(title=f"Film {n}", slug=f"film-{n}", year=1950 + n % 70) for n in numbers]
        )
        people = Person.objects.bulk_create([Person(name=f"P {n}", slug=f"p-{n}") for n in numbers])
        Role.objects.bulk_create(
            [
                Role(film=film, person=person, kind="director")
                for film, person in zip(films, people, strict=True)
            ]
        )
        tag, _ = Tag.objects.get_or_create(name="Viel", slug="viel")
        Film.tags.through.objects.bulk_create(
            [Film.tags.through(content_object=film, tag=tag) for film in films]
        )
    elif model is Review:
        existing = make_review()
        reviews = [
            Review(
                film=existing.film,
                author=existing.author,
                headline=f"R {n}",
                slug=f"r-{n}",
                status=Review.Status.PUBLISHED,
                published_at=timezone.now() - timedelta(days=n),
            )
            for n in numbers
        ]
        Review.objects.bulk_create(reviews)
    elif model is Tag:
        Tag.objects.bulk_create([Tag(name=f"T {n}", slug=f"t-{n}") for n in numbers])


@pytest.mark.parametrize("model", [Film, Person, Review, Tag])
def test_admin_list_pages_run_a_fixed_number_of_queries(client, superuser, model):
    client.force_login(superuser)
    url = changelist_url(model)
    counts = []
    for rows in (10, 490):
        grow(model, rows)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_superuser_may_delete_a_published_review(client, superuser):
    published = make_review()
    client.force_login(superuser)
    response = client.post(reverse("admin:reviews_review_delete", args=[published.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Review.objects.filter(pk=published.pk).exists()


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"status__exact": "published"},
        {"status__exact": "draft"},  # one dated draft: Django opens on its month
        {"language__exact": "en"},  # one year
        {"status__exact": "in_review"},  # no rows
        {"q": "Review"},
        {"published_at__year": "2019"},
    ],
)
def test_review_list_years_are_the_ones_django_would_show(rf, superuser, query):
    from datetime import datetime

    from django.contrib.admin import site
    from django.contrib.admin.templatetags.admin_list import date_hierarchy

    from reviews.templatetags.review_admin import review_date_hierarchy

    def berlin(*args):
        return timezone.make_aware(datetime(*args))

    # Gaps (2020, 2022, 2023), a year's last minutes in Berlin (already the next year in UTC
    # terms would be the other way round), drafts with and without a date, English and German.
    for when, status, language in [
        (berlin(2019, 3, 1, 12), "published", "de"),
        (berlin(2019, 12, 31, 23, 30), "published", "en"),
        (berlin(2021, 1, 1, 0, 15), "draft", "de"),
        (berlin(2024, 6, 1, 9), "published", "de"),
        (None, "draft", "en"),
    ]:
        make_review(status=status, published_at=when, language=language)
    request = rf.get("/admin/reviews/review/", query)
    request.user = superuser
    changelist = site._registry[Review].get_changelist_instance(request)
    with CaptureQueriesContext(connection) as ours:
        mine = review_date_hierarchy(changelist)
    with CaptureQueriesContext(connection) as djangos:
        expected = date_hierarchy(changelist)
    assert mine == expected
    assert len(ours.captured_queries) <= len(djangos.captured_queries)


def test_review_list_shows_its_years_as_links(admin_client):
    from datetime import datetime

    for year in (2018, 2020):
        make_review(published_at=timezone.make_aware(datetime(year, 5, 1)))
    response = admin_client.get("/admin/reviews/review/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "?published_at__year=2018" in html and "?published_at__year=2020" in html
    assert "?published_at__year=2019" not in html
