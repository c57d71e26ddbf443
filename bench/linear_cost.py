"""Linear cost: the time per article late in a 2,000-article ingest against early in it, on PostgreSQL and SQLite.

    .venv/bin/python bench/linear_cost.py [--backend both|postgresql|sqlite] [--limit 2000] [--window 200]

Articles (Reuters 1987, officials and institutions first, shuffled with a fixed seed so that every window is a
sample of the same mix) are ingested one worker, into an empty scratch database. The mark compares the second
window (articles 200-399: past the warm-up) with the last (1,800-1,999). Batches are a divisor of the window, so
each window holds the same amount of NLP. Every SQL statement is timed (connection.execute_wrapper) and grouped
by its text, so the statements whose cost grows are named.
"""

import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from common import (
    django_setup,
    figure,
    finish,
    machine,
    median,
    migrate,
    note,
    parser,
    pg_create,
    pg_drop,
    reuters_sample,
    sqlite_url,
    stopwatch,
)

DB_NAME = f"parley_bench_linear_{os.getpid()}"  # one per process: runs side by side never share a database
TARGET = 1.2
TOP_QUERIES = 8


def normalised(sql: str) -> str:
    """The statement's shape: IN lists of any length look the same."""
    sql = re.sub(r"\((?:%s, )+%s\)", "(%s, ...)", sql)
    return re.sub(r"\s+", " ", sql)


class Recorder:
    """Per-window wall time (settle timestamps), store time and SQL time by statement."""

    def __init__(self, limit: int, window: int) -> None:
        self.windows = {"second": (window, 2 * window), "last": (limit - window, limit)}
        self.settled = 0
        self.stamps: list[float] = []
        self.cpu: list[float] = []
        self.probes: dict[str, list[float]] = defaultdict(list)
        self.store = defaultdict(float)
        self.sql: dict[str, dict[str, list[float]]] = {name: defaultdict(lambda: [0, 0.0]) for name in self.windows}

    def window(self) -> str | None:
        for name, (start, end) in self.windows.items():
            if start <= self.settled < end:
                return name
        return None

    def progress(self, path, outcome, reason) -> None:
        self.stamps.append(time.perf_counter())
        self.cpu.append(time.process_time())
        self.settled += 1
        name = self.window()
        if name and self.settled % 10 == 0:
            self.probe(name)
        if reason:
            note(f"{outcome}: {path.name}: {reason}")

    def probe(self, name: str) -> None:
        """A statement whose cost cannot grow with the data: how busy the machine and the server are right now."""
        from django.db import connection

        with connection.cursor() as cursor:
            start = time.perf_counter()
            cursor.execute("SELECT 1")
            cursor.fetchone()
            self.probes[name].append(time.perf_counter() - start)

    def execute(self, execute, sql, params, many, context):
        name = self.window()
        if name is None:
            return execute(sql, params, many, context)
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            entry = self.sql[name][normalised(sql)]
            entry[0] += 1
            entry[1] += time.perf_counter() - start

    def wrap_store(self, store):
        def timed(pending, extraction, run):
            name = self.window()
            start = time.perf_counter()
            try:
                return store(pending, extraction, run)
            finally:
                if name:
                    self.store[name] += time.perf_counter() - start

        return timed

    def per_article(self, name: str, clock: str = "stamps") -> float:
        """Seconds per article over a window (wall, or this process's CPU): from the settle before it to its last."""
        start, end = self.windows[name]
        stamps = getattr(self, clock)
        return (stamps[end - 1] - stamps[start - 1]) / (end - start)


def run_backend(args) -> None:
    url = pg_create(args.pg, DB_NAME) if args.backend == "postgresql" else sqlite_url()
    django_setup(url)
    migrate()
    from django.db import connection

    import entities.ingest

    files = reuters_sample(args.corpus, args.limit)
    if len(files) < args.limit:
        sys.exit(f"only {len(files)} articles found")
    recorder = Recorder(len(files), args.window)
    entities.ingest._store = recorder.wrap_store(entities.ingest._store)
    try:
        with connection.execute_wrapper(recorder.execute), stopwatch() as elapsed:
            summary = entities.ingest.articles_ingest(
                paths=files, workers=1, batch_size=args.batch, progress=recorder.progress
            )
        report(args, recorder, summary, elapsed())
    finally:
        if args.backend == "postgresql":
            from django.db import connections

            connections.close_all()
            pg_drop(args.pg, DB_NAME)


