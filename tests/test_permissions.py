"""
Who may do what in the admin, as tables: every admin URL, every state-changing request and
every admin action, for each kind of visitor.

Each table row lists the expected outcome for anonymous visitors, signed-in readers (not
staff), festival staff (tags only), editors and superusers; every cell is a test of its
own. Requests that change data assert their effect as well as the status: a request that
is refused must leave the database as it was.
"""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Film, Person, Review, Role, Tag

from .adminforms import form_fields, post_data
from .conftest import make_film, make_person, make_review, make_role

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "reader", "festival", "editor", "superuser"]
# The admin sends visitors who are not staff to its login page.
LOGIN = "login"


def row(anonymous, reader, festival, editor, superuser):
    return dict(zip(USERS, [anonymous, reader, festival, editor, superuser], strict=True))


def cells(table):
    return [
        pytest.param(key, user, expected[user], id=f"{key}-{user}")
        for key, expected in table.items()
        for user in USERS
    ]


@pytest.fixture
def world(db):
    """One of everything the admin shows, with history, and a review that names a missing credit."""
    film = make_film("Erste Fassung", 2019)
    film.title = "Zweite Fassung"
    film.save()
    make_role(film, make_person("Zoe Kazan"), Role.Kind.ACTOR, character="Clara")
    draft = make_review(
        film=film, status=Review.Status.DRAFT, headline="Entwurf", body="Marc (Tahar Rahim) kocht."
    )
    draft.headline = "Entwurf, überarbeitet"
    draft.save()
    in_review = make_review(film=film, status=Review.Status.IN_REVIEW, headline="In Prüfung")
    published = make_review(film=film, headline="Veröffentlicht")
    tag = Tag.objects.create(name="Berlinale 2019")
    film.tags.add(tag)
    published.tags.add(tag)
    return SimpleNamespace(
        film=film,
        person=make_person("Lone Scherfig"),
        tag=tag,
        draft=draft,
        in_review=in_review,
        published=published,
        # Nothing refers to these, so whoever may delete them can.
        bare_film=make_film("Ohne Abspann", 2020),
        bare_person=make_person("Niemand"),
        bare_tag=Tag.objects.create(name="Ungenutzt"),
    )


@pytest.fixture
def superuser_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def sign_in(client, request, user):
    if user != "anonymous":
        client.force_login(request.getfixturevalue(user))


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


def first_version(obj):
    return obj.history.order_by("history_date", "history_id").first().history_id


