"""Ingest: files are read, cleaned, parsed by spaCy in bounded batches, and stored one article per transaction.

An article is identified by the hash of its original text, so a re-run stores nothing twice, and a file
that fails costs only itself: whatever was stored before it stays.
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, connections, transaction

from articles.cleaning import CleanedArticle, clean_article
from articles.models import Article, content_hash
from articles.readers import SourceFile, read_sources
from entities.extraction.records import ArticleExtraction
from entities.services import article_store_extraction

LOOKAHEAD_PER_WORKER = 2  # batches queued per worker: keeps workers busy without reading far ahead


class Outcome(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


Progress = Callable[[Path, Outcome, str], None]
COUNTERS = {Outcome.CREATED: "created", Outcome.UNCHANGED: "unchanged", Outcome.DUPLICATE: "duplicates"}


class IngestError(Exception):
    """The run cannot start or go on at all (database, model); the message is one line for the user."""


@dataclass
class IngestSummary:
    seen: int = 0
    created: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def __str__(self) -> str:
        return (
            f"{self.seen} seen, {self.created} created, {self.unchanged} unchanged, "
            f"{self.duplicates} duplicate, {self.failed} failed"
        )


@dataclass
class _Pending:
    """A new article waiting for extraction."""

    source: SourceFile
    digest: str
    cleaned: CleanedArticle


@dataclass
class _Run:
    """The tally of one run, told to the progress callback as each file is settled."""

    summary: IngestSummary
    progress: Progress | None
    hashes: set[str] = field(default_factory=set)

    def settle(self, source: SourceFile, outcome: Outcome, reason: str = "") -> None:
        if outcome is Outcome.FAILED:
            self.summary.failures.append((str(source.path), reason))
        else:
            counter = COUNTERS[outcome]
            setattr(self.summary, counter, getattr(self.summary, counter) + 1)
        if self.progress:
            self.progress(source.path, outcome, reason)


def articles_ingest(
    *,
    paths: Iterable[str | Path],
    workers: int = 1,
    nlp=None,
    batch_size: int | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store every new article under `paths`; `nlp` replaces the configured spaCy pipeline (one process)."""
    run = _Run(IngestSummary(), progress)
    sources = _counted(read_sources(paths, max_bytes=settings.INGEST_MAX_FILE_BYTES), run)
    batches = _new_article_batches(sources, run, batch_size=batch_size or settings.INGEST_BATCH_SIZE)
    if workers > 1 and nlp is None:
        extracted = _extract_in_pool(batches, workers=workers)
    else:
        extracted = _extract_here(batches, nlp=nlp)
    for batch, result in extracted:
        extractions = _checked(result, batch)
        for index, pending in enumerate(batch):
            if isinstance(extractions, Exception):
                run.settle(pending.source, Outcome.FAILED, f"extraction failed: {_one_line(extractions)}")
            else:
                _store(pending, extractions[index], run)
    return run.summary


def _checked(result: list[ArticleExtraction] | Exception, batch: list) -> list[ArticleExtraction] | Exception:
    if isinstance(result, Exception) or len(result) == len(batch):
        return result
    return RuntimeError(f"{len(result)} extractions came back for {len(batch)} articles")


def database_problem() -> str | None:
    """Why ingest cannot write to the database (unreachable, not migrated), or None when it can."""
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return f"the database cannot be reached: {_one_line(exc)}"
    if plan:
        return "the database is not migrated: run `python manage.py migrate` first"
    return None


def _counted(sources: Iterator[SourceFile], run: _Run) -> Iterator[SourceFile]:
    """Count files as they come; path-level problems (a missing path, an empty folder) are failures, not files."""
    for source in sources:
        run.summary.seen += source.is_file
        if source.ok:
            yield source
        else:
            run.settle(source, Outcome.FAILED, source.reason)


def _new_article_batches(sources: Iterator[SourceFile], run: _Run, *, batch_size: int) -> Iterator[list[_Pending]]:
    """Batches of articles not stored yet; repeats within the run and stored ones are settled on the way."""
    chunk: list[tuple[SourceFile, str]] = []
    for source in sources:
        digest = content_hash(source.text)
        if digest in run.hashes:
            run.settle(source, Outcome.DUPLICATE)
            continue
        run.hashes.add(digest)
        chunk.append((source, digest))
        if len(chunk) >= batch_size:
            if batch := _prepare(chunk, run):
                yield batch
            chunk = []
    if chunk and (batch := _prepare(chunk, run)):
        yield batch


