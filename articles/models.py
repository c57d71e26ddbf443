"""Stored articles: the cleaned text that extraction reads and the original that nothing overwrites."""

import hashlib

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator, URLValidator
from django.db import models

from articles.search import search_articles


class DatePrecision(models.TextChoices):
    """How much of a date is known; shared by articles and events."""

    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"
    DECADE = "decade", "decade"
    UNKNOWN = "unknown", "unknown"


def content_hash(text: str) -> str:
    """The identity of an article's text: whitespace-insensitive, so a re-saved copy is the same article."""
    canonical = " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def search(self, query: str) -> "ArticleQuerySet":
        """Full-text search; the backend-specific implementation lives in articles.search."""
        return search_articles(self, query)


class Article(models.Model):
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    sections = models.JSONField(default=list, blank=True, help_text="Section and category labels of the page")
    body = models.TextField(help_text="Cleaned text; extraction offsets point into it")
    original_text = models.TextField(help_text="The file's text as read, before cleaning")
    url = models.URLField(
        max_length=2000, blank=True, help_text="Where the article was published: what a citation links to"
    )
    source_name = models.CharField(max_length=255, help_text="The ingested file's name")
    source_path = models.CharField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    # Filled by a PostgreSQL trigger (see the migration); stays NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        # PostgreSQL also has articles_newest_first (migration 0005), in the list's own order.
        indexes = [models.Index(fields=["published_on"]), models.Index(fields=["source_name"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(published_precision="unknown") | models.Q(published_on__isnull=True),
                name="article_unknown_precision_has_no_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.source_name

    def save(self, *args, **kwargs) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.original_text)
        super().save(*args, **kwargs)


# --- following the news: feeds polled on a schedule, and every page fetched from them ---


WEB_ADDRESS = URLValidator(schemes=["http", "https"])


class FeedKind(models.TextChoices):
    """What the feed's URL serves; read from the document on each poll, not trusted from the URL."""

    RSS = "rss", "RSS"
    ATOM = "atom", "Atom"
    SITEMAP = "sitemap", "sitemap"


class PollOutcome(models.TextChoices):
    NEVER = "never", "not polled yet"
    OK = "ok", "ok"
    NOT_MODIFIED = "not_modified", "not modified (304)"
    FAILED = "failed", "failed"


class FeedQuerySet(models.QuerySet):
    def due(self, now) -> "FeedQuerySet":
        """Active feeds whose next poll time has come (a new feed is due at once)."""
        return self.filter(active=True).filter(models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now))


class Feed(models.Model):
    """An RSS or Atom feed, or an outlet's sitemap, polled every `interval_minutes` for new articles."""

    url = models.URLField(max_length=2000, unique=True, validators=[WEB_ADDRESS], help_text="http or https")
    kind = models.CharField(max_length=10, choices=FeedKind.choices, blank=True, help_text="Found on the first poll")
    outlet = models.CharField(max_length=200, blank=True, help_text="Given to its articles; else the page's own")
    interval_minutes = models.PositiveIntegerField(default=30, validators=[MinValueValidator(1)])
    active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=12, choices=PollOutcome.choices, default=PollOutcome.NEVER)
    last_message = models.TextField(blank=True, help_text="What the last poll found, or why it failed")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    failures = models.PositiveIntegerField(default=0, help_text="Failed polls in a row; each doubles the wait")
    next_poll_at = models.DateTimeField(null=True, blank=True, help_text="Empty: due now")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["outlet", "url"]
        indexes = [models.Index(fields=["active", "next_poll_at"])]

    def __str__(self) -> str:
        return self.outlet or self.url


class PageStatus(models.TextChoices):
    STORED = "stored", "stored as a new article"
    DUPLICATE = "duplicate", "the same text as a stored article"
    NEAR_COPY = "near_copy", "a near-copy: another source of a stored article"
    FAILED = "failed", "failed"


class FetchedPage(models.Model):
    """One entry's page, fetched once: the ledger that keeps a URL, a text or a syndicated copy from coming twice."""

    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="pages")
    url = models.URLField(max_length=2000, unique=True, help_text="The entry's link, as the feed gave it")
    canonical_url = models.URLField(max_length=2000, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=PageStatus.choices)
    reason = models.CharField(max_length=300, blank=True, help_text="Why it failed")
    retryable = models.BooleanField(default=False, help_text="A failure worth another try (a 5xx, a timeout)")
    attempts = models.PositiveSmallIntegerField(default=1)
    text_hash = models.CharField(max_length=64, blank=True, db_index=True, help_text="content_hash of the body")
    signature = models.BinaryField(null=True, blank=True, editable=False, help_text="MinHash of the body's shingles")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="fetched_pages",
        help_text="The article stored from this page (or, for a duplicate, the one it repeats)",
    )  # fmt: skip
    copy_of = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="near_copies",
        help_text="For a near-copy: the article whose events it reports again",
    )  # fmt: skip
    fetched_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-fetched_at", "-id"]
        indexes = [models.Index(fields=["status", "fetched_at"])]

    def __str__(self) -> str:
        return self.url
