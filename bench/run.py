"""
Benchmark of the readers' pages under the production set-up.

Two gunicorn servers from the repository's gunicorn.conf.py (2 sync workers, DEBUG off,
PostgreSQL, Redis): one with the page cache off (PAGE_CACHE_SECONDS=0), one with it on (600 s,
warmed with two requests per URL). For every page, wrk measures throughput and p99 at 16
connections and per-request latency at 2, in interleaved rounds (pages rotated, the two servers
alternating), and the table shows medians over the rounds; each page's share of the bare hello
view is the median of the per-round ratios on the same server. Queries per page are counted in
this process with Django's test client against the same database. The admin's review list (as a
signed-in superuser) and the search over ~50 varied queries are timed one request at a time.

    make bench                                    # defaults: 3 rounds, 8 s + 3 s per run, ~12 min
    .venv/bin/python bench/run.py --rounds 5 --duration 10
    .venv/bin/python bench/run.py --profile tag archive   # where the time goes, in-process

Needs PostgreSQL with the generated archive (`manage.py generate_data`, fr_gen), Redis and wrk.
It migrates the database (as `make serve` does), runs VACUUM (ANALYZE) if its tables have no
planner statistics, adds a superuser and a session for the admin figures and deletes both at the
end; page-cache entries go under a key prefix of their own and are deleted at the end.
"""

import argparse
import json
import secrets
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

