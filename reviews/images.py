"""
Uploaded images: where they are stored, the model field that keeps their size in the row
(`SizedImageField`), and the form field that lets only clean ones in.

File names are never taken from the uploader: each file gets a random name under a
folder per kind of image, keeping only a lower-case extension.

`SafeImageField` accepts JPEG, PNG and WebP only, as Pillow decodes them (not as the name
or the browser's content type claims), and refuses, with a message for the editor:

- a file over `MAX_UPLOAD_IMAGE_BYTES` (default 10 MB), checked before it is read;
- more pixels than `MAX_UPLOAD_IMAGE_PIXELS` (default 40 megapixels), checked on the
  header before anything is decoded; Pillow's decompression-bomb warning counts as a
  refusal too, whatever the cap;
- an animation (APNG, animated WebP);
- a file name whose extension is not that of the decoded format (a PNG named .jpg);
- a file that does not decode to the end (truncated or damaged).

What is stored is not the upload but a re-encoding of its pixels, in the format it came in:
JPEG at quality 88, PNG losslessly, WebP at quality 88. Before that, the EXIF orientation is
applied, an RGB or CMYK image with an embedded ICC profile is converted to sRGB with it, and
CMYK, 16-bit, greyscale and palette images become RGB, or RGBA where they have transparency.
Nothing but pixels survives: no EXIF (camera, GPS position), no ICC profile, no text chunks,
no trailing bytes or anything appended to the file.
"""

import io
import logging
import secrets
import warnings
from pathlib import PurePath
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.db import models
from django.db.models.fields.files import ImageFileDescriptor
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

DEFAULT_MAX_UPLOAD_IMAGE_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_UPLOAD_IMAGE_PIXELS = 40_000_000


def _random_name(folder, filename):
    extension = PurePath(filename).suffix.lower()
    if extension == ".jpeg":
        extension = ".jpg"
    return f"{folder}/{secrets.token_hex(8)}{extension}"


def poster_upload_to(instance, filename):
    return _random_name("posters", filename)


def photo_upload_to(instance, filename):
    return _random_name("people", filename)


class _SameImageDescriptor(ImageFileDescriptor):
    def __set__(self, instance, value):
        # The image it holds already, assigned again: a model form does so on every save, and
        # so does full_clean(). Django would read its size anew, from the storage, which on
        # object storage means a download; the size is in the row already.
        if value is not None and value is instance.__dict__.get(self.field.attname):
            return
        super().__set__(instance, value)


class SizedImageField(models.ImageField):
    """An `ImageField` with its width and height stored in the row, read from the image only
    when a new image is assigned."""

    descriptor_class = _SameImageDescriptor

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # The column and its options are those of the stock field: migrations need not know.
        return name, "django.db.models.ImageField", args, kwargs


class ImageFormat(NamedTuple):
    name: str  # as Pillow knows it
    label: str  # as editors know it
    extensions: tuple[str, ...]
    content_type: str
    save_options: dict


FORMATS = {
    "JPEG": ImageFormat(
        "JPEG",
        "JPEG",
        (".jpg", ".jpeg"),
        "image/jpeg",
        {"quality": 88, "optimize": True, "progressive": True},
    ),
    "PNG": ImageFormat("PNG", "PNG", (".png",), "image/png", {}),
    "WEBP": ImageFormat("WEBP", "WebP", (".webp",), "image/webp", {"quality": 88}),
}

# Cameras and phones write some JPEGs as MPO (a photo plus previews or a depth map); Pillow
# reports them as MPO. The first picture is the photo, and only it is decoded and kept.
SAME_AS = {"MPO": "JPEG"}

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))

logger = logging.getLogger(__name__)


