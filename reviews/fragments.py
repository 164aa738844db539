"""
HTML fragments of the readers' pages, built in Python: review cards, bylines, star ratings,
pictures, credits and filmographies, the tag filter's options, the site's own URLs.

The Jinja2 templates call them as functions (reviews/templating.py). They build the long
lists' items here rather than in template loops: a list shows up to fifty cards, a
filmography hundreds of credits.
"""

import html
from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlencode

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext
from jinja2 import pass_context

from .renditions import srcset


def quick_html(pattern, *args):
    """`format_html(pattern, *args)` for the hot loops below: the same escaping, without the
    lazy-string checks `format_html` makes for every argument (a third of a long
    filmography's time)."""
    return SafeString(pattern.format(*(_escaped(arg) for arg in args)))


def _escaped(value):
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def quick_join(separator, pattern, rows):
    """`format_html_join()` the same way: `pattern` filled from each row of arguments."""
    return SafeString(separator.join(quick_html(pattern, *row) for row in rows))


def stars(rating):
    """A star rating as glyphs, with a text that screen readers read instead ("4,5 of 5 stars")."""
    if rating is None:
        return ""
    return _stars(Decimal(rating), get_language())


@lru_cache(maxsize=64)
def _stars(rating, language):
    # Ten ratings (½ to 5) in two languages: made once, not for each card of every list.
    full = int(rating)
    half = rating - full >= Decimal("0.5")
    glyphs = "★" * full + ("½" if half else "") + "☆" * (5 - full - (1 if half else 0))
    label = gettext("%(rating)s of 5 stars") % {"rating": number_format(rating.normalize(), use_l10n=True)}
    return quick_html(
        '<span class="stars" role="img" aria-label="{}"><span aria-hidden="true">{}</span></span>',
        label,
        glyphs,
    )


def picture(image, alt, width, height, sizes="100vw", loading="lazy", css_class=""):
    """An image with WebP renditions in `srcset`, its size stated, loaded lazily unless told not to."""
    if not image or not width or not height:
        return ""
    return quick_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" alt="{}" width="{}" height="{}" loading="{}" decoding="async" class="{}"></picture>',
        srcset(image, width),
        sizes,
        image.url,
        alt,
        width,
        height,
        loading,
        css_class,
    )


# The lead card's poster: a fifth of a wide screen, two fifths of a narrow one.
SIZES_LEAD = "(min-width: 64rem) 20rem, 40vw"


def review_card(review, lead=False, heading_level=3, show_film=True):
    """A review in a list (home, archive, tag page): the film's poster, title and year, the
    headline linked, the teaser and the byline. Expects the review's film and author loaded
    (`Review.objects.for_listing()`). On the film's own page (`show_film=False`), without
    the film.

    Built here rather than by including a template for each card: lists show up to fifty
    cards (with Django's template language, per-variable work was half of those pages' time).
    """
    url = review.get_absolute_url()
    film = review.film if show_film else None
    poster = film_line = ""
    if film is not None:
        film_line = quick_html(
            '<p class="card-film">{} <span class="year">{}</span></p>', film.display_title(), film.year
        )
    if film is not None and film.poster:
        sizes, loading = (SIZES_LEAD, "eager") if lead else ("6rem", "lazy")
        image = picture(film.poster, "", film.poster_width, film.poster_height, sizes, loading=loading)
        poster = quick_html(
            '<a class="card-poster" href="{}" tabindex="-1" aria-hidden="true">{}</a>', url, image
        )
    teaser = ""
    if review.teaser:
        teaser = quick_html('<p class="card-teaser" lang="{}">{}</p>', review.language, review.teaser)
    return quick_html(
        '<article class="card{}">{}<div class="card-text">{}'
        '<h{} class="card-title" lang="{}"><a href="{}">{}</a></h{}>{}{}</div></article>',
        " card-lead" if lead else "",
        poster,
        film_line,
        heading_level,
        review.language,
        url,
        review.headline,
        heading_level,
        teaser,
        review_byline(review),
    )


