"""
Load the demo content: films with their credits, critics, reviews, tags, staff groups
and two demo accounts.

Idempotent: what exists already is left as it is (an editor may have changed it), what
is missing is created, and a run that creates nothing says so. Demo accounts get random
passwords, printed once, when they are created.
"""

import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import get_image_dimensions
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from reviews import demo_content
from reviews.demo_images import portrait_image, poster_image
from reviews.models import Film, LocalTitle, Person, Review, Role, Tag
from reviews.renditions import rendition_name, rendition_widths

STAFF_GROUPS = ["Editors", "Festival staff"]
DEMO_ACCOUNTS = [
    # username, group, full name
    ("editor", "Editors", ("Erika", "Redakteurin")),
    ("festival", "Festival staff", ("Felix", "Festival")),
]
SCHEDULED = "SCHEDULED"


class Command(BaseCommand):
    help = "Load the demo films, people, reviews, tags, staff groups and demo accounts."

    def handle(self, *args, **options):
        self.created = []
        self.passwords = []
        self.images = []
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

        if not self.created:
            self.stdout.write("Demo content is already loaded; nothing changed.")
            return
        counts = {}
        for kind in self.created:
            counts[kind] = counts.get(kind, 0) + 1
        summary = ", ".join(f"{number} {kind}" for kind, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
        for username, password in self.passwords:
            self.stdout.write(f"  Account {username!r} created with password {password} (shown only once).")

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
        for data in demo_content.AUTHORS:
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
        for data in demo_content.TAGS:
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
        facts = demo_content.PEOPLE.get(name, {})
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
        for data in demo_content.FILMS:
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
            for order, (kind, name, character) in enumerate(data.get("credits", []), start=1):
                _, created = Role.objects.get_or_create(
                    film=film,
                    person=self.person(name),
                    kind=kind,
                    character=character,
                    defaults={"order": order},
                )
                if created:
                    self.note("credits")
            self.add_tags(film, [tags[name] for name in data.get("tags", [])])
            films[film.slug] = film
        return films

    def load_reviews(self, films, authors, tags):
        for data in demo_content.REVIEWS:
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
