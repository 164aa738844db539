"""
Load and faults (issue 7, item 6): the production set-up under load while its services fail.

    .venv/bin/python bench/faults.py            # ~6 minutes; bench/README.md has the figures

Runs on a PostgreSQL cluster and a Redis server of its own, started here on free ports of
127.0.0.1 and removed at the end: restarting the machine's shared PostgreSQL or stopping its
Redis would break whatever else uses them (other test runs). The database is generated at a
tenth of full scale (10,000 films, 20,000 reviews); the size changes nothing about reconnecting.
gunicorn runs with 4 sync workers.

1. wrk, 60 s at 64 connections over a mix of pages, on a server with the page cache off and on
   one with it on: non-2xx/3xx responses and socket errors.
2. PostgreSQL restarted (pg_ctl restart, fast shutdown) while 4 threads request pages from the
   page-cache-off server, so that every request needs the database: requests failed while it
   was down, the time from pg_isready answering to the first 200, any 500 after that. A review
   written through the ORM before the restart must be there after it.
3. One gunicorn worker killed with SIGKILL under the same load: the requests that failed.
4. Redis stopped for 10 s under load on the page-cache-on server (the page-cache-off server
   never asks Redis anything), then started again: non-200 responses, and cache hits before,
   during and after.

Whatever happens, PostgreSQL and Redis are running again before the end (try/finally), then
the scratch instances are stopped and deleted.
"""

import argparse
import http.client
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import harness
from services import ScratchPostgres, ScratchRedis


@dataclass
class Record:
    start: float
    end: float
    path: str
    status: int | None
    error: str = ""
    cache: str = ""


class Load:
    """`threads` clients requesting `paths` in turn, one request at a time each, until stopped
    or `seconds` have passed; every request is recorded with its times and outcome."""

    def __init__(self, port, paths, threads=4, seconds=120, timeout=15):
        self.port, self.paths, self.timeout = port, paths, timeout
        self.records = []
        self.stopping = threading.Event()
        self.deadline = time.monotonic() + seconds
        self.threads = [threading.Thread(target=self.run, args=(offset,)) for offset in range(threads)]

    def run(self, offset):
        number = offset
        while not self.stopping.is_set() and time.monotonic() < self.deadline:
            path = self.paths[number % len(self.paths)]
            number += 1
            start = time.monotonic()
            try:
                response = harness.get(self.port, path, timeout=self.timeout)
                record = Record(
                    start,
                    time.monotonic(),
                    path,
                    response.status,
                    "",
                    response.headers.get("X-Page-Cache", ""),
                )
            except (OSError, http.client.HTTPException) as error:
                record = Record(start, time.monotonic(), path, None, type(error).__name__)
            self.records.append(record)

    def __enter__(self):
        self.began = time.monotonic()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=self.timeout + 5)

    def outcomes(self, records=None):
        records = self.records if records is None else records
        counts = {}
        for record in records:
            key = record.status if record.status is not None else record.error
            counts[key] = counts.get(key, 0) + 1
        return counts


# --- Data --------------------------------------------------------------------------------------


def pages_to_request():
    """A mix of readers' pages: home, archive pages, reviews, films, people, tags, searches."""
    from django.db.models import Count

    from reviews.models import Film, Person, Review, Tag

    reviews = Review.objects.published().order_by("-published_at")
    paths = ["/", "/reviews/", "/reviews/?page=2", "/films/", "/reviews/?language=en&rating=4"]
    paths += [review.get_absolute_url() for review in reviews[:8]]
    paths += [film.get_absolute_url() for film in Film.objects.order_by("pk")[:6]]
    paths += [
        person.get_absolute_url() for person in Person.objects.annotate(n=Count("roles")).order_by("-n")[:4]
    ]
    paths += [
        tag.get_absolute_url() for tag in Tag.objects.annotate(n=Count("film_items")).order_by("-n")[:3]
    ]
    paths += [
        "/search/?" + urllib.parse.urlencode({"q": q}) for q in ("Sommer", "Berlinale", "Leroy", "love")
    ]
    return paths


