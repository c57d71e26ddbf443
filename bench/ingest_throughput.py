"""Ingest throughput: the whole ingest (read, clean, NLP, resolve, write) against plain spaCy on the same texts.

    .venv/bin/python bench/ingest_throughput.py [--limit 200] [--repeats 3] [--backend postgresql|sqlite]
                                                [--curated 100000]

Each repetition runs, one after the other on the same machine state: spacy.load(SPACY_MODEL) with every default
component + plain nlp.pipe (its default batch size) over the cleaned bodies; the same at ingest's batch size
(INGEST_BATCH_SIZE, for reference); articles_ingest with one worker; articles_ingest with two workers, each into an
emptied scratch database. Model loading is inside every timing (end to end). Medians are reported.
With --curated N, each ingest starts from a register of N confirmed officials (common given names, invented
surnames): reading their names and building the recogniser of curated names is inside the timing too.
"""

import os
import time

from common import (
    django_setup,
    empty_tables,
    figure,
    finish,
    machine,
    median,
    migrate,
    note,
    parser,
    pg_create,
    pg_drop,
    politics_sample,
    sqlite_url,
    stopwatch,
    total_bytes,
)

DB_NAME = f"parley_bench_ingest_{os.getpid()}"  # one per process: runs side by side never share a database


def cleaned_bodies(files) -> list[str]:
    from django.conf import settings

    from articles.cleaning import clean_article
    from articles.readers import read_article_file

    return [clean_article(read_article_file(f, max_bytes=settings.INGEST_MAX_FILE_BYTES)).body for f in files]


def spacy_baseline(texts: list[str], batch_size: int | None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and tokens for the model's standard pipeline (all default components);
    batch_size None is plain nlp.pipe, with the model's own default."""
    import spacy
    from django.conf import settings

    cpu = time.process_time()
    with stopwatch() as elapsed:
        nlp = spacy.load(settings.SPACY_MODEL)
        options = {} if batch_size is None else {"batch_size": batch_size}
        tokens = sum(len(doc) for doc in nlp.pipe(texts, **options))
    return elapsed(), time.process_time() - cpu, tokens


def server_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (0 on SQLite): the writes' cost there."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


GIVEN_NAMES = ("John", "Mohammad", "Ali", "David", "Maria", "Emmanuel", "Vladimir", "Xi", "Abdul", "Sergei")


def seed_curated(count: int) -> None:
    """`count` confirmed officials, one name each: first words that news text is full of, surnames it never has."""
    from entities.models import Actor, ActorAlias, ReviewStatus

    names = [f"{GIVEN_NAMES[i % len(GIVEN_NAMES)]} Curatedname{i}" for i in range(count)]
    actors = Actor.objects.bulk_create(
        [Actor(name=name, status=ReviewStatus.CONFIRMED) for name in names], batch_size=5000
    )
    ActorAlias.objects.bulk_create([ActorAlias.of(actor=a, name=a.name) for a in actors], batch_size=5000)


def ingest(files, workers: int, curated: int = 0) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (this process + its database backend; one worker only) and the summary."""
    from entities.ingest import articles_ingest
    from extraction.runtime.nlp import load_nlp

    empty_tables()
    seed_curated(curated)
    load_nlp.cache_clear()  # so that loading the model is timed here as it is for spaCy alone
    cpu, server = time.process_time(), server_cpu()
    with stopwatch() as elapsed:
        summary = articles_ingest(paths=files, workers=workers)
    return elapsed(), time.process_time() - cpu + server_cpu() - server, str(summary)


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--limit", type=int, default=200, help="articles (BBC politics + Wikinews, default 200)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    p.add_argument("--curated", type=int, default=0, help="confirmed officials in the register before each ingest")
    args = p.parse_args()
    url = pg_create(args.pg, DB_NAME) if args.backend == "postgresql" else sqlite_url()
    django_setup(url)
    migrate()
    from django.conf import settings

    files = politics_sample(args.corpus, args.limit)
    texts = cleaned_bodies(files)
    batch = settings.INGEST_BATCH_SIZE
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    note(
        f"{len(files)} articles ({total_bytes(files) / 1e6:.2f} MB), model {settings.SPACY_MODEL}, {args.backend}, "
        f"{args.curated} curated officials"
    )
    base, same_batch, one, two, cpu_ratios = [], [], [], [], []
    tokens = 0
    try:
        for rep in range(args.repeats):
            seconds, cpu_base, tokens = spacy_baseline(texts, None)
            base.append(seconds)
            same_batch.append(spacy_baseline(texts, batch)[0])
            seconds_one, cpu_one, summary = ingest(files, 1, args.curated)
            one.append(seconds_one)
            cpu_ratios.append(cpu_base / cpu_one)
            seconds_two, _, summary_two = ingest(files, 2, args.curated)
            two.append(seconds_two)
            note(
                f"run {rep + 1}: spaCy {base[-1]:.1f} s (CPU {cpu_base:.1f} s; batch {batch}: {same_batch[-1]:.1f} s), "
                f"ingest x1 {seconds_one:.1f} s "
                f"(CPU {cpu_one:.1f} s with the database backend's), ingest x2 {seconds_two:.1f} s; "
                f"x1: {summary}; x2: {summary_two}"
            )
    finally:
        if args.backend == "postgresql":
            from django.db import connections

            connections.close_all()
            pg_drop(args.pg, DB_NAME)
    ratios_one = [b / o for b, o in zip(base, one, strict=True)]
    ratios_two = [o / t for o, t in zip(one, two, strict=True)]
    note(f"{tokens} tokens per pass; medians of {args.repeats} runs; ratios are per run, then the median")
    figure("spacy_pipe_tokens_per_s", round(tokens / median(base)), "-", True)
    figure("ingest_1_worker_tokens_per_s", round(tokens / median(one)), "-", True)
    figure("ingest_2_workers_tokens_per_s", round(tokens / median(two)), "-", True)
    figure("ingest_1_worker_vs_spacy_pipe", median(ratios_one), ">= 1.0", median(ratios_one) >= 1.0, "x")
    figure("ingest_2_workers_vs_1_worker", median(ratios_two), ">= 1.6", median(ratios_two) >= 1.6, "x")
    ratios_same = [b / o for b, o in zip(same_batch, one, strict=True)]
    note(
        f"against nlp.pipe at ingest's batch size ({batch}) instead of spaCy's default: "
        f"ingest x1 {median(ratios_same):.3f}x "
        f"(runs: {', '.join(f'{r:.2f}' for r in ratios_same)})"
    )
    note(
        f"by CPU time instead of wall time (what contention on a shared machine cannot inflate): ingest x1 vs "
        f"spaCy {median(cpu_ratios):.3f}x (runs: {', '.join(f'{r:.2f}' for r in cpu_ratios)})"
    )


if __name__ == "__main__":
    main()
    finish()
