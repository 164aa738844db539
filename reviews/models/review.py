"""Reviews and the rule of what readers may see."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from ..markup import link_first_mentions, reading_minutes, render_markdown
from .base import Timestamped, Versioned, slug_url, unique_slug
from .film import LISTED_FILM_FIELDS, Film, LocalTitle, reader_title
from .person import Person


def _stars_label(half_stars):
    whole, half = divmod(half_stars, 2)
    return f"{whole or ''}{'½' if half else ''} ★"


# Values carry one decimal place, as the column stores them, so forms show the stored choice.
RATING_CHOICES = [
    (Decimal(half_stars * 5).scaleb(-1), _stars_label(half_stars)) for half_stars in range(1, 11)
]

# PostgreSQL text search configuration per review language: German reviews get German stemming.
TEXT_SEARCH_CONFIGS = {"de": "german", "en": "english"}
# What a change to one of these fields can change in the stored search vector.
SEARCHED_FIELDS = frozenset({"headline", "teaser", "body", "body_html", "language", "film", "film_id"})


def text_search_config():
    """The text search configuration of each review's language, as an SQL expression."""
    return models.Case(
        *(models.When(language=code, then=models.Value(name)) for code, name in TEXT_SEARCH_CONFIGS.items()),
        default=models.Value("simple"),
        output_field=models.CharField(),
    )


def body_text():
    """The body as readers see it, as plain text: the sanitised HTML without its tags.

    Tags go without a trace, as inside a paragraph they sit between letters and punctuation
    ("<em>Film</em>,") and between blocks the renderer puts a newline. Entities (`&amp;`)
    stay: the text search parser skips them, and snippets unescape them.
    """
    return models.Func(
        models.F("body_html"),
        models.Value("<[^>]*>"),
        models.Value(""),
        models.Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )


# What lists of reviews (cards, feeds, search results) show of a review, its film and author.
# A review's body, rendered body and search vector are kilobytes each, and a page of fifty
# reviews would fetch and decode them all for nothing.
CARD_FIELDS = (
    "slug",
    "headline",
    "teaser",
    "language",
    "rating",
    "published_at",
    "updated_at",
    "film",
    "author",
    *(f"film__{name}" for name in LISTED_FILM_FIELDS),
    "author__username",
    "author__first_name",
    "author__last_name",
)


def _author_fields_not_shown():
    """The author's fields no page shows (the password hash among them): left in the database."""
    shown = {"id", "username", "first_name", "last_name"}
    user = get_user_model()
    return [f"author__{field.name}" for field in user._meta.concrete_fields if field.name not in shown]


class ReviewQuerySet(models.QuerySet):
    def published(self, now=None):
        """Reviews a reader may see: published, and not scheduled for later (than `now`)."""
        return self.filter(status=Review.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def newest_first(self):
        """The order of every list of reviews (the id breaks ties of one publication time)."""
        return self.order_by("-published_at", "-pk")

    def for_cards(self):
        """Newest first, with what a review card shows (CARD_FIELDS): the review, its film with
        `film_reader_title` (the film's title in the reader's language) and its author."""
        join, title = reader_title("film__")
        return (
            self.select_related("film", "author")
            .only(*CARD_FIELDS)
            .annotate(reader_local_title=join, film_reader_title=title)
            .newest_first()
        )

    def as_cards(self):
        """These reviews (a filtered, ordered list, or a page cut from one) as `for_cards()`
        gives them, newest first.

        The list is filtered, sorted and cut without joins, and only the reviews it keeps are
        joined with their films, titles and authors: joined first, a deep page of the archive
        would join every review before it.
        """
        return Review.objects.filter(pk__in=self.values("pk")).for_cards()

    def for_page(self):
        """With what a review's own page shows: its film and author, not its search vector."""
        return self.select_related("film", "author").defer("search_vector", *_author_fields_not_shown())

    def update_search_vectors(self):
        """Recompute the stored search vectors of these reviews in one UPDATE; PostgreSQL only.

        Headline and the film's original and local titles weigh A, the teaser B, the body C,
        each review parsed with its own language's configuration.
        """
        if connections[self.db].vendor != "postgresql":
            return 0
        config = text_search_config()
        film_title = models.Subquery(Film.objects.filter(pk=models.OuterRef("film_id")).values("title")[:1])
        local_titles = models.Subquery(
            LocalTitle.objects.filter(film=models.OuterRef("film_id"))
            .values("film")
            .annotate(titles=StringAgg("title", " "))
            .values("titles")
        )
        return self.update(
            search_vector=SearchVector("headline", film_title, local_titles, config=config, weight="A")
            + SearchVector("teaser", config=config, weight="B")
            + SearchVector(body_text(), config=config, weight="C")
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
    # Listed by name: without an ordering, prefetched tags come in whatever order the
    # database returns them (SELECT DISTINCT), and pages and feeds would change with it.
    tags = TaggableManager(verbose_name=_("tags"), through="TaggedReview", blank=True, ordering=["name"])
    # Stored rather than computed per query so a GIN index can serve the search. Not a
    # GeneratedField: that breaks migrate on SQLite, and it could not include the film's titles.
    # Kept current by save() here, Film.save and LocalTitle.save/delete; bulk writes call
    # reviews.search.refresh_search_vectors(). Stays NULL on SQLite, which searches without it.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body_html", "search_vector"])

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
            # The admin's list: newest first whatever the status, and its years (review_admin).
            models.Index(fields=["-published_at"], name="review_published_idx"),
            # PostgreSQL only in effect: SQLite ignores USING and builds a B-tree on a NULL column.
            GinIndex(fields=["search_vector"], name="review_search_vector_gin"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Review, self.headline)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.body_html = self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # Fields derived above travel with the fields they derive from.
            derived = {
                "body": "body_html",
                "language": "body_html",
                "status": "published_at",
                "headline": "slug",
            }
            kwargs["update_fields"] = {*update_fields, *(derived[f] for f in update_fields if f in derived)}
        super().save(*args, **kwargs)
        # A second statement because the vector reads the film's titles from other tables.
        if update_fields is None or SEARCHED_FIELDS & set(update_fields):
            Review.objects.using(self._state.db).filter(pk=self.pk).update_search_vectors()

    def get_absolute_url(self):
        return slug_url("reviews:review_detail", self.slug)

    def render_body(self, people=None):
        """The body as readers see it: sanitised HTML, the film's people linked at first mention.

        `people`, the film's people as (name, slug), when the caller has read them already
        (for all reviews of a film at once); else they are read here.
        """
        html = render_markdown(self.body, self.language)
        if not html or self.film_id is None:
            return html
        if people is None:
            people = Person.objects.filter(roles__film_id=self.film_id).distinct().values_list("name", "slug")
        return link_first_mentions(
            html, [(name, slug_url("reviews:person_detail", slug)) for name, slug in people]
        )

    @property
    def reading_minutes(self):
        return reading_minutes(self.body)

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
