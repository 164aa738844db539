"""
The demo content and its loader: films with their public credits, critics, reviews, tags,
staff groups and two demo accounts.

The content lives in files an editor can change without reading Python (`demo/`, described
in its README.md): JSON for the critics, tags, people, films and reviews, and one Markdown
file per review body.

Loading is idempotent: what exists already is left as it is (an editor may have changed it),
what is missing is created, and the loader reports what it created. Demo accounts get random
passwords, reported once, when they are created.
"""

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import get_image_dimensions
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from reviews.models import Film, LocalTitle, Person, Review, Role, Tag
from reviews.renditions import rendition_name, rendition_widths

from .demo_images import portrait_image, poster_image

CONTENT_DIR = Path(__file__).resolve().parent / "demo"
STAFF_GROUPS = ["Editors", "Festival staff"]
DEMO_ACCOUNTS = [
    # username, group, full name
    ("editor", "Editors", ("Erika", "Redakteurin")),
    ("festival", "Festival staff", ("Felix", "Festival")),
]
# A review's publish time that stands for "30 days after loading": it stays scheduled.
SCHEDULED = "SCHEDULED"


@dataclass(frozen=True)
class DemoContent:
    """The demo content as its files hold it (`demo/README.md` describes the fields)."""

    authors: list
    tags: list
    people: dict
    films: list
    reviews: list

    @classmethod
    def read(cls, folder=CONTENT_DIR):
        """The content of `folder`; each review's body comes from `reviews/<its slug>.md`."""

        def read_json(name):
            return json.loads((folder / name).read_text(encoding="utf-8"))

        def with_body(review):
            body = (folder / "reviews" / f"{review['slug']}.md").read_text(encoding="utf-8")
            # An editor's file ends with a newline; the stored body, as typed in the admin, does not.
            return {**review, "body": body.rstrip("\n")}

        return cls(
            authors=read_json("authors.json"),
            tags=read_json("tags.json"),
            people=read_json("people.json"),
            films=read_json("films.json"),
            reviews=[with_body(review) for review in read_json("reviews.json")],
        )


