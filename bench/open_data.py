"""Open data at scale (#17): the read API's p95 and the memory of a 100,000-event export, on PostgreSQL.

    .venv/bin/python bench/open_data.py --db parley_bench_NAME [--requests 100] [--part api|exports|all]

Runs on a copy of the 100,000-article database that bench/search_latency.py builds (never on parley_bench itself:
`CREATE DATABASE parley_bench_NAME TEMPLATE parley_bench`, then migrate the copy). For the export, the copy needs
100,000 events; docs/benchmarks.md says how ours got them. Requests go through Django's test Client to the real
URLs (middleware, view, queries, serialisation all in the time), with the throttles lifted.

Export memory is measured two ways while the streamed body is read chunk by chunk, as a server would write it:
tracemalloc's peak of Python allocations during the download, and the process's resident size (VmRSS) sampled at
every chunk, against its size before the download. A single download of all 100,000 events is forced (the site
serves pages of 2,000) to show that memory does not grow with the size of a download.
"""

import gc
import os
import random
import tracemalloc

from common import SEED, django_setup, figure, finish, machine, note, p95, parser, stopwatch

TARGET_P95_MS = 300.0
# Python allocations a streamed download may hold whatever its size: a chunk of rows, not the rows.
TARGET_EXPORT_PEAK_MB = 64.0


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# --- the API -----------------------------------------------------------------------------------------------------


def api_requests(count: int, rng: random.Random) -> list[tuple[str, str, dict]]:
    """(endpoint name, path, query) of varied requests, drawn from what the database holds."""
    from entities import selectors
    from entities.models import Actor, Article, Event

    event_ids = list(Event.objects.visible().order_by("?").values_list("pk", flat=True)[:count])
    official_ids = list(Actor.objects.officials().order_by("?").values_list("pk", flat=True)[:count])
    names = list(Actor.objects.officials().order_by("?").values_list("name", flat=True)[:count])
    titles = list(Article.objects.order_by("?").values_list("title", flat=True)[:count])
    words = [w for t in titles for w in t.split() if len(w) > 4 and w.isalpha()] or ["talks"]
    countries = [name for name, _ in selectors.country_choices(fresh=True)]
    busiest = countries[:40] if len(countries) > 40 else countries
    kinds = ["meeting", "visit", "phone_call", "multilateral"]

    def events_query() -> dict:
        query = {"page": str(rng.randint(1, 20))}
        if rng.random() < 0.5:
            query["kind"] = rng.choice(kinds)
        if rng.random() < 0.3:
            query["country"] = rng.choice(busiest)
        if rng.random() < 0.2:
            query["official"] = rng.choice(names).split()[-1]
        if rng.random() < 0.3:
            year = rng.randint(1995, 2024)
            query |= {"date_from": f"{year}-01-01", "date_to": f"{year + 1}-12-31"}
        return query

    plan = []
    for i in range(count):
        plan += [
            ("events", "/api/events", events_query()),
            ("event", f"/api/events/{event_ids[i % len(event_ids)]}", {}),
            ("officials", "/api/officials", {"page": str(rng.randint(1, 50))}),
            ("officials_search", "/api/officials", {"q": rng.choice(names)}),
            ("official", f"/api/officials/{official_ids[i % len(official_ids)]}", {}),
            ("articles", "/api/articles", {"page": str(rng.randint(1, 50))}),
            ("articles_search", "/api/articles", {"q": rng.choice(words)}),
            ("relations", "/api/relations", dict(zip("ab", rng.sample(busiest, 2), strict=True))),
        ]
    rng.shuffle(plan)
    return plan


