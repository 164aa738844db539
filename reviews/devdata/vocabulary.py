"""
The generator's vocabulary: names by origin, the words film titles are made of in each
language, genres, festivals, occupations and plots.

The generator draws from lists by position, never from sets, whose order could change
between runs: one seed gives the same text on every run. German grammar (gender, case) is
written out where a list needs it rather than solved in general.
"""

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