class SafeImageField(forms.ImageField):
    """An image upload, checked and returned re-encoded as a new in-memory file (see the module)."""

    default_error_messages = {
        "too_large": _("This file is too large: an image may be at most %(limit)s."),
        "format": _(
            "Upload a JPEG, PNG or WebP image. This file is none of these, or too damaged to be read."
        ),
        "too_many_pixels": _(
            "This image has too many pixels: at most %(limit)s megapixels are accepted. "
            "Scale it down and upload it again."
        ),
        "animated": _("Animated images are not accepted. Upload a still image."),
        "extension": _(
            "This is a %(format)s image, but its file name does not end in “%(extension)s”. "
            "Rename the file and upload it again."
        ),
        "damaged": _(
            "This image could not be read to the end: the file is truncated or damaged. "
            "Save it again and upload the new file."
        ),
    }

    def to_python(self, data):
        # FileField's checks (a name, not empty) but not ImageField's, which opens the upload
        # with every format Pillow knows and never decodes it to the end.
        upload = super(forms.ImageField, self).to_python(data)
        if upload is None:
            return None
        max_bytes = getattr(settings, "MAX_UPLOAD_IMAGE_BYTES", DEFAULT_MAX_UPLOAD_IMAGE_BYTES)
        if upload.size > max_bytes:
            raise ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={"limit": filesizeformat(max_bytes)},
            )
        upload.seek(0)
        image, image_format, content = self._reencode(upload.read(), upload.name)
        cleaned = InMemoryUploadedFile(
            content,
            field_name=getattr(upload, "field_name", None),
            name=f"image{image_format.extensions[0]}",
            content_type=image_format.content_type,
            size=content.getbuffer().nbytes,
            charset=None,
        )
        cleaned.image = image
        return cleaned

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if "accept" in attrs:
            attrs["accept"] = ",".join(image_format.content_type for image_format in FORMATS.values())
        return attrs

    def _reencode(self, content, name):
        """The cleaned picture, its format and its re-encoded bytes; or a ValidationError."""
        max_pixels = getattr(settings, "MAX_UPLOAD_IMAGE_PIXELS", DEFAULT_MAX_UPLOAD_IMAGE_PIXELS)
        too_many_pixels = ValidationError(
            self.error_messages["too_many_pixels"],
            code="too_many_pixels",
            params={"limit": f"{max_pixels / 1_000_000:g}"},
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                # Only these plugins ever parse the upload: the less of Pillow a hostile
                # file reaches, the better.
                image = Image.open(io.BytesIO(content), formats=["JPEG", "PNG", "WEBP"])
                image_format = FORMATS[SAME_AS.get(image.format, image.format)]
                if image.width * image.height > max_pixels:
                    raise too_many_pixels
                if image.format not in SAME_AS and getattr(image, "n_frames", 1) > 1:
                    raise ValidationError(self.error_messages["animated"], code="animated")
                if PurePath(name).suffix.lower() not in image_format.extensions:
                    raise ValidationError(
                        self.error_messages["extension"],
                        code="extension",
                        params={"format": image_format.label, "extension": image_format.extensions[0]},
                    )
                image.load()
                image = _clean_pixels(image)
                reencoded = io.BytesIO()
                image.save(reencoded, format=image_format.name, **image_format.save_options)
            except ValidationError:
                raise
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
                raise too_many_pixels from error
            except Image.UnidentifiedImageError as error:
                raise ValidationError(self.error_messages["format"], code="format") from error
            except Exception as error:
                # Pillow reports malformed input in many ways (OSError, ValueError, SyntaxError,
                # struct.error, …); for the editor they all mean the same. The log keeps the
                # detail, in case it was a valid image Pillow failed on.
                logger.info("Refused an image upload as damaged: %r", name, exc_info=True)
                raise ValidationError(self.error_messages["damaged"], code="damaged") from error
        reencoded.seek(0)
        return image, image_format, reencoded


def _clean_pixels(image):
    """The picture upright, in sRGB as RGB (RGBA if it has transparency), without metadata."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in image.info
    if image.mode.startswith("I"):
        # Converting 16-bit values to 8 bits, Pillow clips them at 255 (a mostly white
        # picture); scale them instead.
        image = image.convert("I").point(lambda value: value / 257).convert("L")
    icc_profile = image.info.get("icc_profile")
    if icc_profile and image.mode in ("RGB", "CMYK"):
        try:
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)), SRGB, outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            # A broken or mismatched profile: the plain conversion below is close enough.
            pass
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.info = {}
    return image
