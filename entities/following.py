"""Feeds followed to the timeline: poll the due feeds (articles.following), then extract what they stored.

`extraction_request` is the one seam where a job queue would be called (issue #18): on the embedded default the
articles are extracted right here, in this process, one transaction each, like `ingest` does for files.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction

from articles.fetching import Fetcher
from articles.following import FeedPoll, feeds_poll, pending_articles
from articles.models import Article, FetchedPage, PageStatus
from entities import queue
from entities.ingest import IngestError, event_dates_checked
from entities.locks import atomic_retrying
from entities.nlp import curated_nlp
from entities.services import article_share_events, article_store_extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from extraction.records import ArticleExtraction

MAX_REASON_CHARS = 200


@dataclass
class Extracted:
    """What extraction did with the articles a poll stored."""

    extracted: int = 0
    shared: int = 0  # near-copies given the events of the article they copy
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article, reason)

    def __str__(self) -> str:
        return f"{self.extracted} extracted, {self.shared} near-copies sharing events, {len(self.failures)} failed"


@dataclass
class FollowUp:
    polls: list[FeedPoll]
    extracted: Extracted


def feeds_follow_up(*, everything: bool = False, fetcher: Fetcher | None = None, nlp=None) -> FollowUp:
    """Poll every due feed once, then extract the new articles (and any an earlier run left unextracted)."""
    polls = feeds_poll(everything=everything, fetcher=fetcher)
    stored = [article_id for poll in polls for article_id in poll.to_extract]
    return FollowUp(polls, extraction_request(article_ids=pending_articles(stored), nlp=nlp))


def extraction_request(*, article_ids: list[int], nlp: "Language | None" = None) -> Extracted:
    """Extract the articles now (embedded), or defer jobs that workers will run (PARLEY_QUEUE, #18)."""
    if queue.configured():
        queue.extraction_defer(article_ids=article_ids)
        return Extracted()
    return articles_extract(article_ids=article_ids, nlp=nlp)


def articles_extract(*, article_ids: Iterable[int], nlp: "Language | None" = None) -> Extracted:
    """Extract the stored articles not extracted yet; a near-copy takes its original's events instead."""
    done = Extracted()
    articles = list(Article.objects.filter(pk__in=list(article_ids), extracted_at__isnull=True).order_by("pk"))
    copies = FetchedPage.objects.filter(article__in=articles, status=PageStatus.NEAR_COPY)
    copy_of = dict(copies.values_list("article_id", "copy_of_id"))
    originals = [article for article in articles if article.pk not in copy_of]
    for start in range(0, len(originals), settings.INGEST_BATCH_SIZE):
        nlp = nlp or _pipeline()
        _extract_batch(originals[start : start + settings.INGEST_BATCH_SIZE], nlp, done)
    for copy in (article for article in articles if article.pk in copy_of):
        _share(copy, copy_of[copy.pk], nlp, done)
    return done


def _pipeline() -> "Language":
    try:
        return curated_nlp()
    except (RuntimeError, OSError) as exc:
        raise IngestError(str(exc).splitlines()[0]) from exc


def _extract_batch(batch: list[Article], nlp: "Language", done: Extracted) -> None:
    from extraction.pipeline import extract_texts

    try:
        results = list(extract_texts(nlp, [(a.body, a.published_on) for a in batch], batch_size=len(batch)))
    except Exception:  # one text spaCy cannot parse must cost only itself: try them one by one
        if len(batch) > 1:
            for article in batch:
                _extract_batch([article], nlp, done)
        else:
            done.failures.append((str(batch[0]), "extraction failed"))
        return
    for article, extraction in zip(batch, results, strict=True):
        event_dates_checked(extraction)
        try:
            stored = atomic_retrying(partial(article_store_once, article=article, extraction=extraction))
        except Exception as exc:  # stays unextracted; the next poll tries it again
            done.failures.append((str(article), f"could not be stored: {_one_line(exc)}"))
        else:
            done.extracted += stored


def article_store_once(*, article: Article, extraction: "ArticleExtraction") -> bool:
    """Store the extraction unless another worker (or an earlier try of this job) stored the article's meanwhile.

    The article's row stays locked until the transaction ends, so of two workers given one article the second
    waits, then finds it extracted and does nothing.
    """
    if not Article.objects.select_for_update().filter(pk=article.pk, extracted_at__isnull=True).exists():
        return False
    article_store_extraction(article=article, extraction=extraction)
    return True


def _share(copy: Article, original_id: int | None, nlp: "Language | None", done: Extracted) -> None:
    """A near-copy's events are its original's: extracted first if an earlier run could not, then shared."""
    original = Article.objects.filter(pk=original_id).first()
    if original is None:  # the original was deleted since: the copy is read as an article of its own
        FetchedPage.objects.filter(article=copy).update(status=PageStatus.STORED, copy_of=None)
        _extract_batch([copy], nlp or _pipeline(), done)
        return
    if original.extracted_at is None:
        _extract_batch([original], nlp or _pipeline(), done)
        original.refresh_from_db(fields=["extracted_at"])
    if original.extracted_at is None:
        done.failures.append((str(copy), f"its original {original} could not be extracted"))
        return
    with transaction.atomic():
        article_share_events(copy=copy, original=original)
    done.shared += 1


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"
