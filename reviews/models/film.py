"""Films, their release titles and their credits."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import CharField, F, FilteredRelation, IntegerField, Q, Value
from django.db.models.functions import Coalesce, Left, Upper
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from ..images import SizedImageField, poster_upload_to
from .base import LANGUAGE_CHOICES, Timestamped, Versioned, language_name, slug_url, unique_slug
from .tag import Tag


def initial_letter():
    """A film's initial as the A–Z index files it: the first character of its original title,
    upper-cased ("m" and "M" under M). An expression, so that an index can hold it."""
    return Upper(Left("title", 1))


def reader_language(language=None):
    """The two-letter code of `language`, or of the active interface language."""
    return (language or get_language() or settings.LANGUAGE_CODE)[:2]


def reader_title(film_path="", language=None):
    """(join, title): a join of the film's local title in the reader's language, and an
    expression of the title that reader knows the film by (that local title, else the
    original). A film has at most one local title per language, so the join adds no rows.
    `film_path` leads from the queried model to the film ("film__" from a review)."""
    relation = f"{film_path}local_titles"
    join = FilteredRelation(relation, condition=Q(**{f"{relation}__language": reader_language(language)}))
    return join, Coalesce(F("reader_local_title__title"), F(f"{film_path}title"))


# What lists of films (the index, a tag's films, the featured festival) show of a film.
LISTED_FILM_FIELDS = (
    "slug",
    "title",
    "year",
    "original_language",
    "poster",
    "poster_width",
    "poster_height",
)


# The orders of lists of films, by name: A–Z by original title, or newest first.
FILM_ORDERS = {"title": ("title", "year", "pk"), "year": ("-year", "title", "pk")}


class FilmQuerySet(models.QuerySet):
    def with_reader_title(self, language=None):
        """Each film with `reader_title`: its title in the reader's language, by a join."""
        join, title = reader_title(language=language)
        return self.annotate(reader_local_title=join, reader_title=title)

    def for_lists(self):
        """What a list of films shows: the fields of LISTED_FILM_FIELDS and `reader_title`."""
        return self.only(*LISTED_FILM_FIELDS).with_reader_title()

    def as_listed(self, order):
        """These films (a filtered list, or a page cut from one) as `for_lists()` gives them, in
        `order` (a key of FILM_ORDERS): the list is cut before its films are joined with their
        titles, so a deep page of the index joins fifty films, not every film before them."""
        return Film.objects.filter(pk__in=self.values("pk")).for_lists().in_order(order)

    def in_order(self, order):
        return self.order_by(*FILM_ORDERS[order])

    def newest_first(self):
        return self.in_order("year")


