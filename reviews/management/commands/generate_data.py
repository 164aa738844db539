"""
Generate realistic fake content in bulk: people, films with credits and release titles,
reviews in German and English by generated critics, and festival and genre tags.

For benchmarks and for trying the site with an archive of realistic size. Rows go in with
COPY on PostgreSQL and `bulk_create` elsewhere, in batches (`reviews.devdata.bulk`), so no `save()`
and no signal runs: the command fills what
`save()` would (slugs, `body_html` as `Review.render_body()` makes it, `version` 1), then
refreshes the reviews' search vectors and the page cache's content version, and at the end
updates the planner's statistics (ANALYZE; VACUUM (ANALYZE) on PostgreSQL); no history rows
are written. Markdown is rendered by a worker process while the command writes the previous
batch. Everything happens in one transaction: a failed or interrupted run leaves the database
as it was.

What a seed decides. One seed gives the same names, titles, slugs, texts, ratings and
publish times on every run: each kind of content draws from a random stream of its own
(seeded with the seed, the kind and the number the run starts counting from), so
`--reviews 10` and `--reviews 1000` with the same seed give the same films. Publish times
are spread over the years before a fixed reference date (REFERENCE_TIME), not before
today; scheduled reviews fall in the year 2100, so they stay scheduled and the split
between published and scheduled never drifts as time passes. `created_at` and
`updated_at` are the time of the run: they say when the rows were written.

What counts as generated. Generated films, people and reviews have slugs ending in
`-gen<number>` (`der-lange-sommer-1987-gen42`); generated critics are users named
`gen-author-<number>`. A database with any other film, person or review is refused unless
`--force` is given. A second run on a generated database adds more content and continues
the numbering; with the same seed it does not repeat the first run's content.
"""

import gc
import re
import time
from array import array
from bisect import bisect_left, bisect_right
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from multiprocessing import get_context
from random import Random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.urls import reverse
from django.utils.text import slugify

from reviews import fakedata
from reviews.devdata import bulk
from reviews.models import (
    RATING_CHOICES,
    CreditKind,
    Film,
    LocalTitle,
    Person,
    Review,
    Role,
    Tag,
    TaggedFilm,
    TaggedReview,
)

# Both keep derived data current after writes that bypass save() and its signals.
try:
    from reviews.search import refresh_search_vectors
except ImportError:
    refresh_search_vectors = None
try:
    from reviews.caching import bump_content_version
except ImportError:
    bump_content_version = None

GENERATED_SLUG_REGEX = r"-gen[0-9]+$"
GENERATED_NUMBER = re.compile(r"-gen([0-9]+)$")
AUTHOR_PREFIX = "gen-author-"

REFERENCE_TIME = datetime(2026, 1, 1, tzinfo=UTC)
SCHEDULED_FROM = datetime(2100, 1, 1, tzinfo=UTC)
FIRST_YEAR, LAST_YEAR = 1950, 2025
# Reviews of old films are retrospectives: the archive starts in this year.
ARCHIVE_START = 1998

MIN_PEOPLE = 3
MAX_CREDITS = 30
RATING_VALUES = [value for value, _ in RATING_CHOICES]
# Half stars from ½ to 5: critics give 3½ more often than ½.
RATING_WEIGHTS = [1, 2, 3, 5, 8, 12, 14, 12, 7, 4]


