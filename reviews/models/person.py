"""People credited on films."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import FilteredRelation, Q
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..images import SizedImageField, photo_upload_to
from .base import Timestamped, Versioned, slug_url, slug_urls, unique_slug
from .film import CreditKind


class Person(Versioned, Timestamped):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    photo = SizedImageField(
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
        return slug_url("reviews:person_detail", self.slug)

    def filmography(self):
        """This person's credits for the public page, grouped as directing, acting and other
        work, newest film first; each a dict of the film's `url`, `title` (in the active
        language) and `year`, and a `note`: the character played ("as Clara") or the kind of
        work ("Editing"), or "".

        One query, whatever the number of credits, and plain values rather than model
        instances: a busy actor has hundreds of credits, and making a Role and a Film (with
        its local titles) for each was most of the page's time. The title in the reader's
        language comes by a join (a film has at most one per language), which PostgreSQL runs
        faster than a subquery per credit.
        """
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        local = FilteredRelation("film__local_titles", condition=Q(film__local_titles__language=language))
        rows = (
            self.roles.annotate(local=local)
            .order_by("-film__year", "film__title", "order", "pk")
            .values_list("kind", "character", "film__slug", "film__title", "film__year", "local__title")
        )
        film_url = slug_urls("reviews:film_detail")
        groups = {"directing": [], "acting": [], "other": []}
        # Translated once here rather than once for each of hundreds of credits.
        kinds = {kind.value: str(kind.label) for kind in CreditKind}
        playing = gettext("as %(character)s")
        for kind, character, slug, title, year, local in rows:
            if kind == CreditKind.ACTOR:
                note = playing % {"character": character} if character else ""
            else:
                note = "" if kind == CreditKind.DIRECTOR else kinds[kind]
            credit = {
                "url": film_url(slug),
                "title": local or title,
                "year": year,
                "note": note,
            }
            if kind == CreditKind.DIRECTOR:
                groups["directing"].append(credit)
            elif kind == CreditKind.ACTOR:
                groups["acting"].append(credit)
            else:
                groups["other"].append(credit)
        return groups
