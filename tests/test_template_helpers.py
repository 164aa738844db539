"""The HTML fragments built in Python for the long lists (reviews/fragments.py)."""

import datetime

import pytest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from reviews.fragments import _long_date, _stars, quick_html, quick_join, stars

from .xss_payloads import PAYLOADS

VALUES = [
    "plain",
    "Fish & <Chips>",
    "\"quoted\" and 'single'",
    "",
    1999,
    3.5,
    None,
    mark_safe("<b>already safe</b>"),
    SafeString("<i>safe too</i>"),
    gettext_lazy("Director"),
    *PAYLOADS[:20],
]


@pytest.mark.parametrize("value", VALUES)
def test_quick_html_escapes_as_format_html_does(value):
    pattern = '<a href="{}" title="{}">{}</a>'
    with override("de"):
        assert quick_html(pattern, value, value, value) == format_html(pattern, value, value, value)


def test_quick_join_is_format_html_join():
    rows = [(value, index) for index, value in enumerate(VALUES)]
    assert quick_join(", ", "<li>{} {}</li>", rows) == format_html_join(", ", "<li>{} {}</li>", rows)


def test_quick_html_output_is_safe_and_not_escaped_again():
    result = quick_html("<p>{}</p>", "<x>")
    assert isinstance(result, SafeString)
    assert quick_html("<div>{}</div>", result) == "<div><p>&lt;x&gt;</p></div>"


def test_stars_are_made_once_per_rating_and_language_and_follow_the_language():
    _stars.cache_clear()
    with override("de"):
        german = stars("4.5")
        assert stars("4.5") is german
        assert "4,5 von 5 Sternen" in german
    with override("en"):
        assert "4.5 of 5 stars" in stars("4.5")
    assert stars(None) == ""


def test_long_dates_follow_the_language():
    day = datetime.date(2019, 2, 7)
    with override("de"):
        assert _long_date(day, "de") == "7. Februar 2019"
    with override("en"):
        assert "2019" in _long_date(day, "en") and "Feb" in _long_date(day, "en")
