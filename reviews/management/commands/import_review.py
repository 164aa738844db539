"""
Import a review written outside the site (plain text or Markdown, UTF-8) as a draft.

The first non-empty line is the headline, a short second paragraph followed by more text is
the teaser, the rest is the body. The film is found by its original or a local title and its
year, or created. The command then lists the credits the text names and the names and
titles it seems to misspell; with --add-credits it adds the credits the film lacks.

Everything happens in one transaction, so bad input leaves the database as it was. A
second import of the same headline for the same film is refused rather than creating a
duplicate draft: the first one is where the editing continues.
"""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.db.models import Q

from reviews.credits import Slip, add_credit, fact_check, find_credits, missing_credits, normalise
from reviews.models import Film, Review, Role

TEASER_MAX_LENGTH = 300
# The range Film's film_year_plausible constraint allows, checked before any look-up.
MIN_YEAR, MAX_YEAR = 1870, 2100

_HEADING_MARKS_RE = re.compile(r"^[^\S\n]{0,3}#+[^\S\n]*|[^\S\n]+#+[^\S\n]*$")
_SETEXT_UNDERLINE_RE = re.compile(r"[^\S\n]*(?:=+|-+)[^\S\n]*")
_BLANK_LINES_RE = re.compile(r"\n[^\S\n]*\n(?:[^\S\n]*\n)*")
_WRAPPING_EMPHASIS_RE = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_")
_TITLE_DASHES = (" – ", " — ", " - ")


class Command(BaseCommand):
    help = "Import a review text file as a draft review, and check its credits against the film."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A plain-text or Markdown file in UTF-8.")
        parser.add_argument("--film-title", required=True, help="The original or a local title.")
        parser.add_argument("--year", required=True, help="The film's year.")
        parser.add_argument(
            "--language", default=Review.Language.GERMAN, help="The review's language: de or en."
        )
        parser.add_argument("--author", help="Username of the author (default: the only superuser).")
        parser.add_argument(
            "--add-credits", action="store_true", help="Add the credits the text names and the film lacks."
        )

    @no_translations
    def handle(self, *args, **options):
        film_title = (options["film_title"] or "").strip()
        if not film_title:
            raise CommandError("--film-title is empty: give the film's original or local title.")
        year = parse_year(options["year"])
        language = options["language"]
        if language not in Review.Language.values:
            raise CommandError(
                f"--language {language!r} is not supported; use one of: {', '.join(Review.Language.values)}."
            )
        headline, teaser, body = split_review(read_text(Path(options["file"])))

        with transaction.atomic():
            author = find_author(options["author"])
            film, film_created = find_or_create_film(film_title, year)
            duplicate = film.reviews.filter(headline__iexact=headline).first()
            if duplicate is not None:
                raise CommandError(
                    f"{film} already has a review headed {duplicate.headline!r} (id {duplicate.pk}, "
                    f"{duplicate.get_status_display()}). Edit that one, or change the headline."
                )
            review = Review(
                film=film,
                headline=headline,
                teaser=teaser,
                body=body,
                language=language,
                author=author,
                status=Review.Status.DRAFT,
            )
            validate(review, exclude=["slug"])
            review.save()

            film = Film.objects.prefetch_related("roles__person", "local_titles").get(pk=film.pk)
            text = "\n\n".join(part for part in (headline, teaser, body) if part)
            credits = find_credits(text)
            missing = missing_credits(film, text)
            slips = fact_check(film, text)
            added = add_credits(film, missing, slips) if options["add_credits"] else None

        self.report(film, film_created, review, credits, missing, slips, added)

    def report(self, film, film_created, review, credits, missing, slips, added):
        if film_created:
            self.stdout.write(self.style.WARNING(f"Created the film {film}: check its details in the admin."))
        self.stdout.write(
            self.style.SUCCESS(f"Created a draft review {review.headline!r} of {film} (id {review.pk}).")
        )
        self.stdout.write("Credits in the text:" if credits else "No credits found in the text.")
        for credit in credits:
            state = "missing" if credit in missing else "on the film"
            self.stdout.write(f"  {describe(credit)} ({state})")
        if slips:
            self.stdout.write(self.style.WARNING("Possible slips:"))
        for slip in slips:
            if slip.kind == Slip.NAME:
                self.stdout.write(f"  name {slip.found!r} — the film credits {slip.stored!r}")
            else:
                self.stdout.write(f"  title {slip.found!r} — the film is titled {slip.stored!r}")
        if added is None:
            return
        people, roles, skipped = added
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {count(people, 'new person', 'new people')} and {count(roles, 'credit', 'credits')} "
                f"to {film}."
            )
        )
        for role in roles:
            self.stdout.write(f"  added {describe(role)}")
        for credit in skipped:
            self.stdout.write(
                self.style.WARNING(f"  not added, the name looks like a slip: {describe(credit)}")
            )


