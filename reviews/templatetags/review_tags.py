"""Template helpers for the readers' pages."""

from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext

from ..renditions import srcset

register = template.Library()


@register.simple_tag
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
    return format_html(
        '<span class="stars" role="img" aria-label="{}"><span aria-hidden="true">{}</span></span>',
        label,
        glyphs,
    )


@register.simple_tag
def picture(image, alt, width, height, sizes="100vw", loading="lazy", css_class=""):
    """An image with WebP renditions in `srcset`, its size stated, loaded lazily unless told not to."""
    if not image or not width or not height:
        return ""
    return format_html(
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


@register.simple_tag
def review_card(review, lead=False, heading_level=3):
    """A review in a list (home, archive, tag page): the film's poster, title and year, the
    headline linked, the teaser and the byline. Expects the review's film and author loaded
    (`Review.objects.for_listing()`).

    Built here rather than by including a template for each card: lists show up to fifty
    cards, and the template language's per-variable work was half of those pages' time.
    """
    film = review.film
    url = review.get_absolute_url()
    poster = ""
    if film.poster:
        sizes, loading = (SIZES_LEAD, "eager") if lead else ("6rem", "lazy")
        image = picture(film.poster, "", film.poster_width, film.poster_height, sizes, loading=loading)
        poster = format_html(
            '<a class="card-poster" href="{}" tabindex="-1" aria-hidden="true">{}</a>', url, image
        )
    teaser = ""
    if review.teaser:
        teaser = format_html('<p class="card-teaser" lang="{}">{}</p>', review.language, review.teaser)
    return format_html(
        '<article class="card{}">{}<div class="card-text">'
        '<p class="card-film">{} <span class="year">{}</span></p>'
        '<h{} class="card-title" lang="{}"><a href="{}">{}</a></h{}>{}{}</div></article>',
        " card-lead" if lead else "",
        poster,
        film.display_title(),
        film.year,
        heading_level,
        review.language,
        url,
        review.headline,
        heading_level,
        teaser,
        review_byline(review),
    )


SIZES_LEAD = "(min-width: 64rem) 20rem, 40vw"


@register.simple_tag
def review_byline(review):
    """Stars, author, date, and the review's language when it is not the reader's."""
    author = review.author
    published = localtime(review.published_at)
    language = ""
    if review.language != get_language():
        language = format_html(' · <span class="language-badge">{}</span>', review.get_language_display())
    return format_html(
        '<p class="byline">{} <span>{}</span> · <time datetime="{}">{}</time>{}</p>',
        stars(review.rating),
        author.get_full_name() or author.get_username(),
        published.isoformat(),
        date_format(published, "DATE_FORMAT"),
        language,
    )


@register.simple_tag
def film_link(film):
    """A film's title in the reader's language, linked, and its year."""
    return format_html(
        '<a href="{}">{}</a> <span class="year">({})</span>',
        film.get_absolute_url(),
        film.display_title(),
        film.year,
    )


@register.simple_tag
def credit_items(credits):
    """The `<li>` items of a filmography (Person.filmography()): film link, year and note.

    Rendered here rather than by a `{% for %}` loop: a busy actor's page lists hundreds of
    credits, and the template language's per-variable work was most of that page's time.
    """
    return format_html_join(
        "",
        '<li><a href="{}">{}</a> <span class="year">({})</span>{}</li>',
        ((credit["url"], credit["title"], credit["year"], credit["note"]) for credit in credits),
    )


@register.simple_tag
def page_url(view_name):
    """`{% url %}` for a URL without arguments (the site's menus and feeds), reversed once."""
    return _page_url(view_name, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=64)
def _page_url(view_name, script_prefix, urlconf):
    # Every page links the same ten URLs; reverse() costs ~20 µs each time.
    return reverse(view_name, urlconf=urlconf)


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """A link that switches the interface language and comes back to the current page."""
    request = context.get("request")
    if request is None:
        return f"{page_url('reviews:switch_language')}?{urlencode({'language': language})}"
    query = urlencode({"language": language, "next": request.get_full_path()})
    return f"{page_url('reviews:switch_language')}?{query}"


@register.simple_tag(takes_context=True)
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
