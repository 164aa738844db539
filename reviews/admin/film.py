"""Films, with their release titles and credits as inlines."""

from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from .. import search
from ..models import Film, LocalTitle, Review, Role
from .base import VersionedAdmin, image_preview
from .retagging import RetaggingAdminMixin


class LocalTitleInline(admin.TabularInline):
    model = LocalTitle
    extra = 0
    fields = ["language", "title", "release_date"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["order", "kind", "person", "character"]
    ordering = ["order", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class HasReviewFilter(admin.SimpleListFilter):
    title = _("has a review")
    parameter_name = "has_review"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        reviewed = Exists(Review.objects.filter(film=OuterRef("pk")))
        if self.value() == "yes":
            return queryset.filter(reviewed)
        if self.value() == "no":
            return queryset.filter(~reviewed)
        return queryset


@admin.register(Film)
class FilmAdmin(RetaggingAdminMixin, VersionedAdmin):
    list_display = ["title", "year", "directors", "tag_list", "review_count"]
    list_filter = ["year", HasReviewFilter, "tags"]
    search_fields = ["title", "local_titles__title", "roles__person__name"]
    prepopulated_fields = {"slug": ["title", "year"]}
    readonly_fields = ["poster_preview"]
    inlines = [LocalTitleInline, RoleInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "year", "runtime", "countries", "original_language", "tags"]}),
        (_("Synopsis"), {"fields": ["synopsis"]}),
        (_("Poster"), {"fields": ["poster_preview", "poster", "poster_alt"]}),
        (_("External ids"), {"fields": ["imdb_id", "tmdb_id", "wikipedia_url"], "classes": ["collapse"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "countries":
            kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(review_count=Count("reviews", distinct=True))
            .prefetch_related(
                "tags",
                Prefetch(
                    "roles",
                    queryset=Role.objects.filter(kind=Role.Kind.DIRECTOR).select_related("person"),
                    to_attr="director_roles",
                ),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        # The site's search (local titles, characters, misspelt names) besides the substring search.
        term = search.clean_query(search_term)
        substring_matches, _duplicates = super().get_search_results(request, queryset, term)
        return search.admin_search_results(queryset, term, substring_matches), False

    @admin.display(description=_("director"))
    def directors(self, film):
        return ", ".join(role.person.name for role in film.director_roles)

    @admin.display(description=_("tags"))
    def tag_list(self, film):
        return ", ".join(tag.name for tag in film.tags.all())

    @admin.display(description=_("reviews"), ordering="review_count")
    def review_count(self, film):
        return film.review_count

    @admin.display(description=_("poster"))
    def poster_preview(self, film):
        return image_preview(film.poster, film.poster_alt)

    class Media:
        css = {"all": ["reviews/admin.css"]}
