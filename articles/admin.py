"""Articles in the review desk: read-only sources, searchable; the knowledge base adds their events."""

from django.contrib import admin
from django.db import models

from articles.models import Article, Feed, FetchedPage


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """An article is what was ingested: a curator reads it, never rewrites it."""

    list_display = ("title", "outlet", "published_on", "published_precision", "extracted_at")
    list_filter = ("outlet", "published_precision")
    date_hierarchy = "published_on"
    search_fields = ("title",)
    search_help_text = "Words of the title or the text."
    fields = (
        "title",
        ("outlet", "author"),
        ("published_on", "published_precision"),
        "sections",
        "body",
        "original_text",
        "url",
        ("source_name", "source_path"),
        ("content_hash", "ingested_at", "extracted_at"),
    )
    readonly_fields = (
        "title",
        "outlet",
        "author",
        "published_on",
        "published_precision",
        "sections",
        "body",
        "original_text",
        "url",
        "source_name",
        "source_path",
        "content_hash",
        "ingested_at",
        "extracted_at",
    )

    def get_search_results(self, request, queryset, search_term):
        """The site's full-text search (PostgreSQL), or its word-by-word fallback (SQLite)."""
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """Feeds to follow: a curator sets the address, outlet, interval and active flag; polls fill the rest."""

    list_display = ("__str__", "url", "kind", "active", "interval_minutes", "last_polled_at", "last_outcome")
    list_filter = ("active", "kind", "last_outcome")
    search_fields = ("url", "outlet")
    actions = ("poll_at_next_run",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = (
        "url",
        ("outlet", "interval_minutes", "active"),
        ("kind", "last_polled_at", "last_outcome"),
        "last_message",
        ("failures", "next_poll_at"),
        ("etag", "last_modified"),
    )
    readonly_fields = (
        "kind", "last_polled_at", "last_outcome", "last_message", "failures", "next_poll_at", "etag", "last_modified",
    )  # fmt: skip

    @admin.action(description="Poll the selected feeds at the next run, whatever their interval or back-off")
    def poll_at_next_run(self, request, queryset) -> None:
        count = queryset.update(next_poll_at=None)
        self.message_user(request, f"{count} feeds will be polled by the next `manage.py poll_feeds`.")


@admin.register(FetchedPage)
class FetchedPageAdmin(admin.ModelAdmin):
    """The ledger of pages fetched from feeds: what each became, or why it failed. Written by polls only."""

    list_display = ("url", "feed", "status", "reason", "article", "fetched_at")
    list_filter = ("status", "feed")
    list_select_related = ("feed", "article")
    search_fields = ("url", "canonical_url")
    fields = (
        "url",
        "canonical_url",
        ("feed", "status", "fetched_at"),
        ("reason", "retryable", "attempts"),
        ("article", "copy_of"),
        "text_hash",
    )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
