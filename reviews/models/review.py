"""Reviews and the rule of what readers may see."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from ..markup import render_markdown
from .base import Timestamped, Versioned, unique_slug


def _stars_label(half_stars):
    whole, half = divmod(half_stars, 2)
    return f"{whole or ''}{'½' if half else ''} ★"


# Values carry one decimal place, as the column stores them, so forms show the stored choice.
RATING_CHOICES = [
    (Decimal(half_stars * 5).scaleb(-1), _stars_label(half_stars)) for half_stars in range(1, 11)
]


class ReviewQuerySet(models.QuerySet):
    def published(self):
        """Reviews a reader may see: published, and not scheduled for later."""
        return self.filter(status=Review.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        return (
            self.select_related("film", "author")
            .prefetch_related("film__local_titles")
            .order_by("-published_at", "-pk")
        )


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class ReviewLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class Review(Versioned, Timestamped):
    Status = ReviewStatus
    Language = ReviewLanguage

    film = models.ForeignKey(
        "reviews.Film", on_delete=models.PROTECT, related_name="reviews", verbose_name=_("film")
    )
    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    teaser = models.TextField(_("teaser"), blank=True, default="")
    body = models.TextField(_("body"), blank=True, default="", help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True, default="")
    rating = models.DecimalField(
        _("rating"),
        max_digits=2,
        decimal_places=1,
        choices=RATING_CHOICES,
        null=True,
        blank=True,
        help_text=_("½ to 5 stars, in half stars; empty for no rating."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.GERMAN
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("author")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publish time"), null=True, blank=True, help_text=_("A time in the future schedules the review.")
    )
    tags = TaggableManager(verbose_name=_("tags"), through="TaggedReview", blank=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        permissions = [
            ("publish_review", _("Can publish reviews")),
            ("retag_review", _("Can add and remove tags of reviews")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__in=[value for value, label in RATING_CHOICES]),
                name="review_rating_half_stars",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ReviewStatus.values), name="review_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=ReviewLanguage.values),
                name="review_language_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="review_published_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="review_status_published_idx"),
            models.Index(fields=["film", "status"], name="review_film_status_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Review, self.headline)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # Fields derived above travel with the fields they derive from.
            derived = {"body": "body_html", "status": "published_at", "headline": "slug"}
            kwargs["update_fields"] = {*update_fields, *(derived[f] for f in update_fields if f in derived)}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reviews:review_detail", args=[self.slug])

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )
