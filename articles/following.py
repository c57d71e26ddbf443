"""Following the news: feeds added, polled when due, and each new entry's page stored once as an article.

Each story comes once: a URL is never fetched twice (the FetchedPage ledger), the same text under another URL is
known by its content hash, and a syndicated near-copy by its MinHash; a near-copy is stored as an article that
reports another article's events again (the knowledge base copies its evidence, and makes no event).
Extraction is not done here: `articles` knows nothing of the knowledge base; the caller extracts what a poll
stored (entities.following).

Everything that can go wrong with a feed or a page is caught where it happens and recorded with its reason:
one feed's failure costs only that feed, one page's only that page.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles import dates
from articles.cleaning import clean_article
from articles.fetching import Fetcher, FetchFailed, Limits, Response
from articles.listings import MAX_LISTED, Entry, Listing, NotAFeed, listing_parse
from articles.models import WEB_ADDRESS, Article, Feed, FetchedPage, PageStatus, PollOutcome, content_hash
from articles.readers import Unreadable, html_to_text
from articles.sketches import NearCopies, text_signature

logger = logging.getLogger(__name__)

MAX_BACKOFF = datetime.timedelta(hours=24)
MAX_REASON_CHARS = 300
SEEN_LOOKUP_CHUNK = 500  # URLs per query when sorting a long feed's entries into seen and new
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
# What a page that is not HTML starts with, whatever its Content-Type says.
MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF8", "an image (GIF)"),
)


class FollowError(Exception):
    """A feed that cannot be followed (a bad address); the message is one line for the user."""


def feed_follow(*, url: str, outlet: str = "", every_minutes: int | None = None) -> tuple[Feed, bool]:
    """Follow a feed (or update how it is followed); True when it is new. Its first poll is due at once."""
    url = url.strip()
    try:
        WEB_ADDRESS(url)
    except ValidationError:
        raise FollowError(f"not a web address (http or https): {url[:200]}") from None
    feed = Feed.objects.filter(url=url).first() or Feed(url=url)
    created = feed.pk is None
    feed.outlet = outlet or feed.outlet
    feed.interval_minutes = every_minutes or feed.interval_minutes
    feed.active = True
    try:
        feed.full_clean(validate_unique=False)  # checked before anything is written
    except ValidationError as exc:
        raise FollowError("; ".join(exc.messages)) from None
    feed.save()
    return feed, created


# --- the outcome of a poll ---


@dataclass
class FeedPoll:
    """What one poll of one feed did; `to_extract` are the articles it stored (new ones and near-copies)."""

    feed: Feed
    outcome: str = PollOutcome.OK
    reason: str = ""
    entries: int = 0
    stored: int = 0
    near_copies: int = 0
    duplicates: int = 0
    seen: int = 0
    left: int = 0  # new entries beyond the per-poll cap, for the next polls
    unread: int = 0  # entries beyond the first listings.MAX_LISTED, never read
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url or title, reason)
    to_extract: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        if self.outcome == PollOutcome.FAILED:
            return f"failed: {self.reason}"
        if self.outcome == PollOutcome.NOT_MODIFIED:
            return "not modified since the last poll"
        text = (
            f"{self.entries} entries: {self.stored} new, {self.near_copies} near-copies, {self.duplicates} duplicate, "
            f"{len(self.failures)} failed, {self.seen} seen before"
        )
        if self.left:
            text += f"; {self.left} left for the next polls (at most {self.cap} a poll)"
        return text + (f"; {self.unread} entries beyond the first {MAX_LISTED} not read" if self.unread else "")

    @property
    def cap(self) -> int:
        return settings.FEEDS_MAX_ENTRIES_PER_POLL


def feeds_poll(*, everything: bool = False, fetcher: Fetcher | None = None) -> list[FeedPoll]:
    """Poll each due feed once (every active one with `everything`); a feed another poller claimed is skipped."""
    now = timezone.now()
    feeds = Feed.objects.filter(active=True) if everything else Feed.objects.due(now)
    fetcher = fetcher or configured_fetcher()
    copies = NearCopies(_recent_signatures)
    return [_poll_safely(feed, fetcher, copies) for feed in feeds.order_by("pk") if feed_claim(feed, now)]


def configured_fetcher() -> Fetcher:
    return Fetcher(
        Limits(
            user_agent=settings.FEEDS_USER_AGENT,
            timeout=settings.FEEDS_TIMEOUT_SECONDS,
            max_bytes=settings.FEEDS_MAX_BYTES,
            host_delay=settings.FEEDS_HOST_DELAY_SECONDS,
        )
    )


def feed_claim(feed: Feed, now: datetime.datetime) -> bool:
    """Take the feed for this poll, so that a second poller running at the same time leaves it alone.

    An UPDATE guarded by the next-poll time read before: of two pollers, only one changes the row.
    """
    lease = now + datetime.timedelta(minutes=feed.interval_minutes)
    claimed = Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(next_poll_at=lease)
    feed.next_poll_at = lease
    return claimed == 1


def _recent_signatures() -> Iterable[tuple[int, bytes]]:
    """The stories a near-copy is compared with: those stored in the last FEEDS_NEAR_COPY_DAYS."""
    since = timezone.now() - datetime.timedelta(days=settings.FEEDS_NEAR_COPY_DAYS)
    rows = FetchedPage.objects.filter(status=PageStatus.STORED, fetched_at__gte=since, signature__isnull=False)
    return rows.values_list("article_id", "signature").iterator()


def _poll_safely(feed: Feed, fetcher: Fetcher, copies: NearCopies) -> FeedPoll:
    """One feed's poll, whatever happens in it: an unexpected error is recorded as its failure, not raised."""
    try:
        poll = feed_poll(feed, fetcher=fetcher, copies=copies)
    except Exception as exc:
        logger.exception("polling feed %s failed", feed.url)
        poll = FeedPoll(feed, PollOutcome.FAILED, f"unexpected error: {_one_line(exc)}")
    feed_record_poll(poll)
    return poll


def feed_poll(feed: Feed, *, fetcher: Fetcher, copies: NearCopies) -> FeedPoll:
    """Fetch the feed (conditionally), then each new entry's page; nothing is saved on the feed itself here."""
    try:
        answer = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT)
    except FetchFailed as exc:
        return FeedPoll(feed, PollOutcome.FAILED, str(exc))
    if answer.not_modified:
        return FeedPoll(feed, PollOutcome.NOT_MODIFIED)
    try:
        listing = listing_parse(answer.body, url=answer.url, content_type=answer.content_type)
    except NotAFeed as exc:
        return FeedPoll(feed, PollOutcome.FAILED, str(exc))
    feed.kind = listing.kind
    poll = FeedPoll(feed, entries=listing.listed, unread=listing.unread)
    poll.failures += listing.skipped
    new = _new_entries(listing, poll)
    for entry in new:
        _take(entry, feed, poll, fetcher, copies)
    if not poll.left:  # with entries left over, the next poll must read the feed again, not hear 304
        feed.etag = answer.headers.get("ETag", "")[:500]
        feed.last_modified = answer.headers.get("Last-Modified", "")[:100]
    return poll


def _new_entries(listing: Listing, poll: FeedPoll) -> list[Entry]:
    """The entries never fetched (or failed and worth another try), in the feed's order, up to the cap.

    The ledger is asked in chunks, and no further than needed: a feed of 10,000 entries costs a few queries.
    """
    unique = list({entry.link: entry for entry in reversed(listing.entries)}.values())[::-1]
    new: list[Entry] = []
    read = 0
    for start in range(0, len(unique), SEEN_LOOKUP_CHUNK):
        chunk = unique[start : start + SEEN_LOOKUP_CHUNK]
        done = FetchedPage.objects.filter(url__in=[entry.link for entry in chunk]).exclude(_retry_due())
        fetched = set(done.values_list("url", flat=True))
        new += [entry for entry in chunk if entry.link not in fetched]
        read += len(chunk)
        if len(new) >= poll.cap:
            break
    poll.seen = read - len(new)
    poll.left = len(unique) - poll.seen - min(len(new), poll.cap)
    return new[: poll.cap]


def _retry_due() -> Q:
    return Q(status=PageStatus.FAILED, retryable=True, attempts__lt=settings.FEEDS_PAGE_ATTEMPTS)


# --- one entry's page ---


@dataclass
class _Page:
    """A fetched page read as an article, before it is stored."""

    entry: Entry
    response: Response
    text: str
    canonical_url: str
    body_hash: str = ""


def _take(entry: Entry, feed: Feed, poll: FeedPoll, fetcher: Fetcher, copies: NearCopies) -> None:
    """Fetch, read and store one entry's page; whatever fails is recorded on its ledger row."""
    try:
        page = _read_page(entry, fetcher)
        status, article = _store(page, feed, copies)
    except (FetchFailed, Unreadable) as exc:
        _record_failure(entry, feed, str(exc), retryable=getattr(exc, "retryable", False))
        poll.failures.append((entry.link, str(exc)))
        return
    except Exception as exc:  # a bug in reading one page must cost that page, not the feed
        logger.exception("reading %s failed", entry.link)
        _record_failure(entry, feed, f"unexpected error: {_one_line(exc)}", retryable=False)
        poll.failures.append((entry.link, f"unexpected error: {_one_line(exc)}"))
        return
    if status == PageStatus.DUPLICATE:
        poll.duplicates += 1
    else:
        poll.to_extract.append(article.pk)
        poll.stored += status == PageStatus.STORED
        poll.near_copies += status == PageStatus.NEAR_COPY


def _read_page(entry: Entry, fetcher: Fetcher) -> _Page:
    response = fetcher.get(entry.link, accept="text/html, application/xhtml+xml;q=0.9, */*;q=0.1")
    _check_html(response)
    text = html_to_text(response.body)
    return _Page(entry, response, text, _canonical_url(response))


def _check_html(response: Response) -> None:
    """A PDF, an image or any other file is not an article page, whatever the link promised."""
    for magic, what in MAGIC:
        if response.body.startswith(magic):
            raise Unreadable(f"{what}, not an HTML page")
    kind = response.content_type
    if kind and kind not in HTML_TYPES:
        what = "an image" if kind.startswith("image/") else "a PDF" if kind == "application/pdf" else "a file"
        raise Unreadable(f"{what} ({kind}), not an HTML page")
    if not response.body.strip():
        raise Unreadable("an empty page")