def measure_api(args) -> None:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    plan = api_requests(args.requests, random.Random(SEED))
    gc.freeze()
    times: dict[str, list[float]] = {}
    statuses: dict[int, int] = {}
    for name, path, query in plan:
        with stopwatch() as elapsed:
            response = client.get(path, query)
        times.setdefault(name, []).append(elapsed() * 1000)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    note(f"{len(plan)} requests, statuses {statuses}")
    everything = [t for ts in times.values() for t in ts]
    for name, values in sorted(times.items()):
        figure(f"api_{name}_p95", p95(values), f"< {TARGET_P95_MS:.0f} ms", p95(values) < TARGET_P95_MS, " ms")
    figure("api_all_p95", p95(everything), f"< {TARGET_P95_MS:.0f} ms", p95(everything) < TARGET_P95_MS, " ms")


# --- the exports -------------------------------------------------------------------------------------------------


def download(client, path: str, query: dict, *, trace: bool) -> tuple[float, int, float, float]:
    """Seconds, bytes, tracemalloc peak (MB, or 0 untraced) and RSS growth (MB) of reading one download."""
    gc.collect()
    before = rss_mb()
    highest = before
    if trace:
        tracemalloc.start()
    size = 0
    with stopwatch() as elapsed:
        response = client.get(path, query)
        assert response.status_code == 200, response.status_code
        for chunk in response.streaming_content:
            size += len(chunk)
            highest = max(highest, rss_mb())
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
    if trace:
        tracemalloc.stop()
    return elapsed(), size, peak, highest - before


def measure_exports(args) -> None:
    from django.test import Client

    from entities import downloads
    from entities.models import Event

    total = Event.objects.visible().count()
    note(f"{total} visible events; RSS before the downloads {rss_mb():.0f} MB")
    downloads.ANONYMOUS_EXPORTS_PER_MINUTE = 10**9
    client = Client(HTTP_HOST="localhost")
    # tracemalloc slows the ORM's Python several times over: it follows the smaller downloads, and the RSS the
    # whole one. CSV and the edge list read the same rows through the same stream as JSON (--all-formats).
    runs = [
        ("gexf", "/events/export.gexf", {}, total, True),
        ("json", "/events/export.json", {}, 2_000, True),
        ("json", "/events/export.json", {}, 10_000, True),
        ("json", "/events/export.json", {}, total, False),
    ]
    if args.all_formats:
        runs += [
            ("csv", "/events/export.csv", {"bom": "1"}, total, False),
            ("edges", "/events/export.csv", {"format": "edges"}, total, False),
        ]
    for name, path, query, rows, trace in runs:
        downloads.EXPORT_PAGE_ROWS = rows
        seconds, size, peak, growth = download(client, path, query, trace=trace)
        label = f"export_{name}_{min(rows, total)}"
        traced = f"tracemalloc peak {peak:.1f} MB, " if trace else ""
        rss = f"RSS +{growth:.1f} MB (now {rss_mb():.0f} MB)"
        note(f"{label}: {seconds:.1f} s, {size / 2**20:.1f} MB written, {traced}{rss}")
        if trace:
            figure(f"{label}_peak", peak, f"< {TARGET_EXPORT_PEAK_MB:.0f} MB", peak < TARGET_EXPORT_PEAK_MB, " MB")


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--db", required=True, help="a copy of the 100,000-article database (not parley_bench itself)")
    p.add_argument("--requests", type=int, default=100, help="requests per API endpoint")
    p.add_argument("--part", choices=["api", "exports", "all"], default="all")
    p.add_argument("--all-formats", action="store_true", help="also download all events as CSV and as an edge list")
    args = p.parse_args()
    if args.db == "parley_bench":
        p.error("run on a copy: CREATE DATABASE parley_bench_NAME TEMPLATE parley_bench")
    os.environ["API_ANONYMOUS_RATE"] = "1000000/s"
    django_setup(f"{args.pg.rstrip('/')}/{args.db}")
    note(machine())
    if args.part in ("api", "all"):
        measure_api(args)
    if args.part in ("exports", "all"):
        measure_exports(args)
    finish()


if __name__ == "__main__":
    main()