def write_review(label):
    """A published review written through the ORM (save(): search vector, cache version)."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from reviews.models import Film, Review

    return Review.objects.create(
        film=Film.objects.order_by("pk").first(),
        author=get_user_model().objects.order_by("pk").first(),
        headline=f"Fault test {label}",
        slug=f"fault-test-{label}",
        teaser="Written just before PostgreSQL restarts.",
        body="It has to be there afterwards.",
        language="en",
        status=Review.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(minutes=1),
    )


# --- The phases --------------------------------------------------------------------------------


def wrk_mix(server, paths, seconds, connections):
    script = Path(tempfile.mkstemp(prefix="bench-mix-", suffix=".lua")[1])
    lua_paths = ", ".join('"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"' for path in paths)
    script.write_text(
        f"local paths = {{{lua_paths}}}\n"
        "local n = 0\n"
        "request = function()\n"
        "  n = n + 1\n"
        "  return wrk.format('GET', paths[(n % #paths) + 1])\n"
        "end\n"
    )
    try:
        result = harness.wrk(
            server.port, "/", connections, seconds, threads=2, timeout_seconds=10, script=script
        )
    finally:
        script.unlink()
        harness.drain(server.port)
    errors = sum(result["errors"].values())
    if result["p50"] is None:
        raise RuntimeError(f"No latencies from wrk:\n{result['output']}")
    print(
        f"  {server.name}: {result['requests']} requests, {result['rps']:.0f} req/s, "
        f"{result['non_2xx']} non-2xx/3xx, socket errors {result['errors']}, p50 {result['p50']:.0f} ms, "
        f"p99 {result['p99']:.0f} ms",
        flush=True,
    )
    return dict(result, server=server.name, socket_errors=errors)


def database_restart(server, postgres, paths, before=10, after=20):
    from django.db import connection

    review = write_review(f"{int(time.time())}")
    with Load(server.port, paths) as load:
        time.sleep(before)
        restart_began = time.monotonic()
        postgres.restart()
        restart_returned = time.monotonic()
        while not postgres.is_ready():
            time.sleep(0.02)
        ready = time.monotonic()
        time.sleep(after)
    records = sorted(load.records, key=lambda record: record.start)
    during = [r for r in records if r.end >= restart_began and r.start < ready]
    after_ready = [r for r in records if r.start >= ready]
    first_ok = min((r.end for r in after_ready if r.status == 200), default=None)
    errors_after = [r for r in after_ready if r.status != 200]

    connection.close()
    from reviews.models import Review

    kept = Review.objects.filter(pk=review.pk, headline=review.headline).exists()
    page = harness.get(server.port, review.get_absolute_url())
    shown = page.status == 200 and review.headline.encode() in page.body
    figures = {
        "requests": len(records),
        "outcomes": load.outcomes(),
        "down_seconds": ready - restart_began,
        "pg_ctl_seconds": restart_returned - restart_began,
        "failed_while_down": len([r for r in during if r.status != 200]),
        "requests_while_down": len(during),
        "recovery_seconds": None if first_ok is None else first_ok - ready,
        "errors_after_ready": len(errors_after),
        "error_kinds_after_ready": load.outcomes(errors_after),
        "review_kept": kept,
        "review_page_shows_it": shown,
    }
    print(f"  {figures}", flush=True)
    return figures


def worker_kill(server, paths, before=8, after=12):
    workers_before = server.worker_pids()
    with Load(server.port, paths) as load:
        time.sleep(before)
        victim = workers_before[0]
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        time.sleep(after)
    workers_after = server.worker_pids()
    failed = [r for r in load.records if r.status != 200]
    figures = {
        "requests": len(load.records),
        "outcomes": load.outcomes(),
        "failed": len(failed),
        "failed_kinds": load.outcomes(failed),
        "failed_started_before_kill": len([r for r in failed if r.start <= killed_at]),
        "workers_before": len(workers_before),
        "workers_after": len(workers_after),
        "replaced": victim not in workers_after and len(workers_after) == len(workers_before),
    }
    print(f"  {figures}", flush=True)
    return figures


def redis_stop(server, redis_server, paths, before=10, outage=10, after=15):
    for path in paths:
        harness.get(server.port, path, timeout=30)
    with Load(server.port, paths) as load:
        time.sleep(before)
        redis_server.stop()
        stopped = time.monotonic()
        time.sleep(outage)
        started = time.monotonic()
        redis_server.start()
        time.sleep(after)

    def share_of_hits(records):
        ok = [r for r in records if r.status == 200]
        return round(sum(r.cache == "hit" for r in ok) / len(ok), 3) if ok else None

    before_records = [r for r in load.records if r.end < stopped]
    during_records = [r for r in load.records if r.start >= stopped and r.end < started]
    after_records = [r for r in load.records if r.start >= started]
    latencies = {
        name: round(statistics.median(r.end - r.start for r in records) * 1000, 1) if records else None
        for name, records in (
            ("before", before_records),
            ("during", during_records),
            ("after", after_records),
        )
    }
    figures = {
        "requests": len(load.records),
        "outcomes": load.outcomes(),
        "non_200": len([r for r in load.records if r.status != 200]),
        "requests_while_down": len(during_records),
        "non_200_while_down": len([r for r in during_records if r.status != 200]),
        "hit_share": {
            "before": share_of_hits(before_records),
            "during": share_of_hits(during_records),
            "after": share_of_hits(after_records),
        },
        "median_ms": latencies,
    }
    print(f"  {figures}", flush=True)
    return figures


# --- Main --------------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wrk-seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--films", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=20_000)
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    results = {"load_before": harness.load_average()}
    print(f"Load averages before: {results['load_before']}", flush=True)
    with ScratchPostgres() as postgres, ScratchRedis() as redis_server:
        try:
            results.update(run(args, postgres, redis_server))
        finally:
            # Both services up again whatever happened, before they are removed.
            try:
                if not postgres.running():
                    postgres.start()
            finally:
                if not redis_server.running():
                    redis_server.start()
            print(f"Scratch PostgreSQL running: {postgres.running()}, Redis: {redis_server.running()}")
    shared_pg = (
        subprocess.run(["pg_isready", "-q", "-h", harness.HOST, "-p", "5432"], timeout=10).returncode == 0
    )
    shared_redis = subprocess.run(
        ["redis-cli", "-p", "6379", "ping"], capture_output=True, text=True, timeout=10
    )
    print(f"Shared PostgreSQL (5432) ready: {shared_pg}; shared Redis (6379): {shared_redis.stdout.strip()}")
    results["load_after"] = harness.load_average()
    print(f"Load averages after: {results['load_after']}")
    print("\n" + table(results, args))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))
    return results


def table(results, args):
    """The figures as the README's "Load and faults" table."""
    rows = [
        "| test | requests sent | non-2xx/3xx or failed | notes |",
        "|---|--:|---|---|",
    ]
    for run in results["wrk"]:
        rows.append(
            f"| wrk {args.wrk_seconds} s, {args.connections} connections, {results['paths']} pages, "
            f"page cache {'off' if run['server'] == 'uncached' else 'on'} | {run['requests']:,} "
            f"| {run['non_2xx']} non-2xx/3xx, {run['socket_errors']} socket errors "
            f"| {run['rps']:,.0f} req/s, p50 {run['p50']:,.0f} ms, p99 {run['p99']:,.0f} ms |"
        )
    db = results["database_restart"]
    recovery = "—" if db["recovery_seconds"] is None else f"{db['recovery_seconds'] * 1000:,.0f} ms"
    rows.append(
        f"| PostgreSQL restarted under load, page cache off | {db['requests']:,} "
        f"| {db['failed_while_down']} of {db['requests_while_down']:,} while it was down "
        f"({db['down_seconds']:.2f} s); {db['errors_after_ready']} after pg_isready "
        f"| first 200 {recovery} after pg_isready; review written before the restart: "
        f"{'there' if db['review_kept'] else 'LOST'}, its page "
        f"{'shows it' if db['review_page_shows_it'] else 'does NOT show it'} |"
    )
    kill = results["worker_kill"]
    kinds = ", ".join(f"{count} {kind}" for kind, count in kill["failed_kinds"].items()) or "none"
    replaced = "replaced" if kill["replaced"] else "NOT replaced"
    rows.append(
        f"| one of {kill['workers_before']} gunicorn workers killed (SIGKILL), page cache off "
        f"| {kill['requests']:,} | {kill['failed']} ({kinds}) "
        f"| {kill['workers_after']} workers afterwards, the killed one {replaced} |"
    )
    redis = results["redis_stop"]
    hits = redis["hit_share"]
    rows.append(
        f"| Redis stopped for 10 s under load, page cache on | {redis['requests']:,} "
        f"| {redis['non_200']} non-200 ({redis['non_200_while_down']} of {redis['requests_while_down']:,} "
        f"while it was down) | cache hits before/during/after: {hits['before']:.0%}/{hits['during']:.0%}/"
        f"{hits['after']:.0%}; median {redis['median_ms']['before']} → {redis['median_ms']['during']} → "
        f"{redis['median_ms']['after']} ms |"
    )
    return "\n".join(rows)