def assert_status(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith(reverse("admin:login")), response["Location"]
    else:
        assert response.status_code == expected


# GET every admin page

PAGES = {
    "index": lambda w: admin_url("index"),
    "app-reviews": lambda w: reverse("admin:app_list", args=["reviews"]),
    "app-auth": lambda w: reverse("admin:app_list", args=["auth"]),
    "film-changelist": lambda w: admin_url("reviews_film_changelist"),
    "film-add": lambda w: admin_url("reviews_film_add"),
    "film-change": lambda w: admin_url("reviews_film_change", w.film.pk),
    "film-delete": lambda w: admin_url("reviews_film_delete", w.bare_film.pk),
    "film-history": lambda w: admin_url("reviews_film_history", w.film.pk),
    "film-version": lambda w: admin_url("reviews_film_simple_history", w.film.pk, first_version(w.film)),
    "person-changelist": lambda w: admin_url("reviews_person_changelist"),
    "person-add": lambda w: admin_url("reviews_person_add"),
    "person-change": lambda w: admin_url("reviews_person_change", w.person.pk),
    "person-delete": lambda w: admin_url("reviews_person_delete", w.bare_person.pk),
    "person-history": lambda w: admin_url("reviews_person_history", w.person.pk),
    "review-changelist": lambda w: admin_url("reviews_review_changelist"),
    "review-add": lambda w: admin_url("reviews_review_add"),
    "review-change": lambda w: admin_url("reviews_review_change", w.draft.pk),
    "review-delete-draft": lambda w: admin_url("reviews_review_delete", w.draft.pk),
    "review-delete-published": lambda w: admin_url("reviews_review_delete", w.published.pk),
    "review-history": lambda w: admin_url("reviews_review_history", w.draft.pk),
    "review-version": lambda w: admin_url(
        "reviews_review_simple_history", w.draft.pk, first_version(w.draft)
    ),
    "review-preview": lambda w: admin_url("reviews_review_preview"),
    "review-add-credit": lambda w: admin_url("reviews_review_add_credit", w.draft.pk),
    "tag-changelist": lambda w: admin_url("reviews_tag_changelist"),
    "tag-add": lambda w: admin_url("reviews_tag_add"),
    "tag-change": lambda w: admin_url("reviews_tag_change", w.tag.pk),
    "tag-delete": lambda w: admin_url("reviews_tag_delete", w.bare_tag.pk),
    "tag-history": lambda w: admin_url("reviews_tag_history", w.tag.pk),
    "user-changelist": lambda w: admin_url("auth_user_changelist"),
    "group-changelist": lambda w: admin_url("auth_group_changelist"),
}

PAGE_ACCESS = {
    "index": row(LOGIN, LOGIN, 200, 200, 200),
    "app-reviews": row(LOGIN, LOGIN, 200, 200, 200),
    # An app with no model the user may see does not exist for them.
    "app-auth": row(LOGIN, LOGIN, 404, 404, 200),
    "film-changelist": row(LOGIN, LOGIN, 200, 200, 200),
    "film-add": row(LOGIN, LOGIN, 403, 200, 200),
    "film-change": row(LOGIN, LOGIN, 200, 200, 200),
    "film-delete": row(LOGIN, LOGIN, 403, 403, 200),
    "film-history": row(LOGIN, LOGIN, 200, 200, 200),
    # Restoring a version writes every field: not for tag-only staff.
    "film-version": row(LOGIN, LOGIN, 403, 200, 200),
    "person-changelist": row(LOGIN, LOGIN, 403, 200, 200),
    "person-add": row(LOGIN, LOGIN, 403, 200, 200),
    "person-change": row(LOGIN, LOGIN, 403, 200, 200),
    "person-delete": row(LOGIN, LOGIN, 403, 403, 200),
    "person-history": row(LOGIN, LOGIN, 403, 200, 200),
    "review-changelist": row(LOGIN, LOGIN, 200, 200, 200),
    "review-add": row(LOGIN, LOGIN, 403, 200, 200),
    "review-change": row(LOGIN, LOGIN, 200, 200, 200),
    "review-delete-draft": row(LOGIN, LOGIN, 403, 200, 200),
    "review-delete-published": row(LOGIN, LOGIN, 403, 403, 200),
    "review-history": row(LOGIN, LOGIN, 200, 200, 200),
    "review-version": row(LOGIN, LOGIN, 403, 200, 200),
    # POST-only endpoints (tested below): a GET gets a 405 or a redirect to the review, nothing more.
    "review-preview": row(LOGIN, LOGIN, 405, 405, 405),
    "review-add-credit": row(LOGIN, LOGIN, 302, 302, 302),
    "tag-changelist": row(LOGIN, LOGIN, 200, 200, 200),
    "tag-add": row(LOGIN, LOGIN, 403, 200, 200),
    "tag-change": row(LOGIN, LOGIN, 200, 200, 200),
    "tag-delete": row(LOGIN, LOGIN, 403, 403, 200),
    "tag-history": row(LOGIN, LOGIN, 200, 200, 200),
    "user-changelist": row(LOGIN, LOGIN, 403, 403, 200),
    "group-changelist": row(LOGIN, LOGIN, 403, 403, 200),
}


def test_the_page_table_covers_every_page():
    assert PAGES.keys() == PAGE_ACCESS.keys()


@pytest.mark.parametrize(("page", "user", "expected"), cells(PAGE_ACCESS))
def test_admin_page_access(client, request, world, page, user, expected):
    sign_in(client, request, user)
    assert_status(client.get(PAGES[page](world)), expected)


# Requests that change data: the form the user can open (else a superuser's), posted back changed


def changed(model, pk, **values):
    obj = model._default_manager.filter(pk=pk).first()
    return obj is not None and all(getattr(obj, name) == value for name, value in values.items())


def tag_names(obj):
    return {tag.name for tag in obj.tags.all()}


MUTATIONS = {
    "film-change-title": SimpleNamespace(
        url=lambda w: admin_url("reviews_film_change", w.film.pk),
        form="film_form",
        data={"title": "Umbenannt"},
        done=lambda w: changed(Film, w.film.pk, title="Umbenannt"),
    ),
    "film-retag": SimpleNamespace(
        url=lambda w: admin_url("reviews_film_change", w.film.pk),
        form="film_form",
        data={"tags": "Berlinale 2019, Wettbewerb"},
        done=lambda w: tag_names(w.film) == {"Berlinale 2019", "Wettbewerb"},
    ),
    "film-add": SimpleNamespace(
        url=lambda w: admin_url("reviews_film_add"),
        form="film_form",
        data={"title": "Neu", "slug": "neu-2021", "year": "2021"},
        done=lambda w: Film.objects.filter(slug="neu-2021").exists(),
    ),
    "film-delete": SimpleNamespace(
        url=lambda w: admin_url("reviews_film_delete", w.bare_film.pk),
        form=None,
        data={"post": "yes"},
        done=lambda w: not Film.objects.filter(pk=w.bare_film.pk).exists(),
    ),
    "film-restore-version": SimpleNamespace(
        url=lambda w: admin_url("reviews_film_simple_history", w.film.pk, first_version(w.film)),
        form="historicalfilm_form",
        data={},
        done=lambda w: changed(Film, w.film.pk, title="Erste Fassung"),
    ),
    "person-change-name": SimpleNamespace(
        url=lambda w: admin_url("reviews_person_change", w.person.pk),
        form="person_form",
        data={"name": "Umbenannt"},
        done=lambda w: changed(Person, w.person.pk, name="Umbenannt"),
    ),
    "person-add": SimpleNamespace(
        url=lambda w: admin_url("reviews_person_add"),
        form="person_form",
        data={"name": "Neu", "slug": "neu"},
        done=lambda w: Person.objects.filter(slug="neu").exists(),
    ),
    "person-delete": SimpleNamespace(
        url=lambda w: admin_url("reviews_person_delete", w.bare_person.pk),
        form=None,
        data={"post": "yes"},
        done=lambda w: not Person.objects.filter(pk=w.bare_person.pk).exists(),
    ),
    "review-change-headline": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_change", w.draft.pk),
        form="review_form",
        data={"headline": "Umgeschrieben"},
        done=lambda w: changed(Review, w.draft.pk, headline="Umgeschrieben"),
    ),
    "review-retag": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_change", w.draft.pk),
        form="review_form",
        data={"tags": "Wettbewerb"},
        done=lambda w: tag_names(w.draft) == {"Wettbewerb"},
    ),
    "review-add": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_add"),
        form="review_form",
        data={"headline": "Neu", "slug": "neu"},
        done=lambda w: Review.objects.filter(slug="neu").exists(),
        needs_film=True,
    ),
    "review-delete-draft": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_delete", w.draft.pk),
        form=None,
        data={"post": "yes"},
        done=lambda w: not Review.objects.filter(pk=w.draft.pk).exists(),
    ),
    "review-delete-published": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_delete", w.published.pk),
        form=None,
        data={"post": "yes"},
        done=lambda w: not Review.objects.filter(pk=w.published.pk).exists(),
    ),
    "review-restore-version": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_simple_history", w.draft.pk, first_version(w.draft)),
        form="historicalreview_form",
        data={},
        done=lambda w: changed(Review, w.draft.pk, headline="Entwurf"),
    ),
    "review-add-credit": SimpleNamespace(
        url=lambda w: admin_url("reviews_review_add_credit", w.draft.pk),
        form=None,
        data={"credit": "actor|Tahar Rahim|Marc"},
        done=lambda w: Role.objects.filter(person__name="Tahar Rahim", character="Marc").exists(),
    ),
    "tag-change-name": SimpleNamespace(
        url=lambda w: admin_url("reviews_tag_change", w.tag.pk),
        form="tag_form",
        data={"name": "Berlinale 2019 (Wettbewerb)"},
        done=lambda w: changed(Tag, w.tag.pk, name="Berlinale 2019 (Wettbewerb)"),
    ),
    "tag-add": SimpleNamespace(
        url=lambda w: admin_url("reviews_tag_add"),
        form="tag_form",
        data={"name": "Neu", "slug": "neu"},
        done=lambda w: Tag.objects.filter(slug="neu").exists(),
    ),
    "tag-delete": SimpleNamespace(
        url=lambda w: admin_url("reviews_tag_delete", w.bare_tag.pk),
        form=None,
        data={"post": "yes"},
        done=lambda w: not Tag.objects.filter(pk=w.bare_tag.pk).exists(),
    ),
}

