"""
`manage.py generate_data`: a large fake archive, for benchmarks and for trying the site.

The command checks its arguments and reports; `reviews.devdata.generator` writes the rows and
says what a seed decides and what counts as generated.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from reviews.devdata.generator import MIN_PEOPLE, ForeignContent, generate
from reviews.devdata.progress import Progress


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
        try:
            generator = generate(
                films=films,
                reviews=reviews,
                seed=seed,
                people=people,
                batch_size=batch_size,
                force=options["force"],
                progress=self.progress if options["verbosity"] else None,
            )
        except ForeignContent as error:
            raise CommandError(
                f"This database holds content that generate_data did not create ({error}). "
                "Run it on an empty database, or pass --force to add generated content alongside."
            ) from None
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Generated {generator.summary()} in {elapsed:.1f} s."))

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

    def progress(self, label, total):
        return Progress(self.stderr, label, total)
