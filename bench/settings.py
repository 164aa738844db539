"""The site's settings with the benchmark's URLconf (bench/urls.py), which adds the baseline view.

The benchmark's servers and in-process runs use this module; the product never loads it.
"""

from filmreviews.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
