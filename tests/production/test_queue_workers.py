"""Extraction through the job queue (PARLEY_QUEUE=procrastinate, #18): `ingest --enqueue` stores the articles and
defers jobs, a real worker process extracts them, and the knowledge base comes out as an in-process ingest makes it.

PostgreSQL only (the queue refuses anything else); each run gets a scratch database of its own.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.production.test_killed_ingest import ROOT, ScratchDatabase, totals

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the queue keeps its jobs in PostgreSQL"),
]

ARTICLES = 12
PEOPLE = [("Ilse Vandermeer", "Belgium"), ("Tomasz Wrobel", "Poland"), ("Nkechi Obiora", "Nigeria")]
HOSTS = [("Rafael Quintero", "Chile", "Santiago"), ("Sunniva Dahl", "Norway", "Oslo")]
TIMEOUT = 600


def write_corpus(folder: Path) -> None:
    """Invented dated news items: a foreign minister's visit and meeting, the same people met again and again."""
    folder.mkdir()
    for n in range(ARTICLES):
        guest, home = PEOPLE[n % len(PEOPLE)]
        host, country, city = HOSTS[n % len(HOSTS)]
        text = (
            f"Talks in {city} number {n}\nDate: 2022-05-{1 + n:02d}\n\n"
            f"Foreign Minister {guest} of {home} arrived in {city} on Monday for a two-day visit to {country}. "
            f"{guest} met Prime Minister {host} and discussed trade and energy. "
        )
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")


def manage(url: str, *args: str, queue: str = "embedded") -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "1",
        "PARLEY_QUEUE": queue,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def jobs_by_task(db: ScratchDatabase) -> dict[str, dict[str, int]]:
    """How many jobs of each task are in each state (the workers' periodic tasks, such as the feed poll, run too)."""
    import psycopg

    with psycopg.connect(db.url) as conn:
        rows = conn.execute("SELECT task_name, status::text, count(*) FROM procrastinate_jobs GROUP BY 1, 2").fetchall()
    jobs: dict[str, dict[str, int]] = {}
    for task, status, count in rows:
        jobs.setdefault(task, {})[status] = count
    return jobs


@pytest.fixture
def databases(tmp_path):
    made = [ScratchDatabase(tmp_path) for _ in range(2)]
    yield made
    for db in made:
        db.drop()


def test_a_queue_worker_extracts_what_ingest_enqueue_stored_once_and_as_in_process_ingest_would(tmp_path, databases):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    in_process, queued = databases
    assert manage(in_process.url, "migrate", "--noinput").returncode == 0
    assert manage(in_process.url, "ingest", str(corpus)).returncode == 0
    assert manage(queued.url, "migrate", "--noinput", queue="procrastinate").returncode == 0

    enqueued = manage(queued.url, "ingest", str(corpus), "--enqueue", queue="procrastinate")
    assert enqueued.returncode == 0, enqueued.stderr
    assert f"{ARTICLES} created" in enqueued.stdout
    assert totals(queued)["entities_event"] == 0  # stored, not extracted: that is the workers' part
    # the same articles deferred once more, as a retry or a second ingest racing the first might: done only once
    again = (
        "from articles.models import Article; from entities.queue import extraction_defer; "
        "extraction_defer(article_ids=list(Article.objects.values_list('pk', flat=True)))"
    )
    assert manage(queued.url, "shell", "-c", again, queue="procrastinate").returncode == 0

    worker = manage(queued.url, "procrastinate", "worker", "--one-shot", queue="procrastinate")
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert jobs_by_task(queued)["parley.extract_articles"] == {"succeeded": 2}
    assert totals(queued) == totals(in_process)
    assert totals(queued)["entities_event"] > 0
