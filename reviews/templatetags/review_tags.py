"""Template helpers for the readers' pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext

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
