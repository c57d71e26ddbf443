"""Only regular files are read: a FIFO, a device or a socket named like an article is skipped with a reason.

Opening a FIFO waits for a writer forever, so every read here runs under a deadline: a regression fails the test in
seconds instead of hanging the suite.
"""

import os
import socket
import threading
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from articles.models import Article
from articles.readers import Unreadable, read_article_file, read_sources
from entities.ingest import articles_ingest

DEADLINE_SECONDS = 5
ARTICLE = "Talks resume\n\nThe two delegations met again on Monday in the capital.\n"
OTHER = "Treaty signed\n\nThe water ministers signed the river treaty on Friday after long talks.\n"


@contextmanager
def deadline(*fifos: Path):
    """Fails the test if the block outlasts the deadline; by then a reader stuck opening one of the FIFOs is
    released by opening it for writing, so a regression costs seconds, never a hung suite."""
    fired = threading.Event()

    def release():
        fired.set()
        for fifo in fifos:
            with suppress(OSError):  # ENXIO: nobody is waiting on this one
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(DEADLINE_SECONDS, release)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
    if fired.is_set():
        pytest.fail(f"reading waited on a FIFO for over {DEADLINE_SECONDS} s")


def reasons(paths) -> dict[str, str]:
    return {s.path.name: s.reason for s in read_sources(paths, max_bytes=10_000)}


def test_a_fifo_in_a_folder_is_skipped_with_a_reason(tmp_path, write):
    write("a.txt", ARTICLE)
    os.mkfifo(tmp_path / "b.txt")

    with deadline(tmp_path / "b.txt"):
        found = reasons([tmp_path])

    assert found == {"a.txt": "", "b.txt": "not a regular file (a FIFO): skipped"}


def test_a_fifo_named_on_the_command_line_is_skipped_too(tmp_path):
    os.mkfifo(tmp_path / "named.txt")

    with deadline(tmp_path / "named.txt"):
        found = reasons([tmp_path / "named.txt"])

    assert found == {"named.txt": "not a regular file (a FIFO): skipped"}


def test_reading_a_fifo_directly_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "late.txt")

    with deadline(tmp_path / "late.txt"), pytest.raises(Unreadable, match=r"^not a regular file \(a FIFO\)"):
        read_article_file(tmp_path / "late.txt", max_bytes=10_000)


def test_devices_and_sockets_named_like_articles_are_skipped(tmp_path):
    os.symlink("/dev/null", tmp_path / "null.txt")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "sock.txt"))
        found = reasons([tmp_path])
    assert found == {
        "null.txt": "not a regular file (a character device): skipped",
        "sock.txt": "not a regular file (a socket): skipped",
    }


@pytest.mark.django_db
def test_ingest_stores_the_files_around_a_fifo_and_reports_it(tmp_path, write, blank_nlp):
    write("a.txt", ARTICLE)
    os.mkfifo(tmp_path / "b.txt")
    write("c.txt", OTHER)

    with deadline(tmp_path / "b.txt"):
        summary = articles_ingest(paths=[tmp_path], nlp=blank_nlp)

    assert summary.failures == [(str(tmp_path / "b.txt"), "not a regular file (a FIFO): skipped")]
    assert sorted(Article.objects.values_list("source_name", flat=True)) == ["a.txt", "c.txt"]
