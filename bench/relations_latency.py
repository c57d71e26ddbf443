"""Latency of the relations pages over 100,000 articles on PostgreSQL: the relations index, a country's partners,
country-pair pages, the network of a timeline filter, officials' pages (with their network) and the timeline with
its counts; p95 of varied requests each, timed server-side through Django's test Client like search_latency.py.

    .venv/bin/python bench/relations_latency.py --db parley_bench_h16 [--requests 60]

The database is a copy of the one search_latency.py builds (CREATE DATABASE ... TEMPLATE parley_bench), migrated.
"""

import argparse
import gc
import random
import time

from common import django_setup, migrate, p95
from search_latency import SqlTimer

TARGETS_MS = {"pair": 100.0, "network": 100.0}  # the rest: 50 ms


def requests_for(n: int, rng: random.Random) -> list[tuple[str, str, list[dict]]]:
    from django.utils.text import slugify

    from entities import relations, selectors

    pairs = relations.busiest_pairs(limit=40)
    busiest = selectors.busiest_official_ids(40)
    countries = sorted({p.first for p in pairs} | {p.second for p in pairs})
    pages = []
    for _ in range(n):
        pair = rng.choice(pairs)
        filters = rng.choice([{}, {"kind": "meeting"}, {"date_from": "2019-01-01", "date_to": "2021-12-31"}])
        pages.append(("pair", f"/relations/{slugify(pair.first)}/{slugify(pair.second)}/", filters))
        pages.append(("index", "/relations/", {}))
        pages.append(("country", f"/relations/{slugify(rng.choice(countries))}/", {}))
        network = rng.choice(
            [
                {"country": rng.choice(countries)},
                {"official": str(rng.choice(busiest))},
                {"kind": "visit", "date_from": "2020-01-01", "date_to": "2020-12-31"},
                {"country": [pair.first, pair.second]},
            ]
        )
        pages.append(("network", "/events/network/", network))
        pages.append(("official", f"/officials/{rng.choice(busiest)}/", {}))
        two = rng.sample(busiest[:10], 2)
        pages.append(("timeline_two_officials", "/events/", {"official": [str(i) for i in two]}))
        pages.append(("timeline", "/events/", rng.choice([{}, {"kind": "visit"}, {"country": rng.choice(countries)}])))
        # Unchanged by #16, 35.6 ms p95 in docs/benchmarks.md: how much the machine's load inflates this run.
        pages.append(("reference_officials_q", "/officials/", {"q": rng.choice(["Putin", "Rouhani", "Merkel", "Abe"])}))
    kinds: dict[str, tuple[str, list]] = {}
    for kind, path, query in pages:
        kinds.setdefault(kind, ("", []))[1].append((path, query))
    return [(kind, "", items) for kind, (_, items) in kinds.items()]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--db", default="parley_bench_h16")
    arguments.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    arguments.add_argument("--requests", type=int, default=60)
    arguments.add_argument("--cold", action="store_true", help="empty the cache before every request")
    args = arguments.parse_args()
    django_setup(f"{args.server}/{args.db}")
    migrate()
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    gc.freeze()
    rng = random.Random(16)
    print(f"# {args.requests} requests a page kind on {args.db}{' (cache emptied before each)' if args.cold else ''}")
    for kind, _, items in requests_for(args.requests, rng):
        for path, query in items[:3]:  # warm-up: connections and the country choices, not counted
            client.get(path, query)
        times: dict[str, list[float]] = {"wall": [], "cpu": [], "sql": [], "errors": []}
        for path, query in items:
            if args.cold:
                cache.clear()
            for key, values in measured(client, path, query).items():
                times[key] += values
        target = TARGETS_MS.get(kind, 50.0)
        print(
            f"{kind:24} p95 wall {p95(times['wall']):6.1f} ms  cpu {p95(times['cpu']):6.1f} ms  "
            f"sql {p95(times['sql']):6.1f} ms  (target {target:.0f})  errors {len(times['errors'])}"
        )


def measured(client, path: str, query: dict) -> dict[str, list[float]]:
    """Wall ms, this process's CPU ms and SQL wall ms of one request, as search_latency.py times its own."""
    from django.db import connection

    sql = SqlTimer()
    with connection.execute_wrapper(sql):
        cpu, start = time.process_time(), time.perf_counter()
        response = client.get(path, query)
        wall = (time.perf_counter() - start) * 1000
    errors = [1] if response.status_code not in (200, 404) else []
    return {"wall": [wall], "cpu": [(time.process_time() - cpu) * 1000], "sql": [sql.seconds * 1000], "errors": errors}


if __name__ == "__main__":
    main()
