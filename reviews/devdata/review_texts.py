"""
Reviews of generated films: headline, teaser and Markdown body, in German or English.

Bodies are Markdown in the house style: titles in emphasis, the cast as "Clara (Zoe Kazan)",
now and then a link. Each sentence names only facts of the film (`FilmFacts`), so the credit
checks find no slips in generated reviews. One seed gives the same text: sentences are drawn
from lists, in the same order, with the caller's `random.Random`.
"""

from django.utils.text import slugify

from .texts import english_article, german_genitive
from .vocabulary import FESTIVAL_PHRASES, GENRE_WORDS, OCCUPATIONS, PLOTS


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