class DemoLoader:
    """One run of loading: what it created (`created`, by kind), the demo accounts' passwords."""

    def __init__(self):
        self.content = DemoContent.read()
        self.created = []
        self.passwords = []
        self.images = []

    def load(self):
        """Load everything missing in one transaction; a failure leaves no rows and no image files."""
        try:
            with transaction.atomic():
                groups = {name: Group.objects.get_or_create(name=name)[0] for name in STAFF_GROUPS}
                self.load_accounts(groups)
                authors = self.load_authors()
                tags = self.load_tags()
                films = self.load_films(tags)
                self.load_reviews(films, authors, tags)
        except BaseException:
            # The rows are rolled back; the image files written for them would stay behind.
            self.remove_images()
            raise

    def counts(self):
        """How many rows of each kind this run created, in the order it created them."""
        counts = {}
        for kind in self.created:
            counts[kind] = counts.get(kind, 0) + 1
        return counts

    def note(self, kind):
        self.created.append(kind)

    def save_image(self, field_file, name, content):
        """Store a demo image (its renditions are made when the row's save commits)."""
        field_file.save(name, content, save=False)
        self.images.append((field_file.storage, field_file.name))

    def remove_images(self):
        """Delete the images this run stored, with any renditions made of them."""
        for storage, name in self.images:
            if not storage.exists(name):
                continue
            with storage.open(name, "rb") as image:
                width, _height = get_image_dimensions(image)
            for stored in (*(rendition_name(name, size) for size in rendition_widths(width)), name):
                if storage.exists(stored):
                    storage.delete(stored)

    def load_accounts(self, groups):
        User = get_user_model()
        for username, group_name, (first_name, last_name) in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first_name, "last_name": last_name, "is_staff": True},
            )
            if created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save(update_fields=["password"])
                self.passwords.append((username, password))
                self.note("accounts")
            if not user.groups.filter(pk=groups[group_name].pk).exists():
                user.groups.add(groups[group_name])

    def load_authors(self):
        User = get_user_model()
        authors = {}
        for data in self.content.authors:
            user, created = User.objects.get_or_create(
                username=data["username"],
                defaults={"first_name": data["first_name"], "last_name": data["last_name"]},
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                self.note("critics")
            authors[user.username] = user
        return authors

    def load_tags(self):
        tags = {}
        for data in self.content.tags:
            tag = Tag.objects.filter(name__iexact=data["name"]).first()
            if tag is None:
                tag = Tag.objects.create(
                    name=data["name"],
                    featured=data.get("featured", False),
                    description=data.get("description", ""),
                )
                self.note("tags")
            tags[data["name"]] = tag
        return tags

    def person(self, name):
        person = Person.objects.filter(slug=slugify(name)).first()
        if person is not None:
            return person
        facts = self.content.people.get(name, {})
        person = Person(
            name=name,
            bio=facts.get("bio", ""),
            birth_date=date.fromisoformat(facts["birth_date"]) if facts.get("birth_date") else None,
            photo_alt=f"Porträt von {name}",
            wikipedia_url=facts.get("wikipedia_url", ""),
        )
        self.save_image(person.photo, f"{slugify(name)}.jpg", portrait_image(name))
        person.save()
        self.note("people")
        return person

    def load_films(self, tags):
        films = {}
        for data in self.content.films:
            film = Film.objects.filter(slug=data["slug"]).first()
            if film is None:
                film = Film(
                    title=data["title"],
                    slug=data["slug"],
                    year=data["year"],
                    runtime=data.get("runtime"),
                    countries=data.get("countries", []),
                    original_language=data.get("original_language", ""),
                    synopsis=data.get("synopsis", ""),
                    poster_alt=f"Plakat von {data['title']}",
                    wikipedia_url=data.get("wikipedia_url", ""),
                )
                self.save_image(film.poster, f"{data['slug']}.jpg", poster_image(data["title"], data["year"]))
                film.save()
                self.note("films")
            for local in data.get("local_titles", []):
                _, created = LocalTitle.objects.get_or_create(
                    film=film,
                    language=local["language"],
                    defaults={
                        "title": local["title"],
                        "release_date": date.fromisoformat(local["release_date"])
                        if local.get("release_date")
                        else None,
                    },
                )
                if created:
                    self.note("local titles")
            for order, credit in enumerate(data.get("credits", []), start=1):
                _, created = Role.objects.get_or_create(
                    film=film,
                    person=self.person(credit["person"]),
                    kind=credit["kind"],
                    character=credit.get("character", ""),
                    defaults={"order": order},
                )
                if created:
                    self.note("credits")
            self.add_tags(film, [tags[name] for name in data.get("tags", [])])
            films[film.slug] = film
        return films

    def load_reviews(self, films, authors, tags):
        for data in self.content.reviews:
            review = Review.objects.filter(slug=data["slug"]).first()
            if review is None:
                published_at = data.get("published_at")
                if published_at == SCHEDULED:
                    published_at = timezone.now() + timedelta(days=30)
                elif published_at:
                    published_at = datetime.fromisoformat(published_at)
                review = Review.objects.create(
                    film=films[data["film"]],
                    slug=data["slug"],
                    headline=data["headline"],
                    teaser=data.get("teaser", ""),
                    body=data.get("body", ""),
                    rating=Decimal(data["rating"]) if data.get("rating") else None,
                    language=data["language"],
                    author=authors[data["author"]],
                    status=data["status"],
                    published_at=published_at,
                )
                self.note("reviews")
            self.add_tags(review, [tags[name] for name in data.get("tags", [])])

    def add_tags(self, obj, wanted):
        present = {tag.pk for tag in obj.tags.all()}
        missing = [tag for tag in wanted if tag.pk not in present]
        if missing:
            obj.tags.add(*missing)
            self.note("taggings")