def _canonical_url(response: Response) -> str:
    """The page's own idea of its address (<link rel=canonical>, og:url), when it gives a web address."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(response.body, default_url=None)
    url = (found.url or "") if found else ""
    return url[:2000] if url.startswith(("http://", "https://")) else ""


def _store(page: _Page, feed: Feed, copies: NearCopies) -> tuple[str, Article]:
    """The page as a new article, a near-copy of a stored one, or a duplicate of one; its ledger row with it."""
    cleaned = clean_article(page.text)
    if not cleaned.body.strip():
        raise Unreadable("no article text left once the page's boilerplate is removed")
    page.body_hash = content_hash(cleaned.body)
    if same := _same_story(page):
        _record(page, feed, PageStatus.DUPLICATE, article=same)
        return PageStatus.DUPLICATE, same
    signature = text_signature(cleaned.body)
    original_id = copies.original_of(signature)
    with transaction.atomic():
        article = _article(page, cleaned, feed)
        if original_id is not None:
            _record(page, feed, PageStatus.NEAR_COPY, article=article, copy_of_id=original_id)
            return PageStatus.NEAR_COPY, article
        _record(page, feed, PageStatus.STORED, article=article, signature=signature)
    copies.add(article.pk, signature)
    return PageStatus.STORED, article


def _same_story(page: _Page) -> Article | None:
    """A stored article this page repeats: under the address it redirected to or names canonical, or the same text."""
    pages = FetchedPage.objects.exclude(article=None).exclude(status=PageStatus.FAILED).select_related("article")
    addresses = {page.canonical_url, page.response.url} - {"", page.entry.link}
    if addresses:
        known = pages.filter(Q(url__in=addresses) | Q(canonical_url__in=addresses)).order_by("pk").first()
        if known:
            return known.article
    known = pages.filter(text_hash=page.body_hash).order_by("pk").first()
    if known:
        return known.article
    return Article.objects.filter(content_hash=content_hash(page.text)).first()


def _article(page: _Page, cleaned, feed: Feed) -> Article:
    published_on, precision = cleaned.published_on, cleaned.published_precision
    if published_on is None and page.entry.published_on:  # the page gives no date: the feed's is the next best
        published_on, precision = page.entry.published_on, "day"
    if dates.outside(published_on, dates.publication_window()):
        published_on, precision = None, "unknown"
    article = Article(
        title=_fit(cleaned.title or page.entry.title or page.entry.link, "title"),
        outlet=_fit(feed.outlet or cleaned.outlet, "outlet"),
        author=_fit(cleaned.author, "author"),
        published_on=published_on,
        published_precision=precision,
        sections=cleaned.sections,
        body=cleaned.body,
        original_text=page.text,
        source_name=_fit(page.entry.link, "source_name"),
        source_path=_fit(page.response.url, "source_path"),
    )
    article.full_clean(validate_unique=False)
    article.save()
    return article


def _record(page: _Page, feed: Feed, status: str, *, article: Article, **fields) -> None:
    defaults = {"feed": feed, "status": status, "article": article, "reason": "", "retryable": False}
    defaults |= {"canonical_url": page.canonical_url, "text_hash": page.body_hash, **fields}
    FetchedPage.objects.update_or_create(url=page.entry.link, defaults=defaults)


def _record_failure(entry: Entry, feed: Feed, reason: str, *, retryable: bool) -> None:
    """The failed page's ledger row: a retryable failure counts its attempts, the others are final."""
    row, created = FetchedPage.objects.get_or_create(
        url=entry.link, defaults=dict(feed=feed, status=PageStatus.FAILED, reason=reason[:MAX_REASON_CHARS])
    )
    if not created:
        row.attempts += 1
    row.reason, row.retryable, row.status = reason[:MAX_REASON_CHARS], retryable, PageStatus.FAILED
    row.save()


# --- the feed's record of its polls ---


POLL_FIELDS = (
    "kind",
    "last_polled_at",
    "last_outcome",
    "last_message",
    "failures",
    "next_poll_at",
    "etag",
    "last_modified",
)


def feed_record_poll(poll: FeedPoll) -> None:
    """The outcome on the feed: when it was polled, what happened, and when it is due again (later after failures).

    Only the poll's own fields are written: a curator who paused or edited the feed meanwhile keeps the change.
    """
    feed, now = poll.feed, timezone.now()
    feed.last_polled_at, feed.last_outcome = now, poll.outcome
    feed.last_message = (poll.reason if poll.outcome == PollOutcome.FAILED else str(poll))[:2000]
    feed.failures = feed.failures + 1 if poll.outcome == PollOutcome.FAILED else 0
    feed.next_poll_at = now + backoff(feed.interval_minutes, feed.failures)
    Feed.objects.filter(pk=feed.pk).update(**{name: getattr(feed, name) for name in POLL_FIELDS})


def backoff(interval_minutes: int, failures: int) -> datetime.timedelta:
    """The wait before the next poll: the interval, doubled by each failure in a row, at most a day."""
    return min(datetime.timedelta(minutes=interval_minutes) * 2 ** min(failures, 16), MAX_BACKOFF)


def pending_articles(ids: Iterable[int] = ()) -> list[int]:
    """Articles stored from feeds that no extraction has read yet (the ones given, and any an earlier poll left)."""
    stored = [PageStatus.STORED, PageStatus.NEAR_COPY]
    left = Article.objects.filter(extracted_at__isnull=True, fetched_pages__status__in=stored)
    return sorted(set(ids) | set(left.values_list("pk", flat=True)))


def _fit(value: str, name: str) -> str:
    limit = Article._meta.get_field(name).max_length
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text[:200]
