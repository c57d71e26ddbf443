"""Procrastinate's tasks (PARLEY_QUEUE=procrastinate), found by its autodiscovery of `tasks` modules.

Thin on purpose: the work is `articles_extract`, a plain function, so another engine would change this module and
`entities/queue.py` only. Imported only when procrastinate's Django app is installed.
"""

import logging
from typing import TYPE_CHECKING

from procrastinate.contrib.django import app

from entities.following import articles_extract, feeds_follow_up
from entities.nlp import curated_nlp

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def worker_nlp() -> "Language":
    """The spaCy pipeline, loaded once per worker process however many jobs it runs, with the names curators vouch
    for as they stand when the job starts (read again only when the register changed)."""
    return curated_nlp()


@app.task(name="parley.extract_articles", queue="extraction", retry=3)
def extract_articles(article_ids: list[int]) -> None:
    """Extract and store each article in its own transaction; one already extracted (by another worker, or an
    earlier try of this job) is skipped, so a retried or duplicated job stores nothing twice."""
    done = articles_extract(article_ids=article_ids, nlp=worker_nlp())
    for article, reason in done.failures:
        log.warning("extraction failed: %s: %s", article, reason)
    log.info("extraction job of %d articles: %s", len(article_ids), done)


# Every minute the workers' periodic deferrer defers one poll job, however many workers run (procrastinate keys a
# periodic job by its task and the minute); the queueing lock keeps a second one from waiting behind a slow poll.
# Which feeds are polled is each feed's own interval: a poll takes only the feeds that are due.
FEEDS_POLL_CRON = "* * * * *"


@app.periodic(cron=FEEDS_POLL_CRON, periodic_id="due-feeds")
@app.task(name="parley.poll_feeds", queue="feeds", queueing_lock="poll-feeds")
def poll_feeds(timestamp: int) -> None:
    """Poll the feeds that are due, as `manage.py poll_feeds` does from cron on the embedded default; what the poll
    stores is deferred to the extraction queue (`extraction_request`), not extracted here."""
    result = feeds_follow_up()
    for poll in result.polls:
        log.info("feed %s: %s", poll.feed.url, poll)
        for what, reason in poll.failures:
            log.warning("feed %s: failed: %s: %s", poll.feed.url, what, reason)
