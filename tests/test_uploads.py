"""
Image uploads through the editors' admin, against hostile files made here in code.

Each file is posted with the real film change form, as an editor. It is either refused (the
form comes back with an error, the poster and the media folder as they were) or stored clean:
a re-encoding under a random name, in the expected format, without metadata or anything after
the image data. The public film page renders after every attempt. Oversized images are only
headers that claim huge dimensions, so nothing large is ever allocated; as they carry almost no
pixel data, a decode would end in "damaged", and "too_many_pixels" shows they were refused before.
"""

import io
import mimetypes
import random
import re
import struct
import warnings
import zipfile
import zlib

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image, ImageCms

from reviews.images import DEFAULT_MAX_UPLOAD_IMAGE_BYTES, SafeImageField

from .adminforms import form_fields, post_data
from .conftest import make_film, make_person

pytestmark = pytest.mark.django_db

RED = (200, 30, 40)
GPS_IFD = 0x8825
ORIENTATION = 0x0112


# Building the files


def encoded(image_format, size=(64, 96), mode="RGB", color=RED, **options):
    content = io.BytesIO()
    Image.new(mode, size, color).save(content, image_format, **options)
    return content.getvalue()


def noisy(image_format, size=(64, 64)):
    """An image that does not compress away, so that cutting the file cuts pixel data."""
    pixels = random.Random(7).randbytes(size[0] * size[1] * 3)
    content = io.BytesIO()
    Image.frombytes("RGB", size, pixels).save(content, image_format)
    return content.getvalue()


def animated(image_format):
    content = io.BytesIO()
    frames = [Image.new("RGB", (16, 16), color) for color in ("red", "green", "blue")]
    frames[0].save(content, image_format, save_all=True, append_images=frames[1:], duration=100)
    return content.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A valid PNG header for an 8-bit RGB image of any size, followed by a few bytes of pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + png_chunk(b"IEND", b"")
    )


