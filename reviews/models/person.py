"""People credited on films."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..images import photo_upload_to
from .base import Timestamped, Versioned, unique_slug
from .film import CreditKind


class Person(Versioned, Timestamped):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    photo = models.ImageField(
        _("photo"),
        upload_to=photo_upload_to,
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_alt = models.CharField(_("photo alt text"), max_length=250, blank=True, default="")
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    bio = models.TextField(_("short biography"), blank=True, default="")
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    death_date = models.DateField(_("date of death"), null=True, blank=True)
    imdb_id = models.CharField(_("IMDb id"), max_length=12, blank=True, default="")
    tmdb_id = models.PositiveIntegerField(_("TMDb id"), null=True, blank=True)
    wikipedia_url = models.URLField(
        _("Wikipedia article"), max_length=300, blank=True, default="", help_text=_("The full address.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(death_date__isnull=True)
                | models.Q(birth_date__isnull=True)
                | models.Q(death_date__gte=models.F("birth_date")),
                name="person_dies_after_birth",
            ),
            models.UniqueConstraint(
                fields=["imdb_id"], condition=~models.Q(imdb_id=""), name="person_imdb_id_unique"
            ),
            models.UniqueConstraint(fields=["tmdb_id"], name="person_tmdb_id_unique"),
        ]
        # Trigram GIN index for search (pg_trgm); SQLite ignores USING and builds a B-tree.
        indexes = [GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="person_name_trgm")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reviews:person_detail", args=[self.slug])

    def filmography(self):
        """Credits grouped as directing, acting and other work, newest film first.

        Reads `roles.all()`; prefetch `roles__film` to keep it to one query.
        """
        roles = sorted(self.roles.all(), key=lambda role: (-role.film.year, role.film.title, role.order))
        groups = {"directing": [], "acting": [], "other": []}
        # Translated once here rather than by get_kind_display() for each of hundreds of credits.
        labels = {kind.value: str(kind.label) for kind in CreditKind}
        for role in roles:
            role.kind_label = labels[role.kind]
            if role.kind == CreditKind.DIRECTOR:
                groups["directing"].append(role)
            elif role.kind == CreditKind.ACTOR:
                groups["acting"].append(role)
            else:
                groups["other"].append(role)
        return groups