def review_byline(review):
    """Stars, author, date, and the review's language when it is not the reader's."""
    author = review.author
    published = localtime(review.published_at)
    interface_language = get_language()
    language = ""
    if review.language != interface_language:
        language = quick_html(' · <span class="language-badge">{}</span>', review.get_language_display())
    return quick_html(
        '<p class="byline">{} <span>{}</span> · <time datetime="{}">{}</time>{}</p>',
        stars(review.rating),
        author.get_full_name() or author.get_username(),
        published.isoformat(),
        _long_date(published.date(), interface_language),
        language,
    )


@lru_cache(maxsize=4096)
def _long_date(day, language):
    # A list of fifty reviews shows fifty dates, mostly a few days apart: each formatted once.
    return date_format(day, "DATE_FORMAT")


def people_items(roles):
    """The `<li>` items of a film's directors or cast: each person linked, and the character
    played, if any. Expects `role.person` loaded."""
    playing = gettext("as %(character)s")
    return quick_join(
        "",
        "<li>{}{}</li>",
        ((_person_link(role.person), _character(playing, role.character)) for role in roles),
    )


def people_links(roles):
    """The people of some credits, linked, separated by commas."""
    return quick_join(", ", "{}", ((_person_link(role.person),) for role in roles))


def _person_link(person):
    return quick_html('<a href="{}">{}</a>', person.get_absolute_url(), person.name)


def _character(playing, character):
    return _note(playing % {"character": character}) if character else ""


def _note(text):
    """A credit's note beside a link: the character played or the kind of work."""
    return quick_html(' <span class="character">{}</span>', text)


def film_index_items(films, show_year=True):
    """The `<li>` items of a list of films sorted by original title (the film index, a tag's
    films): original title linked, year, and the title in the reader's language where it
    differs. Without the year under a heading that gives it."""
    language = get_language()
    return quick_join("", "<li>{}</li>", ((_index_entry(film, language, show_year),) for film in films))


def _index_entry(film, language, show_year):
    entry = quick_html(
        '<a href="{}" lang="{}">{}</a>',
        film.get_absolute_url(),
        film.original_language or "und",
        film.title,
    )
    if show_year:
        entry = quick_html('{} <span class="year">({})</span>', entry, film.year)
    local = film.local_title(language)
    if local and local != film.title:
        entry = quick_html('{} <span class="other-title-inline" lang="{}">{}</span>', entry, language, local)
    return entry


def tag_options(tags, selected=None):
    """The `<option>`s of the archive's tag filter, from (slug, name) pairs; `selected` is a Tag."""
    chosen = selected.slug if selected is not None else None
    options = _tag_options(tuple(tags))
    return SafeString("".join(option[1] if slug == chosen else option[0] for slug, option in options))


@lru_cache(maxsize=16)
def _tag_options(tags):
    # The same two hundred tags on every archive page until content changes: escaped once.
    pattern = '<option value="{}"{}>{}</option>'
    return [
        (slug, (quick_html(pattern, slug, "", name), quick_html(pattern, slug, " selected", name)))
        for slug, name in tags
    ]


def credit_items(credits):
    """The `<li>` items of a filmography (Person.filmography()): film link, year and note.

    Built here rather than by a template loop: a busy actor's page lists hundreds of credits.
    """
    return quick_join(
        "",
        '<li><a href="{}">{}</a> <span class="year">({})</span>{}</li>',
        (
            (credit["url"], credit["title"], credit["year"], _note(credit["note"]) if credit["note"] else "")
            for credit in credits
        ),
    )


def page_url(view_name):
    """The URL of a view without arguments (the site's menus and feeds), reversed once."""
    return _page_url(view_name, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=64)
def _page_url(view_name, script_prefix, urlconf):
    # Every page links the same ten URLs; reverse() costs ~20 µs each time.
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
