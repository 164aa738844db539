"""People, with a read-only filmography on the change page."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .. import search
from ..models import Person, Role
from .base import VersionedAdmin, image_preview


@admin.register(Person)
class PersonAdmin(VersionedAdmin):
    list_display = ["name", "birth_date", "credit_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["photo_preview", "filmography"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "birth_date", "death_date", "bio"]}),
        (_("Photo"), {"fields": ["photo_preview", "photo", "photo_alt"]}),
        (_("Filmography"), {"fields": ["filmography"]}),
        (_("External ids"), {"fields": ["imdb_id", "tmdb_id", "wikipedia_url"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(credit_count=Count("roles"))

    def get_search_results(self, request, queryset, search_term):
        # The site's search (misspelt names, character names) besides the substring search.
        term = search.clean_query(search_term)
        substring_matches, _duplicates = super().get_search_results(request, queryset, term)
        return search.admin_search_results(queryset, term, substring_matches), False

    @admin.display(description=_("credits"), ordering="credit_count")
    def credit_count(self, person):
        return person.credit_count

    @admin.display(description=_("photo"))
    def photo_preview(self, person):
        return image_preview(person.photo, person.photo_alt, width=120)

    @admin.display(description=_("filmography"))
    def filmography(self, person):
        if person.pk is None:
            return "—"
        roles = (
            Role.objects.filter(person=person)
            .select_related("film")
            .order_by("-film__year", "film__title", "order")
        )
        if not roles:
            return _("No credits yet.")
        return format_html(
            '<ul class="admin-filmography">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a> — {}{}</li>',
                (
                    (
                        reverse("admin:reviews_film_change", args=[role.film.pk]),
                        role.film,
                        role.get_kind_display(),
                        f" ({role.character})" if role.character else "",
                    )
                    for role in roles
                ),
            ),
        )

    class Media:
        css = {"all": ["reviews/admin.css"]}
