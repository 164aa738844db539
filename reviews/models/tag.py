"""Tags, shared by films and reviews; festivals (`Berlinale 2019`) are tags too."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.models import TagBase, TaggedItemBase

from .base import slug_url


class Tag(TagBase):
    """A tag shared by films and reviews; festivals (`Berlinale 2019`) are tags too."""

    description = models.TextField(_("description"), blank=True, default="")
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page, e.g. a running festival.")
    )

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            # taggit's case-insensitive mode only affects look-ups: without this,
            # "Berlinale" and "berlinale" could both exist.
            models.UniqueConstraint(Lower("name"), name="tag_name_unique_ignoring_case"),
        ]

    def get_absolute_url(self):
        return slug_url("reviews:tag_detail", self.slug)

    def slugify(self, tag, i=None):
        # A name without letters or digits ("???") slugifies to "", which has no URL: every
        # page listing the tag would fail. taggit calls this for tags typed in a tags field.
        slug = super().slugify(tag, i)
        return slug if slug.strip("_-") else super().slugify("tag", i)


class TaggedFilm(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="film_items")
    content_object = models.ForeignKey("reviews.Film", on_delete=models.CASCADE, related_name="tagged_items")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("film tag")
        verbose_name_plural = _("film tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_film_unique"),
        ]


class TaggedReview(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="review_items")
    content_object = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="tagged_items"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review tag")
        verbose_name_plural = _("review tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_review_unique"),
        ]


def split_tag_names(text):
    """Tag names typed by an editor: comma-separated, so "Berlinale 2019" stays one tag.

    Replaces taggit's default, which splits on spaces when there is no comma.
    """
    names = {" ".join(part.split()) for part in (text or "").split(",")}
    return sorted(name for name in names if name)


def join_tag_names(tags):
    return ", ".join(sorted(tag.name for tag in tags))