def _prepare(chunk: list[tuple[SourceFile, str]], run: _Run) -> list[_Pending]:
    """Settle the already stored, clean the rest; one query for the whole chunk."""
    digests = [digest for _, digest in chunk]
    stored = set(Article.objects.filter(content_hash__in=digests).values_list("content_hash", flat=True))
    batch = []
    for source, digest in chunk:
        if digest in stored:
            run.settle(source, Outcome.UNCHANGED)
            continue
        try:
            cleaned = clean_article(source.text)
        except Exception as exc:  # a cleaning bug must cost one file, not the run
            run.settle(source, Outcome.FAILED, f"cleaning failed: {_one_line(exc)}")
            continue
        if not cleaned.body.strip():
            run.settle(source, Outcome.FAILED, "no article text left once the page's boilerplate is removed")
            continue
        batch.append(_Pending(source, digest, cleaned))
    return batch


def _texts(batch: list[_Pending]) -> list[tuple[str, object]]:
    return [(pending.cleaned.body, pending.cleaned.published_on) for pending in batch]


Extracted = Iterator[tuple[list[_Pending], list[ArticleExtraction] | Exception]]


def _extract_here(batches: Iterator[list[_Pending]], *, nlp) -> Extracted:
    """Extraction in this process; the pipeline is loaded only once there is something to parse."""
    from entities.extraction.pipeline import extract_texts

    for batch in batches:
        if nlp is None:
            nlp = _load_pipeline()
        try:
            yield batch, list(extract_texts(nlp, _texts(batch), batch_size=len(batch)))
        except Exception as exc:  # one bad batch must not end the run
            yield batch, exc


def _extract_in_pool(batches: Iterator[list[_Pending]], *, workers: int) -> Extracted:
    """Extraction in worker processes, results in input order.

    Like Pool.imap, but the main process feeds the pool itself with a bounded look-ahead: imap would drain
    the batch generator (reading files and querying the database) from its feeder thread, unboundedly.
    """
    from entities.extraction.pipeline import worker_extract, worker_init

    model = settings.SPACY_MODEL
    _check_model_installed(model)
    if not connection.in_atomic_block:  # a forked child must not share the parent's database socket
        connections.close_all()
    with multiprocessing.get_context().Pool(workers, initializer=worker_init, initargs=(model,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append((batch, pool.apply_async(worker_extract, (_texts(batch),))))
            if len(in_flight) >= workers * LOOKAHEAD_PER_WORKER:
                yield _collect(*in_flight.popleft())
        while in_flight:
            yield _collect(*in_flight.popleft())


def _collect(batch: list[_Pending], result) -> tuple[list[_Pending], list[ArticleExtraction] | Exception]:
    try:
        return batch, result.get()
    except Exception as exc:  # the worker raised: this batch fails, the pool goes on
        return batch, exc


def _load_pipeline():
    from entities.extraction.nlp import load_nlp

    try:
        return load_nlp()
    except (RuntimeError, OSError) as exc:
        raise IngestError(_one_line(exc)) from exc


def _check_model_installed(model: str) -> None:
    """Fail before forking: a worker whose initializer raises is restarted by the pool forever."""
    import spacy

    if not (spacy.util.is_package(model) or os.path.isdir(model)):
        raise IngestError(f"spaCy model {model!r} is not installed (set SPACY_MODEL or pip install the package)")


def _store(pending: _Pending, extraction: ArticleExtraction, run: _Run) -> None:
    """The article and its extraction in one transaction: both are stored, or neither."""
    try:
        with transaction.atomic():
            article = _article(pending)
            article.full_clean(validate_unique=False)  # the unique hash is the database's to enforce
            article.save()
            article_store_extraction(article=article, extraction=extraction)
    except IntegrityError as exc:
        if Article.objects.filter(content_hash=pending.digest).exists():  # another run stored it meanwhile
            run.settle(pending.source, Outcome.UNCHANGED)
        else:
            run.settle(pending.source, Outcome.FAILED, f"could not be stored: {_one_line(exc)}")
    except Exception as exc:  # whatever went wrong, it stays with this article
        run.settle(pending.source, Outcome.FAILED, f"could not be stored: {_one_line(exc)}")
    else:
        run.settle(pending.source, Outcome.CREATED)


def _article(pending: _Pending) -> Article:
    cleaned, path = pending.cleaned, pending.source.path
    return Article(
        title=_fit(cleaned.title or path.stem, Article, "title"),
        outlet=_fit(cleaned.outlet, Article, "outlet"),
        author=_fit(cleaned.author, Article, "author"),
        published_on=cleaned.published_on,
        published_precision=cleaned.published_precision,
        sections=cleaned.sections,
        body=cleaned.body,
        original_text=pending.source.text,
        source_name=_fit(path.name, Article, "source_name"),
        source_path=_fit(os.path.abspath(path), Article, "source_path"),
        content_hash=pending.digest,
    )


def _fit(value: str, model, field_name: str) -> str:
    """Cut a value to its column: a long headline must not cost the article."""
    limit = model._meta.get_field(field_name).max_length
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
