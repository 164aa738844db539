"""
Loaded as a pytest plugin (see pyproject.toml) before Django reads its settings.

Settings refuse to start without a SECRET_KEY when DEBUG is off; the suite runs with
DEBUG off like production, so it brings a key of its own.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# The test client speaks plain http; HTTPS behaviour is tested with secure=True requests.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
