"""
Scaling out: media on S3-compatible object storage, and two app servers sharing one PostgreSQL
and one Redis.

The object store is moto's S3 emulator, run in a thread of this process on a free loopback port;
django-storages talks to it over HTTP through boto3, as it would to AWS. Its settings are the ones
filmreviews/settings.py computes for an environment that names the emulator's bucket, so the tests
cover what production reads.

The two-server test starts two gunicorn processes on pytest-django's test database (committed
data: `transaction=True`) and a Redis database with a key prefix of their own, and shows that
an edit through one server is on the other's cached pages at the next request.
"""

import http.client
import http.cookies
import io
import json
import os
import re
import runpy
import secrets
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import NamedTuple
from unittest import mock

import boto3
import pytest
import redis
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image
from storages.backends.s3 import S3Storage

from reviews.models import Film, Review
from reviews.renditions import rendition_name, rendition_widths

from .adminforms import form_fields, post_data
from .conftest import make_film, make_full_film, make_review

PROJECT = Path(__file__).resolve().parent.parent
CACHE_FOREVER = "public, max-age=31536000, immutable"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def settings_for(**env):
    """The values filmreviews/settings.py sets for this environment (the shell's AWS_* ignored)."""
    clean = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "CSP_"))}
    with mock.patch.dict(os.environ, {**clean, **env}, clear=True):
        return runpy.run_path(str(PROJECT / "filmreviews" / "settings.py"))


def img_src(computed):
    return computed["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


def origin(url):
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# Media on S3


class Bucket(NamedTuple):
    name: str
    client: object
    url: str  # where its objects are read, path-style as the emulator's endpoint serves them

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return {item["Key"] for item in listing.get("Contents", [])}

    def head(self, key):
        return self.client.head_object(Bucket=self.name, Key=key)


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 emulator in a thread of this process, on a free loopback port."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint):
    """A new bucket per test, readable by anyone, as a bucket of public images is set up."""
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS)
    name = f"media-{secrets.token_hex(4)}"
    client.create_bucket(Bucket=name)
    objects = f"arn:aws:s3:::{name}/*"
    anyone_may_read = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": objects}
    policy = {"Version": "2012-10-17", "Statement": [anyone_may_read]}
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))
    return Bucket(name, client, f"{s3_endpoint}/{name}/")


