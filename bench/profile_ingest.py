"""Where ingest time goes: reading, cleaning, spaCy, extraction, database writes; then the top functions.

    .venv/bin/python bench/profile_ingest.py [--limit 200] [--backend postgresql|sqlite] [--top 25]

First pass: wall-clock timers wrapped around each stage of the real ingest (one worker), nothing else changed,
so the shares are not distorted by a profiler. Second pass, into an emptied database: cProfile over the same
ingest, listing the functions with the most time of their own (a profiler slows Python code more than spaCy's
compiled code, so use it to find hot spots, not for the shares).
"""

import cProfile
import io
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

DB_NAME = "parley_bench_profile"
TOTALS: dict[str, float] = defaultdict(float)


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
    import articles.ingest as ingest
    import articles.readers as readers
    import entities.extraction.events as events
    import entities.extraction.people as people
    import entities.extraction.pipeline as pipeline
    import entities.services as services

    readers.read_article_file = timed("reading files", readers.read_article_file)
    ingest.content_hash = timed("hashing", ingest.content_hash)
    ingest.clean_article = timed("cleaning", ingest.clean_article)
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
        TOTALS["SQL statements (all stages)"] += time.perf_counter() - start
        TOTALS["SQL statement count"] += 1


def breakdown(files) -> None:
    from django.db import connection

    from articles.ingest import articles_ingest
    from entities.extraction.nlp import load_nlp

    with stopwatch() as load:
        nlp = load_nlp()
    instrument()
    with connection.execute_wrapper(sql_timer), stopwatch() as elapsed:
        summary = articles_ingest(paths=files, nlp=TimedPipeline(nlp))
    total = elapsed()
    note(f"{summary}; {total:.1f} s (model loaded beforehand in {load():.1f} s)")
    count = TOTALS.pop("SQL statement count")
    accounted = (
        TOTALS["spacy nlp.pipe"] + TOTALS["extraction (people + events)"] + TOTALS["_prepare (hash lookup + cleaning)"]
    )
    accounted += TOTALS["storing (_store: article + extraction, one transaction)"] + TOTALS["reading files"]
    TOTALS["other (generators, hashing, bookkeeping)"] = total - accounted
    print(f"{'stage':<58} {'seconds':>8} {'share':>7} {'ms/article':>11}")
    for name, seconds in TOTALS.items():
        print(f"{name:<58} {seconds:8.2f} {seconds / total:7.1%} {seconds / len(files) * 1000:11.1f}")
    note(f"{int(count)} SQL statements, {count / len(files):.0f} per article")
    for stage in (
        "spacy nlp.pipe",
        "extraction (people + events)",
        "storing (_store: article + extraction, one transaction)",
    ):
        figure(f"share_{stage.split()[0]}", TOTALS[stage] / total, "-", True)


def hot_spots(files, top: int) -> None:
    from articles.ingest import articles_ingest
    from entities.extraction.nlp import load_nlp

    empty_tables()
    nlp = load_nlp()
    profile = cProfile.Profile()
    profile.runcall(articles_ingest, paths=files, nlp=nlp)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--no-cprofile", action="store_true")
    args = p.parse_args()
    url = pg_create(args.pg, DB_NAME) if args.backend == "postgresql" else sqlite_url()
    django_setup(url)
    migrate()
    files = politics_sample(args.corpus, args.limit)
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    note(f"{len(files)} articles (BBC politics + Wikinews), one worker, {args.backend}")
    try:
        breakdown(files)
        if not args.no_cprofile:
            hot_spots(files, args.top)
    finally:
        if args.backend == "postgresql":
            from django.db import connections

            connections.close_all()
            pg_drop(args.pg, DB_NAME)


if __name__ == "__main__":
    main()
    finish()