class Command(BaseCommand):
    help = (
        "Generate fake people, films with credits, reviews and tags in bulk, the same for the same "
        "seed. Refuses a database with content it did not generate unless --force is given; on a "
        "database it generated, adds more and continues the numbering."
    )

    def add_arguments(self, parser):
        parser.add_argument("--films", type=int, required=True, help="Films to create.")
        parser.add_argument("--reviews", type=int, required=True, help="Reviews of those films to create.")
        parser.add_argument("--seed", type=int, required=True, help="Same seed, same content.")
        parser.add_argument(
            "--people", type=int, help="People to credit on the films (default: 1.5 per film)."
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="Films or reviews generated and rows inserted per step (default: 5000).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Add to a database that holds content of other origin."
        )

    def handle(self, *args, **options):
        films, reviews, seed, people, batch_size = self.validated(options)
        if not films:
            self.stdout.write("Nothing to generate: --films and --reviews are 0.")
            return
        started = time.monotonic()
        with transaction.atomic():
            self.refuse_foreign_content(options["force"])
            generator = Generator(seed, batch_size, self.progress if options["verbosity"] else None)
            pool = generator.create_people(people)
            facts = generator.create_films(films, pool)
            generator.create_reviews(reviews, facts)
            if bump_content_version is not None:
                transaction.on_commit(bump_content_version)
        self.update_statistics()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Generated {generator.summary()} in {elapsed:.1f} s."))

    def update_statistics(self):
        """Let the query planner see the new rows at once.

        Bulk inserts leave the tables' statistics as they were (empty, on a fresh database)
        until autovacuum comes by, and where it is off, for good; with them PostgreSQL
        guesses hundreds of rows where there are hundreds of thousands and picks plans
        that take seconds. ANALYZE samples each table, so it takes seconds at full scale.

        On PostgreSQL, outside a transaction, VACUUM (ANALYZE) also clears the row versions
        that computing the search vectors left behind (each review was written twice) and
        marks the pages all-visible: on a fresh full-scale database a search for a common
        name took twice as long before it.
        """
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")

    def validated(self, options):
        """The numbers to work with, or a CommandError that says which one is wrong and why."""
        values = {}
        for name in ("films", "reviews", "seed", "people", "batch_size"):
            value = options.get(name)
            option = "--" + name.replace("_", "-")
            if value is None or (isinstance(value, int) and not isinstance(value, bool)):
                values[name] = value
                continue
            try:
                values[name] = int(str(value).strip())
            except ValueError:
                raise CommandError(f"{option} must be a whole number, not {value!r}.") from None
        films, reviews, people = values["films"], values["reviews"], values["people"]
        for name in ("films", "reviews"):
            if values[name] < 0:
                raise CommandError(f"--{name} must be 0 or more, not {values[name]}.")
        if reviews and not films:
            raise CommandError("--reviews needs films to review: pass --films 1 or more.")
        if people is None:
            people = max(MIN_PEOPLE, round(films * 1.5))
        elif films and people < MIN_PEOPLE:
            raise CommandError(
                f"--people must be at least {MIN_PEOPLE}, as every film has three actors; got {people}."
            )
        if values["batch_size"] < 1:
            raise CommandError(f"--batch-size must be 1 or more, not {values['batch_size']}.")
        return films, reviews, values["seed"], people, values["batch_size"]

    def refuse_foreign_content(self, force):
        foreign = {
            label: model.objects.exclude(slug__regex=GENERATED_SLUG_REGEX).count()
            for label, model in (("films", Film), ("people", Person), ("reviews", Review))
        }
        if any(foreign.values()) and not force:
            found = ", ".join(f"{number} {label}" for label, number in foreign.items() if number)
            raise CommandError(
                f"This database holds content that generate_data did not create ({found}). "
                "Run it on an empty database, or pass --force to add generated content alongside."
            )

    def progress(self, label, total):
        return Progress(self.stderr, label, total)


class Progress:
    """A one-line progress bar, redrawn with a carriage return at most ten times a second."""

    width = 30

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total = stream, label, total
        self.done, self.started, self.shown = 0, time.monotonic(), 0.0
        self.draw()

    def advance(self, rows):
        self.done += rows
        now = time.monotonic()
        if now - self.shown >= 0.1 or self.done >= self.total:
            self.draw()

    def draw(self):
        self.shown, self.drawn = time.monotonic(), self.done
        share = self.done / self.total if self.total else 1
        bar = "#" * round(share * self.width)
        elapsed = self.shown - self.started
        counter = f"{self.done:>9,}/{self.total:,} {share:4.0%} {elapsed:6.1f}s"
        line = f"\r{self.label:<8} [{bar:<{self.width}}] {counter}"
        # Plain, not in the error colour Django gives stderr.
        self.stream.write(line, style_func=str, ending="")
        self.stream.flush()

    def finish(self):
        if self.drawn != self.done:
            self.draw()
        self.stream.write("", style_func=str)


