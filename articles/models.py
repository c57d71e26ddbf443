"""Stored articles: the cleaned text that extraction reads and the original that nothing overwrites."""

import hashlib

from django.contrib.postgres.search import SearchVectorField
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
