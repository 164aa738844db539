"""
The generator's short texts: names of people and characters, film titles in seven
languages, release titles for German and English cinemas, synopses; and the few rules of
German and English grammar they need (gender, genitive, article).

The builders take a `random.Random` and draw from the vocabulary's lists, so one seed
always gives the same text.
"""

from .vocabulary import (
    DE_ADJECTIVES,
    DE_NOUNS,
    DE_PLACES,
    EN_ADJECTIVES,
    EN_NOUNS,
    EN_NUMBERS,
    EN_PLACES,
    FIRST_NAMES,
    HONORIFICS,
    LAST_NAMES,
    NORDIC,
    OCCUPATIONS,
    PLOTS,
    ROMANCE,
    SYNOPSIS_FOLLOW_UPS,
)


def weighted(rng, pairs):
    """One value of (value, weight) pairs."""
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def person_name(rng, origin, female):
    first = rng.choice(FIRST_NAMES[origin][0 if female else 1])
    last = rng.choice(LAST_NAMES[origin])
    if origin == "en" and rng.random() < 0.08:
        initial = rng.choice("ABCDEFGHJKLMNPRSTW")
        return f"{first} {initial}. {last}"
    return f"{first} {last}"


def character_name(rng, origin, female):
    """A character's name in the film's language: first name, full name, or form of address."""
    roll = rng.random()
    first = rng.choice(FIRST_NAMES[origin][0 if female else 1])
    if roll < 0.55:
        return first
    last = rng.choice(LAST_NAMES[origin])
    if roll < 0.85 or not HONORIFICS[origin]:
        return f"{first} {last}"
    pair = rng.choice(HONORIFICS[origin])
    return f"{pair[0] if female else pair[1]} {last}"


def film_title(rng, language):
    if language == "en":
        return english_title(rng)
    if language == "de":
        return german_title(rng)
    if language in ROMANCE:
        return _romance_title(rng, language)
    return _nordic_title(rng, language)


def english_title(rng):
    roll = rng.random()
    if roll < 0.3:
        return f"The {rng.choice(EN_ADJECTIVES)} {rng.choice(EN_NOUNS)}"
    if roll < 0.45:
        return f"The {rng.choice(EN_NOUNS)} of {rng.choice(EN_PLACES)}"
    if roll < 0.55:
        return f"{rng.choice(EN_NOUNS)} and {rng.choice(EN_NOUNS)}"
    if roll < 0.65:
        name = rng.choice(FIRST_NAMES["en"][rng.random() < 0.5])
        return f"{name}'s {rng.choice(EN_NOUNS)}"
    if roll < 0.75:
        return f"{rng.choice(EN_NUMBERS)} {rng.choice(EN_NOUNS)}s"
    if roll < 0.85:
        return f"After the {rng.choice(EN_NOUNS)}"
    if roll < 0.93:
        return f"{rng.choice(EN_NOUNS)} in {rng.choice(EN_PLACES)}"
    return rng.choice(EN_NOUNS)


def german_title(rng):
    article, noun = rng.choice(DE_NOUNS)
    roll = rng.random()
    if roll < 0.4:
        return f"{article} {german_adjective(rng.choice(DE_ADJECTIVES), 'e')} {noun}"
    if roll < 0.55:
        return f"{article} {noun} von {rng.choice(DE_PLACES)}"
    if roll < 0.68:
        return f"{noun} ohne {rng.choice(DE_NOUNS)[1]}"
    if roll < 0.8:
        return f"{noun} in {rng.choice(DE_PLACES)}"
    if roll < 0.9:
        name = rng.choice(FIRST_NAMES["de"][rng.random() < 0.5])
        return f"{german_genitive(name)} {noun}"
    return noun


def _romance_title(rng, language):
    grammar = ROMANCE[language]
    feminine = rng.random() < 0.5
    noun = rng.choice(grammar["feminine" if feminine else "masculine"])
    article = _romance_article(language, noun, feminine)
    # French capitalises the first noun of a title ("La Nuit froide"), Italian and Spanish do not.
    if language == "fr":
        noun = noun.capitalize()
    if rng.random() < 0.6:
        adjective = rng.choice(grammar["adjectives"])[1 if feminine else 0]
        return _capitalise(f"{article}{noun} {adjective}")
    return _capitalise(f"{article}{noun} {grammar['of']} {rng.choice(grammar['places'])}")


def _romance_article(language, noun, feminine):
    if noun[0] in "aeiouàâéèêîíóúh":
        return "el " if language == "es" and not feminine else ("la " if language == "es" else "l'")
    if language == "fr":
        return "la " if feminine else "le "
    if language == "it":
        return "la " if feminine else "il "
    return "la " if feminine else "el "


def _nordic_title(rng, language):
    grammar = NORDIC[language]
    neuter = rng.random() < 0.35
    indefinite, definite = rng.choice(grammar["neuter" if neuter else "common"])
    roll = rng.random()
    if roll < 0.5:
        # "Den lange nat" in Danish, but "Den långa natten" in Swedish.
        noun = indefinite if language == "da" else definite
        return f"{'Det' if neuter else 'Den'} {rng.choice(grammar['adjectives'])} {noun}"
    if roll < 0.8:
        return f"{indefinite.capitalize()} i {rng.choice(grammar['places'])}"
    return definite.capitalize()


def _capitalise(text):
    return text[:1].upper() + text[1:]


def german_adjective(stem, ending):
    """`stem` with an ending, without doubling the e: "leise" + "en" is "leisen"."""
    if stem.endswith("e") and ending.startswith("e"):
        return stem + ending[1:]
    return stem + ending


def german_genitive(name):
    """ "Lone Scherfigs", but "Thomas'": German adds no s after s, ß, x or z."""
    return f"{name}'" if name[-1] in "sßxz" else f"{name}s"


def english_article(noun):
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def local_release_title(rng, original, language):
    """The title a non-German film gets in German cinemas, or a German film in English ones."""
    if language == "en":
        return english_title(rng)
    if rng.random() < 0.4:
        return f"{original} – {german_title(rng)}"
    return german_title(rng)


def synopsis(rng, protagonist, female, occupation, plot, other):
    """A German synopsis: who the film is about, and what sets the story going."""
    occupation_de = OCCUPATIONS[occupation][0] if female else OCCUPATIONS[occupation][1]
    article = "eine" if female else "ein"
    clause = PLOTS[plot][0].format(rel="die" if female else "der", sein="ihr" if female else "sein")
    text = f"{protagonist} ist {article} {occupation_de}, {clause}."
    follow_up = rng.choice(SYNOPSIS_FOLLOW_UPS)
    return " ".join(
        [
            text,
            follow_up.format(
                er="sie" if female else "er",
                ihn="sie" if female else "ihn",
                c2=other.character,
                der="die" if other.female else "der",
                er2="sie" if other.female else "er",
            ),
        ]
    )
