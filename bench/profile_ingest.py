"""Where ingest time goes: reading, cleaning, spaCy, extraction, database writes; then the top functions.

    .venv/bin/python bench/profile_ingest.py [--limit 100] [--backend postgresql|sqlite] [--cprofile [--top 25]]

Wall-clock timers are wrapped around each stage of the real ingest (one worker), nothing else changed, so the
shares are not distorted by a profiler; every SQL statement is timed and grouped by its text. With --cprofile, a
second pass into an emptied database runs under cProfile and lists the functions with the most time of their own
(a profiler slows Python code more than spaCy's compiled code: use it to find hot spots, not for the shares).
"""

import cProfile
import io
import os
import pstats
import time
from collections import defaultdict

from common import (
    django_setup,
    empty_tables,
    figure,
    finish,
    machine,
    migrate,
    note,
    parser,
    pg_create,
    pg_drop,
    politics_sample,
    sqlite_url,
    stopwatch,
)
from linear_cost import normalised

DB_NAME = f"parley_bench_profile_{os.getpid()}"  # one per process: runs side by side never share a database
TOTALS: dict[str, float] = defaultdict(float)
STATEMENTS: dict[str, list] = defaultdict(lambda: [0, 0.0])
ORDER = [
    "reading files",
    "_prepare (hash lookup + cleaning)",
    "  cleaning",
    "spacy nlp.pipe",
    "extraction (people + events)",
    "  find_people",
    "  find_events",
    "storing (_store: article + extraction, one transaction)",
    "  article_store_extraction",
    "    services.person_resolve",
    "    services.actor_record_person",
    "    services.event_upsert",
    "    services.events_link_parents",
    "other (generators, bookkeeping)",
    "SQL statements (all stages)",
]


def timed(name: str, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[name] += time.perf_counter() - start

    return wrapper


class TimedPipeline:
    """The loaded pipeline, with the time spent inside nlp.pipe counted (extraction runs between its yields)."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, *args, **kwargs):
        docs = self.nlp.pipe(*args, **kwargs)
        while True:
            start = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                TOTALS["spacy nlp.pipe"] += time.perf_counter() - start
                return
            TOTALS["spacy nlp.pipe"] += time.perf_counter() - start
            yield doc


def instrument() -> None:
    """Timers around the stages, patched where ingest looks them up (module globals)."""
    import articles.readers as readers
    import entities.ingest as ingest
    import entities.services as services
    import extraction.events as events
    import extraction.people as people
    import extraction.pipeline as pipeline

    readers.read_article_file = timed("reading files", readers.read_article_file)
    ingest.clean_article = timed("  cleaning", ingest.clean_article)
    ingest._prepare = timed("_prepare (hash lookup + cleaning)", ingest._prepare)
    pipeline.extract_article = timed("extraction (people + events)", pipeline.extract_article)
    people.find_people = timed("  find_people", people.find_people)
    events.find_events = timed("  find_events", events.find_events)
    ingest._store = timed("storing (_store: article + extraction, one transaction)", ingest._store)
    ingest.article_store_extraction = timed("  article_store_extraction", ingest.article_store_extraction)
    for name in ("person_resolve", "actor_record_person", "event_upsert", "events_link_parents"):
        setattr(services, name, timed(f"    services.{name}", getattr(services, name)))


def sql_timer(execute, sql, params, many, context):
    start = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        seconds = time.perf_counter() - start
        TOTALS["SQL statements (all stages)"] += seconds
        entry = STATEMENTS[normalised(sql)]
        entry[0] += 1
        entry[1] += seconds


def breakdown(files) -> None:
    from django.db import connection

    from entities.ingest import articles_ingest
    from entities.nlp import configured_nlp

    with stopwatch() as load:
        nlp = configured_nlp()
    instrument()
    with connection.execute_wrapper(sql_timer), stopwatch() as elapsed:
        summary = articles_ingest(paths=files, nlp=TimedPipeline(nlp))
    total = elapsed()
    note(f"{summary}; {total:.1f} s (model loaded beforehand in {load():.1f} s)")
    accounted = (
        TOTALS["spacy nlp.pipe"] + TOTALS["extraction (people + events)"] + TOTALS["_prepare (hash lookup + cleaning)"]
    )
    accounted += TOTALS["storing (_store: article + extraction, one transaction)"] + TOTALS["reading files"]
    TOTALS["other (generators, bookkeeping)"] = total - accounted
    print(f"{'stage':<58} {'seconds':>8} {'share':>7} {'ms/article':>11}")
    for name in ORDER:
        seconds = TOTALS[name]
        print(f"{name:<58} {seconds:8.2f} {seconds / total:7.1%} {seconds / len(files) * 1000:11.1f}")
    count = sum(n for n, _ in STATEMENTS.values())
    note(f"{count} SQL statements, {count / len(files):.0f} per article; the costliest by total time:")
    note("calls | total s | ms per call | statement")
    for sql, (calls, seconds) in sorted(STATEMENTS.items(), key=lambda item: -item[1][1])[:12]:
        note(f"{calls} | {seconds:.2f} | {seconds / calls * 1000:.2f} | {sql[:300]}")
    for stage in (
        "spacy nlp.pipe",
        "extraction (people + events)",
        "storing (_store: article + extraction, one transaction)",
    ):
        figure(f"share_{stage.split()[0]}", TOTALS[stage] / total, "-", True)


def hot_spots(files, top: int) -> None:
    from entities.ingest import articles_ingest
    from entities.nlp import configured_nlp

    empty_tables()
    nlp = configured_nlp()
    profile = cProfile.Profile()
    profile.runcall(articles_ingest, paths=files, nlp=nlp)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--cprofile", action="store_true", help="also a cProfile pass (doubles the run time)")
    args = p.parse_args()
    url = pg_create(args.pg, DB_NAME) if args.backend == "postgresql" else sqlite_url()
    django_setup(url)
    migrate()
    files = politics_sample(args.corpus, args.limit)
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    note(f"{len(files)} articles (BBC politics + Wikinews), one worker, {args.backend}")
    try:
        breakdown(files)
        if args.cprofile:
            hot_spots(files, args.top)
    finally:
        if args.backend == "postgresql":
            from django.db import connections

            connections.close_all()
            pg_drop(args.pg, DB_NAME)


if __name__ == "__main__":
    main()
    finish()
