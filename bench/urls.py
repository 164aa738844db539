"""The site's URLs plus /bench/hello/: a bare ~30 KB page without queries or templates, run
through the same middleware as every page, the baseline bench/run.py compares the pages with."""

from django.http import HttpResponse
from django.urls import path

from filmreviews.urls import urlpatterns as site_urlpatterns

HELLO_BODY = "<!doctype html><title>hello</title>\n" + "<p>hello, world</p>\n" * 1500


def hello(request):
    return HttpResponse(HELLO_BODY)


urlpatterns = [path("bench/hello/", hello, name="bench_hello"), *site_urlpatterns]
