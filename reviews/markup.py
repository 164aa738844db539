"""
Review text: Markdown in, sanitised HTML out.

markdown-it-py with raw HTML switched off turns the editor's Markdown into HTML, and
nh3 then keeps only an allowlist of tags and attributes, so nothing an editor types
reaches a reader as live markup. Reviews store the result once, on save.
"""

import nh3
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

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False}).disable("image")


def render_markdown(text):
    """Return sanitised HTML for a Markdown text; an empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    html = _markdown.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener nofollow",
    ).strip()