# (status, whether the change happened); a 302 for a save is the admin's redirect after it.
MUTATION_OUTCOMES = {
    "film-change-title": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "film-retag": row((LOGIN, False), (LOGIN, False), (302, True), (302, True), (302, True)),
    "film-add": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "film-delete": row((LOGIN, False), (LOGIN, False), (403, False), (403, False), (302, True)),
    "film-restore-version": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "person-change-name": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "person-add": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "person-delete": row((LOGIN, False), (LOGIN, False), (403, False), (403, False), (302, True)),
    "review-change-headline": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "review-retag": row((LOGIN, False), (LOGIN, False), (302, True), (302, True), (302, True)),
    "review-add": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "review-delete-draft": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "review-delete-published": row((LOGIN, False), (LOGIN, False), (403, False), (403, False), (302, True)),
    "review-restore-version": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    # Adding a credit needs the rights to add people and credits, which festival staff lack.
    "review-add-credit": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "tag-change-name": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "tag-add": row((LOGIN, False), (LOGIN, False), (403, False), (302, True), (302, True)),
    "tag-delete": row((LOGIN, False), (LOGIN, False), (403, False), (403, False), (302, True)),
}


def test_the_mutation_table_covers_every_mutation():
    assert MUTATIONS.keys() == MUTATION_OUTCOMES.keys()


