"""Template helpers for the readers' pages."""

from decimal import Decimal
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext

from ..renditions import srcset

register = template.Library()


@register.simple_tag
def stars(rating):
    """A star rating as glyphs, with a text that screen readers read instead ("4,5 of 5 stars")."""
    if rating is None:
        return ""
    rating = Decimal(rating)
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


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """A link that switches the interface language and comes back to the current page."""
    request = context.get("request")
    if request is None:
        return f"{reverse('reviews:switch_language')}?{urlencode({'language': language})}"
    query = urlencode({"language": language, "next": request.get_full_path()})
    return f"{reverse('reviews:switch_language')}?{query}"


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