import harness
import report

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/fr_gen"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=8, help="Seconds of each wrk run at 16 connections.")
    parser.add_argument(
        "--latency-duration",
        type=int,
        default=3,
        help="Seconds of each wrk run at 2 connections (longer for slow pages, up to 30).",
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--common-term", default="Film", help="A word most reviews contain.")
    parser.add_argument("--rare-term", default="Sundance", help="A word few reviews contain.")
    parser.add_argument("--admin-requests", type=int, default=10, help="Admin list requests per round.")
    parser.add_argument("--seed", type=int, default=6, help="Chooses the ~50 search queries.")
    parser.add_argument(
        "--no-vacuum",
        action="store_true",
        help="Measure even if the database has never been analyzed (see vacuum_if_never_analyzed).",
    )
    parser.add_argument("--json", type=Path, help="Also write the raw figures here.")
    parser.add_argument(
        "--profile",
        nargs="+",
        metavar="PAGE",
        help="Instead of the benchmark, profile these pages in-process (see profiling.py).",
    )
    parser.add_argument("--profile-requests", type=int, default=200)
    return parser.parse_args(argv)


# --- The database ----------------------------------------------------------------------------


def vacuum_if_never_analyzed(skip):
    """VACUUM (ANALYZE) a database whose tables were never analyzed; return what was found.

    `generate_data` writes millions of rows in one transaction and leaves planner statistics to
    autovacuum, which is off on some clusters (this machine's among them). Without statistics
    PostgreSQL guesses row counts (920 published reviews instead of 180,000) and picks plans
    that take seconds: the tag page ran 4.2 s per request. A production database has them
    (autovacuum), so the benchmark measures with them, and says so.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
        # No rows in pg_stats: last_analyze is no proof, it stays set when an ANALYZE is rolled back.
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables t WHERE n_live_tup > 0 AND NOT EXISTS"
            " (SELECT FROM pg_stats s WHERE s.schemaname = t.schemaname AND s.tablename = t.relname)"
            " ORDER BY relname"
        )
        never_analyzed = [row[0] for row in cursor.fetchall()]
        if never_analyzed and not skip:
            print(
                f"Never analyzed (autovacuum {autovacuum}): {', '.join(never_analyzed)}; VACUUM (ANALYZE) …"
            )
            start = time.monotonic()
            cursor.execute("VACUUM (ANALYZE)")
            print(f"… done in {time.monotonic() - start:.0f} s", flush=True)
    return {
        "autovacuum": autovacuum,
        "never_analyzed": never_analyzed,
        "vacuumed": bool(never_analyzed) and not skip,
    }


# --- What to request -------------------------------------------------------------------------


def choose_pages(common_term, rare_term):
    """The URLs, chosen from the database: the newest published review, the film with the most
    published reviews, the person with the most credits, the festival tag with the most items."""
    from django.db.models import Count, Q

    from reviews.models import Film, Person, Review, Tag

    published = Q(reviews__in=Review.objects.published())
    film = Film.objects.annotate(n=Count("reviews", filter=published)).order_by("-n", "pk").first()
    person = Person.objects.annotate(n=Count("roles")).order_by("-n", "pk").first()
    tag = (
        Tag.objects.filter(name__regex=r"^(Berlinale|Cannes|Venedig|Locarno|Sundance) [0-9]{4}$")
        .annotate(n=Count("film_items", distinct=True) + Count("review_items", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    review = Review.objects.published().order_by("-published_at", "-pk").first()
    return {
        "home": "/",
        "review": review.get_absolute_url(),
        "film": film.get_absolute_url(),
        "person": person.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "archive": "/reviews/",
        "search common": "/search/?" + urllib.parse.urlencode({"q": common_term}),
        "search rare": "/search/?" + urllib.parse.urlencode({"q": rare_term}),
        "hello": harness.HELLO_PATH,
    }


def search_queries(seed):
    """~50 queries as readers type them: titles, names, surnames, characters, topics, misspellings,
    festivals, character-and-actor pairs. Drawn from the database with a fixed seed."""
    from random import Random

    from django.db.models import Max

    from reviews.models import Film, LocalTitle, Person, Role

    random = Random(seed)

    def sample(model, count, **filters):
        rows = model.objects.filter(**filters)
        top = rows.aggregate(top=Max("pk"))["top"]
        picked = []
        while len(picked) < count:
            row = rows.filter(pk__gte=random.randint(1, top)).order_by("pk").first()
            if row is not None and row not in picked:
                picked.append(row)
        return picked

    def misspell(text):
        position = random.randrange(1, len(text) - 1)
        return text[:position] + text[position + 1 :]

    films = sample(Film, 15)
    people = sample(Person, 18)
    roles = sample(Role, 7, character__gt="")
    queries = [film.title for film in films[:10]]
    queries += [title.title for title in sample(LocalTitle, 4)]
    queries += [person.name for person in people[:8]]
    queries += [person.name.split()[-1] for person in people[8:14]]
    queries += [role.character for role in roles[:5]]
    queries += [misspell(film.title) for film in films[10:13]] + [misspell(p.name) for p in people[14:16]]
    queries += ["Sommer", "Liebe", "Familie", "Krieg", "love", "war"]
    queries += ["Berlinale 2019", "Goldene Palme", "Dokumentarfilm"]
    queries += [
        f"{role.character.split()[0]} {role.person.name.split()[-1]}"
        for role in Role.objects.filter(pk__in=[role.pk for role in roles[5:7]]).select_related("person")
    ]
    return queries


# --- In-process figures ----------------------------------------------------------------------


def count_queries(pages):
    """Queries, status, size and in-process time of each page (page cache off)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    figures = {}
    for name, path in pages.items():
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        # Read at once: the next request empties the connection's log the list is a view of.
        queries = len(captured.captured_queries)
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        figures[name] = {
            "queries": queries,
            "status": response.status_code,
            "bytes": len(response.content),
            "in_process_ms": statistics.median(timings),
        }
    return figures


class AdminSession:
    """A superuser and a signed-in session for the admin figures, deleted again on exit."""

    def __enter__(self):
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
        from django.contrib.sessions.backends.db import SessionStore

        self.user = get_user_model().objects.create_superuser(
            f"bench-admin-{secrets.token_hex(4)}", "bench@example.invalid", None
        )
        self.session = SessionStore()
        self.session[SESSION_KEY] = str(self.user.pk)
        self.session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        self.session[HASH_SESSION_KEY] = self.user.get_session_auth_hash()
        self.session.create()
        from django.conf import settings

        return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={self.session.session_key}"}

    def __exit__(self, *exc):
        self.session.delete()
        self.user.delete()


# --- Measuring over HTTP ---------------------------------------------------------------------


def check_servers(servers, pages, admin_headers):
    """Every page answers 200 on both servers; on the cached one the second request is a hit."""
    problems = []
    for server in servers:
        for name, path in pages.items():
            first = harness.get(server.port, path, timeout=120)
            second = harness.get(server.port, path, timeout=120)
            if first.status != 200 or second.status != 200:
                problems.append(f"{server.name} {name}: {first.status}/{second.status}")
            cached = server.name == "cached" and name != "hello"
            if cached and second.headers.get("X-Page-Cache") != "hit":
                problems.append(f"{server.name} {name}: second request not a cache hit")
    admin = harness.get(servers[0].port, "/admin/reviews/review/", admin_headers, timeout=120)
    if admin.status != 200 or b"changelist" not in admin.body:
        problems.append(f"admin review list: {admin.status}")
    if problems:
        raise RuntimeError("Pages do not answer as expected: " + "; ".join(problems))


def latency_seconds(base, in_process_ms):
    """At 2 connections a slow page needs longer to give a few dozen latencies."""
    return int(min(30, max(base, 40 * in_process_ms / 1000)))


def measure_round(number, args, servers, pages, in_process, queries, admin_headers):
    order = list(pages)
    shift = number % len(order)
    order = order[shift:] + order[:shift]
    servers = servers if number % 2 == 0 else servers[::-1]
    results = {}
    for name in order:
        for server in servers:
            high = harness.wrk(server.port, pages[name], args.connections, args.duration)
            harness.drain(server.port)
            slow = in_process[name]["in_process_ms"] if server.name == "uncached" else 0
            low = harness.wrk(server.port, pages[name], 2, latency_seconds(args.latency_duration, slow))
            harness.drain(server.port)
            results[(server.name, name)] = {"c16": high, "c2": low}
            print(
                f"  {server.name:8} {name:14} {high['rps']:9.1f} req/s  p99@{args.connections} "
                f"{report.fmt_ms(high['p99'])}  p50@2 {report.fmt_ms(low['p50'])}",
                flush=True,
            )
    uncached = next(server for server in servers if server.name == "uncached")
    search_ms = {}
    for query in queries:
        response = harness.get(uncached.port, "/search/?" + urllib.parse.urlencode({"q": query}), timeout=120)
        search_ms[query] = response.seconds * 1000 if response.status == 200 else None
    admin_ms = []
    for _ in range(args.admin_requests):
        response = harness.get(uncached.port, "/admin/reviews/review/", admin_headers, timeout=120)
        admin_ms.append(response.seconds * 1000 if response.status == 200 else None)
    return {"pages": results, "search_ms": search_ms, "admin_ms": admin_ms, "load": harness.load_average()}


# --- Main ------------------------------------------------------------------------------------


def main(argv=None):
    args = parse_args(argv)
    # One key for the servers and this process: the admin session made here must be valid there.
    common = dict(
        database_url=args.database_url,
        redis_url=args.redis_url,
        workers=args.workers,
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    in_process_env = harness.production_env(
        page_cache_seconds=0, static_root="", **common, ALLOWED_HOSTS=f"{harness.HOST},testserver"
    )
    envs = [in_process_env]
    try:
        with harness.StaticRoot(in_process_env) as static_root:
            in_process_env["STATIC_ROOT"] = str(static_root)
            return benchmark(args, common, in_process_env, static_root, envs)
    finally:
        delete_cache_keys(envs)


def benchmark(args, common, in_process_env, static_root, envs):
    load_before = harness.load_average()
    harness.manage(in_process_env, "migrate", "--noinput")
    harness.setup_django(in_process_env)
    statistics_state = vacuum_if_never_analyzed(args.no_vacuum)
    pages = choose_pages(args.common_term, args.rare_term)
    if args.profile:
        import profiling

        code = harness.machine(args.database_url, args.redis_url)
        print(f"Code: {code['commit']}; changed: {code['uncommitted']}; load {harness.load_average()}")
        profiling.main(pages, args.profile, args.profile_requests)
        return 0
    info = harness.machine(args.database_url, args.redis_url)
    info["statistics"] = statistics_state
    print(json.dumps(info, indent=2))
    print(f"Load averages before: {load_before}", flush=True)
    in_process = count_queries(pages)
    queries = search_queries(args.seed)
    servers = [
        harness.Server(
            name, harness.production_env(page_cache_seconds=seconds, static_root=static_root, **common)
        )
        for name, seconds in (("uncached", 0), ("cached", 600))
    ]
    envs += [server.env for server in servers]
    rounds = []
    with AdminSession() as admin_headers, servers[0], servers[1]:
        check_servers(servers, pages, admin_headers)
        for number in range(args.rounds):
            print(f"\nRound {number + 1} of {args.rounds}, load {harness.load_average()}", flush=True)
            rounds.append(measure_round(number, args, servers, pages, in_process, queries, admin_headers))
    load_after = harness.load_average()
    print(f"Load averages after: {load_after}")
    results = report.report(pages, in_process, rounds, queries, args.connections)
    if args.json:
        results.update(
            machine=info,
            load_before=load_before,
            load_after=load_after,
            pages=pages,
            in_process=in_process,
            queries=queries,
            rounds=[
                dict(r, pages={f"{server} {page}": runs for (server, page), runs in r["pages"].items()})
                for r in rounds
            ],
        )
        args.json.write_text(json.dumps(results, indent=2, default=str))
    return 0


def delete_cache_keys(envs):
    """Remove what this run stored in Redis (pages, versions, counts): every key under the key
    prefixes of its servers and of this process."""
    import redis

    for env in envs:
        client = redis.Redis.from_url(env["REDIS_URL"], socket_timeout=5)
        keys = list(client.scan_iter(match=f"{env['CACHE_KEY_PREFIX']}:*", count=1000))
        if keys:
            client.delete(*keys)


if __name__ == "__main__":
    sys.exit(main())
