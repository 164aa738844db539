"""
Generate realistic fake content in bulk: people, films with credits and release titles,
reviews in German and English by generated critics, and festival and genre tags.

For benchmarks and for trying the site with an archive of realistic size; `manage.py
generate_data` is its command line. Rows go in with COPY on PostgreSQL and `bulk_create`
elsewhere, in batches (`bulk.insert`), so no `save()` and no signal runs: the generator fills
what `save()` would (slugs, `body_html` as `Review.render_body()` makes it, `version` 1), then
refreshes the reviews' search vectors and the page cache's content version, and at the end
updates the planner's statistics (ANALYZE; VACUUM (ANALYZE) on PostgreSQL); no history rows
are written. Markdown is rendered by a worker process while the generator writes the previous
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
the caller allows it (`--force`). A second run on a generated database adds more content and
continues the numbering; with the same seed it does not repeat the first run's content.
"""

import re
from bisect import bisect_left
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from random import Random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, reset_queries, transaction
from django.utils.text import slugify

from reviews.caching import bump_content_version
from reviews.models import (
    RATING_CHOICES,
    Film,
    LocalTitle,
    Person,
    Review,
    Role,
    Tag,
    TaggedFilm,
    TaggedReview,
)
from reviews.search import refresh_search_vectors

from . import bulk
from .films import draw_film
from .people import PeoplePool, draw_person, origin_weights
from .progress import NoProgress
from .rendering import body_renderer, render_bodies
from .review_texts import review_text
from .vocabulary import CLASSIC_TAG, FIRST_NAMES, LAST_NAMES, REVIEW_TAGS

GENERATED_SLUG_REGEX = r"-gen[0-9]+$"
GENERATED_NUMBER = re.compile(r"-gen([0-9]+)$")
AUTHOR_PREFIX = "gen-author-"

REFERENCE_TIME = datetime(2026, 1, 1, tzinfo=UTC)
SCHEDULED_FROM = datetime(2100, 1, 1, tzinfo=UTC)
# Reviews of old films are retrospectives: the archive starts in this year.
ARCHIVE_START = 1998

# Every film has three actors.
MIN_PEOPLE = 3
RATING_VALUES = [value for value, _ in RATING_CHOICES]
# Half stars from ½ to 5: critics give 3½ more often than ½.
RATING_WEIGHTS = [1, 2, 3, 5, 8, 12, 14, 12, 7, 4]


class ForeignContent(Exception):
    """The database holds films, people or reviews the generator did not create."""

    def __init__(self, found):
        self.found = found
        super().__init__(", ".join(f"{number} {label}" for label, number in found.items() if number))


def generate(*, films, reviews, seed, people, batch_size, force=False, progress=None):
    """Write one run in one transaction, then update the planner's statistics.

    Raises `ForeignContent`, having written nothing, if the database holds content of other
    origin and `force` is false. `progress(label, total)` makes a progress bar. Returns the
    run's `Generator`, whose `summary()` says what was written.
    """
    with transaction.atomic():
        found = foreign_content()
        if any(found.values()) and not force:
            raise ForeignContent(found)
        generator = Generator(seed, batch_size, progress)
        pool = generator.create_people(people)
        facts = generator.create_films(films, pool)
        generator.create_reviews(reviews, facts)
        transaction.on_commit(bump_content_version)
    update_statistics()
    return generator


def foreign_content():
    """How many films, people and reviews the generator did not create, by label."""
    return {
        label: model.objects.exclude(slug__regex=GENERATED_SLUG_REGEX).count()
        for label, model in (("films", Film), ("people", Person), ("reviews", Review))
    }


def update_statistics():
    """Let the query planner see the new rows at once.

    Bulk inserts leave the tables' statistics as they were (empty, on a fresh database)
    until autovacuum comes by, and where it is off, for good; with them PostgreSQL
    guesses hundreds of rows where there are hundreds of thousands and picks plans
    for tables that small. ANALYZE samples each table, so it stays cheap at full scale.

    On PostgreSQL, outside a transaction, VACUUM (ANALYZE) also clears the row versions
    that computing the search vectors left behind (each review was written twice) and
    marks the pages all-visible: on a fresh full-scale database, a search for a common name
    was markedly slower without it (bench/README.md).
    """
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")


def last_generated_number(model):
    """The highest number a generated row of `model` carries, 0 if there is none."""
    slugs = model.objects.filter(slug__regex=GENERATED_SLUG_REGEX).values_list("slug", flat=True)
    return max((int(GENERATED_NUMBER.search(slug).group(1)) for slug in slugs.iterator(10000)), default=0)


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
        return self.make_progress(label, total) if self.make_progress and total else NoProgress()

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
        origins = origin_weights()
        progress = self.progress("people", count)
        for start in range(0, count, self.batch_size):
            batch, facts = [], []
            for index in range(start, min(count, start + self.batch_size)):
                person, facts_of_person = draw_person(rng, self.start["person"] + index + 1, origins)
                batch.append(person)
                facts.append(facts_of_person)
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
            drawn = [
                draw_film(rng, self.start["film"] + index + 1, pool)
                for index in range(start, min(count, start + self.batch_size))
            ]
            self.insert(Film, [each.film for each in drawn])
            roles, titles, taggings = [], [], []
            for each in drawn:
                film_id = each.facts.film_id = each.film.pk
                roles += [Role(film_id=film_id, **credit) for credit in each.credits]
                if each.local_title:
                    titles.append(LocalTitle(film_id=film_id, **each.local_title))
                tag_ids = [self.tag_id(name) for name in each.tags]
                taggings += [TaggedFilm(content_object_id=film_id, tag_id=tag_id) for tag_id in tag_ids]
                all_facts.append(each.facts)
            self.insert(Role, roles)
            self.insert(LocalTitle, titles)
            self.insert(TaggedFilm, taggings)
            self.count("credits", len(roles))
            self.count("local titles", len(titles))
            self.count("film tags", len(taggings))
            progress.advance(len(drawn))
        progress.finish()
        self.count("films", count)
        return all_facts

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
                rendering = renderer.submit(render_bodies, bodies)
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
        headline, teaser, body = review_text(rng, language, facts, rating)
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
            tags.append(self.tag_id(CLASSIC_TAG))
        elif rng.random() < 0.25:
            tags.append(self.tag_id(rng.choice(REVIEW_TAGS)))
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
            first = rng.choice(FIRST_NAMES[language][0 if female else 1])
            last = rng.choice(LAST_NAMES[language])
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


def _past_time(rng, year):
    start = datetime(max(year, ARCHIVE_START), 1, 1, tzinfo=UTC)
    return start + timedelta(seconds=rng.randrange(int((REFERENCE_TIME - start).total_seconds())))