def report(args, recorder: Recorder, summary, seconds: float) -> None:
    from articles.models import Article
    from entities.models import Actor, ActorAlias, Event

    b, w = args.backend, args.window
    note(
        f"{b}: {summary} in {seconds:.0f} s; articles {Article.objects.count()}, actors {Actor.objects.count()}, "
        f"aliases {ActorAlias.objects.count()}, events {Event.objects.count()}"
    )
    early, late = recorder.per_article("second"), recorder.per_article("last")
    figure(f"{b}_ms_per_article_{w}-{2 * w - 1}", early * 1000, "-", True)
    figure(f"{b}_ms_per_article_last_{w}", late * 1000, "-", True)
    store_early, store_late = (recorder.store[n] / w * 1000 for n in ("second", "last"))
    figure(f"{b}_store_ms_per_article_{w}-{2 * w - 1}", store_early, "-", True)
    figure(f"{b}_store_ms_per_article_last_{w}", store_late, "-", True)
    ok = figure(f"{b}_last_vs_second_window", late / early, f"<= {TARGET}", late / early <= TARGET, "x")
    cpu_early, cpu_late = recorder.per_article("second", "cpu"), recorder.per_article("last", "cpu")
    note(
        f"contention check: ingest process CPU ms/article {cpu_early * 1000:.1f} -> {cpu_late * 1000:.1f} "
        f"({cpu_late / cpu_early:.2f}x); median SELECT 1 round trip "
        f"{median(recorder.probes['second']) * 1000:.2f} -> {median(recorder.probes['last']) * 1000:.2f} ms"
    )
    growing_queries(recorder, w, show_all=not ok)


def growing_queries(recorder: Recorder, window: int, *, show_all: bool) -> None:
    """The statements whose time per article grew most between the two windows."""
    second, last = recorder.sql["second"], recorder.sql["last"]
    rows = []
    for sql in set(second) | set(last):
        n1, t1 = second.get(sql, [0, 0.0])
        n2, t2 = last.get(sql, [0, 0.0])
        rows.append(((t2 - t1) / window * 1000, n1, t1 / window * 1000, n2, t2 / window * 1000, sql))
    rows.sort(reverse=True)
    total1 = sum(t for _, t in second.values()) / window * 1000
    total2 = sum(t for _, t in last.values()) / window * 1000
    note(f"SQL ms per article: {total1:.2f} in the second window, {total2:.2f} in the last")
    note("growth ms/article | calls, ms/article (second window) | calls, ms/article (last window) | statement")
    for growth, n1, t1, n2, t2, sql in rows[: TOP_QUERIES if show_all else 3]:
        note(f"{growth:+.3f} | {n1}, {t1:.3f} | {n2}, {t2:.3f} | {sql[:400]}")


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--backend", choices=["both", "postgresql", "sqlite"], default="both")
    p.add_argument("--limit", type=int, default=2000)
    p.add_argument("--window", type=int, default=200)
    p.add_argument("--batch", type=int, default=50, help="ingest batch size; a divisor of --window")
    args = p.parse_args()
    if args.window % args.batch:
        sys.exit("--batch must divide --window")
    if args.backend != "both":
        run_backend(args)
        finish()
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    note(f"{args.limit} Reuters articles, windows of {args.window}, batches of {args.batch}, one worker")
    passed = True
    for backend in ("postgresql", "sqlite"):
        options = {"--backend": backend, "--limit": args.limit, "--window": args.window, "--batch": args.batch}
        options |= {"--corpus": args.corpus, "--pg": args.pg}
        command = [sys.executable, str(Path(__file__)), *(str(x) for pair in options.items() for x in pair)]
        passed &= subprocess.run(command, check=False).returncode == 0  # noqa: S603 - our own script
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
