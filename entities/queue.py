"""The job queue seen from the rest of Parley: whether one is configured, and deferring work to it (#18).

Only this module and `entities/tasks.py` know the engine (Procrastinate); jobs carry article ids, never text, so a
worker on another machine needs only the database.
"""

from django.conf import settings


def configured() -> bool:
    """Whether extraction is left to queue workers rather than run in the process that stored the articles."""
    return settings.PARLEY_QUEUE != "embedded"


def extraction_defer(*, article_ids: list[int]) -> int:
    """Defer extraction jobs of at most INGEST_BATCH_SIZE articles each; how many jobs.

    Deferring writes a row through Django's connection: inside a transaction, the jobs exist only if it commits.
    """
    from entities.tasks import extract_articles

    ids = sorted(article_ids)
    size = settings.INGEST_BATCH_SIZE
    for start in range(0, len(ids), size):
        extract_articles.defer(article_ids=ids[start : start + size])
    return (len(ids) + size - 1) // size