def jpeg_claiming(width, height):
    """A small baseline JPEG whose frame header (SOF0) is rewritten to claim other dimensions."""
    content = bytearray(encoded("JPEG", (8, 8)))
    frame = content.index(b"\xff\xc0")
    content[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(content)


def with_exif(**tags):
    exif = Image.Exif()
    exif[0x010F] = "Spy Camera"
    if "orientation" in tags:
        exif[ORIENTATION] = tags["orientation"]
    if tags.get("gps"):
        exif[GPS_IFD] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
    content = encoded("JPEG", (40, 20), exif=exif)
    source = Image.open(io.BytesIO(content)).getexif()
    assert source[0x010F] == "Spy Camera" and bool(source.get_ifd(GPS_IFD)) == bool(tags.get("gps"))
    return content


def with_zip_appended():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as payload:
        payload.writestr("index.html", "<script>alert(document.cookie)</script>")
    content = encoded("JPEG") + archive.getvalue()
    assert zipfile.is_zipfile(io.BytesIO(content))
    return content


def with_text_chunk():
    content = encoded("PNG")
    end = content.rindex(b"\0\0\0\0IEND")
    return content[:end] + png_chunk(b"tEXt", b"Comment\0<script>alert(1)</script>") + content[end:]


def mpo():
    content = io.BytesIO()
    second = Image.new("RGB", (64, 96), "blue")
    Image.new("RGB", (64, 96), RED).save(content, "MPO", save_all=True, append_images=[second])
    return content.getvalue()


def palette_with_transparency():
    image = Image.new("P", (16, 16), 0)
    image.putpalette([0, 0, 0, *RED])
    image.putpixel((0, 0), 1)
    content = io.BytesIO()
    image.save(content, "PNG", transparency=0)
    return content.getvalue()


SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
POSTSCRIPT = b"%!PS-Adobe-3.0\n/Helvetica findfont 12 scalefont setfont 72 72 moveto (x) show showpage\n"

REFUSED = [
    pytest.param(
        "bomb.png", lambda: png_claiming(30_000, 30_000), "too_many_pixels", id="bomb-png-30000x30000"
    ),
    pytest.param("huge.png", lambda: png_claiming(20_000, 20_000), "too_many_pixels", id="png-20000x20000"),
    pytest.param(
        "warns.png", lambda: png_claiming(10_000, 10_000), "too_many_pixels", id="png-100mp-pillow-warns"
    ),
    pytest.param(
        "big.png", lambda: png_claiming(8_000, 8_000), "too_many_pixels", id="png-64mp-over-our-cap"
    ),
    pytest.param(
        "huge.jpg", lambda: jpeg_claiming(65_000, 65_000), "too_many_pixels", id="jpeg-header-65000x65000"
    ),
    pytest.param("cut.jpg", lambda: noisy("JPEG")[:-1500], "damaged", id="truncated-jpeg"),
    pytest.param("cut.png", lambda: noisy("PNG")[:5000], "damaged", id="truncated-png"),
    pytest.param("fake.jpg", lambda: b"\xff\xd8\xff\xe0" + HTML, "damaged", id="jpeg-magic-then-html"),
    pytest.param("poster.svg", lambda: SVG, "format", id="svg-with-script"),
    pytest.param("poster.png", lambda: SVG, "format", id="svg-named-png"),
    pytest.param("poster.jpg", lambda: HTML, "format", id="html-named-jpg"),
    pytest.param("poster.jpg", lambda: b"", "empty", id="zero-bytes"),
    pytest.param("poster.txt", lambda: b"Just a few words.\n", "format", id="text-file"),
    pytest.param("poster.gif", lambda: encoded("GIF"), "format", id="gif"),
    pytest.param("poster.gif", lambda: animated("GIF"), "format", id="animated-gif"),
    pytest.param("poster.png", lambda: animated("PNG"), "animated", id="animated-png"),
    pytest.param("poster.webp", lambda: animated("WEBP"), "animated", id="animated-webp"),
    pytest.param("poster.jpg", lambda: encoded("PNG"), "extension", id="png-named-jpg"),
    pytest.param("poster.png", lambda: encoded("WEBP"), "extension", id="webp-named-png"),
    pytest.param("poster", lambda: encoded("JPEG"), "extension", id="jpeg-without-extension"),
    pytest.param("poster.tiff", lambda: encoded("TIFF"), "format", id="tiff"),
    pytest.param("poster.bmp", lambda: encoded("BMP"), "format", id="bmp"),
    pytest.param("poster.ico", lambda: encoded("ICO", (32, 32)), "format", id="ico"),
    pytest.param("poster.eps", lambda: encoded("EPS"), "format", id="eps"),
    pytest.param("poster.ps", lambda: POSTSCRIPT, "format", id="postscript"),
    pytest.param("poster.pdf", lambda: encoded("PDF"), "format", id="pdf"),
    pytest.param("poster.jp2", lambda: encoded("JPEG2000"), "format", id="jpeg2000"),
    pytest.param("poster.avif", lambda: encoded("AVIF"), "format", id="avif"),
    pytest.param(
        "poster.png",
        lambda: noisy("PNG") + b"\0" * DEFAULT_MAX_UPLOAD_IMAGE_BYTES,
        "too_large",
        id="over-the-byte-cap",
    ),
]

# Checks on the stored picture beyond those every stored file gets.


def is_red(image):
    red, green, blue = image.convert("RGB").getpixel((5, 5))
    return red > 180 and green < 60 and blue < 60


STORED = [
    pytest.param("poster.jpg", lambda: encoded("JPEG"), "JPEG", is_red, id="jpeg"),
    pytest.param("POSTER.JPEG", lambda: encoded("JPEG"), "JPEG", is_red, id="jpeg-upper-case-jpeg"),
    pytest.param(
        "poster.png",
        lambda: encoded("PNG", mode="RGBA", color=(*RED, 128)),
        "PNG",
        lambda image: image.mode == "RGBA" and image.getpixel((0, 0)) == (*RED, 128),
        id="png-with-alpha",
    ),
    pytest.param("poster.webp", lambda: encoded("WEBP"), "WEBP", is_red, id="webp"),
    pytest.param(
        "poster.png", lambda: encoded("PNG", (1, 1)), "PNG", lambda image: image.size == (1, 1), id="1x1"
    ),
    pytest.param(
        "poster.jpg",
        lambda: encoded("JPEG", mode="CMYK", color=(0, 255, 255, 0)),
        "JPEG",
        lambda image: image.mode == "RGB" and is_red(image),
        id="cmyk-jpeg",
    ),
    pytest.param(
        "poster.png",
        lambda: encoded("PNG", mode="I;16", color=0x8080),
        "PNG",
        # Scaled from 16 to 8 bits: mid-grey stays mid-grey rather than clipping to white.
        lambda image: image.mode == "RGB" and image.getpixel((0, 0)) == (128, 128, 128),
        id="16-bit-png",
    ),
    pytest.param(
        "poster.png",
        lambda: encoded("PNG", mode="LA", color=(90, 200)),
        "PNG",
        lambda image: image.getpixel((0, 0)) == (90, 90, 90, 200),
        id="greyscale-alpha-png",
    ),
    pytest.param(
        "poster.png",
        palette_with_transparency,
        "PNG",
        lambda image: image.getpixel((1, 1))[3] == 0 and image.getpixel((0, 0)) == (*RED, 255),
        id="palette-png-with-transparency",
    ),
    pytest.param(
        "poster.jpg",
        lambda: encoded("JPEG", mode="L", color=90),
        "JPEG",
        lambda image: image.mode == "RGB",
        id="greyscale-jpeg",
    ),
    pytest.param("poster.jpg", lambda: with_exif(gps=True), "JPEG", None, id="jpeg-with-exif-gps"),
    pytest.param(
        "poster.jpg",
        lambda: with_exif(orientation=6),
        "JPEG",
        lambda image: image.size == (20, 40),
        id="jpeg-with-exif-orientation",
    ),
    pytest.param(
        "poster.jpg", lambda: encoded("JPEG", icc_profile=SRGB_PROFILE), "JPEG", is_red, id="jpeg-with-icc"
    ),
    pytest.param(
        "poster.jpg",
        lambda: encoded("JPEG", icc_profile=b"not a colour profile" * 20),
        "JPEG",
        is_red,
        id="jpeg-with-broken-icc",
    ),
    pytest.param(
        "poster.png",
        lambda: encoded("PNG", icc_profile=b"not a colour profile" * 20),
        "PNG",
        is_red,
        id="png-with-broken-icc",
    ),
    pytest.param(
        "poster.png",
        lambda: encoded("PNG") + b"<script>alert(1)</script>",
        "PNG",
        is_red,
        id="png-with-trailing-script",
    ),
    pytest.param("poster.png", with_text_chunk, "PNG", is_red, id="png-with-script-in-text-chunk"),
    pytest.param("poster.jpg", with_zip_appended, "JPEG", is_red, id="jpeg-zip-polyglot"),
    pytest.param("poster.jpg", mpo, "JPEG", is_red, id="multi-picture-jpeg"),
]


# Posting them


@pytest.fixture
def film(db):
    """A film with a poster already, so that a refusal can be seen to keep it."""
    film = make_film("Systemsprenger")
    film.poster.save("old.jpg", ContentFile(encoded("JPEG")))
    return film


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_url(obj):
    return reverse(f"admin:reviews_{obj._meta.model_name}_change", args=[obj.pk])


def upload(client, obj, field, name, content):
    url = change_url(obj)
    fields = form_fields(client.get(url), f"{obj._meta.model_name}_form")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(url, post_data(fields, **{field: file}))


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def error_codes(response, field):
    return [error.code for error in response.context["adminform"].form.errors.as_data()[field]]


def assert_stored_clean(field_file, folder, expected_format):
    """The stored file is a plain re-encoding: random name, right format, no metadata, no extras."""
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[expected_format]
    assert re.fullmatch(rf"{folder}/[0-9a-f]{{16}}\.{extension}", field_file.name), field_file.name
    with field_file.open("rb") as stored:
        content = stored.read()
    image = Image.open(io.BytesIO(content))
    image.load()
    assert image.format == expected_format
    assert image.mode in ("RGB", "RGBA")
    assert not image.getexif()
    assert "icc_profile" not in image.info and "exif" not in image.info
    assert not getattr(image, "text", {})
    if expected_format == "JPEG":
        assert content.endswith(b"\xff\xd9")
    elif expected_format == "PNG":
        assert content.endswith(png_chunk(b"IEND", b""))
    else:
        assert len(content) == 8 + int.from_bytes(content[4:8], "little")
    assert b"<script" not in content and b"PK\x03\x04" not in content and b"Spy Camera" not in content
    return image


@pytest.mark.parametrize(("name", "build", "code"), REFUSED)
def test_hostile_upload_is_refused_and_nothing_is_saved(editor_client, film, media_root, name, build, code):
    poster_before, files_before = film.poster.name, stored_files(media_root)
    response = upload(editor_client, film, "poster", name, build())
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert error_codes(response, "poster") == [code]
    film.refresh_from_db()
    assert film.poster.name == poster_before
    assert stored_files(media_root) == files_before
    assert editor_client.get(film.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(("name", "build", "expected_format", "check"), STORED)
def test_upload_is_stored_as_a_clean_reencoding(editor_client, film, name, build, expected_format, check):
    response = upload(editor_client, film, "poster", name, build())
    assert response.status_code == 302, response.context["adminform"].form.errors
    film.refresh_from_db()
    image = assert_stored_clean(film.poster, "posters", expected_format)
    if check is not None:
        assert check(image)
    assert (film.poster_width, film.poster_height) == image.size
    page = editor_client.get(film.get_absolute_url())
    assert page.status_code == 200
    assert film.poster.url in page.content.decode()


def test_pillows_bomb_warning_refuses_even_with_the_pixel_cap_raised(editor_client, film, settings):
    # 100 megapixels: above Pillow's warning threshold, below its error threshold.
    settings.MAX_UPLOAD_IMAGE_PIXELS = 500_000_000
    with warnings.catch_warnings():
        # As in production, not as in this project's pytest settings (RuntimeWarnings are errors).
        warnings.simplefilter("default")
        filters_before = list(warnings.filters)
        response = upload(editor_client, film, "poster", "warns.png", png_claiming(10_000, 10_000))
        assert warnings.filters == filters_before
    assert error_codes(response, "poster") == ["too_many_pixels"]


def test_the_byte_cap_is_a_setting(editor_client, film, settings):
    settings.MAX_UPLOAD_IMAGE_BYTES = 1000
    response = upload(editor_client, film, "poster", "poster.png", noisy("PNG", (32, 32)))
    assert error_codes(response, "poster") == ["too_large"]


def test_the_pixel_cap_is_a_setting(editor_client, film, settings):
    settings.MAX_UPLOAD_IMAGE_PIXELS = 100
    response = upload(editor_client, film, "poster", "poster.png", encoded("PNG", (11, 10)))
    assert error_codes(response, "poster") == ["too_many_pixels"]
    assert upload(editor_client, film, "poster", "poster.png", encoded("PNG", (10, 10))).status_code == 302


def test_the_editor_reads_why_an_upload_was_refused(editor_client, film):
    response = upload(editor_client, film, "poster", "poster.jpg", encoded("PNG"))
    messages = response.context["adminform"].form.errors["poster"]
    assert "PNG" in messages[0] and ".png" in messages[0]
    assert messages[0] in response.content.decode()


def test_person_photo_is_stored_clean(editor_client):
    person = make_person("Helena Zengel")
    response = upload(editor_client, person, "photo", "portrait.jpg", with_exif(gps=True, orientation=8))
    assert response.status_code == 302
    person.refresh_from_db()
    image = assert_stored_clean(person.photo, "people", "JPEG")
    assert image.size == (person.photo_width, person.photo_height) == (20, 40)
    assert editor_client.get(person.get_absolute_url()).status_code == 200


def test_the_file_input_offers_only_the_accepted_formats(editor_client, film):
    content = editor_client.get(change_url(film)).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in content


def test_every_image_field_in_the_admin_is_a_safe_one(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    image_fields = 0
    for model, model_admin in admin.site._registry.items():
        form = model_admin.get_form(request)
        for field in model._meta.get_fields():
            if isinstance(field, models.ImageField) and field.name in form.base_fields:
                assert isinstance(form.base_fields[field.name], SafeImageField), field
                image_fields += 1
    assert image_fields >= 2
