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
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, IntegrityError, connection, connections, transaction

from articles import dates
from articles.cleaning import CleanedArticle, clean_article
from articles.models import Article, content_hash
from articles.readers import SourceFile, read_sources
from entities import queue
from entities.locks import atomic_retrying
from entities.nlp import curated_names, curated_nlp, pipeline_options
from entities.services import article_store_extraction
from extraction.records import ArticleExtraction
from extraction.runtime.bounds import Bound, OverBound, bounded

if TYPE_CHECKING:  # spaCy is imported only when there is something to parse
    from spacy.language import Language

    from extraction.runtime.nlp import CuratedNames

LOOKAHEAD_PER_WORKER = 2  # batches queued per worker: keeps workers busy without reading far ahead
# A worker stops a batch at its bound itself; one that has not answered this long after the bound has died.
DEAD_WORKER_SECONDS = 60
MAX_REASON_CHARS = 200


class Outcome(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


Progress = Callable[[Path, Outcome, str], None]
COUNTERS = {Outcome.CREATED: "created", Outcome.UNCHANGED: "unchanged", Outcome.DUPLICATE: "duplicates"}


class IngestError(Exception):
    """The run cannot start or go on at all (database, model); the message is one line for the user."""


class IngestStopped(IngestError):
    """The run stopped partway (the database went away, turned read-only or filled up); what was settled so far
    is in `summary`, and stays stored."""

    def __init__(self, message: str, summary: "IngestSummary") -> None:
        super().__init__(message)
        self.summary = summary


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run: still an interrupt, carrying the summary of what was settled before it."""

    def __init__(self, summary: "IngestSummary") -> None:
        super().__init__()
        self.summary = summary


@dataclass
class IngestSummary:
    seen: int = 0
    created: int = 0
    unchanged: int = 0
    duplicates: int = 0
    jobs: int = 0  # extraction jobs deferred to the queue (ingest --enqueue)
    failures: list[tuple[str, str]] = field(default_factory=list)
    # (path, what was dropped): stored articles with a part left out, e.g. an impossible date
    warnings: list[tuple[str, str]] = field(default_factory=list)

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
    url: str = ""

    def settle(self, source: SourceFile, outcome: Outcome, reason: str = "") -> None:
        if outcome is Outcome.FAILED:
            self.summary.failures.append((str(source.path), reason))
        else:
            counter = COUNTERS[outcome]
            setattr(self.summary, counter, getattr(self.summary, counter) + 1)
        if self.progress:
            self.progress(source.path, outcome, reason)

    def warn(self, source: SourceFile, message: str) -> None:
        self.summary.warnings.append((str(source.path), message))


def articles_ingest(
    *,
    paths: Iterable[str | Path],
    workers: int = 1,
    nlp: "Language | None" = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
    url: str = "",
) -> IngestSummary:
    """Store every new article under `paths`; `nlp` replaces the configured spaCy pipeline (one process).

    `url` is the published address of the one file given, and wins over what the file itself says."""
    run = _Run(IngestSummary(), progress, url=url)
    sources = _counted(read_sources(paths, max_bytes=settings.INGEST_MAX_FILE_BYTES), run)
    batches = _new_article_batches(sources, run, batch_size=batch_size or settings.INGEST_BATCH_SIZE)
    extractor = _PoolExtractor(workers) if workers > 1 and nlp is None else _LocalExtractor(nlp)
    try:
        with extractor:
            for batch, result in extractor.stream(batches):
                _settle_batch(batch, result, run, extractor)
    except KeyboardInterrupt as exc:
        raise IngestInterrupted(run.summary) from exc
    except DatabaseError as exc:  # a query outside any one article's store (finding what is stored already)
        raise IngestStopped(_database_stop(exc) or f"database error: {_one_line(exc)}", run.summary) from exc
    except _DatabaseDown as exc:
        raise IngestStopped(str(exc), run.summary) from exc.__cause__
    return run.summary


def articles_enqueue(
    *,
    paths: Iterable[str | Path],
    batch_size: int | None = None,
    progress: Progress | None = None,
    url: str = "",
) -> IngestSummary:
    """Store every new article under `paths` and defer its extraction to the queue's workers (PARLEY_QUEUE).

    Each batch's articles and its job are written in one transaction: a job never names an article that was not
    stored, and no stored article of the run is left without a job. `url` as in `articles_ingest`.
    """
    run = _Run(IngestSummary(), progress, url=url)
    sources = _counted(read_sources(paths, max_bytes=settings.INGEST_MAX_FILE_BYTES), run)
    try:
        for batch in _new_article_batches(sources, run, batch_size=batch_size or settings.INGEST_BATCH_SIZE):
            run.summary.jobs += _store_and_defer(batch, run)
    except KeyboardInterrupt as exc:
        raise IngestInterrupted(run.summary) from exc
    except DatabaseError as exc:
        raise IngestStopped(_database_stop(exc) or f"database error: {_one_line(exc)}", run.summary) from exc
    except _DatabaseDown as exc:
        raise IngestStopped(str(exc), run.summary) from exc.__cause__
    return run.summary


def _store_and_defer(batch: list["_Pending"], run: _Run) -> int:
    """Store a batch's articles, each in a savepoint of its own, and defer one job for them; how many jobs."""
    stored: list[tuple[_Pending, int]] = []
    with transaction.atomic():
        for pending in batch:
            try:
                with transaction.atomic():
                    article = _article(pending)
                    article.full_clean(validate_unique=False)
                    article.save()
            except IntegrityError:  # the unique hash: another run stored it meanwhile
                run.settle(pending.source, Outcome.UNCHANGED)
            except Exception as exc:
                if stop := _database_stop(exc):
                    raise _DatabaseDown(stop) from exc
                run.settle(pending.source, Outcome.FAILED, f"could not be stored: {_one_line(exc)}")
            else:
                stored.append((pending, article.pk))
        jobs = queue.extraction_defer(article_ids=[pk for _, pk in stored])
    for pending, _ in stored:
        run.settle(pending.source, Outcome.CREATED)
    return jobs


def _settle_batch(batch: list["_Pending"], result: "Extracted", run: _Run, extractor: "_Extractor") -> None:
    """Store each article of an extracted batch; a failed batch is tried again one article at a time."""
    if not isinstance(result, Exception) and len(result) != len(batch):
        result = RuntimeError(f"{len(result)} extractions came back for {len(batch)} articles")
    if isinstance(result, Exception) and len(batch) > 1:
        for pending in batch:  # so that one article spaCy cannot parse costs only itself
            _settle_batch([pending], extractor.extract([pending]), run, extractor)
    elif isinstance(result, OverBound):
        run.settle(batch[0].source, Outcome.FAILED, f"over the extraction bound: {result} ({BOUND_SETTINGS})")
    elif isinstance(result, Exception):
        run.settle(batch[0].source, Outcome.FAILED, f"extraction failed: {_one_line(result)}")
    else:
        for pending, extraction in zip(batch, result, strict=True):
            _store(pending, extraction, run)


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
        if source.is_file:
            run.summary.seen += 1
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
        cleaned.url = run.url or _url_checked(cleaned.url, source, run)
        batch.append(_Pending(source, digest, _publication_checked(cleaned, source, run)))
    return batch


def _url_checked(url: str, source: SourceFile, run: _Run) -> str:
    """The file's own URL line, or "" with a warning when it is no web address: a bad line must not cost the article."""
    if not url:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        run.warn(source, f"source URL {url[:80]!r} dropped (not a web address)")
        return ""
    return url


def _publication_checked(cleaned: CleanedArticle, source: SourceFile, run: _Run) -> CleanedArticle:
    """The article undated when its date is impossible, before extraction reads its weekdays against it."""
    window = dates.publication_window()
    if dates.outside(cleaned.published_on, window):
        run.warn(source, f"publication date {cleaned.published_on} dropped (outside {dates.window_text(window)})")
        cleaned.published_on, cleaned.published_precision = None, "unknown"
    return cleaned


def event_dates_checked(extraction: ArticleExtraction) -> list[str]:
    """Leave undated the events whose date is impossible; says what was dropped."""
    window, dropped = dates.event_window(), []
    for record in extraction.events:
        span = record.date
        if span is not None and (dates.outside(span.start, window) or dates.outside(span.end, window)):
            dropped.append(f"event date {span.start} dropped (outside {dates.window_text(window)})")
            record.date = None
    return dropped


def _texts(batch: list[_Pending]) -> list[tuple[str, object]]:
    return [(pending.cleaned.body, pending.cleaned.published_on) for pending in batch]


BOUND_SETTINGS = "INGEST_ARTICLE_SECONDS, INGEST_ARTICLE_CHARS_PER_SECOND, INGEST_ARTICLE_MEMORY_MB"


def extraction_bound(batch: list[_Pending]) -> Bound:
    """The time and memory extracting `batch` may take: a base, and a time in proportion to its text (extraction is
    linear in the text; what goes far beyond that is a text no rule foresaw, and fails alone)."""
    characters = sum(len(pending.cleaned.body) for pending in batch)
    seconds = settings.INGEST_ARTICLE_SECONDS + characters / settings.INGEST_ARTICLE_CHARS_PER_SECOND
    return Bound(seconds=seconds, memory_mb=settings.INGEST_ARTICLE_MEMORY_MB)


Extracted = list[ArticleExtraction] | Exception


class _Extractor:
    """Runs extraction on batches; a batch's failure comes back as its result, never raised."""

    def extract(self, batch: list[_Pending]) -> Extracted:
        raise NotImplementedError

    def stream(self, batches: Iterable[list[_Pending]]) -> Iterator[tuple[list[_Pending], Extracted]]:
        for batch in batches:
            yield batch, self.extract(batch)

    def __enter__(self) -> "_Extractor":
        return self

    def __exit__(self, *exc_info) -> None:
        return None


class _LocalExtractor(_Extractor):
    """Extraction in this process; the pipeline is loaded only once there is something to parse."""

    def __init__(self, nlp: "Language | None") -> None:
        self.nlp = nlp

    def extract(self, batch: list[_Pending]) -> Extracted:
        from extraction.pipeline import extract_texts

        if self.nlp is None:
            self.nlp = _load_pipeline()
        try:
            with bounded(extraction_bound(batch)):
                return list(extract_texts(self.nlp, _texts(batch), batch_size=len(batch)))
        except Exception as exc:  # one bad batch must not end the run
            return exc


class _PoolExtractor(_Extractor):
    """Extraction in worker processes that never touch the database; results come back in input order.

    The pool starts with the first batch, so a run with nothing new loads no model anywhere.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.model, self.max_characters = pipeline_options()
        self.names: CuratedNames | None = None
        self.pool = None

    def __enter__(self) -> "_PoolExtractor":
        _check_model_installed(self.model)
        self.names = curated_names()  # read here: workers never touch the database
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def _started(self):
        if self.pool is None:
            if not connection.in_atomic_block:  # a forked worker must not inherit the parent's database socket
                connections.close_all()
            context = multiprocessing.get_context()
            options = (self.model, self.max_characters, self.names)
            self.pool = context.Pool(self.workers, initializer=_worker_init, initargs=options)
        return self.pool

    def extract(self, batch: list[_Pending]) -> Extracted:
        return self._result(batch, self._submit(batch))

    def stream(self, batches: Iterable[list[_Pending]]) -> Iterator[tuple[list[_Pending], Extracted]]:
        """Like Pool.imap, with a bounded look-ahead: imap's feeder thread would drain the batch generator
        (which reads files and queries the database) as fast as it can, holding the whole corpus."""
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append((batch, self._submit(batch)))
            if len(in_flight) >= self.workers * LOOKAHEAD_PER_WORKER:
                yield self._collect(in_flight.popleft())
        while in_flight:
            yield self._collect(in_flight.popleft())

    def _collect(self, submitted: tuple[list[_Pending], object]) -> tuple[list[_Pending], Extracted]:
        batch, pending_result = submitted
        return batch, self._result(batch, pending_result)

    def _submit(self, batch: list[_Pending]):
        from extraction.pipeline import worker_extract

        return self._started().apply_async(worker_extract, (_texts(batch), extraction_bound(batch)))

    @staticmethod
    def _result(batch: list[_Pending], pending_result) -> Extracted:
        """The batch's extractions; a worker that dies never answers, so waiting has a limit past the bound."""
        seconds = extraction_bound(batch).seconds + DEAD_WORKER_SECONDS
        try:
            return pending_result.get(timeout=seconds)
        except multiprocessing.TimeoutError:
            return TimeoutError(f"no result after {seconds:.0f} s (a worker may have crashed)")
        except Exception as exc:  # the worker raised: this batch fails, the pool goes on
            return exc


def _worker_init(model: str, max_characters: int, names: "CuratedNames") -> None:
    """Ctrl-C reaches the whole process group: the parent reports and ends the pool; workers print no traceback."""
    import signal

    from extraction.pipeline import worker_init

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_init(model, max_characters, names)


def _load_pipeline():
    try:
        return curated_nlp()
    except (RuntimeError, OSError) as exc:
        raise IngestError(_one_line(exc)) from exc


def _check_model_installed(model: str) -> None:
    """Fail before forking: a worker whose initializer raises is restarted by the pool forever."""
    import spacy

    if not (spacy.util.is_package(model) or os.path.isdir(model)):
        raise IngestError(f"spaCy model {model!r} is not installed (set SPACY_MODEL or pip install the package)")


def _store(pending: _Pending, extraction: ArticleExtraction, run: _Run) -> None:
    """The article and its extraction in one transaction: both are stored, or neither."""
    dropped = event_dates_checked(extraction)

    def write() -> None:
        article = _article(pending)
        article.full_clean(validate_unique=False)  # the unique hash is the database's to enforce
        article.save()
        article_store_extraction(article=article, extraction=extraction)

    try:
        atomic_retrying(write)  # both stored or neither; again after a lock conflict with another process
    except IntegrityError as exc:
        if Article.objects.filter(content_hash=pending.digest).exists():  # another run stored it meanwhile
            run.settle(pending.source, Outcome.UNCHANGED)
        else:
            run.settle(pending.source, Outcome.FAILED, f"could not be stored: {_one_line(exc)}")
    except Exception as exc:  # whatever went wrong, it stays with this article, unless no article can be stored
        if stop := _database_stop(exc):
            raise _DatabaseDown(stop) from exc
        run.settle(pending.source, Outcome.FAILED, f"could not be stored: {_one_line(exc)}")
    else:
        for message in dropped:
            run.warn(pending.source, message)
        run.settle(pending.source, Outcome.CREATED)


class _DatabaseDown(Exception):
    """Raised past the per-article handling: no later article could be stored either."""


# Why no article can be stored, by PostgreSQL's error class (SQLSTATE) or SQLite's message.
DATABASE_STOPS = (
    (("25006",), ("readonly database",), "the database is read-only"),
    (("53100",), ("database or disk is full",), "the database's disk is full"),
    (("08", "57P"), ("disk i/o error", "unable to open database"), "the database connection was lost"),
)


def _database_stop(exc: BaseException) -> str | None:
    """The one line that ends the run when `exc` means the database as a whole refuses writes, else None."""
    if not isinstance(exc, DatabaseError):
        return None
    sqlstate = getattr(exc.__cause__, "sqlstate", None) or ""
    message = str(exc).lower()
    for states, phrases, reason in DATABASE_STOPS:
        if (sqlstate and sqlstate.startswith(states)) or any(phrase in message for phrase in phrases):
            return f"ingest stopped: {reason} ({_one_line(exc)})"
    if not connection.is_usable():  # e.g. the server went away mid-statement
        return f"ingest stopped: the database connection was lost ({_one_line(exc)})"
    return None


def _article(pending: _Pending) -> Article:
    cleaned, path = pending.cleaned, pending.source.path
    return Article(
        title=_fit(cleaned.title or path.stem, Article, "title"),
        outlet=_fit(cleaned.outlet, Article, "outlet"),
        author=_fit(cleaned.author, Article, "author"),
        published_on=cleaned.published_on,
        published_precision=cleaned.published_precision,
        sections=cleaned.sections,
        url=cleaned.url,
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
    """An exception as a short line for the summary: its type and the start of its message."""
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"