def use_s3(settings, s3_endpoint, bucket, **env):
    computed = settings_for(
        AWS_STORAGE_BUCKET_NAME=bucket.name,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID=CREDENTIALS["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=CREDENTIALS["aws_secret_access_key"],
        **env,
    )
    for name, value in computed.items():
        if name.startswith("AWS_"):
            setattr(settings, name, value)
    settings.CONTENT_SECURITY_POLICY = computed["CONTENT_SECURITY_POLICY"]
    # Last: a change of STORAGES makes Django build default_storage anew, with the AWS_* above.
    settings.STORAGES = {**settings.STORAGES, "default": computed["STORAGES"]["default"]}


@pytest.fixture
def s3_media(settings, s3_endpoint, bucket):
    use_s3(settings, s3_endpoint, bucket)
    return bucket


def jpeg(size):
    content = io.BytesIO()
    Image.new("RGB", size, (200, 30, 40)).save(content, "JPEG")
    return content.getvalue()


def image_urls(html, name):
    """The URLs in `src` and `srcset` of <img> and <source> tags that show the stored image `name`."""
    stem = Path(name).stem
    urls = set()
    for tag in re.findall(r"<(?:img|source)\b[^>]*>", html):
        for attribute, value in re.findall(r'\b(src|srcset)="([^"]*)"', tag):
            candidates = [item.split()[0] for item in value.split(",")] if attribute == "srcset" else [value]
            urls.update(url for url in candidates if stem in url)
    return urls


def test_without_a_bucket_media_stay_on_the_local_disk():
    computed = settings_for()
    assert computed["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert img_src(computed) == ["'self'", "data:"]


@pytest.mark.parametrize(
    ("env", "media_origin"),
    [
        pytest.param({"AWS_S3_REGION_NAME": "eu-central-1"}, "https://fr-media.s3.amazonaws.com", id="aws"),
        pytest.param(
            {"AWS_S3_ENDPOINT_URL": "https://fsn1.objects.example.net"},
            "https://fsn1.objects.example.net",
            id="endpoint",
        ),
        pytest.param(
            {"AWS_S3_ENDPOINT_URL": "https://s3.example.net", "AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
            "https://media.example.org",
            id="custom-domain",
        ),
    ],
)
def test_a_bucket_switches_media_to_s3_and_allows_its_host_in_the_csp(env, media_origin):
    computed = settings_for(AWS_STORAGE_BUCKET_NAME="fr-media", AWS_LOCATION="/media/", **env)
    assert computed["STORAGES"]["default"] == {"BACKEND": "storages.backends.s3.S3Storage"}
    assert computed["AWS_S3_OBJECT_PARAMETERS"] == {"CacheControl": CACHE_FOREVER}
    assert computed["AWS_S3_FILE_OVERWRITE"] is False
    assert computed["AWS_QUERYSTRING_AUTH"] is False
    assert img_src(computed) == ["'self'", "data:", media_origin]
    # The host really is the one django-storages puts in image URLs (made without a request).
    aws_settings = {name: value for name, value in computed.items() if name.startswith("AWS_")}
    with override_settings(**aws_settings):
        url = S3Storage().url("posters/0123456789abcdef.jpg")
    assert origin(url) == media_origin
    assert url.endswith("/media/posters/0123456789abcdef.jpg") and "?" not in url


def test_csp_img_src_from_the_environment_replaces_the_derived_host():
    computed = settings_for(AWS_STORAGE_BUCKET_NAME="fr-media", CSP_IMG_SRC="https://cdn.example.org")
    assert img_src(computed) == ["'self'", "data:", "https://cdn.example.org"]


@pytest.mark.django_db
def test_an_uploaded_poster_and_its_renditions_are_stored_in_the_bucket(
    client, editor, s3_media, media_root, django_capture_on_commit_callbacks
):
    film = make_full_film("Systemsprenger")
    make_review(film=film)
    client.force_login(editor)
    change = reverse("admin:reviews_film_change", args=[film.pk])
    fields = form_fields(client.get(change), "film_form")
    upload = SimpleUploadedFile("poster.jpg", jpeg((900, 1350)), content_type="image/jpeg")
    # The renditions are made when the save commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change, post_data(fields, poster=upload)).status_code == 302

    film.refresh_from_db()
    name = film.poster.name
    assert re.fullmatch(r"posters/[0-9a-f]{16}\.jpg", name), name
    renditions = {rendition_name(name, width) for width in rendition_widths(900)}
    assert s3_media.keys() == {name, *renditions}
    assert not list(media_root.rglob("*")), "nothing may land on the local disk"

    head = s3_media.head(name)
    assert (head["ContentType"], head["CacheControl"]) == ("image/jpeg", CACHE_FOREVER)
    stored = Image.open(s3_media.client.get_object(Bucket=s3_media.name, Key=name)["Body"])
    # The re-encoding (progressive, unlike the upload), not the uploaded bytes.
    assert (stored.format, stored.size, stored.info.get("progressive")) == ("JPEG", (900, 1350), 1)
    for key in renditions:
        head = s3_media.head(key)
        assert (head["ContentType"], head["CacheControl"]) == ("image/webp", CACHE_FOREVER), key

    page = Client().get(film.get_absolute_url())
    assert page.status_code == 200
    urls = image_urls(page.content.decode(), name)
    assert urls == {s3_media.url + key for key in (name, *renditions)}
    assert origin(s3_media.url) in page["Content-Security-Policy"]
    for url in urls:
        # What a browser does: a plain GET without credentials.
        with urllib.request.urlopen(url, timeout=5) as response:
            expected_type = "image/jpeg" if url.endswith(".jpg") else "image/webp"
            assert (response.status, response.headers["Content-Type"]) == (200, expected_type)


@pytest.mark.django_db
def test_a_location_prefix_keeps_all_media_under_it(
    settings, s3_endpoint, bucket, django_capture_on_commit_callbacks
):
    use_s3(settings, s3_endpoint, bucket, AWS_LOCATION="media")
    film = make_film()
    with django_capture_on_commit_callbacks(execute=True):
        film.poster.save("poster.jpg", ContentFile(jpeg((300, 450))))
    assert bucket.keys() == {
        f"media/{film.poster.name}",
        f"media/{rendition_name(film.poster.name, 200)}",
        f"media/{rendition_name(film.poster.name, 300)}",
    }
    assert film.poster.url == f"{bucket.url}media/{film.poster.name}"


@pytest.mark.django_db
def test_load_demo_stores_its_images_in_the_bucket(s3_media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    keys = s3_media.keys()
    posters = {name for name in keys if re.fullmatch(r"posters/[0-9a-f]{16}\.jpg", name)}
    assert posters and posters == set(Film.objects.exclude(poster="").values_list("poster", flat=True))
    assert any(name.startswith("people/") for name in keys)
    assert all(rendition_name(poster, 200) in keys for poster in posters)


# Two app servers, one PostgreSQL and one Redis

REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 7


def redis_answers():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5) as probe:
            probe.sendall(b"PING\r\n")
            return probe.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Page(NamedTuple):
    status: int
    headers: http.client.HTTPMessage
    content: bytes

    @property
    def text(self):
        return self.content.decode()


class Browser:
    """Just enough of a browser: requests to one server, cookies kept whatever their Secure flag
    (the servers speak plain http on the loopback), redirects not followed."""

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = dict(cookies or {})

    def request(self, method, path, data=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        server = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            server.request(method, path, body=body, headers=headers)
            response = server.getresponse()
            page = Page(response.status, response.headers, response.read())
        finally:
            server.close()
        for header in page.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return page

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)


@pytest.fixture
def app_servers(request, settings, tmp_path):
    """Two gunicorn servers, one worker each, on the test database and one Redis database."""
    if connection.vendor != "postgresql":
        pytest.skip("two app servers share a PostgreSQL database; run with DATABASE_URL=postgres://…")
    if not redis_answers():
        pytest.skip(f"needs Redis on {REDIS_HOST}:{REDIS_PORT}")
    database = connection.settings_dict
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    static_root = tmp_path / "static"
    prefix = f"scaleout-{secrets.token_hex(4)}"
    env = {
        **{name: value for name, value in os.environ.items() if not name.startswith("AWS_")},
        "DATABASE_URL": f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}",
        "CACHE_KEY_PREFIX": prefix,
        "DEBUG": "0",
        # The test's own key: the sessions it creates must be valid on the servers.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE_SECONDS": "600",
        "WEB_CONCURRENCY": "1",
        "STATIC_ROOT": str(static_root),
    }
    # DEBUG off serves static files by a manifest of hashed names, which collectstatic writes.
    subprocess.run(
        [str(PROJECT / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT,
        env=env,
        check=True,
        timeout=60,
    )
    servers = []

    def stop():
        for process, _port, _log in servers:
            process.terminate()
        for process, _port, log in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
        store = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
        for key in store.scan_iter(f"{prefix}:*"):
            store.delete(key)

    request.addfinalizer(stop)
    for label in "AB":
        port = free_port()
        log = open(tmp_path / f"gunicorn-{label}.log", "w+b")
        process = subprocess.Popen(
            [str(PROJECT / ".venv/bin/gunicorn"), "--config", "gunicorn.conf.py"],
            cwd=PROJECT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        servers.append((process, port, log))
    for process, port, log in servers:
        wait_until_serving(process, port, log)
    return [port for _process, port, _log in servers]


def server_log(log):
    log.seek(0)
    return log.read().decode(errors="replace")


def wait_until_serving(process, port, log, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn on port {port} exited:\n{server_log(log)}")
        try:
            # An admin page: never cached, so the tests' first page requests are real misses.
            if Browser(port).get("/admin/login/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"gunicorn on port {port} did not answer in {seconds} s:\n{server_log(log)}")


def cached_home_page(port):
    """The anonymous home page, requested until it comes from the server's cache."""
    reader = Browser(port)
    first, second = reader.get("/"), reader.get("/")
    assert first.status == second.status == 200
    assert second.headers["X-Page-Cache"] == "hit"
    return second


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_edit_through_one_app_server_shows_on_the_other_at_once(app_servers, editor):
    port_a, port_b = app_servers
    film = make_full_film("Systemsprenger")
    published = make_review(film=film, headline="Schon veroeffentlicht")
    draft = make_review(film=film, headline="Gerade fertig geworden", status=Review.Status.DRAFT)

    for port in app_servers:
        page = cached_home_page(port)
        assert published.headline in page.text and draft.headline not in page.text

    # The editor's session, created in the shared database as a sign-in would create it.
    signed_in = Client()
    signed_in.force_login(editor)
    editor_a = Browser(port_a, {"sessionid": signed_in.cookies["sessionid"].value})
    changelist = reverse("admin:reviews_review_changelist")
    token = form_fields(editor_a.get(changelist), "changelist-form")["csrfmiddlewaretoken"]
    publish = editor_a.post(
        changelist,
        {"csrfmiddlewaretoken": token, "action": "publish_now", "_selected_action": [draft.pk], "index": "0"},
    )
    assert publish.status == 302, publish.text

    after_publish = Browser(port_b).get("/")
    assert after_publish.headers["X-Page-Cache"] == "miss"
    assert draft.headline in after_publish.text
    assert draft.headline in cached_home_page(port_b).text

    change = reverse("admin:reviews_review_change", args=[draft.pk])
    fields = form_fields(editor_a.get(change), "review_form")
    saved = editor_a.post(change, post_data(fields, headline="Neu betitelt nach der Premiere"))
    assert saved.status == 302, saved.text

    after_save = Browser(port_b).get("/")
    assert "Neu betitelt nach der Premiere" in after_save.text
    assert draft.headline not in after_save.text
