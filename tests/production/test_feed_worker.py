"""Following feeds with queue workers (PARLEY_QUEUE=procrastinate, #19 with #18): the poll is a periodic task the
workers defer themselves once a minute, and what it stores is extracted by extraction jobs, not in the poll.

PostgreSQL only (the queue refuses anything else); the run gets a scratch database of its own, and the feed is
served from 127.0.0.1.
"""

import json

import pytest
from django.db import connection

from tests.feed_documents import WIRE_STORY, article_page, rss
from tests.production.test_killed_ingest import ScratchDatabase, totals
from tests.production.test_queue_workers import jobs_by_task, manage

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the queue keeps its jobs in PostgreSQL"),
]

PERIODIC = (
    "import json; from procrastinate.contrib.django import app; "
    "print(json.dumps([[t.task.name, t.cron] for t in app.periodic_registry.periodic_tasks.values()]))"
)


@pytest.fixture
def scratch(tmp_path):
    db = ScratchDatabase(tmp_path)
    yield db
    db.drop()


def test_workers_poll_the_due_feeds_every_minute_and_extract_what_the_poll_stored(scratch, local_site):
    local_site.page("/world/harbour-talks", article_page("Harbour talks in Port Vela", WIRE_STORY))
    entry = {"title": "Harbour talks", "link": local_site.url("/world/harbour-talks")}
    feed = local_site.feed("/rss.xml", rss([entry]))
    assert manage(scratch.url, "migrate", "--noinput", queue="procrastinate").returncode == 0
    assert manage(scratch.url, "follow", feed, "--outlet", "Example Herald", queue="procrastinate").returncode == 0

    registered = manage(scratch.url, "shell", "-c", PERIODIC, queue="procrastinate")
    assert ["parley.poll_feeds", "* * * * *"] in json.loads(registered.stdout.strip().splitlines()[-1])

    # the job the periodic deferrer makes each minute, deferred here so that the test need not wait for a worker's
    # deferrer to make it (which it does too, as the worker starts: a second poll then finds no feed due)
    defer = "from entities.tasks import poll_feeds; poll_feeds.defer(timestamp=0)"
    assert manage(scratch.url, "shell", "-c", defer, queue="procrastinate").returncode == 0
    worker = manage(scratch.url, "procrastinate", "worker", "--one-shot", queue="procrastinate")

    assert worker.returncode == 0, worker.stderr[-2000:]
    jobs = jobs_by_task(scratch)
    assert jobs["parley.poll_feeds"].get("succeeded", 0) >= 1
    assert set(jobs["parley.extract_articles"]) == {"succeeded"}  # what the poll stored, extracted by a job
    assert not any("failed" in states for states in jobs.values())
    assert totals(scratch)["articles_article"] == 1
    assert totals(scratch)["entities_event"] > 0