def count(items, singular, plural):
    return f"{len(items)} {singular if len(items) == 1 else plural}"


def describe(credit):
    """A MentionedCredit or Role as the report lists it: "actor: Zoe Kazan as Clara"."""
    name = credit.person.name if isinstance(credit, Role) else credit.name
    text = f"{credit.kind}: {name}"
    return f"{text} as {credit.character}" if credit.character else text


def parse_year(value):
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{4}", text) or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise CommandError(f"--year {value!r} is not a plausible year ({MIN_YEAR}–{MAX_YEAR}).")
    return int(text)


def read_text(path):
    if not path.exists():
        raise CommandError(f"{path}: no such file.")
    if path.is_dir():
        raise CommandError(f"{path} is a directory; give the review's text file.")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CommandError(f"{path} cannot be read: {error.strerror}.") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8.") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CommandError(f"{path} is empty.")
    return text


def split_review(text):
    """(headline, teaser, body) of a review text; the teaser is "" when there is none."""
    lines = text.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    headline = _HEADING_MARKS_RE.sub("", lines[0]).strip()
    rest = lines[1:]
    if rest and _SETEXT_UNDERLINE_RE.fullmatch(rest[0]):
        rest = rest[1:]
    if not headline:
        raise CommandError("The first line has no headline.")
    paragraphs = _BLANK_LINES_RE.split("\n".join(rest).strip("\n").rstrip(), maxsplit=1)
    first = paragraphs[0].strip()
    if len(paragraphs) == 2 and first and len(first) <= TEASER_MAX_LENGTH and not first.startswith("#"):
        return headline, unwrap_emphasis(" ".join(first.split())), paragraphs[1]
    return headline, "", "\n".join(rest).strip("\n").rstrip()


def unwrap_emphasis(teaser):
    # A teaser is shown as plain text, where "*Kurz gesagt.*" would keep its asterisks.
    match = _WRAPPING_EMPHASIS_RE.fullmatch(teaser)
    if match:
        return next(group for group in match.groups() if group is not None).strip()
    return teaser


def find_author(username):
    User = get_user_model()
    if username is not None:
        try:
            return User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"--author {username!r}: there is no such user.") from None
    superusers = list(User._default_manager.filter(is_superuser=True)[:2])
    if len(superusers) != 1:
        raise CommandError(
            "Pass --author USERNAME: the author is only implied when there is exactly one superuser."
        )
    return superusers[0]


def find_or_create_film(title, year):
    """The film called `title` (original or local title, any case) from `year`, and whether it is new."""
    by_title = Q(title__iexact=title) | Q(local_titles__title__iexact=title)
    for dash in _TITLE_DASHES:
        by_title |= Q(local_titles__title__iendswith=f"{dash}{title}")
    films = list(Film.objects.filter(by_title, year=year).distinct().order_by("pk")[:3])
    if len(films) > 1:
        raise CommandError(
            f"Several films from {year} are called {title!r}: {', '.join(film.slug for film in films)}; "
            "use the original title of the one you mean."
        )
    if films:
        return films[0], False
    film = Film(title=title, year=year)
    validate(film, exclude=["slug"])
    film.save()
    return film, True


def add_credits(film, missing, slips):
    """Create the missing people and roles; credits whose name looks like a slip are left out."""
    slipped = {normalise(slip.found) for slip in slips if slip.kind == Slip.NAME}
    people, roles, skipped = [], [], []
    for credit in missing:
        if normalise(credit.name) in slipped:
            skipped.append(credit)
            continue
        role, person_created, role_created = add_credit(film, credit)
        if person_created:
            people.append(role.person)
        if role_created:
            roles.append(role)
    return people, roles, skipped


def validate(instance, exclude):
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = "; ".join(f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items())
        raise CommandError(f"Cannot save {instance._meta.verbose_name}: {messages}") from error
