"""Articles in the review desk, as the knowledge base sees them: the events each reports, and re-extraction.

The articles app registers a read-only admin of its own; this one replaces it so that the leaf app
needs nothing from the knowledge base.
"""

import logging

from django.contrib import admin, messages
from django.db.models import Count

from articles.admin import ArticleAdmin
from articles.models import Article
from entities import services
from entities.models import Evidence

logger = logging.getLogger(__name__)


class ArticleEvidenceInline(admin.TabularInline):
    """The events this article reports, by sentence."""

    model = Evidence
    extra = 0
    fields = ("event", "sentence")
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class ArticleWithEventsAdmin(ArticleAdmin):
    """An article is what was ingested: a curator reads it and may re-run extraction, never rewrites it."""

    list_display = ("title", "outlet", "published_on", "published_precision", "events", "extracted_at")
    actions = ("reextract",)
    inlines = (ArticleEvidenceInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_events=Count("evidence__event", distinct=True))

    @admin.display(description="events", ordering="n_events")
    def events(self, obj: Article) -> int:
        return obj.n_events

    @admin.action(description="Re-run extraction on the selected articles", permissions=["change"])
    def reextract(self, request, queryset) -> None:
        """Curated events, merges and splits survive: the storage layer honours them."""
        done = 0
        for article in queryset:
            try:
                services.article_reextract(article=article)
            except Exception as exc:
                logger.exception("re-extraction of article %s failed", article.pk)
                self.message_user(request, f"{article}: re-extraction failed ({exc}).", messages.ERROR)
                continue
            self.log_change(request, article, "Re-ran extraction.")
            done += 1
        self.message_user(request, f"Re-ran extraction on {done} article(s).", messages.SUCCESS)


admin.site.unregister(Article)
admin.site.register(Article, ArticleWithEventsAdmin)
