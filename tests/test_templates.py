"""The readers' Jinja2 templates: which engine serves what, their translations, the error pages."""

import ast
import gettext
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines, loader
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import page_not_found, server_error
from jinja2.ext import babel_extract

from reviews.management.commands.makemessages import jinja_messages_as_python
from reviews.templating import is_jinja_template

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def public_templates():
    return sorted(engines["jinja2"].env.list_templates())


def german_catalogue():
    with open(Path(settings.BASE_DIR) / "reviews/locale/de/LC_MESSAGES/django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


def test_each_template_is_served_by_the_engine_it_is_written_for():
    names = public_templates()
    assert {"base.html", "404.html", "500.html", "reviews/review_detail.html"} <= set(names)
    assert not [name for name in names if name.startswith("admin/")]
    assert loader.get_template("reviews/home.html").backend.name == "jinja2"
    # The admin's overrides in templates/admin/ are Django templates, found by Django's engine.
    assert loader.get_template("admin/reviews/tag_action.html").backend.name == "django"
    assert loader.get_template("admin/base_site.html").backend.name == "django"


def test_makemessages_knows_which_files_are_jinja_templates():
    assert is_jinja_template(TEMPLATES / "base.html")
    assert is_jinja_template(TEMPLATES / "reviews" / "search.html")
    assert not is_jinja_template(TEMPLATES / "admin" / "reviews" / "tag_action.html")
    assert not is_jinja_template(Path(settings.BASE_DIR) / "reviews" / "views.py")


def test_messages_reach_xgettext_as_calls_on_their_template_lines():
    source = (
        "<h1>{{ _('Reviews') }}</h1>\n"
        "\n"
        '{% trans name=person.name %}{{ name }}: filmography{% endtrans %} {{ _("Say \\"hi\\"") }}\n'
        "{% trans minutes=n %}{{ minutes }} minute read"
        "{% pluralize %}{{ minutes }} minutes read{% endtrans %}"
    )
    python = jinja_messages_as_python(source)
    lines = python.splitlines()
    assert len(lines) == 4
    assert lines[1] == ""
    calls = {
        (node.lineno, node.func.id, tuple(arg.value for arg in node.args if isinstance(arg, ast.Constant)))
        for node in ast.walk(ast.parse(python))
        if isinstance(node, ast.Call)
    }
    assert calls == {
        (1, "gettext", ("Reviews",)),
        (3, "gettext", ("%(name)s: filmography",)),
        (3, "gettext", ('Say "hi"',)),
        (4, "ngettext", ("%(minutes)s minute read", "%(minutes)s minutes read")),
    }


@pytest.mark.parametrize("name", public_templates())
def test_every_message_of_the_readers_pages_has_a_german_translation(name):
    catalogue = german_catalogue()
    source = (TEMPLATES / name).read_bytes()
    missing = []
    extracted = babel_extract(io.BytesIO(source), ("_", "gettext", "ngettext"), [], {})
    for _line, _function, message, _comments in extracted:
        msgid = message[0] if isinstance(message, tuple) else message
        translated = catalogue.get(msgid) or catalogue.get((msgid, 0))
        if not translated:
            missing.append(msgid)
    assert not missing, f"{name}: no German for {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Something went wrong"), ("de", "Etwas ist schiefgegangen")]
)
def test_the_server_error_page_renders_in_the_site_layout(language, heading):
    request = RequestFactory().get("/films/")
    with translation.override(language):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert f"<h1>{heading}</h1>" in html
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html


@pytest.mark.django_db
def test_the_not_found_page_renders_without_a_resolved_url():
    request = RequestFactory().get("/nowhere/")
    with translation.override("de"):
        response = page_not_found(request, exception=None)
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in html
    assert 'href="http://testserver/nowhere/"' in html  # the canonical link
    assert 'aria-current="page"' not in html  # no menu entry is the current page


def test_querystring_keeps_the_other_parameters_and_works_without_a_request():
    environment = engines["jinja2"].env
    template = environment.from_string("{{ querystring(page=3) }}|{{ querystring(page=None) }}")
    request = RequestFactory().get("/reviews/", {"language": "de", "page": "2"})
    assert template.render(request=request) == "?language=de&amp;page=3|?language=de"
    assert template.render() == "?page=3|?"