def form_to_post(client, superuser_client, mutation, url, world):
    """What a browser would send: the user's own form where they may open it, else a superuser's."""
    if mutation.form is None:
        return dict(mutation.data)
    page = client.get(url)
    if page.status_code != 200:
        page = superuser_client.get(url)
    assert page.status_code == 200
    changes = dict(mutation.data)
    if getattr(mutation, "needs_film", False):
        changes["film"] = str(world.film.pk)
    return post_data(form_fields(page, mutation.form), **changes)


@pytest.mark.parametrize(("mutation", "user", "expected"), cells(MUTATION_OUTCOMES))
def test_admin_request_effect(client, superuser_client, request, world, mutation, user, expected):
    status, takes_effect = expected
    spec = MUTATIONS[mutation]
    url = spec.url(world)
    sign_in(client, request, user)
    data = form_to_post(client, superuser_client, spec, url, world)
    assert not spec.done(world)
    response = client.post(url, data)
    assert_status(response, status)
    assert spec.done(world) == takes_effect


@pytest.mark.parametrize("user", USERS)
def test_markdown_preview_is_for_those_who_write(client, request, world, user):
    """The preview renders whatever it is sent; only people who may write reviews get it."""
    expected = row(LOGIN, LOGIN, 403, 200, 200)[user]
    sign_in(client, request, user)
    response = client.post(admin_url("reviews_review_preview"), {"text": "Ein **kluger** Film"})
    assert_status(response, expected)
    if expected == 200:
        assert response.json()["html"] == "<p>Ein <strong>kluger</strong> Film</p>"


# Admin actions on the change lists


def status_of(pk):
    review = Review.objects.filter(pk=pk).first()
    return review and review.status


