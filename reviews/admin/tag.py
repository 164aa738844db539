"""Tags: names, the featured flag for the home page, and how often each is used."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..models import Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "featured", "film_count", "review_count"]
    list_filter = ["featured"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "featured", "description"]
    show_full_result_count = False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                film_count=Count("film_items", distinct=True),
                review_count=Count("review_items", distinct=True),
            )
        )

    @admin.display(description=_("films"), ordering="film_count")
    def film_count(self, tag):
        return tag.film_count

    @admin.display(description=_("reviews"), ordering="review_count")
    def review_count(self, tag):
        return tag.review_count