class _NoProgress:
    def advance(self, rows):
        pass

    def finish(self):
        pass


class PeoplePool:
    """The people of a run, to draw credits from: popular people get many, by era and origin.

    Each person has a birth year and a popularity. For a film of a given year, credits go to
    people of working age then, each with a chance in proportion to their popularity: people
    sorted by birth year make the age window a slice, and cumulative popularity turns a
    random number into a person with one bisection.
    """

    # Below this many candidates an era or origin is too thin to choose from.
    min_candidates = 30

    def __init__(self):
        self.ids, self.names, self.slugs, self.female = [], [], [], bytearray()
        self._urls = {}
        self._people = []  # (index, is_actor, origin, birth_year, popularity) until `finish`
        self.slices = {}

    def add(self, person, female, is_actor, origin, birth_year, popularity):
        self._people.append((len(self.ids), is_actor, origin, birth_year, popularity))
        self.ids.append(person.pk)
        self.names.append(person.name)
        self.slugs.append(person.slug)
        self.female.append(female)

    def url(self, index):
        if index not in self._urls:
            self._urls[index] = reverse("reviews:person_detail", args=[self.slugs[index]])
        return self._urls[index]

    def finish(self):
        groups = {"any": self._people}
        for person in self._people:
            _, is_actor, origin, _, _ = person
            groups.setdefault((is_actor, origin), []).append(person)
            groups.setdefault((is_actor, "all"), []).append(person)
        for key, people in groups.items():
            people = sorted(people, key=lambda person: person[3])
            self.slices[key] = (
                array("q", [person[0] for person in people]),
                array("l", [person[3] for person in people]),
                array("d", accumulate(person[4] for person in people)),
            )
        self._people = []

    def __len__(self):
        return len(self.ids)

    def draw(self, rng, is_actor, origin, year, taken):
        """A person not in `taken`, of working age in `year`, mostly of the film's origin."""
        youngest = 16 if is_actor else 22
        keys = [(is_actor, origin), (is_actor, "all")] if rng.random() < 0.8 else [(is_actor, "all")]
        for key in keys:
            if key not in self.slices:
                continue
            members, births, cumulative = self.slices[key]
            low, high = bisect_left(births, year - 80), bisect_right(births, year - youngest)
            if high - low >= self.min_candidates:
                break
        else:
            members, births, cumulative = self.slices["any"]
            low, high = 0, len(members)
        for _ in range(25):
            base = cumulative[low - 1] if low else 0.0
            point = base + rng.random() * (cumulative[high - 1] - base)
            index = members[min(bisect_right(cumulative, point, low, high), high - 1)]
            if index not in taken:
                return index
        # A thin pool: take the first free person rather than keep drawing.
        return next(index for index in self.slices["any"][0] if index not in taken)


