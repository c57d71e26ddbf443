"""Ingest throughput: the whole ingest (read, clean, NLP, resolve, write) against plain spaCy on the same texts.

    .venv/bin/python bench/ingest_throughput.py [--limit 200] [--repeats 3] [--backend postgresql|sqlite]

Each repetition runs, one after the other on the same machine state: spacy.load(SPACY_MODEL) with every default
component + nlp.pipe over the cleaned bodies; articles_ingest with one worker; articles_ingest with two workers,
each into an emptied scratch database. Model loading is inside every timing (end to end). Medians are reported.
"""

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

DB_NAME = "parley_bench_ingest"


def cleaned_bodies(files) -> list[str]:
    from django.conf import settings

    from articles.cleaning import clean_article
    from articles.readers import read_article_file

    return [clean_article(read_article_file(f, max_bytes=settings.INGEST_MAX_FILE_BYTES)).body for f in files]


def spacy_baseline(texts: list[str], batch_size: int) -> tuple[float, int]:
    """Seconds and tokens for the model's standard pipeline (all default components) over the texts."""
    import spacy
    from django.conf import settings

    with stopwatch() as elapsed:
        nlp = spacy.load(settings.SPACY_MODEL)
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return elapsed(), tokens


def ingest(files, workers: int) -> tuple[float, str]:
    from articles.ingest import articles_ingest
    from entities.extraction.nlp import load_nlp

    empty_tables()
    load_nlp.cache_clear()  # so that loading the model is timed here as it is for spaCy alone
    with stopwatch() as elapsed:
        summary = articles_ingest(paths=files, workers=workers)
    return elapsed(), str(summary)


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--limit", type=int, default=200, help="articles (BBC politics + Wikinews, default 200)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    args = p.parse_args()
    url = pg_create(args.pg, DB_NAME) if args.backend == "postgresql" else sqlite_url()
    django_setup(url)
    migrate()
    from django.conf import settings

    files = politics_sample(args.corpus, args.limit)
    texts = cleaned_bodies(files)
    batch = settings.INGEST_BATCH_SIZE
    note(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    note(f"{len(files)} articles ({total_bytes(files) / 1e6:.2f} MB), model {settings.SPACY_MODEL}, {args.backend}")
    base, one, two = [], [], []
    tokens = 0
    try:
        for rep in range(args.repeats):
            seconds, tokens = spacy_baseline(texts, batch)
            base.append(seconds)
            seconds_one, summary = ingest(files, 1)
            one.append(seconds_one)
            seconds_two, summary_two = ingest(files, 2)
            two.append(seconds_two)
            note(
                f"run {rep + 1}: spaCy {base[-1]:.1f} s, ingest x1 {seconds_one:.1f} s ({summary}), "
                f"ingest x2 {seconds_two:.1f} s ({summary_two})"
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


if __name__ == "__main__":
    main()
    finish()
