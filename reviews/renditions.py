"""
Smaller WebP copies of posters and portraits for `srcset`.

They are made once, when a new image is saved (see signals.py), and stored beside the
uploads under `renditions/`; pages only compute their names and URLs, without touching the
storage.
"""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

WIDTHS = (200, 400, 800)
WEBP_QUALITY = 80


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}.webp")


def rendition_widths(original_width):
    """The rendition widths made for an image `original_width` pixels wide."""
    if not original_width:
        return []
    return [width for width in WIDTHS if width < original_width] + [original_width]


def make_renditions(storage, name):
    """Write the missing renditions of the image stored as `name`; returns the names written."""
    if not name:
        return []
    with storage.open(name, "rb") as source:
        image = Image.open(source)
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    written = []
    for width in rendition_widths(image.width):
        rendition = rendition_name(name, width)
        if storage.exists(rendition):
            continue
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, format="WEBP", quality=WEBP_QUALITY, method=2)
        storage.save(rendition, ContentFile(buffer.getvalue()))
        written.append(rendition)
    return written


def srcset(field_file, original_width, storage=default_storage):
    """The `srcset` value of an image's WebP renditions, computed from its name and width only."""
    if not field_file or not field_file.name or not original_width:
        return ""
    storage = getattr(field_file, "storage", storage)
    return ", ".join(
        f"{storage.url(rendition_name(field_file.name, width))} {width}w"
        for width in rendition_widths(original_width)
    )
