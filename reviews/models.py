"""
The publication's content: films, the people credited on them, and reviews.

Integrity lives in the database (unique slugs, one credit per film/person/kind/
character, a rating on the half-star scale, PROTECT where a delete would lose credits
or reviews), so bulk writes and importers cannot get around it.
"""

from decimal import Decimal

from django.conf import global_settings, settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from .images import photo_upload_to, poster_upload_to
from .markup import render_markdown

RATING_CHOICES = [(Decimal(half_stars) / 2, f"{Decimal(half_stars) / 2:.1f}") for half_stars in range(1, 11)]

LANGUAGE_CHOICES = global_settings.LANGUAGES


def unique_slug(model, text, max_length=200, exclude_pk=None):
    """A slug for `text` that no other row of `model` has yet (suffixes -2, -3, … on clashes)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    candidate, number = base, 1
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=candidate).exists():
        number += 1
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
    return candidate


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


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
        return reverse("reviews:tag_detail", args=[self.slug])


class Film(Timestamped):
    title = models.CharField(_("original title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    runtime = models.PositiveSmallIntegerField(
        _("runtime"), null=True, blank=True, help_text=_("In minutes.")
    )
    countries = CountryField(_("production countries"), multiple=True, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=7, choices=LANGUAGE_CHOICES, blank=True, default=""
    )
    synopsis = models.TextField(_("synopsis"), blank=True, default="")
    poster = models.ImageField(
        _("poster"),
        upload_to=poster_upload_to,
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
    )
    poster_alt = models.CharField(
        _("poster alt text"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("What the poster shows, for readers who cannot see it."),
    )
    poster_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    imdb_id = models.CharField(_("IMDb id"), max_length=12, blank=True, default="")
    tmdb_id = models.PositiveIntegerField(_("TMDb id"), null=True, blank=True)
    tags = TaggableManager(verbose_name=_("tags"), through="TaggedFilm", blank=True)

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("films")
        ordering = ["title", "year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1870, year__lte=2100), name="film_year_plausible"
            ),
            models.CheckConstraint(
                condition=models.Q(runtime__isnull=True) | models.Q(runtime__gt=0),
                name="film_runtime_positive",
            ),
            models.UniqueConstraint(
                fields=["imdb_id"], condition=~models.Q(imdb_id=""), name="film_imdb_id_unique"
            ),
            models.UniqueConstraint(fields=["tmdb_id"], name="film_tmdb_id_unique"),
        ]
        indexes = [models.Index(fields=["year"], name="film_year_idx")]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Film, f"{self.title} {self.year}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reviews:film_detail", args=[self.slug])

    def local_title(self, language=None):
        """The release title in `language` (default: the active one), or "" if none.

        Reads `local_titles.all()` so that a prefetch serves it without a query.
        """
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        for local in self.local_titles.all():
            if local.language == language:
                return local.title
        return ""

    def display_title(self):
        """The title a reader of the active language knows the film by."""
        return self.local_title() or self.title

    def credits(self):
        """Credits grouped for a film page: directors, cast in billing order, crew by kind.

        Reads `roles.all()`; prefetch `roles__person` to keep it to one query.
        """
        roles = sorted(self.roles.all(), key=lambda role: (role.order, role.pk))
        by_kind = {kind: [] for kind in CreditKind.values}
        for role in roles:
            by_kind[role.kind].append(role)
        crew = [
            (CreditKind(kind).label, by_kind[kind])
            for kind in CreditKind.values
            if kind not in (CreditKind.DIRECTOR, CreditKind.ACTOR) and by_kind[kind]
        ]
        return {"directors": by_kind[CreditKind.DIRECTOR], "cast": by_kind[CreditKind.ACTOR], "crew": crew}


class LocalTitle(models.Model):
    """The title a film was released under in one language."""

    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="local_titles", verbose_name=_("film")
    )
    language = models.CharField(_("language"), max_length=7, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=250)
    release_date = models.DateField(_("release date"), null=True, blank=True)

    class Meta:
        verbose_name = _("local title")
        verbose_name_plural = _("local titles")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["film", "language"], name="local_title_one_per_language"),
        ]

    def __str__(self):
        return self.title


class Person(Timestamped):
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
        for role in roles:
            if role.kind == CreditKind.DIRECTOR:
                groups["directing"].append(role)
            elif role.kind == CreditKind.ACTOR:
                groups["acting"].append(role)
            else:
                groups["other"].append(role)
        return groups


class CreditKind(models.TextChoices):
    """What a person did on a film, in the order a film page lists the crew."""

    DIRECTOR = "director", _("Director")
    SCREENPLAY = "screenplay", _("Screenplay")
    ACTOR = "actor", _("Actor")
    CAMERA = "camera", _("Cinematography")
    EDITING = "editing", _("Editing")
    MUSIC = "music", _("Music")
    PRODUCER = "producer", _("Producer")
    PRODUCTION_DESIGN = "production_design", _("Production design")
    COSTUME = "costume", _("Costume design")
    SOUND = "sound", _("Sound")


class Role(models.Model):
    """One credit: one person in one capacity on one film."""

    Kind = CreditKind

    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="roles", verbose_name=_("film"))
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="roles", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    character = models.CharField(
        _("character"), max_length=200, blank=True, default="", help_text=_("For actors only.")
    )
    order = models.PositiveSmallIntegerField(_("billing order"), default=0)

    class Meta:
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "kind", "character"], name="role_unique_credit"
            ),
            models.CheckConstraint(condition=models.Q(kind__in=CreditKind.values), name="role_kind_known"),
            models.CheckConstraint(
                condition=models.Q(kind="actor") | models.Q(character=""),
                name="role_character_only_for_actors",
            ),
        ]
        indexes = [
            models.Index(fields=["film", "kind", "order"], name="role_film_kind_order_idx"),
            models.Index(fields=["person", "kind"], name="role_person_kind_idx"),
        ]

    def __str__(self):
        if self.character:
            return f"{self.person} as {self.character} in {self.film}"
        return f"{self.person}: {self.get_kind_display()} of {self.film}"


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


class Review(Timestamped):
    Status = ReviewStatus
    Language = ReviewLanguage

    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("film"))
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

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
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


class TaggedFilm(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="film_items")
    content_object = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("film tag")
        verbose_name_plural = _("film tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_film_unique"),
        ]


class TaggedReview(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="review_items")
    content_object = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("review tag")
        verbose_name_plural = _("review tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_review_unique"),
        ]