ACTIONS = {
    "review-submit_for_review": SimpleNamespace(
        model="review",
        action="submit_for_review",
        selected=lambda w: [w.draft],
        extra={},
        done=lambda w: status_of(w.draft.pk) == Review.Status.IN_REVIEW,
    ),
    "review-publish_now": SimpleNamespace(
        model="review",
        action="publish_now",
        selected=lambda w: [w.in_review],
        extra={},
        done=lambda w: Review.objects.published().filter(pk=w.in_review.pk).exists(),
    ),
    "review-unpublish": SimpleNamespace(
        model="review",
        action="unpublish",
        selected=lambda w: [w.published],
        extra={},
        done=lambda w: status_of(w.published.pk) == Review.Status.DRAFT,
    ),
    "review-add_tags": SimpleNamespace(
        model="review",
        action="add_tags",
        selected=lambda w: [w.draft],
        extra={"tags": "Wettbewerb", "apply": "1"},
        done=lambda w: tag_names(w.draft) == {"Wettbewerb"},
    ),
    "review-remove_tags": SimpleNamespace(
        model="review",
        action="remove_tags",
        selected=lambda w: [w.published],
        extra={"tags": "Berlinale 2019", "apply": "1"},
        done=lambda w: not w.published.tags.exists(),
    ),
    "review-delete_selected-draft": SimpleNamespace(
        model="review",
        action="delete_selected",
        selected=lambda w: [w.draft],
        extra={"post": "yes"},
        done=lambda w: not Review.objects.filter(pk=w.draft.pk).exists(),
    ),
    "review-delete_selected-published": SimpleNamespace(
        model="review",
        action="delete_selected",
        selected=lambda w: [w.published],
        extra={"post": "yes"},
        done=lambda w: not Review.objects.filter(pk=w.published.pk).exists(),
    ),
    "film-add_tags": SimpleNamespace(
        model="film",
        action="add_tags",
        selected=lambda w: [w.bare_film],
        extra={"tags": "Wettbewerb", "apply": "1"},
        done=lambda w: tag_names(w.bare_film) == {"Wettbewerb"},
    ),
    "film-remove_tags": SimpleNamespace(
        model="film",
        action="remove_tags",
        selected=lambda w: [w.film],
        extra={"tags": "Berlinale 2019", "apply": "1"},
        done=lambda w: not w.film.tags.exists(),
    ),
}

# (status, whether the action took effect). An action a user may not run is missing from
# their list; posting it anyway is answered like an empty choice: back to the list, 302.
ACTION_OUTCOMES = {
    "review-submit_for_review": row((LOGIN, False), (LOGIN, False), (302, False), (302, True), (302, True)),
    "review-publish_now": row((LOGIN, False), (LOGIN, False), (302, False), (302, True), (302, True)),
    "review-unpublish": row((LOGIN, False), (LOGIN, False), (302, False), (302, True), (302, True)),
    "review-add_tags": row((LOGIN, False), (LOGIN, False), (302, True), (302, True), (302, True)),
    "review-remove_tags": row((LOGIN, False), (LOGIN, False), (302, True), (302, True), (302, True)),
    "review-delete_selected-draft": row(
        (LOGIN, False), (LOGIN, False), (302, False), (302, True), (302, True)
    ),
    # Editors delete drafts only: the confirmation is refused.
    "review-delete_selected-published": row(
        (LOGIN, False), (LOGIN, False), (302, False), (403, False), (302, True)
    ),
    "film-add_tags": row((LOGIN, False), (LOGIN, False), (302, True), (302, True), (302, True)),
    "film-remove_tags": row((LOGIN, False), (LOGIN, False), (302, True), (302, True), (302, True)),
}


def test_the_action_table_covers_every_action():
    assert ACTIONS.keys() == ACTION_OUTCOMES.keys()


@pytest.mark.parametrize(("action", "user", "expected"), cells(ACTION_OUTCOMES))
def test_admin_action_effect(client, request, world, action, user, expected):
    status, takes_effect = expected
    spec = ACTIONS[action]
    sign_in(client, request, user)
    data = {
        "action": spec.action,
        "_selected_action": [obj.pk for obj in spec.selected(world)],
        "index": "0",
        **spec.extra,
    }
    assert not spec.done(world)
    response = client.post(admin_url(f"reviews_{spec.model}_changelist"), data)
    assert_status(response, status)
    assert spec.done(world) == takes_effect


def test_matrix_size(capsys):
    total = len(USERS) * (len(PAGE_ACCESS) + len(MUTATION_OUTCOMES) + len(ACTION_OUTCOMES) + 1)
    with capsys.disabled():
        print(f"\npermission matrix: {total} cells")
    assert total >= 250
