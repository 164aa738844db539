import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from reviews.sitemaps import SITEMAPS
from reviews.views import robots_txt, serve_media

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    re_path(r"^{}(?P<path>.*)$".format(re.escape(settings.MEDIA_URL.lstrip("/"))), serve_media),
    path("", include("reviews.urls")),
]
