"""WSGI entry point, as used by gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

from filmreviews.settings import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmreviews.settings")

# Management commands run without a key; serving does not (see the settings).
require_secret_key()
application = get_wsgi_application()
