"""Building blocks shared by the content models."""

import re
from functools import lru_cache

from django.conf import global_settings
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Django's list of languages, with names translated into the interface language.
LANGUAGE_CHOICES = [(code, _(name)) for code, name in global_settings.LANGUAGES]


@lru_cache(maxsize=16)
def _language_names(interface_language):
    return {code: str(name) for code, name in LANGUAGE_CHOICES}


def language_name(code):
    """The name of the language `code` in the interface language ("Französisch"), else the code.

    What `get_FOO_display()` gives for a field with LANGUAGE_CHOICES, without its cost: it
    hashes all hundred lazily translated names, i.e. translates each, on every call.
    """
    return _language_names(get_language()).get(code, code)


def unique_slug(model, text, max_length=200, exclude_pk=None):
    """A slug for `text` that no other row of `model` has yet (suffixes -2, -3, … on clashes)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    candidate, number = base, 1
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=candidate).exists():
        number += 1
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
    return candidate


# What Django's <slug:> converter accepts (and slugify() makes): ASCII letters, digits, "_", "-".
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_MARKER = "slug-placeholder"


@lru_cache(maxsize=128)
def _slug_url_parts(view_name, script_prefix, urlconf):
    url = reverse(view_name, args=[SLUG_MARKER], urlconf=urlconf)
    before, _marker, after = url.partition(SLUG_MARKER)
    return before, after


def slug_url(view_name, slug):
    """`reverse(view_name, args=[slug])` for a URL whose one argument is a slug.

    A filmography links hundreds of films, and `reverse()` matches its arguments against the
    pattern each time. This reverses once per URL name (and script prefix) with a
    placeholder and puts the slug in its place (a plain slug needs no quoting). Anything
    else, e.g. a tag's Unicode slug, goes through `reverse()` itself, which checks and quotes it.
    """
    return slug_urls(view_name)(slug)


def slug_urls(view_name):
    """`slug_url` for many slugs of one view: a function of the slug, with the script prefix
    and URL configuration (each a context-local lookup) read once, not once per link."""
    before, after = _slug_url_parts(view_name, get_script_prefix(), get_urlconf())

    def url(slug):
        if not PLAIN_SLUG.fullmatch(slug):
            return reverse(view_name, args=[slug])
        return f"{before}{slug}{after}"

    return url


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A row version for optimistic locking: every save counts it up."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version = (self.version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)
