"""Articles in the review desk: read-only sources, searchable; the knowledge base adds their events."""

from django.contrib import admin

from articles.models import Article


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
