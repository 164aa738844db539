"""
Django's `makemessages`, which also reads the readers' Jinja2 templates.

Django's own command reads every `.html` file as a Django template. The public templates
(`templates/`, except `templates/admin/`) are Jinja2 (reviews/templating.py): for them the
messages are found with Jinja's parser and handed to xgettext as Python calls on the same line
numbers, so the catalogue's references point at the template lines.
"""

import io
import json
from pathlib import Path

from django.core.management.commands import makemessages
from jinja2.ext import babel_extract

from ...templating import is_jinja_template

# The names Jinja's extractor reports, as the Python calls xgettext knows.
CALLS = {"_": "gettext", "gettext": "gettext", "ngettext": "ngettext"}


def jinja_messages_as_python(source):
    """Python source with a `gettext()`/`ngettext()` call for each message of a Jinja
    template, each on the template's line."""
    lines = [[] for _ in range(source.count("\n") + 1)]
    extracted = babel_extract(io.BytesIO(source.encode()), tuple(CALLS), [], {})
    for line, function, message, _comments in extracted:
        strings = message if isinstance(message, tuple) else (message,)
        arguments = [json.dumps(text, ensure_ascii=False) for text in strings if text is not None]
        if CALLS[function] == "ngettext":
            arguments.append("n")
        lines[line - 1].append(f"{CALLS[function]}({', '.join(arguments)})")
    return "\n".join("; ".join(calls) for calls in lines) + "\n"


class BuildFile(makemessages.BuildFile):
    def preprocess(self):
        if self.domain == "django" and is_jinja_template(Path(self.path)):
            source = Path(self.path).read_text(encoding="utf-8")
            Path(self.work_path).write_text(jinja_messages_as_python(source), encoding="utf-8")
            return
        super().preprocess()


class Command(makemessages.Command):
    build_file_class = BuildFile
