"""
Simple posters and portraits drawn with Pillow for the demo content (no downloads).

Colours come from a hash of the title or name, so every run draws the same pictures.
"""

import hashlib
import io
import textwrap

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

POSTER_SIZE = (600, 900)
PORTRAIT_SIZE = (400, 500)


def _palette(text):
    digest = hashlib.sha256(text.encode()).digest()
    dark = (24 + digest[0] % 60, 24 + digest[1] % 60, 30 + digest[2] % 70)
    light = (150 + digest[3] % 100, 110 + digest[4] % 120, 90 + digest[5] % 120)
    return dark, light


def _gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _as_jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue())


def poster_image(title, year):
    dark, light = _palette(title)
    image = _gradient(POSTER_SIZE, light, dark)
    draw = ImageDraw.Draw(image)
    width, height = POSTER_SIZE
    draw.ellipse([width * 0.18, height * 0.14, width * 0.82, height * 0.57], outline=(255, 255, 255), width=3)
    font = ImageFont.load_default(size=52)
    lines = textwrap.wrap(title.upper(), width=14)
    y = height * 0.64
    for line in lines:
        draw.text((width / 2, y), line, font=font, fill=(255, 255, 255), anchor="ma")
        y += 62
    draw.text(
        (width / 2, height - 70), str(year), font=ImageFont.load_default(size=30), fill=light, anchor="ma"
    )
    return _as_jpeg(image)


def portrait_image(name):
    dark, light = _palette(name)
    image = _gradient(PORTRAIT_SIZE, dark, light)
    draw = ImageDraw.Draw(image)
    width, height = PORTRAIT_SIZE
    draw.ellipse([width * 0.3, height * 0.16, width * 0.7, height * 0.48], fill=light)
    draw.pieslice([width * 0.12, height * 0.52, width * 0.88, height * 1.2], 180, 360, fill=light)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    draw.text(
        (width / 2, height * 0.25), initials, font=ImageFont.load_default(size=56), fill=dark, anchor="ma"
    )
    return _as_jpeg(image)