class Generator:
    """One run: numbering, random streams, tags and counts; `create_*` write the rows."""

    def __init__(self, seed, batch_size, progress=None):
        self.seed, self.batch_size = seed, batch_size
        self.make_progress = progress
        # In the order the summary names them.
        self.counts = dict.fromkeys(
            [
                "people",
                "films",
                "credits",
                "local titles",
                "reviews",
                "published",
                "drafts",
                "scheduled",
                "critics",
                "tags",
                "film tags",
                "review tags",
            ],
            0,
        )
        self.start = {
            "person": last_generated_number(Person),
            "film": last_generated_number(Film),
            "review": last_generated_number(Review),
        }
        self.tag_ids = {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}
        self.pool = None

    def summary(self):
        counts = self.counts
        statuses = ", ".join(f"{counts[kind]:,} {kind}" for kind in ("published", "drafts", "scheduled"))
        parts = [f"{counts[label]:,} {label}" for label in ("people", "films", "credits", "local titles")]
        parts.append(f"{counts['reviews']:,} reviews ({statuses})")
        parts += [f"{counts[label]:,} {label}" for label in ("critics", "tags", "film tags", "review tags")]
        return ", ".join(parts)

    def rng(self, kind):
        # A string seed is hashed with SHA-512 by `random`, the same on every machine and run.
        return Random(f"{self.seed}:{kind}:{self.start[kind]}")

    def progress(self, label, total):
        return self.make_progress(label, total) if self.make_progress and total else _NoProgress()

    def count(self, label, number):
        self.counts[label] += number

    def insert(self, model, rows):
        bulk.insert(model, rows, batch_size=self.batch_size)
        # With DEBUG on, Django keeps every statement; these are megabytes each.
        reset_queries()

    def tag_id(self, name):
        key = name.lower()
        if key not in self.tag_ids:
            tag = Tag(name=name)
            tag.save()
            self.tag_ids[key] = tag.pk
            self.count("tags", 1)
        return self.tag_ids[key]

    def create_people(self, count):
        rng = self.rng("person")
        pool = PeoplePool()
        origins = _origin_weights()
        progress = self.progress("people", count)
        for start in range(0, count, self.batch_size):
            batch, facts = [], []
            for index in range(start, min(count, start + self.batch_size)):
                origin = fakedata.weighted(rng, origins)
                female = rng.random() < 0.5
                is_actor = rng.random() < 0.72
                name = fakedata.person_name(rng, origin, female)
                age = rng.gauss(36, 12) if is_actor else rng.gauss(42, 11)
                birth_year = film_year(rng) - int(min(80, max(16 if is_actor else 22, age)))
                known = rng.random() < 0.8
                bio = ""
                if known and rng.random() < 0.5:
                    bio = f"Geboren {birth_year} in {rng.choice(fakedata.CITIES[origin])}."
                number = self.start["person"] + index + 1
                batch.append(
                    Person(
                        name=name,
                        slug=f"{slugify(name)[:150].strip('-') or 'person'}-gen{number}",
                        birth_date=date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
                        if known
                        else None,
                        bio=bio,
                    )
                )
                facts.append((female, is_actor, origin, birth_year, 0.3 + rng.lognormvariate(0, 1)))
            self.insert(Person, batch)
            for person, facts_of_person in zip(batch, facts, strict=True):
                pool.add(person, *facts_of_person)
            progress.advance(len(batch))
        progress.finish()
        pool.finish()
        self.count("people", count)
        self.pool = pool
        return pool

    def create_films(self, count, pool):
        """Films with credits, release titles and tags; returns what reviews need to know of them."""
        rng = self.rng("film")
        progress = self.progress("films", count)
        all_facts = []
        for start in range(0, count, self.batch_size):
            films, details = [], []
            for index in range(start, min(count, start + self.batch_size)):
                film, detail = self.film(rng, self.start["film"] + index + 1, pool)
                films.append(film)
                details.append(detail)
            self.insert(Film, films)
            roles, titles, taggings = [], [], []
            for film, (credits, local, tags, facts) in zip(films, details, strict=True):
                roles += [Role(film_id=film.pk, **credit) for credit in credits]
                if local:
                    titles.append(LocalTitle(film_id=film.pk, **local))
                taggings += [TaggedFilm(content_object_id=film.pk, tag_id=tag) for tag in tags]
                facts.film_id = film.pk
                all_facts.append(facts)
            self.insert(Role, roles)
            self.insert(LocalTitle, titles)
            self.insert(TaggedFilm, taggings)
            self.count("credits", len(roles))
            self.count("local titles", len(titles))
            self.count("film tags", len(taggings))
            progress.advance(len(films))
        progress.finish()
        self.count("films", count)
        return all_facts

    def film(self, rng, number, pool):
        language = fakedata.weighted(rng, fakedata.FILM_LANGUAGES)
        origin = fakedata.LANGUAGE_ORIGIN[language]
        title = fakedata.film_title(rng, language)
        year = film_year(rng)
        genres = _distinct(rng, fakedata.GENRES, 1 if rng.random() < 0.6 else 2)

        credits = []
        crew = {CreditKind.DIRECTOR: 2 if rng.random() < 0.08 else 1}
        crew[CreditKind.SCREENPLAY] = 0 if rng.random() < 0.55 else (2 if rng.random() < 0.3 else 1)
        crew[CreditKind.CAMERA] = crew[CreditKind.EDITING] = 1
        crew[CreditKind.MUSIC] = 1 if rng.random() < 0.9 else 0
        crew[CreditKind.PRODUCER] = 0 if rng.random() < 0.65 else (2 if rng.random() < 0.3 else 1)
        crew[CreditKind.PRODUCTION_DESIGN] = 1 if rng.random() < 0.25 else 0
        crew[CreditKind.COSTUME] = 1 if rng.random() < 0.2 else 0
        crew[CreditKind.SOUND] = 1 if rng.random() < 0.15 else 0
        chosen = {}
        for kind, number_of_people in crew.items():
            chosen[kind] = []
            for order in range(1, number_of_people + 1):
                person = pool.draw(rng, False, origin, year, chosen[kind])
                chosen[kind].append(person)
                credits.append({"person_id": pool.ids[person], "kind": kind, "order": order})
        if not crew[CreditKind.SCREENPLAY]:
            # The director wrote the screenplay too.
            director = chosen[CreditKind.DIRECTOR][0]
            credits.append({"person_id": pool.ids[director], "kind": CreditKind.SCREENPLAY, "order": 1})
            chosen[CreditKind.SCREENPLAY] = [director]

        actors = min(3 + min(17, int(rng.expovariate(1 / 1.8))), MAX_CREDITS - len(credits), len(pool))
        cast, taken, characters = [], [], set()
        for order in range(1, actors + 1):
            person = pool.draw(rng, True, origin, year, taken)
            taken.append(person)
            female = bool(pool.female[person])
            character = fakedata.character_name(rng, origin, female)
            while character in characters:
                character = fakedata.character_name(rng, origin, female)
            characters.add(character)
            credits.append(
                {
                    "person_id": pool.ids[person],
                    "kind": CreditKind.ACTOR,
                    "character": character,
                    "order": order,
                }
            )
            cast.append(fakedata.CastMember(character, pool.names[person], female))

        local = None
        if language == "de" and rng.random() < 0.4:
            local = {"language": "en", "title": fakedata.local_release_title(rng, title, "en")}
        elif language != "de" and rng.random() < 0.55:
            local = {"language": "de", "title": fakedata.local_release_title(rng, title, "de")}
        if local and rng.random() < 0.7:
            release_year = min(LAST_YEAR, year + (rng.random() < 0.3))
            local["release_date"] = date(release_year, rng.randint(1, 12), rng.randint(1, 28))

        tags = [self.tag_id(genre[0]) for genre in genres]
        festival = ""
        if rng.random() < 0.18:
            eligible = [entry for entry in fakedata.FESTIVALS if entry[1] <= year]
            entry = rng.choices(eligible, weights=[entry[2] for entry in eligible])[0]
            festival = f"{entry[0]} {year}"
            tags.append(self.tag_id(festival))
            if rng.random() < 0.06:
                tags.append(self.tag_id(entry[3]))
            if rng.random() < 0.03:
                tags.append(self.tag_id(fakedata.OPENING_FILM_TAG))

        occupation, plot = rng.randrange(len(fakedata.OCCUPATIONS)), rng.randrange(len(fakedata.PLOTS))
        slug = f"{slugify(title)[:150].strip('-') or 'film'}-{year}-gen{number}"
        film = Film(
            title=title,
            slug=slug,
            year=year,
            runtime=int(min(240, max(62, rng.gauss(104, 18)))),
            countries=_countries(rng, language),
            original_language=language,
            synopsis=fakedata.synopsis(rng, cast[0].character, cast[0].female, occupation, plot, cast[1]),
        )
        names = pool.names
        local_titles = {local["language"]: local["title"]} if local else {}
        facts = fakedata.FilmFacts(
            titles={"de": local_titles.get("de", title), "en": local_titles.get("en", title)},
            year=year,
            genre=genres[0][0],
            director=names[chosen[CreditKind.DIRECTOR][0]],
            director_female=bool(pool.female[chosen[CreditKind.DIRECTOR][0]]),
            writer=names[chosen[CreditKind.SCREENPLAY][0]],
            camera=names[chosen[CreditKind.CAMERA][0]],
            editor=names[chosen[CreditKind.EDITING][0]],
            music=names[chosen[CreditKind.MUSIC][0]] if chosen[CreditKind.MUSIC] else "",
            cast=cast[:4],
            occupation=occupation,
            plot=plot,
            festival=festival,
            slug=slug,
            people=tuple(
                dict.fromkeys([*(person for people in chosen.values() for person in people), *taken])
            ),
            # Some films are reviewed often, festival films more often.
            weight=rng.lognormvariate(0, 0.8) * (2 if festival else 1),
        )
        return film, (credits, local, tags, facts)

    def create_reviews(self, count, films):
        if not count:
            return
        rng = self.rng("review")
        authors = self.authors(count)
        by_language = {}
        for language in ("de", "en"):
            theirs = [(pk, weight) for pk, author_language, weight in authors if author_language == language]
            by_language[language] = (
                [pk for pk, _ in theirs],
                list(accumulate(weight for _, weight in theirs)),
            )
        film_weights = list(accumulate(facts.weight for facts in films))
        progress = self.progress("reviews", count)
        # Rendering the Markdown is most of the work: a second process renders one batch
        # while this one writes the previous. Runs of one batch are not worth starting it.
        with body_renderer(parallel=count > self.batch_size) as renderer:
            pending = None
            for start in range(0, count, self.batch_size):
                reviews, review_tags, bodies = [], [], []
                for index in range(start, min(count, start + self.batch_size)):
                    facts = films[bisect_left(film_weights, rng.random() * film_weights[-1])]
                    language = "de" if rng.random() < 0.6 else "en"
                    author_ids, author_weights = by_language[language]
                    author = author_ids[bisect_left(author_weights, rng.random() * author_weights[-1])]
                    review = self.review(rng, self.start["review"] + index + 1, facts, language, author)
                    reviews.append(review)
                    review_tags.append(self.review_tags(rng, facts))
                    people = [(self.pool.names[person], self.pool.url(person)) for person in facts.people]
                    bodies.append((review.body, language, people))
                rendering = renderer.submit(fakedata.render_bodies, bodies)
                if pending:
                    self.write_reviews(*pending, progress)
                pending = (reviews, review_tags, rendering)
            if pending:
                self.write_reviews(*pending, progress)
        progress.finish()
        self.count("reviews", count)

    def review(self, rng, number, facts, language, author):
        roll = rng.random()
        if roll < 0.85:
            status, published_at, kind = Review.Status.PUBLISHED, _past_time(rng, facts.year), "published"
        elif roll < 0.95:
            status, published_at, kind = Review.Status.DRAFT, None, "drafts"
        else:
            offset = timedelta(days=rng.randrange(365), minutes=rng.randrange(24 * 60))
            status, published_at, kind = Review.Status.PUBLISHED, SCHEDULED_FROM + offset, "scheduled"
        self.count(kind, 1)
        rating = None if rng.random() < 0.1 else rng.choices(RATING_VALUES, RATING_WEIGHTS)[0]
        headline, teaser, body = fakedata.review_text(rng, language, facts, rating)
        return Review(
            film_id=facts.film_id,
            headline=headline,
            slug=f"{slugify(headline)[:150].strip('-') or 'review'}-gen{number}",
            teaser=teaser,
            body=body,
            rating=rating,
            language=language,
            author_id=author,
            status=status,
            published_at=published_at,
        )

    def write_reviews(self, reviews, review_tags, rendering, progress):
        for review, body_html in zip(reviews, rendering.result(), strict=True):
            review.body_html = body_html
        self.insert(Review, reviews)
        taggings = [
            TaggedReview(content_object_id=review.pk, tag_id=tag)
            for review, tags in zip(reviews, review_tags, strict=True)
            for tag in tags
        ]
        self.insert(TaggedReview, taggings)
        if refresh_search_vectors is not None:
            refresh_search_vectors(review_ids=[review.pk for review in reviews])
            reset_queries()
        self.count("review tags", len(taggings))
        progress.advance(len(reviews))

    def review_tags(self, rng, facts):
        tags = []
        if facts.festival and rng.random() < 0.5:
            tags.append(self.tag_id(facts.festival))
        if rng.random() < 0.5:
            tags.append(self.tag_id(facts.genre))
        if facts.year < 1980 and rng.random() < 0.3:
            tags.append(self.tag_id(fakedata.CLASSIC_TAG))
        elif rng.random() < 0.25:
            tags.append(self.tag_id(rng.choice(fakedata.REVIEW_TAGS)))
        return tags

    def authors(self, reviews):
        """The critics of this run as (user id, language, share of reviews), created if missing.

        Critic number k is the same person in every run, whatever the seed, so later runs
        reuse the critics of earlier ones.
        """
        User = get_user_model()
        wanted = {}
        for number in range(1, min(150, max(3, round(reviews / 1500))) + 1):
            rng = Random(f"author:{number}")
            # Three in five critics write in German, as three in five reviews are German.
            language = "de" if number % 5 in (1, 3, 0) else "en"
            female = rng.random() < 0.5
            first = rng.choice(fakedata.FIRST_NAMES[language][0 if female else 1])
            last = rng.choice(fakedata.LAST_NAMES[language])
            wanted[f"{AUTHOR_PREFIX}{number:03d}"] = (first, last, language, rng.lognormvariate(0, 0.7))
        existing = dict(User.objects.filter(username__in=list(wanted)).values_list("username", "pk"))
        missing = [
            User(username=username, first_name=first, last_name=last, password=make_password(None))
            for username, (first, last, _, _) in wanted.items()
            if username not in existing
        ]
        self.insert(User, missing)
        existing.update({user.username: user.pk for user in missing})
        self.count("critics", len(missing))
        return [
            (existing[username], language, weight) for username, (_, _, language, weight) in wanted.items()
        ]


