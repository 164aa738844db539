"""
Credits and slips in a review text.

Critics name the cast the way print does, "Clara (Zoe Kazan)", and the director with a cue
word, "Regie: Lone Scherfig" or "directed by Christian Petzold". `find_credits` reads those
patterns from the text alone; `missing_credits` compares them with a film's credits, and
`fact_check` looks for names and titles that nearly match the film's but are spelled
differently ("Tahar Ramin" for "Tahar Rahim").

Everything here is heuristic and meant as a hint for the editor, not as a verdict: German
capitalises every noun, so the patterns lean towards missing a credit rather than
inventing one. The film helpers read only `film.roles.all()` and `film.local_titles.all()`;
prefetch `roles__person` and `local_titles` to keep them free of queries.
"""

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import ClassVar

from django.db.models import Max

from .models import Person, Role

NAME_RATIO = 0.8
NAME_WORD_RATIO = 0.6
TITLE_RATIO = 0.85

# A word: letters, with hyphens or apostrophes inside ("Jean-Pierre", "O'Connor").
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_WORD_RE = re.compile(_WORD)
# Inside a name an initial keeps its full stop ("Samuel L. Jackson").
_NAME_TOKEN_RE = re.compile(rf"[^\W\d_]\.(?=\s)|{_WORD}")
# Words of a name may wrap onto the next line, but a blank line ends the paragraph.
_GAP_RE = re.compile(r"[^\S\n]*\n?[^\S\n]*")
# Between the words of a title the text may also have the title's own punctuation.
_TITLE_GAP_RE = re.compile(r"[^\S\n]*[:,–—-]?[^\S\n]*\n?[^\S\n]*")
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")
_LABEL_RE = re.compile(r"[^\S\n]*:")
_HONORIFICS = frozenset("Dr. Mr. Mrs. Ms. Prof.".split())
_PARENTHESIS_RE = re.compile(r"\(([^()]{1,80})\)")
_DIRECTOR_CUE_RE = re.compile(
    r"(?i:\bRegie[^\S\n]*:|\bRegie[^\S\n]+(?:führte|führt|von)\b|\bRegisseur(?:in|s)?\b"
    r"|\bdirected[^\S\n]+by\b|\bdirector\b[^\S\n]*:?)"
)
_MARKUP_RE = re.compile(r"[*_`]")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’]|s)$")
_TITLE_DASH_RE = re.compile(r"\s+[–—-]\s+")

# Lower-case words that belong inside a name ("Ludwig van Beethoven", "Vicente del Bosque").
PARTICLES = frozenset(
    "al bin da dal das de dei del della der des di do dos du el ibn la le van von y zu".split()
)
# Capitalised only because they start a sentence; a character's name never contains them.
FUNCTION_WORDS = frozenset(
    """
    a an and as at but by for from her his in its of on or our the their to with
    als auch aber an auf aus bei da dann das dem den der des die doch durch ein eine einem einen
    einer eines er es für hier ihr ihre ihrem ihren ihrer im in ist mit nach neben noch nun
    sein seine seinem seinen seiner sie so und unter vom von vor wie zu zum zur
    """.split()
)
# Capitalised words before a parenthesis that say what someone is, not who ("die Krankenschwester
# Alice"); a cue for the director means the parenthesis names a film, not a part.
DESCRIPTORS = frozenset(
    """
    anwalt anwältin arzt ärztin bruder chef chefin ehefrau ehemann figur frau freund freundin
    geliebte geliebter großmutter großvater hauptfigur held heldin kellner kellnerin kind koch
    köchin kommissar kommissarin krankenschwester lehrer lehrerin mann mutter nachbar nachbarin
    nichte neffe onkel pfleger pflegerin polizist polizistin protagonist protagonistin schwester
    sohn söhne söhnen tante titelfigur titelheld titelheldin tochter töchter töchtern vater witwe witwer
    kinder kindern eltern brüder brüdern schwestern freunde freunden
    film regisseur regisseurin regie
    """.split()
)
# Words that mark a parenthesis as something other than a person ("(Originaltitel Transit)").
NOT_NAME_WORDS = frozenset(
    """
    originaltitel ot regie buch drehbuch kamera musik schnitt produktion verleih kinostart
    film serie staffel folge teil episode season part director screenplay original
    goldener goldene silberner silberne deutscher deutsche europäischer bester beste preis award
    """.split()
)
_GERMAN_DETERMINERS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner
    ihr ihre ihren ihrem ihrer unser unsere dessen deren
    """.split()
)
_DETERMINERS = _GERMAN_DETERMINERS | {"the", "a", "an", "his", "her", "their", "its", "our"}
# German articles that are particles only after another one: "von der Leyen", "van den Berg".
_SECOND_PARTICLES = frozenset("das den der des la le".split())
_NEVER_IN_NAMES = NOT_NAME_WORDS | (FUNCTION_WORDS - PARTICLES)
_DIRECTOR_WORD_RE = re.compile(r"(?i:regie:?|regisseur(?:in|s)?|director:?|by)")


@dataclass(frozen=True)
class MentionedCredit:
    """A credit the text names: `kind` is a `Role.Kind`, `character` is "" for directors."""

    kind: str
    name: str
    character: str = ""


@dataclass(frozen=True)
class Slip:
    """A name or title in the text that nearly matches the film's but is spelled differently."""

    NAME: ClassVar[str] = "name"
    TITLE: ClassVar[str] = "title"

    kind: str
    found: str
    stored: str


