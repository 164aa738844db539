"""
Where a page's time goes, measured in-process with Django's test client (page cache off):
`bench/run.py --profile PAGE …` (PAGE: home, review, film, person, tag, archive, "search common",
"search rare", hello, admin; "search:<query>" for any search; "cached <page>" for a page served
from the page cache, PAGE_CACHE_SECONDS=600).

Three passes over the same page, each up to N requests or 60 seconds:

1. A breakdown by layer. The boundaries of the layers are timed, and each gets its own time
   without the layers nested in it: SQL (CursorWrapper.execute: PostgreSQL and the driver),
   ORM (QuerySet._fetch_all, SQLCompiler.execute_sql, prefetch_related_objects: compiling SQL,
   making model instances), templates (Template.render of Jinja2 and of Django's templates,
   without the queries a lazy QuerySet runs from a template), view code (View.dispatch / the
   admin's changelist_view), the cache (Redis get and set), and the rest: middleware, URL
   resolving, the handler and the test client.
2. cProfile: the functions with the most time of their own, and the project's own functions
   by cumulative time.
3. The slowest query of one request, with EXPLAIN (ANALYZE, BUFFERS).
4. With pyinstrument installed (requirements-dev.txt): its call tree of the same requests,
   sampled by wall-clock time, so waits on PostgreSQL and Redis show where they happen.
"""

import cProfile
import functools
import pstats
import statistics
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from django.contrib.admin.options import ModelAdmin
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import query as query_module
from django.db.models.sql.compiler import SQLCompiler
from django.template.backends import jinja2 as jinja2_backend
from django.template.base import Template
from django.test import Client
from django.test.utils import override_settings
from django.views.generic.base import View
from django_redis.cache import RedisCache

PROJECT_DIR = str(Path(__file__).resolve().parent.parent)
LAYERS = ["SQL", "ORM", "templates", "view code", "cache (Redis)", "middleware, handler, client"]
TIME_LIMIT = 60


class Breakdown:
    """Exclusive time per layer, from timers around the layers' entry points."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.stack = []
        self.patched = []

    def wrap(self, owner, name, layer):
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            self.stack.append([layer, 0.0])
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                _, nested = self.stack.pop()
                self.seconds[layer] += elapsed - nested
                if self.stack:
                    self.stack[-1][1] += elapsed

        setattr(owner, name, timed)
        self.patched.append((owner, name, original))

    def __enter__(self):
        self.wrap(CursorWrapper, "execute", "SQL")
        self.wrap(CursorWrapper, "executemany", "SQL")
        self.wrap(query_module.QuerySet, "_fetch_all", "ORM")
        self.wrap(SQLCompiler, "execute_sql", "ORM")
        self.wrap(query_module, "prefetch_related_objects", "ORM")
        self.wrap(Template, "render", "templates")
        self.wrap(jinja2_backend.Template, "render", "templates")
        self.wrap(View, "dispatch", "view code")
        self.wrap(ModelAdmin, "changelist_view", "view code")
        for method in ("get", "get_many", "set", "set_many"):
            self.wrap(RedisCache, method, "cache (Redis)")
        return self

    def __exit__(self, *exc):
        for owner, name, original in reversed(self.patched):
            setattr(owner, name, original)


def requests(client, path, count, headers=None):
    """Up to `count` requests of `path` (fewer if TIME_LIMIT passes); their wall times in ms."""
    timings = []
    deadline = time.monotonic() + TIME_LIMIT
    while len(timings) < count and time.monotonic() < deadline:
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return timings


def slowest_query(client, path):
    captured = []

    def record(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            captured.append((time.perf_counter() - start, sql, params))

    with connection.execute_wrapper(record):
        client.get(path)
    return max(captured, key=lambda item: item[0]) if captured else None


def explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def short(function_key):
    filename, line, name = function_key
    for marker in ("site-packages/", f"{PROJECT_DIR}/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({name})" if filename != "~" else name


def profile_page(client, name, path, count):
    print(f"\n### {name}: {path}\n", flush=True)
    requests(client, path, 5)
    plain = requests(client, path, count)
    median, mean = statistics.median(plain), statistics.mean(plain)
    print(f"{len(plain)} requests: median {median:.1f} ms, mean {mean:.1f} ms")

    with Breakdown() as breakdown:
        start = time.perf_counter()
        timed = requests(client, path, count)
        total = time.perf_counter() - start
    breakdown.seconds["middleware, handler, client"] = total - sum(breakdown.seconds.values())
    print(f"\nBy layer ({len(timed)} requests, own time of each layer, per request):")
    for layer in LAYERS:
        seconds = breakdown.seconds[layer]
        print(f"  {layer:28} {seconds / len(timed) * 1000:8.2f} ms  {seconds / total:6.1%}")

    profiler = cProfile.Profile()
    profiler.enable()
    profiled = requests(client, path, count)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\ncProfile over {len(profiled)} requests; own time (tottime) per request, top 15:")
    own = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:15]
    for key, (_, calls, tottime, _, _) in own:
        print(f"  {tottime / len(profiled) * 1000:8.2f} ms  {calls / len(profiled):8.0f} calls  {short(key)}")
    print("The project's own functions by cumulative time per request, top 8:")
    mine = [item for item in stats.stats.items() if f"{PROJECT_DIR}/reviews/" in item[0][0]]
    for key, (_, calls, _, cumtime, _) in sorted(mine, key=lambda item: -item[1][3])[:8]:
        print(f"  {cumtime / len(profiled) * 1000:8.2f} ms  {calls / len(profiled):8.0f} calls  {short(key)}")

    call_tree(client, path, count)

    slowest = slowest_query(client, path)
    if slowest is None:
        print("\nNo queries.")
        return
    seconds, sql, params = slowest
    print(f"\nSlowest query ({seconds * 1000:.1f} ms): {sql[:300]}{'…' if len(sql) > 300 else ''}")
    if sql.lstrip().upper().startswith("SELECT"):
        for line in explain(sql, params)[:25]:
            print("  " + line)


def call_tree(client, path, count):
    """pyinstrument's call tree over `count` requests, trimmed to the frames worth reading."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("\n(pyinstrument is not installed: no call tree; see requirements-dev.txt)")
        return
    profiler = Profiler(interval=0.0002)
    profiler.start()
    requests(client, path, count)
    profiler.stop()
    print(f"\npyinstrument, {count} requests (seconds in all; frames under 2 % hidden):")
    text = profiler.output_text(unicode=True, color=False, show_all=False, short_mode=True, time="seconds")
    for line in text.splitlines():
        if line.strip() and PROJECT_DIR not in line:
            print("  " + line)


def main(pages, names, count):
    client = Client()
    for name in names:
        if name == "admin":
            from django.contrib.auth import get_user_model

            # The superuser and its session exist only inside this transaction.
            with transaction.atomic():
                user = get_user_model().objects.create_superuser("bench-profile", "b@example.invalid", None)
                client.force_login(user)
                profile_page(client, name, "/admin/reviews/review/", count)
                transaction.set_rollback(True)
            client = Client()
        elif name.startswith("cached "):
            with override_settings(PAGE_CACHE_SECONDS=600):
                profile_page(client, name, pages[name.removeprefix("cached ")], count)
        elif name.startswith("search:"):
            query = urllib.parse.urlencode({"q": name.removeprefix("search:")})
            profile_page(client, name, f"/search/?{query}", count)
        else:
            profile_page(client, name, pages[name], count)
