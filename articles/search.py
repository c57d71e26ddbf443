"""Article full-text search; the backend is chosen by connection.vendor."""

from django.db import connection
from django.db.models import Q, QuerySet


def search_articles(queryset: QuerySet, query: str) -> QuerySet:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return queryset.filter(search_vector=SearchQuery(query, search_type="websearch", config="english"))
    words = query.split()
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    return queryset.filter(condition)