def normalise(text):
    """The form names are compared in: NFC, case-folded, single spaces, straight apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    return " ".join(text.casefold().split())


def find_credits(text):
    """Directors and cast named in `text`, without repeats, in the order they first appear."""
    text = _strip_markup(text)
    found = [(match.start(), credit) for match, credit in _director_mentions(text)]
    found += [(match.start(), credit) for match, credit in _cast_mentions(text)]
    credits, seen = [], set()
    for _, credit in sorted(found, key=lambda item: item[0]):
        key = (credit.kind, normalise(credit.name), normalise(credit.character))
        if key not in seen:
            seen.add(key)
            credits.append(credit)
    return credits


def missing_credits(film, text):
    """The credits found in `text` that `film` does not have yet.

    An actor counts as credited when the film has them as an actor playing that character,
    or with no character recorded, or with a fuller name for it ("Clara" for "Clara Smith").
    """
    roles = list(film.roles.all())
    missing = []
    for credit in find_credits(text):
        name = normalise(credit.name)
        same_person = [
            role for role in roles if role.kind == credit.kind and normalise(role.person.name) == name
        ]
        if credit.kind == Role.Kind.ACTOR:
            present = any(_same_character(credit.character, role.character) for role in same_person)
        else:
            present = bool(same_person)
        if not present:
            missing.append(credit)
    return missing


def add_credit(film, credit):
    """Put a mentioned credit on the film: returns (role, person_created, role_created).

    The person is looked up by name first, so a second add creates nobody twice; a new
    credit goes after the film's credits of the same kind.
    """
    person = Person.objects.filter(name__iexact=credit.name).order_by("pk").first()
    person_created = person is None
    if person_created:
        person = Person.objects.create(name=credit.name)
    last_order = film.roles.filter(kind=credit.kind).aggregate(last=Max("order"))["last"]
    role, role_created = Role.objects.get_or_create(
        film=film,
        person=person,
        kind=credit.kind,
        character=credit.character,
        defaults={"order": 0 if last_order is None else last_order + 1},
    )
    return role, person_created, role_created


def fact_check(film, text):
    """Names and titles in `text` that nearly match the film's credits or titles, in text order."""
    text = _strip_markup(text)
    words = _words(text)
    names = sorted({role.person.name for role in film.roles.all()})
    slips = _name_slips(text, words, names) + _title_slips(text, words, _titles(film))
    ordered, seen = [], set()
    for _, slip in sorted(slips, key=lambda item: item[0]):
        if slip not in seen:
            seen.add(slip)
            ordered.append(slip)
    return ordered


def _strip_markup(text):
    # Emphasis marks would split "*Clara* (Zoe Kazan)" from its parenthesis.
    return _MARKUP_RE.sub("", text)


def _is_capitalised(token):
    # All capitals ("USA", "DDR") are abbreviations, not names.
    return token[:1].isupper() and not (len(token) > 1 and token.isupper())


def _is_initial(token):
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def _is_particle(token, previous):
    if token in _SECOND_PARTICLES:
        return previous in PARTICLES
    return token in PARTICLES


