"""
The benchmark's figures as tables: medians over the rounds, each page's share of the hello view,
and the issue's targets, met or not.
"""

import statistics

# The performance budget: each page's uncached throughput as a share of the hello view's (pages
# not named here are reported without a floor), cached pages, latencies in ms.
TARGETS = {
    "uncached_share": {"review": 0.15, "home": 0.12, "archive": 0.12, "film": 0.08},
    "uncached_p99": 100,
    "cached_share": 0.80,
    "search_p95": 150,
    "admin": 300,
}


def fmt_ms(value):
    if value is None:
        return "—"
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def median_of(rounds, server, page, run, key):
    values = [r["pages"][(server, page)][run][key] for r in rounds]
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def share_of_hello(rounds, server, page):
    ratios = [
        r["pages"][(server, page)]["c16"]["rps"] / r["pages"][(server, "hello")]["c16"]["rps"]
        for r in rounds
        if r["pages"][(server, "hello")]["c16"]["rps"]
    ]
    return statistics.median(ratios) if ratios else None


def summarise(rounds, pages, in_process):
    summary = {}
    for server in ("uncached", "cached"):
        for page in pages:
            summary[(server, page)] = {
                "rps": median_of(rounds, server, page, "c16", "rps"),
                "share": share_of_hello(rounds, server, page),
                "p50_c2": median_of(rounds, server, page, "c2", "p50"),
                "p99_c2": median_of(rounds, server, page, "c2", "p99"),
                "p50_c16": median_of(rounds, server, page, "c16", "p50"),
                "p99_c16": median_of(rounds, server, page, "c16", "p99"),
                "requests_c16": sum(r["pages"][(server, page)]["c16"]["requests"] for r in rounds),
                "non_2xx": sum(
                    r["pages"][(server, page)][run]["non_2xx"] for r in rounds for run in ("c16", "c2")
                ),
                "socket_errors": sum(
                    sum(r["pages"][(server, page)][run]["errors"].values())
                    for r in rounds
                    for run in ("c16", "c2")
                ),
            }
    return summary


def table(summary, pages, in_process, connections):
    lines = [
        f"| page | queries | uncached req/s | % of hello | p50 @2 | p99 @{connections} "
        f"| cached req/s | % of hello | p50 @2 | p99 @{connections} |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for page in pages:
        cells = [page, str(in_process[page]["queries"])]
        for server in ("uncached", "cached"):
            row = summary[(server, page)]
            cells += [
                f"{row['rps']:,.1f}" if row["rps"] < 100 else f"{row['rps']:,.0f}",
                f"{row['share']:.1%}" if row["share"] is not None else "—",
                fmt_ms(row["p50_c2"]),
                fmt_ms(row["p99_c16"]),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(summary, pages, search_p95, admin_median, connections):
    """(what, measured, met) for every target of the issue."""
    checks = []
    for page in pages:
        if page == "hello":
            continue
        uncached, cached = summary[("uncached", page)], summary[("cached", page)]
        floor = TARGETS["uncached_share"].get(page)
        share = uncached["share"]
        if floor is not None:
            checks.append((f"{page}: uncached ≥ {floor:.0%} of hello", f"{share:.1%}", share >= floor))
        p99 = uncached["p99_c16"]
        checks.append(
            (
                f"{page}: uncached p99 @{connections} < {TARGETS['uncached_p99']} ms",
                fmt_ms(p99),
                p99 is not None and p99 < TARGETS["uncached_p99"],
            )
        )
        checks.append(
            (
                f"{page}: cached ≥ {TARGETS['cached_share']:.0%} of hello",
                f"{cached['share']:.1%}",
                cached["share"] >= TARGETS["cached_share"],
            )
        )
    checks.append(
        (f"search p95 < {TARGETS['search_p95']} ms", fmt_ms(search_p95), search_p95 < TARGETS["search_p95"])
    )
    checks.append(
        (f"admin review list < {TARGETS['admin']} ms", fmt_ms(admin_median), admin_median < TARGETS["admin"])
    )
    return checks


def report(pages, in_process, rounds, queries, connections):
    summary = summarise(rounds, pages, in_process)
    search_samples = [ms for r in rounds for ms in r["search_ms"].values() if ms is not None]
    search_failed = sum(ms is None for r in rounds for ms in r["search_ms"].values())
    per_query = {
        query: statistics.median(r["search_ms"][query] for r in rounds if r["search_ms"][query] is not None)
        for query in queries
        if any(r["search_ms"][query] is not None for r in rounds)
    }
    admin_samples = [ms for r in rounds for ms in r["admin_ms"] if ms is not None]
    search_p95 = percentile(search_samples, 0.95)
    admin_median = statistics.median(admin_samples)

    print("\n## Pages (medians over rounds)\n")
    for name, path in pages.items():
        size, ms = in_process[name]["bytes"], in_process[name]["in_process_ms"]
        print(f"- {name}: {path} ({size:,} bytes, {ms:.1f} ms in-process)")
    print()
    print(table(summary, pages, in_process, connections))
    print("\nRequests at 16 connections over all rounds, non-2xx/3xx, socket errors (timeouts, resets):")
    for (server, page), row in summary.items():
        print(
            f"  {server:8} {page:14} {row['requests_c16']:7} requests, {row['non_2xx']} non-2xx/3xx, "
            f"{row['socket_errors']} socket errors, p50 @{connections} {fmt_ms(row['p50_c16'])}, "
            f"p99 @2 {fmt_ms(row['p99_c2'])}"
        )
    print(
        f"\nSearch, {len(queries)} queries × {len(rounds)} rounds, one at a time, page cache off: "
        f"p50 {fmt_ms(statistics.median(search_samples))}, p95 {fmt_ms(search_p95)}, "
        f"max {fmt_ms(max(search_samples))}, {search_failed} failed"
    )
    print("Slowest queries (median over rounds):")
    for query, ms in sorted(per_query.items(), key=lambda item: -item[1])[:8]:
        print(f"  {fmt_ms(ms):>9}  {query}")
    print(
        f"\nAdmin review list, signed-in superuser, {len(admin_samples)} requests: median "
        f"{fmt_ms(admin_median)}, p95 {fmt_ms(percentile(admin_samples, 0.95))}"
    )
    print("\n## Targets\n")
    for what, measured, met in targets(summary, pages, search_p95, admin_median, connections):
        print(f"  {'met    ' if met else 'NOT MET'}  {what}: {measured}")
    print(f"\nLoad averages at the start of each round: {[r['load'] for r in rounds]}")
    return {
        "summary": {f"{server} {page}": row for (server, page), row in summary.items()},
        "search": {"p50": statistics.median(search_samples), "p95": search_p95, "per_query": per_query},
        "admin": {"median": admin_median, "p95": percentile(admin_samples, 0.95)},
    }
