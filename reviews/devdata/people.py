"""
The people of a run: drawn one by one from the run's person stream, and pooled so that
films draw their credits from them by era, origin and popularity.
"""

from array import array
from bisect import bisect_left, bisect_right
from datetime import date
from itertools import accumulate

from django.urls import reverse
from django.utils.text import slugify

from reviews.models import Person

from .films import film_year
from .texts import person_name, weighted
from .vocabulary import CITIES, FILM_LANGUAGES, LANGUAGE_ORIGIN, ORIGINS


def draw_person(rng, number, origins):
    """Person `number` of the run, and what the pool needs to know of them.

    `origins` are (origin, weight) pairs (`origin_weights()`); the person's facts are
    (female, is_actor, origin, birth_year, popularity), as `PeoplePool.add` takes them.
    """
    origin = weighted(rng, origins)
    female = rng.random() < 0.5
    is_actor = rng.random() < 0.72
    name = person_name(rng, origin, female)
    age = rng.gauss(36, 12) if is_actor else rng.gauss(42, 11)
    birth_year = film_year(rng) - int(min(80, max(16 if is_actor else 22, age)))
    known = rng.random() < 0.8
    bio = ""
    if known and rng.random() < 0.5:
        bio = f"Geboren {birth_year} in {rng.choice(CITIES[origin])}."
    person = Person(
        name=name,
        slug=f"{slugify(name)[:150].strip('-') or 'person'}-gen{number}",
        birth_date=date(birth_year, rng.randint(1, 12), rng.randint(1, 28)) if known else None,
        bio=bio,
    )
    return person, (female, is_actor, origin, birth_year, 0.3 + rng.lognormvariate(0, 1))


def origin_weights():
    """(origin, weight) pairs: people come from where the films come from, in proportion."""
    weights = {}
    for language, weight in FILM_LANGUAGES:
        origin = LANGUAGE_ORIGIN[language]
        weights[origin] = weights.get(origin, 0) + weight
    return [(origin, weights[origin]) for origin in ORIGINS]


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
