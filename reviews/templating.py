"""
The Jinja2 environment of the readers' pages.

The public templates (`templates/`, except the admin's) are Jinja2; the admin keeps Django's
templates. Markup lives in the templates, repeated fragments as macros in
`templates/includes/macros.html`; what this module adds is what is not markup: Django's
translations (`{% trans %}` and `_()`, extracted by `makemessages`), URLs (`static`, `url`,
`page_url`, `language_url`, `absolute_url`, `querystring`), the renditions of an image
(`srcset`), the words and glyphs of a rating, and the filters `date` (local time, Django's
formats), `long_date` and `truncatechars`.
"""

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.template import engines
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from jinja2 import Environment, FileSystemLoader, TemplateNotFound, pass_context

from .renditions import srcset

# Template names the admin's engine (Django's templates) serves from the same folder.
DJANGO_TEMPLATE_PREFIXES = ("admin/",)


class PublicTemplateLoader(FileSystemLoader):
    """Jinja's file loader for `templates/`, leaving the admin's overrides to Django's engine."""

    def get_source(self, environment, template):
        if template.startswith(DJANGO_TEMPLATE_PREFIXES):
            raise TemplateNotFound(template)
        return super().get_source(environment, template)

    def list_templates(self):
        return [name for name in super().list_templates() if not name.startswith(DJANGO_TEMPLATE_PREFIXES)]


def is_jinja_template(path):
    """Whether the file at `path` is one of the Jinja2 templates (for `makemessages`)."""
    path = Path(path).resolve()
    for directory in engines["jinja2"].template_dirs:
        directory = Path(directory).resolve()
        if path.is_relative_to(directory):
            return not path.relative_to(directory).as_posix().startswith(DJANGO_TEMPLATE_PREFIXES)
    return False


def date(value, format_name="DATE_FORMAT"):
    """Django's `date` filter: an aware datetime in the site's time zone, then formatted."""
    if value in (None, ""):
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, format_name)


def long_date(value):
    """A datetime's day in the site's time zone, as DATE_FORMAT writes it ("7. Februar 2019")."""
    if value is None:
        return ""
    return _long_date(timezone.localtime(value).date(), translation.get_language())


@lru_cache(maxsize=4096)
def _long_date(day, language):
    # A list of reviews shows a date on every card, mostly a few days apart: each formatted once.
    return formats.date_format(day, "DATE_FORMAT")


def rating_glyphs(rating):
    """A rating on the half-star scale as five glyphs: ★★★½☆ for 3.5."""
    full = int(rating)
    half = Decimal(rating) - full >= Decimal("0.5")
    return "★" * full + ("½" if half else "") + "☆" * (5 - full - (1 if half else 0))


def rating_label(rating):
    """What a screen reader says for a rating: "4,5 von 5 Sternen"."""
    return _rating_label(Decimal(rating), translation.get_language())


@lru_cache(maxsize=64)
def _rating_label(rating, language):
    number = formats.number_format(rating.normalize(), use_l10n=True)
    return translation.gettext("%(rating)s of 5 stars") % {"rating": number}


def truncatechars(value, length):
    return Truncator(value or "").chars(int(length))


def url(view_name, *args):
    return reverse(view_name, args=args)


@pass_context
def querystring(context, **changes):
    """The current query string with `changes` applied, as Django's `{% querystring %}` makes it."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}" if query else "?"


def page_url(view_name):
    """The URL of a view without arguments (the site's menus and feeds), reversed once."""
    return _page_url(view_name, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=64)
def _page_url(view_name, script_prefix, urlconf):
    # Every page links the same ten URLs.
    return reverse(view_name, urlconf=urlconf)


@pass_context
def language_url(context, language):
    """A link that switches the interface language and comes back to the current page."""
    request = context.get("request")
    if request is None:
        return f"{page_url('reviews:switch_language')}?{urlencode({'language': language})}"
    query = urlencode({"language": language, "next": request.get_full_path()})
    return f"{page_url('reviews:switch_language')}?{query}"


@pass_context
def absolute_url(context, path=None):
    """The absolute URL of `path` (default: the current page, with only its page number kept)."""
    request = context.get("request")
    if request is None:  # the 500 page is rendered without a request
        return path or "/"
    if path is None:
        path = request.path
        page = request.GET.get("page", "")
        if page.isdigit() and page != "1":
            path = f"{path}?page={page}"
    return request.build_absolute_uri(path)


def environment(**options):
    directories = options.pop("loader").searchpath
    env = Environment(loader=PublicTemplateLoader(directories), extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_translations(translation, newstyle=False)
    env.globals.update(
        LANGUAGES=settings.LANGUAGES,
        absolute_url=absolute_url,
        get_language=translation.get_language,
        language_url=language_url,
        page_url=page_url,
        querystring=querystring,
        rating_glyphs=rating_glyphs,
        rating_label=rating_label,
        srcset=srcset,
        static=static,
        url=url,
    )
    env.filters.update(date=date, long_date=long_date, truncatechars=truncatechars)
    return env