def run(args, postgres, redis_server):
    common = dict(
        database_url=postgres.url,
        redis_url=redis_server.url,
        workers=args.workers,
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    setup_env = harness.production_env(page_cache_seconds=0, static_root="", **common)
    start = time.monotonic()
    harness.manage(setup_env, "migrate", "--noinput")
    harness.manage(
        setup_env,
        "generate_data",
        "--films",
        args.films,
        "--reviews",
        args.reviews,
        "--seed",
        "7",
        timeout=900,
    )
    postgres.vacuum_analyze()
    print(f"Scratch database generated and analyzed in {time.monotonic() - start:.0f} s", flush=True)
    results = {"machine": harness.machine(postgres.url, redis_server.url)}
    print(f"Code: {results['machine']['commit']}; changed: {results['machine']['uncommitted']}", flush=True)
    with harness.StaticRoot(setup_env) as static_root:
        harness.setup_django(dict(setup_env, STATIC_ROOT=str(static_root)))
        paths = pages_to_request()
        results["paths"] = len(paths)
        servers = [
            harness.Server(
                name, harness.production_env(page_cache_seconds=seconds, static_root=static_root, **common)
            )
            for name, seconds in (("uncached", 0), ("cached", 600))
        ]
        with servers[0] as uncached, servers[1] as cached:
            for server in servers:
                bad = [path for path in paths if harness.get(server.port, path, timeout=60).status != 200]
                if bad:
                    raise RuntimeError(f"{server.name}: not 200: {bad}")
            print(f"\n1. wrk, {args.wrk_seconds} s at {args.connections} connections, {len(paths)} pages")
            results["wrk"] = [
                wrk_mix(server, paths, args.wrk_seconds, args.connections) for server in servers
            ]
            print("\n2. PostgreSQL restarted under load (page cache off)")
            results["database_restart"] = database_restart(uncached, postgres, paths)
            print("\n3. A gunicorn worker killed (SIGKILL) under load (page cache off)")
            results["worker_kill"] = worker_kill(uncached, paths)
            print("\n4. Redis stopped for 10 s under load (page cache on)")
            results["redis_stop"] = redis_stop(cached, redis_server, paths)
    return results


if __name__ == "__main__":
    main()
    sys.exit(0)
