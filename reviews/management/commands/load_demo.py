"""
`manage.py load_demo`: load the demo content (`reviews.devdata.demo`) and say what was created,
with the passwords of new demo accounts, shown only this once.
"""

from django.core.management.base import BaseCommand

from reviews.devdata.demo import DemoLoader


class Command(BaseCommand):
    help = "Load the demo films, people, reviews, tags, staff groups and demo accounts."

    def handle(self, *args, **options):
        loader = DemoLoader()
        loader.load()
        if not loader.created:
            self.stdout.write("Demo content is already loaded; nothing changed.")
            return
        summary = ", ".join(f"{number} {kind}" for kind, number in loader.counts().items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
        for username, password in loader.passwords:
            self.stdout.write(f"  Account {username!r} created with password {password} (shown only once).")
