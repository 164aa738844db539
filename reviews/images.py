"""
Where uploaded images are stored.

File names are never taken from the uploader: each file gets a random name under a
folder per kind of image, keeping only a lower-case extension.
"""

import secrets
from pathlib import PurePath


def _random_name(folder, filename):
    extension = PurePath(filename).suffix.lower()
    if extension == ".jpeg":
        extension = ".jpg"
    return f"{folder}/{secrets.token_hex(8)}{extension}"


def poster_upload_to(instance, filename):
    return _random_name("posters", filename)


def photo_upload_to(instance, filename):
    return _random_name("people", filename)
