"""
Hostile text for the XSS matrix in test_security.py: what an editor (or a stolen editor
account, or an importer fed by a third party) could type into any text field.

Each payload is (id, text). The ids name the test cases; the texts stay at most 100
characters, the shortest field they go into (a tag name), and differ even ignoring case,
since tag names are unique that way (test_security.py checks both).
"""

PAYLOADS = [
    # Plain HTML injection
    ("script", "<script>alert(1)</script>"),
    ("script-uppercase-spaced", "<SCRIPT >alert(2)</SCRIPT >"),
    ("img-onerror", '"><img src=x onerror=alert(1)>'),
    ("close-script", "</script><script>alert(1)</script>"),
    ("close-title", "</title><script>alert(1)</script>"),
    ("close-textarea", "</textarea><script>alert(1)</script>"),
    ("svg-onload", "<svg onload=alert(1)>"),
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    ("math-xlink", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'),
    ("iframe-javascript", "<iframe src=javascript:alert(1)>"),
    ("object-data", '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'),
    ("embed", "<embed src=javascript:alert(1)>"),
    ("details-ontoggle", "<details open ontoggle=alert(1)>"),
    ("body-onload", "<body onload=alert(1)>"),
    ("input-onfocus", "<input autofocus onfocus=alert(1)>"),
    ("video-source-onerror", "<video><source onerror=alert(1)></video>"),
    ("style-import", "<style>@import 'https://evil.example/x.css';</style>"),
    ("base-href", "<base href=//evil.example/>"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("form-action", "<form action=javascript:alert(1)><button>Go</button></form>"),
    ("a-tab-in-scheme", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
    ("a-entity-scheme", '<a href="&#106;avascript:alert(1)">x</a>'),
    ("noscript-mxss", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("comment-open", "<!--"),
    ("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    # Attribute breakers: the text lands in alt, title, content and value attributes
    ("single-quote-attr", "' onmouseover='alert(1)"),
    ("double-quote-attr", '" onmouseover="alert(1)" x="'),
    ("backtick-attr", "` onmouseover=alert(1) `"),
    # URLs
    ("javascript-url", "javascript:alert(1)"),
    ("data-url", "data:text/html,<script>alert(1)</script>"),
    # Markdown (the review body); raw HTML is off, so these test the link rules
    ("md-javascript-link", "[x](javascript:alert(1))"),
    ("md-mixed-case-link", "[x](JaVaScRiPt:alert(2))"),
    ("md-data-link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("md-data-image-link", "[x](data:image/png;base64,iVBORw0KGgo=)"),
    ("md-entity-link", "[x](&#106;avascript:alert(1))"),
    ("md-tab-entity-link", "[x](<java&#09;script:alert(1)>)"),
    ("md-autolink", "<javascript:alert(1)>"),
    ("md-reference-link", "[x][r]\n\n[r]: javascript:alert(1)"),
    ("md-image", "![x](javascript:alert(1))"),
    ("md-title-breaker", '[x](https://example.org "a\\" onmouseover=\\"alert(1)")'),
    # Templates and encodings
    ("template-expression", "{{7*7}}"),
    ("template-tag", "{% debug %}{{ settings.SECRET_KEY }}"),
    ("url-encoded", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    ("fullwidth-brackets", "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e"),
    ("rtl-override", "\u202egnp.exe<img src=x onerror=alert(1)>"),
    ("zero-width-scheme", "java\u200bscript:alert(1)"),
    ("line-separators", "\u2028\u2029</script><script>alert(1)</script>"),
    # Word pastes carry vertical tabs; XML 1.0 has no way to write them.
    ("control-characters", "Kapitel\x0b1\x0c<b>fett</b>"),
]
