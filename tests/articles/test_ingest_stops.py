"""Ingest stops with one clear line when no article can be stored (database read-only, full or gone), and Ctrl-C
prints the summary so far and exits 130; what was stored before stays."""

import os
import signal
from contextlib import ExitStack
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection

from articles.models import Article
from entities import ingest as ingest_module
from entities.ingest import IngestInterrupted, IngestStopped, articles_ingest
from tests.production.test_faults import unreachable_database

FILES = 4


@pytest.fixture
def corpus(tmp_path, write):
    for n in range(FILES):
        write(f"corpus/{n}.txt", f"Talks number {n}\n\nThe delegations met again on Monday, round {n} of the talks.\n")
    return tmp_path / "corpus"


@pytest.fixture
def extractions(monkeypatch):
    """How many batches went through extraction: a stopped run must not parse the rest of the corpus."""
    calls = []
    real = ingest_module._LocalExtractor.extract

    def counted(self, batch):
        calls.append(len(batch))
        return real(self, batch)

    monkeypatch.setattr(ingest_module._LocalExtractor, "extract", counted)
    return calls


def run(corpus, blank_nlp, **kwargs):
    return articles_ingest(paths=[corpus], nlp=blank_nlp, batch_size=1, **kwargs)


@pytest.fixture
def read_only(db):
    """The database refuses writes, as a replica or a server in recovery does."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET LOCAL transaction_read_only = on")
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")


def test_a_read_only_database_stops_the_run_at_the_first_article(corpus, blank_nlp, extractions, read_only):
    with pytest.raises(IngestStopped) as stopped:
        run(corpus, blank_nlp)

    assert str(stopped.value).startswith("ingest stopped: the database is read-only (")
    assert "\n" not in str(stopped.value)
    assert extractions == [1]
    assert (stopped.value.summary.seen, stopped.value.summary.failed) == (1, 0)


@pytest.fixture
def full_disk(db):
    """SQLite's own full disk: the file may not grow by a page more."""
    if connection.vendor != "sqlite":
        pytest.skip("a full disk is simulated with SQLite's max_page_count")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        [pages] = cursor.fetchone()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_stops_the_run_with_one_line(corpus, blank_nlp, extractions, full_disk, write):
    write("corpus/0.txt", "Talks\n\n" + "The delegations met again on Monday. " * 2000)

    with pytest.raises(IngestStopped, match=r"^ingest stopped: the database's disk is full \("):
        run(corpus, blank_nlp)

    assert extractions == [1]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (psycopg.errors.ReadOnlySqlTransaction("cannot execute INSERT in a read-only transaction"), "read-only"),
        (psycopg.errors.DiskFull('could not extend file "base/1/2": No space left on device'), "disk is full"),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), "connection was lost"),
    ],
)
def test_postgresql_errors_that_stop_the_run_are_told_by_their_class(corpus, blank_nlp, monkeypatch, db, error, reason):
    def refuse(**kwargs):
        raise OperationalError(str(error)) from error

    monkeypatch.setattr(ingest_module, "article_store_extraction", refuse)

    with pytest.raises(IngestStopped, match=reason):
        run(corpus, blank_nlp)


def test_an_error_of_one_article_still_costs_only_that_article(corpus, blank_nlp, monkeypatch, db):
    def refuse(*, article, extraction):
        if article.title == "Talks number 1":
            raise OperationalError("value too long for type character varying(200)")

    monkeypatch.setattr(ingest_module, "article_store_extraction", refuse)

    summary = run(corpus, blank_nlp)

    assert (summary.created, summary.failed) == (FILES - 1, 1)


def test_a_database_gone_mid_run_stops_it_keeping_what_was_stored(corpus, blank_nlp, extractions, transactional_db):
    outage = ExitStack()

    def go_down_after_the_first(path, outcome, reason):
        if not outage._exit_callbacks:
            outage.enter_context(unreachable_database())

    with outage, pytest.raises(IngestStopped) as stopped:
        run(corpus, blank_nlp, progress=go_down_after_the_first)

    assert str(stopped.value).startswith("ingest stopped: the database connection was lost (")
    assert stopped.value.summary.created == 1
    assert extractions == [1]
    assert Article.objects.count() == 1


def command(corpus, blank_nlp, monkeypatch) -> tuple[str, BaseException]:
    """`manage.py ingest` one article a batch, on the blank pipeline; what it printed and how it ended."""
    monkeypatch.setattr(ingest_module, "curated_nlp", lambda: blank_nlp)
    monkeypatch.setattr("django.conf.settings.INGEST_BATCH_SIZE", 1)
    out = StringIO()
    with pytest.raises((CommandError, SystemExit)) as ended:
        call_command("ingest", str(corpus), stdout=out, stderr=StringIO())
    return out.getvalue(), ended.value


def test_the_command_prints_the_summary_so_far_and_one_line_when_the_database_refuses(
    corpus, blank_nlp, monkeypatch, read_only
):
    output, error = command(corpus, blank_nlp, monkeypatch)

    assert output.splitlines()[-1] == "1 seen, 0 created, 0 unchanged, 0 duplicate, 0 failed"
    assert str(error).startswith("ingest stopped: the database is read-only")
    assert "Traceback" not in output


def test_ctrl_c_prints_the_summary_so_far_and_exits_130(corpus, blank_nlp, monkeypatch, db):
    real = ingest_module._LocalExtractor.extract
    batches = []

    def interrupted_at_the_third(self, batch):
        batches.append(batch)
        if len(batches) == 3:
            os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered to this process
        return real(self, batch)

    monkeypatch.setattr(ingest_module._LocalExtractor, "extract", interrupted_at_the_third)

    output, ended = command(corpus, blank_nlp, monkeypatch)

    assert isinstance(ended, SystemExit) and ended.code == 130
    assert output.splitlines()[-1] == "interrupted: 3 seen, 2 created, 0 unchanged, 0 duplicate, 0 failed"
    assert Article.objects.count() == 2


def test_ctrl_c_in_the_service_carries_the_summary(corpus, blank_nlp, monkeypatch, db):
    def interrupt(path, outcome, reason):
        raise KeyboardInterrupt

    with pytest.raises(IngestInterrupted) as interrupted:
        run(corpus, blank_nlp, progress=interrupt)

    assert isinstance(interrupted.value, KeyboardInterrupt)
    assert interrupted.value.summary.created == 1
