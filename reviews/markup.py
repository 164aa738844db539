"""
Review text: Markdown in, sanitised HTML out.

markdown-it-py with raw HTML switched off turns the editor's Markdown into HTML, with the
typography of the review's language (German „…“ quotes, dashes, ellipses), and nh3 then
keeps only an allowlist of tags and attributes, so nothing an editor types reaches a
reader as live markup. The first mention of each person credited on the film becomes a
link to their page. Reviews store the result once, on save.
"""

import re

import nh3
from django.utils.html import escape
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "a",
    "blockquote",
    "q",
    "cite",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "sup",
    "sub",
    "abbr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

QUOTES = {
    "de": "„“‚‘",
    "en": "“”‘’",
}

WORDS_PER_MINUTE = 200


def _markdown(language):
    options = {"html": False, "typographer": True, "quotes": QUOTES.get(language, QUOTES["en"])}
    return MarkdownIt("commonmark", options).enable(["replacements", "smartquotes"]).disable("image")


_RENDERERS = {language: _markdown(language) for language in QUOTES}


def render_markdown(text, language="de"):
    """Return sanitised HTML for a Markdown text; an empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    renderer = _RENDERERS.get(language, _RENDERERS["en"])
    html = renderer.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener nofollow",
    ).strip()


_TAG_RE = re.compile(r"(<[^>]+>)")
_LINK_START_RE = re.compile(r"<a[\s>]")


def link_first_mentions(html, people):
    """Link the first mention of each person in `html` to their page.

    `people` is a list of (name, url). Only text outside links is touched, longer names
    first, so "Caleb Landry Jones" is linked as a whole; each name is linked once. Two people
    of one name (two John Carters on a film): the text cannot tell which is meant, and the
    link goes to the URL that sorts first, whatever order `people` comes in.
    """
    if not html or not people:
        return html
    people = sorted(
        {(name, url) for name, url in people if name.strip()}, key=lambda item: (-len(item[0]), item)
    )
    urls = {}
    for name, url in people:
        urls.setdefault(escape(name), url)
    names = list(urls)
    linked = set()
    inside_link = 0
    pieces = []
    for piece in _TAG_RE.split(html):
        if piece.startswith("<"):
            if _LINK_START_RE.match(piece):
                inside_link += 1
            elif piece.startswith("</a"):
                inside_link = max(0, inside_link - 1)
            pieces.append(piece)
        elif inside_link or not piece:
            pieces.append(piece)
        else:
            position = 0
            for start, name in _mentions(piece, names):
                pieces.append(piece[position:start])
                if name in linked:
                    pieces.append(name)
                else:
                    linked.add(name)
                    pieces.append(f'<a href="{escape(urls[name])}" class="person-link">{name}</a>')
                position = start + len(name)
            pieces.append(piece[position:])
    return "".join(pieces)


def _mentions(text, names):
    """(start, name) of the mentions of `names` in `text`, left to right, without overlaps: at
    each place the first of `names` found there, as whole words (not inside a word, a hyphenated
    word or an entity like `&#39;`).

    What `re.finditer` would find for the names joined by "|", without compiling a pattern for
    each review's cast (compiling was most of this function's time).
    """
    found = []
    position = 0
    while True:
        best = None
        for name in names:
            start = _whole_word(text, name, position)
            if start != -1 and (best is None or start < best[0]):
                best = (start, name)
        if best is None:
            return found
        found.append(best)
        position = best[0] + len(best[1])


def _whole_word(text, word, position):
    """Where `word` next stands in `text` from `position` as a whole word, or -1."""
    start = text.find(word, position)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not _joins(before, "&#-") and not _joins(after, "-"):
            return start
        start = text.find(word, start + 1)
    return -1


def _joins(char, joiners):
    """Whether `char` next to a name makes it part of something longer (regex's \\w, or a joiner)."""
    return bool(char) and (char.isalnum() or char == "_" or char in joiners)


def reading_minutes(text):
    """Minutes a reader needs for `text`, at least one."""
    return max(1, round(len(text.split()) / WORDS_PER_MINUTE))
