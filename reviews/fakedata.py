"""
Word lists and text builders for `generate_data`: names, film titles, plots, reviews.

Everything takes a `random.Random` and draws from lists only, never from sets or dicts
whose order could change, so one seed always gives the same text. Review bodies are
Markdown in the house style: titles in emphasis, the cast as "Clara (Zoe Kazan)", now and
then a link; German grammar (gender, case) is handled by the few helpers below rather
than by a general solution. `render_bodies` turns the bodies into `body_html` without the
database, so the command can run it in a worker process.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

from .markup import link_first_mentions, render_markdown

ORIGINS = ["en", "de", "fr", "it", "es", "nordic"]

# Original languages of generated films with their weights, and the origin of the names
# their characters (and mostly their cast) carry.
FILM_LANGUAGES = [("en", 42), ("de", 22), ("fr", 12), ("es", 7), ("it", 6), ("da", 5), ("sv", 4)]
LANGUAGE_ORIGIN = {"en": "en", "de": "de", "fr": "fr", "it": "it", "es": "es", "da": "nordic", "sv": "nordic"}

# (ISO code, weight) of the main production country per original language.
HOME_COUNTRIES = {
    "en": [("US", 60), ("GB", 28), ("CA", 6), ("AU", 4), ("IE", 2)],
    "de": [("DE", 76), ("AT", 16), ("CH", 8)],
    "fr": [("FR", 84), ("BE", 8), ("CH", 4), ("CA", 4)],
    "it": [("IT", 1)],
    "es": [("ES", 60), ("MX", 20), ("AR", 20)],
    "da": [("DK", 1)],
    "sv": [("SE", 1)],
}
COPRODUCERS = "DE FR BE NL AT CH DK SE NO PL IT ES GB US CA LU IE CZ HU".split()

FIRST_NAMES = {
    "de": (
        "Anna Clara Johanna Lena Marie Sophie Katharina Hannah Lea Paula Greta Ilse Ursula Sabine "
        "Petra Birgit Nina Franziska Theresa Judith Miriam Helene Luise Carla Frieda Martina Susanne "
        "Ingrid Renate Jana".split(),
        "Lukas Jonas Felix Tobias Matthias Stefan Thomas Michael Andreas Florian Jan Moritz Paul Max "
        "Karl Heinrich Wolfgang Jürgen Klaus Dieter Sebastian Benedikt Christoph Henrik Anton Emil "
        "Oskar Fabian Daniel Ulrich".split(),
    ),
    "en": (
        "Emma Olivia Grace Charlotte Alice Ruth Margaret Helen Sarah Rachel Laura Kate Emily Claire "
        "Hannah Megan Jessica Abigail Eleanor Frances Joan Nora Lucy Amy Rose".split(),
        "James John Robert Michael William David Richard Thomas Daniel Matthew George Henry Samuel "
        "Jack Peter Edward Frank Arthur Walter Joseph Charles Benjamin Nathan Owen Liam".split(),
    ),
    "fr": (
        "Camille Juliette Chloé Léa Manon Élise Margaux Isabelle Catherine Sylvie Nathalie Céline "
        "Amélie Hélène Agnès Mathilde Claire Anaïs Delphine Sandrine".split(),
        "Jean Pierre Louis Antoine Julien Nicolas Mathieu Olivier Philippe Laurent François Étienne "
        "Hugo Théo Bastien Rémi Vincent Thierry Yves Jean-Pierre".split(),
    ),
    "it": (
        "Giulia Francesca Chiara Sara Valentina Alessandra Federica Elena Silvia Martina Paola Laura "
        "Claudia Lucia Anna Monica Beatrice Ilaria Roberta Serena".split(),
        "Marco Luca Giuseppe Francesco Alessandro Andrea Matteo Lorenzo Davide Stefano Paolo Giovanni "
        "Roberto Antonio Fabio Massimo Riccardo Simone Emanuele Nicola".split(),
    ),
    "es": (
        "María Carmen Lucía Sofía Elena Isabel Marta Paula Laura Cristina Ana Pilar Rocío Beatriz "
        "Alicia Inés Raquel Julia Nuria Marina".split(),
        "José Antonio Manuel Francisco Javier Carlos Miguel Alejandro Pablo Diego Sergio Jorge Luis "
        "Fernando Rafael Alberto Andrés Ignacio Tomás Mateo".split(),
    ),
    "nordic": (
        "Ingrid Astrid Freja Sofie Ida Karin Maja Signe Linnea Elin Mette Birgitte Sanna Helle Tove".split(),
        "Lars Anders Mikkel Søren Henrik Magnus Erik Nils Jens Rasmus Oskar Gustav Mads Bjørn Emil".split(),
    ),
}
LAST_NAMES = {
    "de": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
    "Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann "
    "Köhler Herrmann König Walter Kaiser Fuchs Peters Scholz Möller Weiß Jung Hahn Vogel Brandt Haas "
    "Sommer Graf Seidel Ziegler Kuhn Engel Pohl Horn Busch Bergmann Voigt Sauer Arnold Ludwig Kessler "
    "Dietrich Roth".split(),
    "en": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Martin Jackson "
    "Thompson White Harris Clark Lewis Robinson Walker Young Allen Wright Scott Hill Green Adams Baker "
    "Nelson Carter Mitchell Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper "
    "Peterson Reed Bailey Bell Kelly Howard Ward Cox Hughes Price Bennett Wood Barnes Ross Henderson "
    "Coleman Jenkins Perry Powell Patterson Fisher Hale Lockwood O'Brien O'Connor McAllister".split(),
    "fr": "Martin Bernard Dubois Durand Lefèvre Moreau Laurent Simon Michel Leroy Roux David Bertrand "
    "Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Lefebvre Faure André Mercier "
    "Blanc Guérin Boyer Garnier Chevalier Clément Gauthier Perrin Robin Masson Marchand Duval Denis".split(),
    "it": "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
    "Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso "
    "Ferrara Galli Martini Leone".split(),
    "es": "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
    "Hernández Díaz Moreno Álvarez Muñoz Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos "
    "Gil Ramírez Serrano Blanco Molina".split(),
    "nordic": "Jensen Nielsen Hansen Pedersen Andersen Larsen Sørensen Rasmussen Johansson Karlsson "
    "Nilsson Eriksson Lindqvist Lundgren Berg Holm Dahl Lindberg Strand Madsen".split(),
}
# Forms of address that may stand before a character's last name: (female, male).
HONORIFICS = {
    # Not "Herr": "trifft sie auf Herrn Busch" would need declining.
    "de": [("Dr.", "Dr."), ("Kommissarin", "Kommissar"), ("Professorin", "Professor")],
    "en": [("Mrs.", "Mr."), ("Dr.", "Dr."), ("Detective", "Detective")],
    "fr": [("Madame", "Monsieur")],
    "it": [("Signora", "Signor")],
    "es": [("Señora", "Señor")],
    "nordic": [],
}
CITIES = {
    "de": "Hamburg Leipzig München Köln Dresden Wien Graz Zürich Bremen Rostock".split(),
    "en": ["London", "Glasgow", "Manchester", "Dublin", "New York", "Chicago", "Toronto", "Sydney"],
    "fr": "Paris Lyon Marseille Bordeaux Lille Nantes Brüssel Genf".split(),
    "it": "Rom Mailand Neapel Turin Bologna Palermo Genua".split(),
    "es": ["Madrid", "Barcelona", "Sevilla", "Bilbao", "Mexiko-Stadt", "Buenos Aires"],
    "nordic": "Kopenhagen Aarhus Stockholm Göteborg Malmö Odense".split(),
}

# Titles, one small grammar per language.
EN_ADJECTIVES = (
    "Quiet Last Long Silent Hidden Broken Golden Distant Wild Lonely Bright Dark Secret Burning Frozen "
    "Little Lost Empty Restless Invisible Gentle Bitter Strange Forgotten Endless".split()
)
EN_NOUNS = (
    "Summer Winter River House Garden Road Harbour Island Mountain Light Shadow Season Promise Letter "
    "Stranger Daughter Son Brother Sister Kingdom Storm Silence Journey Wedding Orchard Lighthouse Bridge "
    "Station Horizon Fever Heart Window Mirror Witness Game Night Morning".split()
)
EN_PLACES = (
    "Lisbon Marseille Berlin Brooklyn Glasgow Naples Tangier Havana Detroit Vienna Trieste Dublin".split()
)
EN_NUMBERS = "Two Three Seven Twelve Forty".split()
# German nouns with their article; adjectives after the definite article end in -e in all genders.
DE_NOUNS = [
    *(
        ("Der", noun)
        for noun in "Sommer Winter Fluss Garten Weg Hafen Berg Schatten Brief Bruder Sturm "
        "Abschied Zug Wald Himmel Traum Morgen Spiegel Tanz".split()
    ),
    *(
        ("Die", noun)
        for noun in "Nacht Insel Reise Stadt Hochzeit Tochter Schwester Stille Grenze Brücke "
        "Stunde Wahrheit Liebe Heimkehr Erinnerung Jagd Spur Mauer".split()
    ),
    *(
        ("Das", noun)
        for noun in "Haus Licht Versprechen Jahr Land Spiel Fenster Herz Erbe Schweigen Dorf "
        "Meer Geheimnis Ende Zimmer Kind".split()
    ),
]
DE_ADJECTIVES = (
    "lang still letzt verborgen golden fern wild einsam hell geheim brennend klein verloren leer ruhelos "
    "unsichtbar sanft bitter fremd vergessen endlos kalt weit".split()
)
DE_PLACES = "Lissabon Marseille Neapel Triest Wien Prag Venedig Tanger Rom Genua Krakau Odessa Brügge".split()


def _pairs(text, separator="/"):
    return [tuple(word.split(separator)) for word in text.split()]


# Romance languages: nouns by gender, adjectives as masculine/feminine, placed after the noun.
ROMANCE = {
    "fr": {
        "masculine": "été hiver fleuve jardin chemin port silence voyage frère secret miroir orage mariage "
        "témoin rêve matin".split(),
        "feminine": "nuit île ville fille sœur lettre promesse saison frontière lumière maison route fête "
        "chambre mémoire".split(),
        "adjectives": _pairs(
            "perdu/perdue lointain/lointaine blanc/blanche froid/froide secret/secrète "
            "silencieux/silencieuse oublié/oubliée immobile/immobile sauvage/sauvage tranquille/tranquille"
        ),
        # Consonants only: "de" would need eliding before a vowel ("d'Alger").
        "places": "Marseille Lyon Brest Tanger Lisbonne Naples Dakar Bruges".split(),
        "of": "de",
    },
    "it": {
        "masculine": "fiume giardino porto silenzio viaggio fratello segreto inverno sogno mattino confine "
        "ritorno".split(),
        "feminine": "notte isola città figlia sorella lettera promessa stagione luce casa strada "
        "estate".split(),
        "adjectives": _pairs(
            "perduto/perduta lontano/lontana segreto/segreta silenzioso/silenziosa freddo/fredda "
            "bianco/bianca lungo/lunga dimenticato/dimenticata nascosto/nascosta tranquillo/tranquilla"
        ),
        "places": "Napoli Genova Trieste Palermo Torino Bari Venezia".split(),
        "of": "di",
    },
    "es": {
        "masculine": "río jardín puerto silencio viaje hermano secreto invierno sueño verano camino "
        "regreso".split(),
        "feminine": "noche isla ciudad hija hermana carta promesa luz casa frontera memoria".split(),
        "adjectives": _pairs(
            "perdido/perdida lejano/lejana secreto/secreta silencioso/silenciosa frío/fría blanco/blanca "
            "largo/larga olvidado/olvidada escondido/escondida tranquilo/tranquila"
        ),
        "places": ["Sevilla", "Valparaíso", "Buenos Aires", "Oaxaca", "Bilbao", "Cádiz", "Montevideo"],
        "of": "de",
    },
}
# Scandinavian nouns as indefinite/definite by gender; adjectives in their definite form.
NORDIC = {
    "da": {
        "common": _pairs(
            "sommer/sommeren vinter/vinteren nat/natten rejse/rejsen by/byen datter/datteren "
            "søster/søsteren bro/broen storm/stormen"
        ),
        "neuter": _pairs("hus/huset lys/lyset land/landet hjerte/hjertet løfte/løftet"),
        "adjectives": "lange stille sidste skjulte tabte fjerne tomme hvide kolde".split(),
        "places": "København Aarhus Skagen Odense Esbjerg".split(),
    },
    "sv": {
        "common": _pairs(
            "sommar/sommaren vinter/vintern natt/natten resa/resan stad/staden dotter/dottern "
            "syster/systern bro/bron storm/stormen"
        ),
        "neuter": _pairs("hus/huset ljus/ljuset land/landet hjärta/hjärtat löfte/löftet"),
        "adjectives": "långa stilla sista dolda förlorade avlägsna tomma vita kalla".split(),
        "places": "Stockholm Göteborg Visby Malmö Kiruna".split(),
    },
}

# Tags: German names, as editors write them (the demo content has "Drama", "Komödie", …).
GENRES = [
    # tag name, weight, German word for the teaser, English word
    ("Drama", 30, "Drama", "drama"),
    ("Komödie", 12, "Komödie", "comedy"),
    ("Thriller", 9, "Thriller", "thriller"),
    ("Krimi", 7, "Krimi", "crime film"),
    ("Dokumentarfilm", 7, "Dokumentarfilm", "documentary"),
    ("Tragikomödie", 6, "Tragikomödie", "tragicomedy"),
    ("Liebesfilm", 6, "Liebesfilm", "romance"),
    ("Literaturverfilmung", 5, "Literaturverfilmung", "literary adaptation"),
    ("Science-Fiction", 4, "Science-Fiction-Film", "science-fiction film"),
    ("Horror", 4, "Horrorfilm", "horror film"),
    ("Western", 3, "Western", "western"),
    ("Kriegsfilm", 3, "Kriegsfilm", "war film"),
    ("Abenteuer", 3, "Abenteuerfilm", "adventure film"),
    ("Animation", 2, "Animationsfilm", "animated film"),
    ("Musikfilm", 2, "Musikfilm", "music film"),
]
GENRE_WORDS = {name: (german, english) for name, _, german, english in GENRES}
FESTIVALS = [
    # name, first year, weight, top award
    ("Berlinale", 1951, 30, "Goldener Bär"),
    ("Cannes", 1946, 30, "Goldene Palme"),
    ("Venedig", 1946, 20, "Goldener Löwe"),
    ("Locarno", 1946, 12, "Goldener Leopard"),
    ("Sundance", 1985, 8, "Großer Preis der Jury"),
]
# How a review says where a film ran: German, English.
FESTIVAL_PHRASES = {
    "Berlinale": ("im Wettbewerb der Berlinale {year}", "in competition at the Berlinale {year}"),
    "Cannes": ("{year} im Wettbewerb von Cannes", "in competition at Cannes in {year}"),
    "Venedig": ("{year} im Wettbewerb von Venedig", "in competition at Venice in {year}"),
    "Locarno": ("{year} in Locarno", "at Locarno in {year}"),
    "Sundance": ("{year} beim Sundance Festival", "at Sundance in {year}"),
}
REVIEW_TAGS = ["Kinostart", "Heimkino", "Streaming"]
CLASSIC_TAG = "Wiederentdeckung"
OPENING_FILM_TAG = "Eröffnungsfilm"

# Occupations: German feminine, masculine, masculine in accusative/dative; English female, male.
OCCUPATIONS = [
    ("Lehrerin", "Lehrer", "Lehrer", "teacher", "teacher"),
    ("Ärztin", "Arzt", "Arzt", "doctor", "doctor"),
    ("Fotografin", "Fotograf", "Fotografen", "photographer", "photographer"),
    ("Pianistin", "Pianist", "Pianisten", "pianist", "pianist"),
    ("Polizistin", "Polizist", "Polizisten", "police officer", "police officer"),
    ("Fischerin", "Fischer", "Fischer", "fisherwoman", "fisherman"),
    ("Journalistin", "Journalist", "Journalisten", "journalist", "journalist"),
    ("Köchin", "Koch", "Koch", "cook", "cook"),
    ("Studentin", "Student", "Studenten", "student", "student"),
    ("Witwe", "Witwer", "Witwer", "widow", "widower"),
    ("Schauspielerin", "Schauspieler", "Schauspieler", "actress", "actor"),
    ("Anwältin", "Anwalt", "Anwalt", "lawyer", "lawyer"),
    ("Bäuerin", "Bauer", "Bauern", "farmer", "farmer"),
    ("Taxifahrerin", "Taxifahrer", "Taxifahrer", "taxi driver", "taxi driver"),
    ("Architektin", "Architekt", "Architekten", "architect", "architect"),
    ("Übersetzerin", "Übersetzer", "Übersetzer", "translator", "translator"),
    ("Krankenschwester", "Krankenpfleger", "Krankenpfleger", "nurse", "nurse"),
    ("Boxerin", "Boxer", "Boxer", "boxer", "boxer"),
    ("Schriftstellerin", "Schriftsteller", "Schriftsteller", "novelist", "novelist"),
    ("Tänzerin", "Tänzer", "Tänzer", "dancer", "dancer"),
    ("Richterin", "Richter", "Richter", "judge", "judge"),
]
# What the protagonist does, as a relative clause: German, English.
PLOTS = [
    (
        "{rel} nach zwanzig Jahren in {sein}e Heimatstadt zurückkehrt",
        "who returns to {their} home town after twenty years",
    ),
    (
        "{rel} eines Morgens einen Brief ohne Absender findet",
        "who finds a letter without a sender one morning",
    ),
    (
        "{rel} mit {sein}en beiden Kindern in eine fremde Stadt flieht",
        "who flees with {their} two children to a city where nobody knows {them}",
    ),
    ("{rel} einen Sommer lang auf einer Insel festsitzt", "who is stranded on an island for a whole summer"),
    ("{rel} sich gegen den Verkauf des Familienhofs wehrt", "who fights the sale of the family farm"),
    ("{rel} einen Unfall beobachtet und darüber schweigt", "who witnesses an accident and says nothing"),
    (
        "{rel} im Nachlass {sein}es Vaters auf ein Geheimnis stößt",
        "who stumbles on a secret among {their} late father's papers",
    ),
    (
        "{rel} eine zweite Chance bekommt und sie beinahe verspielt",
        "who gets a second chance and nearly throws it away",
    ),
    (
        "{rel} in einem Grandhotel an der Ostsee als Aushilfe anheuert",
        "who takes a seasonal job at a grand hotel on the Baltic coast",
    ),
    ("{rel} sich in den falschen Menschen verliebt", "who falls in love with the wrong person"),
    ("{rel} nach {sein}em verschwundenen Bruder sucht", "who searches for {their} missing brother"),
    ("{rel} ein letztes Konzert geben will", "who wants to give one last concert"),
    ("{rel} in einer Fabrik einen Streik anführt", "who leads a strike at a factory"),
    ("{rel} ein Kind findet, das niemand zu vermissen scheint", "who finds a child nobody seems to miss"),
    (
        "{rel} nach dem Tod {sein}er Mutter das Haus am See ausräumt",
        "who clears out the house by the lake after {their} mother's death",
    ),
    (
        "{rel} für eine Nacht die Identität eines Fremden annimmt",
        "who takes on a stranger's identity for one night",
    ),
    ("{rel} ein Restaurant vor der Pleite retten will", "who tries to save a restaurant from bankruptcy"),
    (
        "{rel} mit einem alten Freund eine letzte Reise unternimmt",
        "who sets out on one last journey with an old friend",
    ),
]
SYNOPSIS_FOLLOW_UPS = [
    "Dabei begegnet {er} {c2}, und bald ist nichts mehr, wie es war.",
    "Erst {c2} bringt {ihn} dazu, sich der eigenen Vergangenheit zu stellen.",
    "Unterwegs trifft {er} auf {c2}, {der} mehr weiß, als {er2} zugibt.",
    "Als {c2} auftaucht, gerät alles ins Wanken.",
]


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


def render_bodies(bodies):
    """`body_html` for (body, language, [(name, url) of the film's people]) as `Review.render_body()`
    makes it, without its query. Needs no database, so it can run in a worker process.
    """
    return [link_first_mentions(render_markdown(body, language), people) for body, language, people in bodies]


def rating_band(rating):
    if rating is None:
        return "none"
    if rating >= 4:
        return "high"
    if rating >= 2.5:
        return "mid"
    return "low"


def review_text(rng, language, facts, rating):
    """Headline, teaser and Markdown body of a review in `language` ("de" or "en")."""
    texts = GERMAN if language == "de" else ENGLISH
    values = texts.values(facts)
    band = rating_band(rating)
    phrase = rng.choice(texts.headlines[band] + texts.headlines["any"])
    form = rng.choice(texts.headline_forms)
    headline = form.format(phrase=phrase, phrase_lower=phrase[:1].lower() + phrase[1:], **values)
    teaser = texts.teaser.format(**values)

    paragraph_count = rng.randint(3, 6)
    middle = ["craft", "scene", "context"][: paragraph_count - 3]
    sections = ["opening", "cast", *middle, "verdict"]
    sizes = {"opening": (2, 3), "cast": (2, 3), "craft": (2, 3), "scene": (1, 2), "context": (1, 2)}
    paragraphs = []
    for section in sections:
        if section == "verdict":
            closing = texts.closing["any"] + (texts.closing["high"] if band == "high" else [])
            sentences = rng.sample(texts.verdicts[band], 1) + rng.sample(closing, rng.randint(0, 1))
        else:
            candidates = texts.sentences(section, facts)
            low, high = sizes[section]
            sentences = rng.sample(candidates, min(len(candidates), rng.randint(low, high)))
        paragraphs.append(" ".join(sentence.format(**values) for sentence in sentences))
    return headline, teaser, "\n\n".join(paragraphs)


class _Texts:
    """One language's review sentences; `values` fills their placeholders from the film's facts."""

    def sentences(self, section, facts):
        templates = getattr(self, section)
        if section == "context":
            templates = [t for t in templates if "{festival_phrase}" not in t or facts.festival]
        if section == "craft" and not facts.music:
            templates = [t for t in templates if "{music}" not in t]
        return templates


class _German(_Texts):
    headline_forms = ["{title}: {phrase}", "{title}: {phrase}", "{phrase} – {director_genitive} „{title}“"]
    headlines = {
        "high": ["Ein leiser Triumph", "Kino, das bleibt", "Die Kunst des Weglassens", "Ein Glücksfall"],
        "mid": [
            "Schöne Bilder, wenig Mut",
            "Zwischen Anspruch und Wirklichkeit",
            "Mit angezogener Handbremse",
        ],
        "low": ["Viel Lärm um wenig", "Gut gemeint", "Eine verschenkte Chance", "Zu viel gewollt"],
        "none": ["Ein Film, der spaltet"],
        "any": [
            "Zwischen Wut und Zärtlichkeit",
            "Nah an den Figuren",
            "Was bleibt",
            "Ein Sommer, der nicht endet",
        ],
    }
    teaser = "{director_genitive} {genre_word} über {occupation_acc}, {plot}."
    opening = [
        # Not "erzählt Regisseurin X von Clara": a name followed by "von" reads as one name.
        "Mit *{title}* erzählt {director_with_title} die Geschichte von {protagonist}, "
        "{occupation_dat}, {plot}.",
        "Im Zentrum von *{title}* steht {protagonist}, {occupation_nom}, {plot}.",
        "Regie führte {director}, und man merkt dem Film von der ersten Einstellung an, "
        "wie genau hier gearbeitet wurde.",
        "{director_genitive} Film aus dem Jahr {year} lässt sich Zeit, und das ist seine größte Stärke.",
        "Man muss nicht viel über *{title}* wissen, um zu ahnen, worauf {director} hinauswill.",
        "Es ist eine einfache Geschichte, die {director} in *{title}* erzählt, und sie wird nie banal.",
        "Was nach einem bekannten Muster klingt, entwickelt bald eine eigene Logik.",
        "Schon nach wenigen Minuten ist klar, dass hier niemand auf schnelle Effekte setzt.",
    ]
    cast = [
        "{c1} ({a1}) trägt den Film mit einer Ruhe, die man nicht spielen kann.",
        "{c1} ({a1}) ist die eigentliche Entdeckung dieses Films.",
        "Neben {c1} ({a1}) überzeugt vor allem {c2} ({a2}) in einer Rolle, die wenige Worte braucht.",
        "Die Szenen zwischen {c1} ({a1}) und {c2} ({a2}) gehören zum Besten, was der Film zu bieten hat.",
        "Auch {c3} ({a3}) bekommt Momente, die im Gedächtnis bleiben.",
        "{c2} ({a2}) bleibt dagegen eine Figur, die man gern besser verstanden hätte.",
        "Wenn {c1} ({a1}) und {c3} ({a3}) endlich aufeinandertreffen, hält der Film den Atem an.",
        "**{a1}** als {c1} ist schlicht großartig.",
        "{a2} spielt {c2} mit großer Zurückhaltung.",
    ]
    craft = [
        "Die Kamera von {camera} bleibt nah an den Gesichtern, ohne je aufdringlich zu werden.",
        "{camera} findet Bilder von karger Schönheit, die nie zum Selbstzweck werden.",
        "Die Musik von {music} hält sich zurück und setzt nur wenige, dafür *genau gesetzte* Akzente.",
        "Nur die Musik von {music} drängt sich gelegentlich zu sehr in den Vordergrund.",
        "Der Schnitt von {editor} gibt den Szenen Luft zum Atmen.",
        "Das Drehbuch von {writer} vertraut seinen Figuren mehr als seiner Handlung.",
        "Man merkt, dass {director} und {camera} einander vertrauen.",
    ]
    scene = [
        "Eine Szene bleibt besonders im Gedächtnis: {protagonist} allein auf einem Bahnsteig, "
        "minutenlang, ohne ein Wort.",
        "Später gibt es eine Sequenz in einem leeren Schwimmbad, die man so schnell nicht vergisst.",
        "Manchmal verliert der Film seinen Faden, findet ihn aber immer wieder.",
        "Gegen Ende wird es *fast zu* versöhnlich.",
        "Der Humor kommt beiläufig und trifft umso genauer.",
    ]
    context = [
        "*{title}* lief {festival_phrase} und sorgte dort für Gesprächsstoff.",
        "Ein ausführliches [Gespräch mit {director}](https://example.org/interviews/{director_slug}) "
        "haben wir gesondert veröffentlicht.",
        "Wer {director_genitive} frühere Filme kennt, wird manches wiedererkennen.",
        "Dass der Film {year} entstanden ist, merkt man ihm kaum an.",
        "Hintergründe zur Produktion gibt es [beim Verleih](https://example.org/filme/{film_slug}).",
    ]
    verdicts = {
        "high": [
            "*{title}* ist ein Film, der bleibt.",
            "Unbedingt sehenswert.",
            "Einer der schönsten Filme seines Jahrgangs.",
            "Ein **großer** kleiner Film.",
        ],
        "mid": [
            "Kein Meisterwerk, aber ein Film mit Haltung.",
            "Sehenswert, mit Abstrichen.",
            "Am Ende bleibt ein zwiespältiger Eindruck.",
        ],
        "low": [
            "Leider bleibt *{title}* weit unter seinen Möglichkeiten.",
            "Ein Film, den man schnell wieder vergisst.",
            "Da wäre deutlich mehr drin gewesen.",
        ],
        "none": [
            "Ein Film, über den man streiten kann – und sollte.",
            "Ob das gelingt, muss jeder selbst entscheiden.",
        ],
    }
    closing = {
        "high": ["Im Kino sollte man ihn **auf keinen Fall** verpassen."],
        "any": ["Man darf gespannt sein, was {director} als Nächstes dreht."],
    }

    def values(self, facts):
        protagonist = facts.cast[0]
        feminine, masculine, oblique = OCCUPATIONS[facts.occupation][:3]
        female = protagonist.female
        plot = PLOTS[facts.plot][0].format(rel="die" if female else "der", sein="ihr" if female else "sein")
        return {
            **_cast_values(facts.cast),
            "title": facts.titles["de"],
            "year": facts.year,
            "director": facts.director,
            "director_with_title": f"{'Regisseurin' if facts.director_female else 'Regisseur'} "
            f"{facts.director}",
            "director_genitive": german_genitive(facts.director),
            "director_slug": slugify(facts.director),
            "film_slug": facts.slug,
            "writer": facts.writer,
            "camera": facts.camera,
            "editor": facts.editor,
            "music": facts.music,
            "genre_word": GENRE_WORDS[facts.genre][0],
            "protagonist": protagonist.character,
            "occupation_nom": f"eine {feminine}" if female else f"ein {masculine}",
            "occupation_acc": f"eine {feminine}" if female else f"einen {oblique}",
            "occupation_dat": f"einer {feminine}" if female else f"einem {oblique}",
            "plot": plot,
            "festival_phrase": _festival_phrase(facts.festival, "de"),
        }


class _English(_Texts):
    headline_forms = [
        "{title}: {phrase}",
        "{title} review – {phrase_lower}",
        "{phrase}: {director_possessive} {title}",
    ]
    headlines = {
        "high": [
            "A quiet triumph",
            "Cinema that stays with you",
            "The art of leaving things out",
            "A small miracle",
        ],
        "mid": ["Fine images, little nerve", "Ambition meets reality", "Handbrake on"],
        "low": ["Much ado about little", "Well meant", "A missed chance", "Trying too hard"],
        "none": ["A film that divides"],
        "any": [
            "Between rage and tenderness",
            "Close to its characters",
            "What remains",
            "An endless summer",
        ],
    }
    teaser = "{director_possessive} {genre_word} about {occupation_a} {plot}."
    opening = [
        "In *{title}*, directed by {director}, we follow {protagonist}, {occupation_a} {plot}.",
        "At the centre of *{title}* is {protagonist}, {occupation_a} {plot}.",
        "{director_possessive} film from {year} takes its time, and that is its greatest strength.",
        "You need not know much about *{title}* to guess where {director} is heading.",
        "It is a simple story that {director} tells in *{title}*, and it never turns trite.",
        "What sounds like a familiar pattern soon develops a logic of its own.",
        "Within minutes it is clear that nobody here is after cheap effects.",
    ]
    cast = [
        "{c1} ({a1}) carries the film with a calm that cannot be acted.",
        "{c1} ({a1}) is the real discovery of this film.",
        "Next to {c1} ({a1}), it is {c2} ({a2}) who impresses most, in a part that needs few words.",
        "The scenes between {c1} ({a1}) and {c2} ({a2}) are the best the film has to offer.",
        "Even {c3} ({a3}) gets moments that linger.",
        "{c2} ({a2}), by contrast, remains a figure one would have liked to understand better.",
        "When {c1} ({a1}) and {c3} ({a3}) finally meet, the film holds its breath.",
        "**{a1}** as {c1} is simply superb.",
        "{a2} plays {c2} with great restraint.",
    ]
    craft = [
        "The camera of {camera} stays close to the faces without ever becoming intrusive.",
        "{camera} finds images of austere beauty that never become an end in themselves.",
        "The score by {music} holds back and sets only a few, *precisely placed* accents.",
        "Only the score by {music} sometimes pushes itself too far into the foreground.",
        "The editing by {editor} gives the scenes room to breathe.",
        "The screenplay by {writer} trusts its characters more than its plot.",
        "You can tell that {director} and {camera} trust each other.",
    ]
    scene = [
        "One scene stays with you: {protagonist} alone on a platform, for minutes, without a word.",
        "Later there is a sequence in an empty swimming pool that is hard to forget.",
        "At times the film loses its thread, but it always finds it again.",
        "Towards the end it becomes *almost too* conciliatory.",
        "The humour arrives in passing and hits all the harder.",
    ]
    context = [
        "*{title}* screened {festival_phrase} and got people talking.",
        "We have published a long [conversation with {director}]"
        "(https://example.org/interviews/{director_slug}) separately.",
        "Anyone who knows {director_possessive} earlier films will recognise a few things.",
        "That the film was made in {year} hardly shows.",
        "There is more on the production [from the distributor](https://example.org/films/{film_slug}).",
    ]
    verdicts = {
        "high": [
            "*{title}* is a film that stays.",
            "Not to be missed.",
            "One of the finest films of its year.",
            "A **big** small film.",
        ],
        "mid": [
            "No masterpiece, but a film with a point of view.",
            "Worth seeing, with reservations.",
            "In the end the impression is mixed.",
        ],
        "low": [
            "Sadly, *{title}* falls far short of its promise.",
            "A film you quickly forget.",
            "There was much more to be had here.",
        ],
        "none": ["A film worth arguing about.", "Whether it works is for each viewer to decide."],
    }
    closing = {
        "high": ["Do **not** miss it in a cinema."],
        "any": ["It will be interesting to see what {director} does next."],
    }

    def values(self, facts):
        protagonist = facts.cast[0]
        occupation = OCCUPATIONS[facts.occupation][3 if protagonist.female else 4]
        pronouns = {"their": "her", "them": "her"} if protagonist.female else {"their": "his", "them": "him"}
        return {
            **_cast_values(facts.cast),
            "title": facts.titles["en"],
            "year": facts.year,
            "director": facts.director,
            "director_possessive": f"{facts.director}'s",
            "director_slug": slugify(facts.director),
            "film_slug": facts.slug,
            "writer": facts.writer,
            "camera": facts.camera,
            "editor": facts.editor,
            "music": facts.music,
            "genre_word": GENRE_WORDS[facts.genre][1],
            "protagonist": protagonist.character,
            "occupation_a": english_article(occupation),
            "plot": PLOTS[facts.plot][1].format(**pronouns),
            "festival_phrase": _festival_phrase(facts.festival, "en"),
        }


def _cast_values(cast):
    # Films have at least three actors; with fewer, the last one stands in for the missing.
    values = {}
    for number in (1, 2, 3):
        member = cast[min(number, len(cast)) - 1]
        values[f"c{number}"] = member.character
        values[f"a{number}"] = member.actor
    return values


def _festival_phrase(festival, language):
    """ "im Wettbewerb der Berlinale 2019" for the tag "Berlinale 2019"."""
    if not festival:
        return ""
    name, year = festival.rsplit(" ", 1)
    return FESTIVAL_PHRASES[name][0 if language == "de" else 1].format(year=year)


GERMAN = _German()
ENGLISH = _English()