def _name_tokens(text, pos):
    """The tokens of a name starting at `pos`: capitalised words, initials and particles."""
    tokens = []
    while True:
        gap = _GAP_RE.match(text, pos)
        if tokens and not gap.group():
            break
        match = _NAME_TOKEN_RE.match(text, gap.end())
        # "Regie: Lone Scherfig\nDarsteller: …" – a word before a colon labels the next line.
        if not match or _LABEL_RE.match(text, match.end()):
            break
        token = match.group()
        previous = tokens[-1] if tokens else ""
        if not (_is_capitalised(token) or _is_initial(token) or _is_particle(token, previous)):
            break
        if token.casefold() in _NEVER_IN_NAMES and not _is_particle(token, previous):
            break
        tokens.append(token)
        pos = match.end()
    return tokens


def _as_person_name(tokens):
    """`tokens` as a person's name if they can be one: 2–4 capitalised words, particles inside."""
    while tokens and tokens[-1] in PARTICLES:
        tokens = tokens[:-1]
    if not tokens or tokens[0] in PARTICLES:
        return ""
    particles = [
        token for index, token in enumerate(tokens) if index and _is_particle(token, tokens[index - 1])
    ]
    capitalised = [token for token in tokens if _is_capitalised(token) or _is_initial(token)]
    if len(particles) + len(capitalised) != len(tokens) or len(particles) > 2:
        return ""
    if not 2 <= len(capitalised) <= 4:
        return ""
    if any(token.casefold() in _NEVER_IN_NAMES for token in capitalised):
        return ""
    return " ".join(tokens)


def _director_mentions(text):
    for match in _DIRECTOR_CUE_RE.finditer(text):
        tokens = _name_tokens(text, match.end())
        # A possessive ends the name without being part of it ("director Lone Scherfig's film").
        if tokens and re.search(r"['’]s$", tokens[-1]):
            tokens[-1] = tokens[-1][:-2]
        # A longer run of capitals runs on into German nouns: better no credit than a wrong one.
        name = _as_person_name(tokens) if len(tokens) <= 6 else ""
        if name:
            yield match, MentionedCredit(Role.Kind.DIRECTOR, name)


def _cast_mentions(text):
    for match in _PARENTHESIS_RE.finditer(text):
        tokens = match.group(1).split()
        if _BLANK_LINE_RE.search(match.group(1)) or not all(
            _WORD_RE.fullmatch(token) or _is_initial(token) for token in tokens
        ):
            continue
        name = _as_person_name(tokens)
        character = _character_before(text, match.start()) if name else ""
        if character:
            yield match, MentionedCredit(Role.Kind.ACTOR, name, character)


def _character_before(text, end):
    """The character's name in the capitalised words that end right before `end`, or ""."""
    paragraph = _BLANK_LINE_RE.split(text[max(0, end - 200) : end])[-1]
    tokens = paragraph.split()
    run = []
    while tokens and (
        (_WORD_RE.fullmatch(tokens[-1]) and _is_capitalised(tokens[-1])) or tokens[-1] in _HONORIFICS
    ):
        run.insert(0, tokens.pop())
    preceding = tokens[-1].casefold() if tokens else ""
    after_lower_case_word = bool(tokens) and tokens[-1].islower()
    for index in range(len(run) - 1, -1, -1):
        word = run[index].casefold()
        if word in FUNCTION_WORDS or word in DESCRIPTORS or word in NOT_NAME_WORDS:
            preceding, run, after_lower_case_word = word, run[index + 1 :], False
            break
    if _DIRECTOR_WORD_RE.fullmatch(preceding):
        # "Regisseurin Lone Scherfig (Roter Himmel)" names one of her films, not a role.
        return ""
    # After an article German capitalises the noun that follows: "die Pianistin Alice", and
    # on its own, "der Erzähler (Matthias Brandt)", that noun is a part, not a character.
    if len(run) > 1 and preceding in _DETERMINERS and run[0] not in _HONORIFICS:
        run = run[1:]
    elif len(run) > 1 and after_lower_case_word and preceding not in FUNCTION_WORDS:
        # "mit ihren beiden Söhnen Anthony": after an adjective, the capitalised word is a noun.
        run = run[1:]
    elif len(run) == 1 and preceding in _GERMAN_DETERMINERS:
        return ""
    if not run or len(run) > 3:
        return ""
    return " ".join(run)


def _same_character(mentioned, stored):
    if not stored:
        return True
    mentioned_words, stored_words = set(normalise(mentioned).split()), set(normalise(stored).split())
    return mentioned_words <= stored_words or stored_words <= mentioned_words


def _words(text):
    """The words of `text` as (start, end, word, text up to the next word)."""
    matches = list(_WORD_RE.finditer(text))
    words = []
    for index, match in enumerate(matches):
        following = text[match.end() : matches[index + 1].start()] if index + 1 < len(matches) else ""
        words.append((match.start(), match.end(), match.group(), following))
    return words


