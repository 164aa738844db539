"""Template helpers for the admin."""

import copy
from datetime import datetime

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Exists, Max, Min
from django.utils import timezone

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def review_date_hierarchy(cl):
    """The admin's date hierarchy (the years above the review list), with the years found
    by probing each year of the list's range instead of Django's `SELECT DISTINCT` over
    every date, which sorts all reviews on every visit of a large archive; each probe is one
    lookup in the publication-date index.

    Drilling into a year, a narrow range and searches (whose few rows Django's own query
    handles well, and which every probe would repeat) are left to Django.
    """
    field = cl.date_hierarchy
    drilled = any(cl.params.get(f"{field}__{part}") for part in ("year", "month", "day"))
    if drilled or cl.query:
        return date_hierarchy(cl)
    rows = cl.queryset.order_by()
    bounds = rows.aggregate(first=Min(field), last=Max(field))
    if bounds["first"] is None:
        return {"show": True, "back": None, "choices": []}
    first, last = timezone.localtime(bounds["first"]), timezone.localtime(bounds["last"])
    if first.year == last.year:
        # Django then opens on that year (or month); tell it so, rather than have it ask again.
        narrowed = copy.copy(cl)
        narrowed.params = {**cl.params, f"{field}__year": str(first.year)}
        if first.month == last.month:
            narrowed.params[f"{field}__month"] = str(first.month)
        return date_hierarchy(narrowed)
    first, last = first.year, last.year

    def start(year):
        return timezone.make_aware(datetime(year, 1, 1))

    probes = {
        f"year_{year}": Exists(rows.filter(**{f"{field}__gte": start(year), f"{field}__lt": start(year + 1)}))
        for year in range(first, last + 1)
    }
    # One row of the list carries the answers of all probes: one query for every year.
    found = rows.annotate(**probes).values(*probes).first()
    if found is None:  # the last review went away between the two queries
        return date_hierarchy(cl)
    years = [int(name.removeprefix("year_")) for name, present in found.items() if present]

    def link(year):
        return cl.get_query_string({f"{field}__year": str(year)}, [f"{field}__"])

    choices = [{"link": link(year), "title": str(year)} for year in years]
    return {"show": True, "back": None, "choices": choices}
