"""Fixtures and small factories shared by the suite."""

import io
import itertools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.template.backends import jinja2 as jinja2_backend
from django.test.signals import template_rendered
from django.utils import timezone

from reviews.models import Film, LocalTitle, Person, Review, Role

_sequence = itertools.count(1)


@pytest.fixture(autouse=True, scope="session")
def jinja_templates_report_rendering():
    """`response.context` and `assertTemplateUsed` for the Jinja2 pages too: the test client
    learns of a rendering from the `template_rendered` signal, which Django's test set-up sends
    only for its own templates."""
    render = jinja2_backend.Template.render

    def render_and_report(self, context=None, request=None):
        template_rendered.send(sender=self, template=self.template, context=dict(context or {}))
        return render(self, context, request)

    jinja2_backend.Template.render = render_and_report
    yield
    jinja2_backend.Template.render = render


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and generated images go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests run without `collectstatic`, so without the hashed-name manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Demo accounts get hashed passwords; the production hasher is slow by design."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Most tests measure what a page does; the page cache has tests of its own (test_caching.py)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def make_user(username=None, **fields):
    username = username or f"critic{next(_sequence)}"
    return get_user_model().objects.create_user(username=username, password=None, **fields)


def make_film(title=None, year=2019, **fields):
    title = title or f"Film {next(_sequence)}"
    return Film.objects.create(title=title, year=year, **fields)


def make_person(name=None, **fields):
    name = name or f"Person {next(_sequence)}"
    return Person.objects.create(name=name, **fields)


def make_role(film, person, kind=Role.Kind.ACTOR, character="", order=0):
    return Role.objects.create(film=film, person=person, kind=kind, character=character, order=order)


def make_review(film=None, author=None, status=Review.Status.PUBLISHED, published_at=None, **fields):
    film = film or make_film()
    author = author or make_user()
    if status == Review.Status.PUBLISHED and published_at is None:
        published_at = timezone.now() - timedelta(days=1)
    fields.setdefault("headline", f"Review {next(_sequence)}")
    fields.setdefault("rating", Decimal("3.5"))
    return Review.objects.create(film=film, author=author, status=status, published_at=published_at, **fields)


def make_full_film(title=None, actors=3):
    """A film with a German title, a director, a few actors and a tag."""
    film = make_film(title)
    LocalTitle.objects.create(film=film, language="de", title=f"{film.title} (deutsch)")
    make_role(film, make_person(), Role.Kind.DIRECTOR)
    for order in range(actors):
        make_role(film, make_person(), Role.Kind.ACTOR, character=f"Figure {order}", order=order)
    film.tags.add("Testfestival")
    return film


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The demo content, loaded by the real command; with what follows its commit (the images'
    renditions), which the test's own transaction would otherwise hold back."""
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=output)
    return output.getvalue()


@pytest.fixture
def published_review(db):
    return make_review(film=make_full_film(), body="Ein *schöner* Film.", teaser="Kurz gesagt.")


def make_staff(group_name, username=None):
    """A staff account in one of the groups the app defines (with their synced permissions)."""
    from django.contrib.auth.models import Group

    user = make_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return make_staff("Editors", "editor1")


@pytest.fixture
def second_editor(db):
    return make_staff("Editors", "editor2")


@pytest.fixture
def festival(db):
    return make_staff("Festival staff", "festival1")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.org", None)


@pytest.fixture
def reader(db):
    """Logged in, but not staff."""
    return make_user("reader")
