"""
One generated film: title, crew and cast, local release title and tags, drawn step by step
from the run's film stream, with the facts its reviews may mention.

The steps draw from one `random.Random` one after the other: their order is part of what a
seed decides, so a change to a step, or a new one, changes every film after it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify

from reviews.models import CreditKind, Film

from .texts import character_name, film_title, local_release_title, synopsis, weighted
from .vocabulary import (
    COPRODUCERS,
    FESTIVALS,
    FILM_LANGUAGES,
    GENRES,
    HOME_COUNTRIES,
    LANGUAGE_ORIGIN,
    OCCUPATIONS,
    OPENING_FILM_TAG,
    PLOTS,
)

FIRST_YEAR, LAST_YEAR = 1950, 2025
MAX_CREDITS = 30


@dataclass(frozen=True, slots=True)
class CastMember:
    character: str
    actor: str
    female: bool


@dataclass(slots=True)
class FilmFacts:
    """What a review may say about a film: its titles by language, its people, its story."""

    titles: dict
    year: int
    genre: str
    director: str
    director_female: bool
    writer: str
    camera: str
    editor: str
    music: str
    cast: list = field(default_factory=list)
    occupation: int = 0
    plot: int = 0
    festival: str = ""
    slug: str = ""
    people: tuple = ()
    film_id: int | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class DrawnFilm:
    """A film not yet written, and what is written once it has its key.

    `credits` are the fields of its `Role`s but the film, `local_title` those of its
    `LocalTitle` (or None), `tags` the names of its tags.
    """

    film: Film
    credits: list
    local_title: dict | None
    tags: list
    facts: FilmFacts


def draw_film(rng, number, pool):
    """Film `number` of the run, crediting people of `pool` (a `PeoplePool`)."""
    language = weighted(rng, FILM_LANGUAGES)
    origin = LANGUAGE_ORIGIN[language]
    title = film_title(rng, language)
    year = film_year(rng)
    genres = _distinct(rng, GENRES, 1 if rng.random() < 0.6 else 2)
    crew, credits = draw_crew(rng, pool, origin, year)
    cast, actors, cast_credits = draw_cast(rng, pool, origin, year, room=MAX_CREDITS - len(credits))
    local = draw_local_title(rng, language, title, year)
    tags, festival = draw_tags(rng, genres, year)
    occupation, plot = rng.randrange(len(OCCUPATIONS)), rng.randrange(len(PLOTS))
    film = Film(
        title=title,
        slug=f"{slugify(title)[:150].strip('-') or 'film'}-{year}-gen{number}",
        year=year,
        runtime=int(min(240, max(62, rng.gauss(104, 18)))),
        countries=_countries(rng, language),
        original_language=language,
        synopsis=synopsis(rng, cast[0].character, cast[0].female, occupation, plot, cast[1]),
    )
    local_titles = {local["language"]: local["title"]} if local else {}
    facts = FilmFacts(
        titles={"de": local_titles.get("de", title), "en": local_titles.get("en", title)},
        year=year,
        genre=genres[0][0],
        **_crew_facts(crew, pool),
        cast=cast[:4],
        occupation=occupation,
        plot=plot,
        festival=festival,
        slug=film.slug,
        people=tuple(dict.fromkeys([*(person for people in crew.values() for person in people), *actors])),
        # Some films are reviewed often, festival films more often.
        weight=rng.lognormvariate(0, 0.8) * (2 if festival else 1),
    )
    return DrawnFilm(film, credits + cast_credits, local, tags, facts)


def film_year(rng):
    # More films from recent decades, as in any film archive.
    return min(LAST_YEAR, FIRST_YEAR + int((LAST_YEAR - FIRST_YEAR + 1) * rng.random() ** 0.6))


def crew_sizes(rng):
    """How many people of each crew kind a film credits: every film a director, a camera
    and an editor; a screenplay credit of its own in under half of them.
    """
    sizes = {CreditKind.DIRECTOR: 2 if rng.random() < 0.08 else 1}
    sizes[CreditKind.SCREENPLAY] = 0 if rng.random() < 0.55 else (2 if rng.random() < 0.3 else 1)
    sizes[CreditKind.CAMERA] = sizes[CreditKind.EDITING] = 1
    sizes[CreditKind.MUSIC] = 1 if rng.random() < 0.9 else 0
    sizes[CreditKind.PRODUCER] = 0 if rng.random() < 0.65 else (2 if rng.random() < 0.3 else 1)
    sizes[CreditKind.PRODUCTION_DESIGN] = 1 if rng.random() < 0.25 else 0
    sizes[CreditKind.COSTUME] = 1 if rng.random() < 0.2 else 0
    sizes[CreditKind.SOUND] = 1 if rng.random() < 0.15 else 0
    return sizes


def draw_crew(rng, pool, origin, year):
    """The crew as {kind: [person in the pool]}, and their credits."""
    crew, credits = {}, []
    sizes = crew_sizes(rng)
    for kind, size in sizes.items():
        crew[kind] = []
        for order in range(1, size + 1):
            person = pool.draw(rng, False, origin, year, crew[kind])
            crew[kind].append(person)
            credits.append({"person_id": pool.ids[person], "kind": kind, "order": order})
    if not sizes[CreditKind.SCREENPLAY]:
        # The director wrote the screenplay too.
        director = crew[CreditKind.DIRECTOR][0]
        credits.append({"person_id": pool.ids[director], "kind": CreditKind.SCREENPLAY, "order": 1})
        crew[CreditKind.SCREENPLAY] = [director]
    return crew, credits


def draw_cast(rng, pool, origin, year, room):
    """Three actors or more (at most `room`), each with a character's name of their own.

    Returns the cast as `CastMember`s, the actors (people in the pool) and their credits.
    """
    number = min(3 + min(17, int(rng.expovariate(1 / 1.8))), room, len(pool))
    cast, actors, credits, characters = [], [], [], set()
    for order in range(1, number + 1):
        person = pool.draw(rng, True, origin, year, actors)
        actors.append(person)
        female = bool(pool.female[person])
        character = character_name(rng, origin, female)
        while character in characters:
            character = character_name(rng, origin, female)
        characters.add(character)
        credits.append(
            {"person_id": pool.ids[person], "kind": CreditKind.ACTOR, "character": character, "order": order}
        )
        cast.append(CastMember(character, pool.names[person], female))
    return cast, actors, credits


def draw_local_title(rng, language, title, year):
    """The title a foreign film has in German cinemas, or a German film in English ones (or None)."""
    local = None
    if language == "de" and rng.random() < 0.4:
        local = {"language": "en", "title": local_release_title(rng, title, "en")}
    elif language != "de" and rng.random() < 0.55:
        local = {"language": "de", "title": local_release_title(rng, title, "de")}
    if local and rng.random() < 0.7:
        release_year = min(LAST_YEAR, year + (rng.random() < 0.3))
        local["release_date"] = date(release_year, rng.randint(1, 12), rng.randint(1, 28))
    return local


def draw_tags(rng, genres, year):
    """The names of the film's tags (its genres; for some a festival of its year, now and then
    with the top award or the opening night), and the festival tag's name or "".
    """
    tags = [genre[0] for genre in genres]
    festival = ""
    if rng.random() < 0.18:
        eligible = [entry for entry in FESTIVALS if entry[1] <= year]
        entry = rng.choices(eligible, weights=[entry[2] for entry in eligible])[0]
        festival = f"{entry[0]} {year}"
        tags.append(festival)
        if rng.random() < 0.06:
            tags.append(entry[3])
        if rng.random() < 0.03:
            tags.append(OPENING_FILM_TAG)
    return tags, festival


def _crew_facts(crew, pool):
    """The crew as a review names them: the first person of each kind."""
    names = pool.names
    director = crew[CreditKind.DIRECTOR][0]
    return {
        "director": names[director],
        "director_female": bool(pool.female[director]),
        "writer": names[crew[CreditKind.SCREENPLAY][0]],
        "camera": names[crew[CreditKind.CAMERA][0]],
        "editor": names[crew[CreditKind.EDITING][0]],
        "music": names[crew[CreditKind.MUSIC][0]] if crew[CreditKind.MUSIC] else "",
    }


def _countries(rng, language):
    countries = [weighted(rng, HOME_COUNTRIES[language])]
    if rng.random() < 0.25:
        for country in rng.sample(COPRODUCERS, rng.randint(1, 3)):
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
