"""The editors' admin."""

from django.contrib import admin
from taggit.models import Tag as TaggitTag

from .models import Film, LocalTitle, Person, Review, Role, Tag

# Films and reviews use this app's Tag model; taggit's own would only confuse editors.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


class LocalTitleInline(admin.TabularInline):
    model = LocalTitle
    extra = 0


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "kind", "character", "order"]


@admin.register(Film)
class FilmAdmin(admin.ModelAdmin):
    list_display = ["title", "year"]
    search_fields = ["title", "local_titles__title"]
    prepopulated_fields = {"slug": ["title", "year"]}
    inlines = [LocalTitleInline, RoleInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "birth_date"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["headline", "film", "author", "status", "published_at", "rating"]
    list_filter = ["status", "language"]
    list_select_related = ["film", "author"]
    search_fields = ["headline", "film__title"]
    autocomplete_fields = ["film"]
    prepopulated_fields = {"slug": ["headline"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "featured"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