@contextmanager
def body_renderer(parallel):
    """An executor for `fakedata.render_bodies`: a worker process, or this process in turn."""
    if not parallel:
        yield _InProcess()
        return
    # "fork" rather than "spawn", which would import the caller's main module again. The worker
    # never touches the inherited database connection, and leaves with os._exit, without closing it.
    # It freezes what it inherits (the people and films of the run): its garbage collector then
    # skips those objects instead of walking them again and again while it renders.
    context = get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=gc.freeze) as executor:
        yield executor


class _InProcess:
    def submit(self, function, *args):
        future = Future()
        future.set_result(function(*args))
        return future


def last_generated_number(model):
    """The highest number a generated row of `model` carries, 0 if there is none."""
    slugs = model.objects.filter(slug__regex=GENERATED_SLUG_REGEX).values_list("slug", flat=True)
    return max((int(GENERATED_NUMBER.search(slug).group(1)) for slug in slugs.iterator(10000)), default=0)


def film_year(rng):
    # More films from recent decades, as in any film archive.
    return min(LAST_YEAR, FIRST_YEAR + int((LAST_YEAR - FIRST_YEAR + 1) * rng.random() ** 0.6))


def _origin_weights():
    weights = {}
    for language, weight in fakedata.FILM_LANGUAGES:
        origin = fakedata.LANGUAGE_ORIGIN[language]
        weights[origin] = weights.get(origin, 0) + weight
    return [(origin, weights[origin]) for origin in fakedata.ORIGINS]


def _countries(rng, language):
    countries = [fakedata.weighted(rng, fakedata.HOME_COUNTRIES[language])]
    if rng.random() < 0.25:
        for country in rng.sample(fakedata.COPRODUCERS, rng.randint(1, 3)):
            if country not in countries:
                countries.append(country)
    return countries


def _distinct(rng, weighted_entries, number):
    chosen = []
    while len(chosen) < number:
        entry = rng.choices(weighted_entries, weights=[entry[1] for entry in weighted_entries])[0]
        if entry not in chosen:
            chosen.append(entry)
    return chosen


def _past_time(rng, year):
    start = datetime(max(year, ARCHIVE_START), 1, 1, tzinfo=UTC)
    return start + timedelta(seconds=rng.randrange(int((REFERENCE_TIME - start).total_seconds())))