class Film(Versioned, Timestamped):
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
    poster = SizedImageField(
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
    wikipedia_url = models.URLField(
        _("Wikipedia article"), max_length=300, blank=True, default="", help_text=_("The full address.")
    )
    # Listed by name: without an ordering, prefetched tags come in whatever order the
    # database returns them (SELECT DISTINCT), and pages and feeds would change with it.
    tags = TaggableManager(verbose_name=_("tags"), through="TaggedFilm", blank=True, ordering=["name"])

    objects = FilmQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("films")
        permissions = [("retag_film", _("Can add and remove tags of films"))]
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
        indexes = [
            models.Index(fields=["year"], name="film_year_idx"),
            models.Index(fields=["title", "year", "id"], name="film_title_year_idx"),
            # The A–Z index by letter (`initial_letter()`), in the list's order.
            models.Index(initial_letter(), F("title"), F("year"), F("id"), name="film_initial_title_idx"),
            # Trigram GIN index for search (pg_trgm); SQLite ignores USING and builds a B-tree.
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="film_title_trgm"),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Film, f"{self.title} {self.year}")
        adding = self._state.adding
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # Reviews index their film's title (Review.search_vector); a new film has no reviews yet.
        if not adding and (update_fields is None or "title" in update_fields):
            self.reviews.update_search_vectors()

    def get_absolute_url(self):
        return slug_url("reviews:film_detail", self.slug)

    def local_title(self, language=None):
        """The release title in `language` (default: the active one), or "" if none.

        Reads `local_title_objects()`, so that a prefetch serves it without a query.
        """
        language = reader_language(language)
        for local in self.local_title_objects():
            if local.language == language:
                return local.title
        return ""

    def get_original_language_display(self):
        return language_name(self.original_language)

    def local_title_objects(self):
        """The film's local titles, from `facts()` or a prefetch if there was one, else a query.

        `facts()` keeps them where `Prefetch("local_titles", to_attr="local_title_list")` would.
        """
        listed = self.__dict__.get("local_title_list")
        if listed is not None:
            return listed
        return self.local_titles.all()

    def display_title(self):
        """The title a reader of the active language knows the film by."""
        return self.local_title() or self.title

    def secondary_title(self):
        """Another title to show beside `display_title`, as (title, language code): the original
        title, else the German one; None when the shown title already contains both."""
        shown = self.display_title()
        for title, language in ((self.title, self.original_language), (self.local_title("de"), "de")):
            if title and title not in shown:
                return title, language or "und"
        return None

    def facts(self, review=None):
        """What a page shows beside the film: its credits with their people (grouped as
        `credits()` groups them) and the tags of the film, or of `review` if given.

        One query (a UNION ALL of credits, local titles and tags) rather than three; the local
        titles it reads serve `local_title_objects()` from then on.
        """
        person_model = Role.person.field.related_model
        credits, titles, tags = [], [], []
        for source, pk, kind, character, order, name, slug in _facts_query(self, review):
            if source == "credit":
                person = person_model(name=name, slug=slug)
                role = Role(pk=pk, film=self, person=person, kind=kind, character=character, order=order)
                credits.append(role)
            elif source == "title":
                titles.append(LocalTitle(pk=pk, film=self, language=name, title=slug))
            else:
                tags.append(Tag(pk=pk, name=name, slug=slug))
        self.local_title_list = titles
        return self.credits(credits), tags

    def credits(self, roles):
        """The film's `roles` (with their people) grouped for a page: directors, cast in billing
        order, crew by kind."""
        roles = sorted(roles, key=lambda role: (role.order, role.pk))
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

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("local title")
        verbose_name_plural = _("local titles")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["film", "language"], name="local_title_one_per_language"),
        ]
        # Trigram GIN index for search (pg_trgm); SQLite ignores USING and builds a B-tree.
        indexes = [GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="local_title_title_trgm")]

    def __str__(self):
        return self.title

    # Reviews index their film's local titles too (Review.search_vector).
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.film.reviews.update_search_vectors()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.film.reviews.update_search_vectors()
        return deleted

    def get_language_display(self):
        return language_name(self.language)


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
        "reviews.Person", on_delete=models.PROTECT, related_name="roles", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    character = models.CharField(
        _("character"), max_length=200, blank=True, default="", help_text=_("For actors only.")
    )
    order = models.PositiveSmallIntegerField(_("billing order"), default=0)

    history = HistoricalRecords()

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
            # Trigram GIN index for search (pg_trgm); SQLite ignores USING and builds a B-tree.
            GinIndex(fields=["character"], opclasses=["gin_trgm_ops"], name="role_character_trgm"),
        ]

    def __str__(self):
        if self.character:
            return f"{self.person} as {self.character} in {self.film}"
        return f"{self.person}: {self.get_kind_display()} of {self.film}"


def _facts_query(film, review=None):
    """Rows of (source, pk, kind, character, billing order, name, slug) for `Film.facts()`,
    sorted by source and name: ("credit", role, kind, character, order, the person's name and
    slug), ("tag", tag, "", "", 0, name, slug) and ("title", local title, "", "", 0, language,
    title). The columns are named by the first branch."""
    text, number = Value("", output_field=CharField()), Value(0, output_field=IntegerField())
    credits = film.roles.annotate(source=Value("credit"), name=F("person__name"), slug=F("person__slug"))
    titles = film.local_titles.values_list(Value("title"), "pk", text, text, number, "language", "title")
    tags = (review or film).tagged_items.values_list(
        Value("tag"), "tag_id", text, text, number, "tag__name", "tag__slug"
    )
    credits = credits.order_by().values_list("source", "pk", "kind", "character", "order", "name", "slug")
    return credits.union(titles.order_by(), tags.order_by(), all=True).order_by("source", "name")