def _windows(words, size, joined_by):
    """Every run of `size` consecutive words whose gaps all match `joined_by`, as (index, words)."""
    for first in range(len(words) - size + 1):
        window = words[first : first + size]
        if all(joined_by.fullmatch(gap) for *_, gap in window[:-1]):
            yield first, [word for _, _, word, _ in window]


def _quote(text, words, first, size):
    """The words as the text has them, with a line break inside read as a space."""
    return " ".join(text[words[first][0] : words[first + size - 1][1]].split())


def _similar(found, stored, threshold):
    """The similarity of the two strings if it reaches `threshold`, else 0."""
    matcher = SequenceMatcher(None, found, stored)
    # The quick upper bounds spare the full comparison for most windows of a long text.
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else 0


def _strip_accents(word):
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _same_name_word(found, stored):
    # German and English possessives are the name itself: "Tahar Rahims Marc", "Zoe Kazan's Clara".
    found, stored = found.casefold(), stored.casefold()
    return found == stored or (
        found.startswith(stored) and _POSSESSIVE_RE.fullmatch(found[len(stored) :]) is not None
    )


def _near_name(found_words, stored_words):
    pairs = list(zip(found_words, stored_words, strict=True))
    if all(_same_name_word(found, stored) for found, stored in pairs):
        return False
    for found, stored in pairs:
        if _same_name_word(found, stored) or _strip_accents(found) == _strip_accents(stored):
            continue
        if not _similar(found.casefold(), stored.casefold(), NAME_WORD_RATIO):
            return False
    return _similar(" ".join(found_words).casefold(), " ".join(stored_words).casefold(), NAME_RATIO)


def _name_slips(text, words, names):
    name_words = {name: _WORD_RE.findall(name) for name in names}
    windows = {size: list(_windows(words, size, _GAP_RE)) for size in {len(w) for w in name_words.values()}}
    correct = set()
    for expected in name_words.values():
        for first, window in windows[len(expected)]:
            if all(_same_name_word(found, stored) for found, stored in zip(window, expected, strict=True)):
                correct.update(range(first, first + len(expected)))
    slips = []
    for name, expected in name_words.items():
        if len(expected) < 2:
            continue
        for first, window in windows[len(expected)]:
            if not (_is_capitalised(window[0]) and _is_capitalised(window[-1])):
                continue
            if not all(_is_capitalised(word) or word in PARTICLES for word in window):
                continue
            if correct.intersection(range(first, first + len(expected))):
                continue
            if _near_name(window, expected):
                slips.append(
                    (words[first][0], Slip(Slip.NAME, _quote(text, words, first, len(expected)), name))
                )
    return slips


def _titles(film):
    titles = [film.title]
    for local in film.local_titles.all():
        titles.append(local.title)
        # "The Kindness of Strangers – Kleine Wunder unter Fremden": critics write the second part.
        titles.extend(_TITLE_DASH_RE.split(local.title)[1:])
    return list(dict.fromkeys(title.strip() for title in titles if title.strip()))


def _title_slips(text, words, titles):
    title_words = {title: _WORD_RE.findall(title) for title in titles}
    correct = set()
    for expected in title_words.values():
        for first, window in _windows(words, len(expected), _TITLE_GAP_RE):
            if window == expected:
                correct.update(range(first, first + len(expected)))
    candidates = []
    for title, expected in title_words.items():
        # One-word titles are too short to compare: "Transits" is a genitive, not a slip.
        if len(expected) < 2:
            continue
        stored_text = " ".join(expected)
        for size in (len(expected) - 1, len(expected), len(expected) + 1):
            for first, window in _windows(words, size, _TITLE_GAP_RE):
                span = set(range(first, first + size))
                if not _is_capitalised(window[0]) or correct & span:
                    continue
                ratio = _similar(" ".join(window), stored_text, TITLE_RATIO)
                if ratio:
                    candidates.append((ratio, size == len(expected), first, size, title))
    # Overlapping windows are one mention: keep the closest, preferring the title's own length.
    taken, slips = set(), []
    for _, _, first, size, title in sorted(candidates, key=lambda c: (-c[0], not c[1], c[2])):
        span = set(range(first, first + size))
        if taken & span:
            continue
        taken |= span
        slips.append((words[first][0], Slip(Slip.TITLE, _quote(text, words, first, size), title)))
    return slips
