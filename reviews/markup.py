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


def link_first_mentions(html, people):
    """Link the first mention of each person in `html` to their page.

    `people` is a list of (name, url). Only text outside links is touched, longer names
    first, so "Caleb Landry Jones" is linked as a whole; each name is linked once.
    """
    if not html or not people:
        return html
    people = sorted({(name, url) for name, url in people if name.strip()}, key=lambda item: -len(item[0]))
    pattern = re.compile(
        r"(?<![\w&#-])(" + "|".join(re.escape(escape(name)) for name, _ in people) + r")(?![\w-])"
    )
    urls = {escape(name): url for name, url in people}
    linked = set()
    inside_link = 0
    pieces = []
    for piece in _TAG_RE.split(html):
        if piece.startswith("<"):
            if re.match(r"<a[\s>]", piece):
                inside_link += 1
            elif piece.startswith("</a"):
                inside_link = max(0, inside_link - 1)
            pieces.append(piece)
            continue
        if inside_link or not piece:
            pieces.append(piece)
            continue

        def replace(match):
            name = match.group(1)
            if name in linked:
                return name
            linked.add(name)
            return f'<a href="{escape(urls[name])}" class="person-link">{name}</a>'

        pieces.append(pattern.sub(replace, piece))
    return "".join(pieces)


def reading_minutes(text):
    """Minutes a reader needs for `text`, at least one."""
    return max(1, round(len(text.split()) / WORDS_PER_MINUTE))
