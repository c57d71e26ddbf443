"""Article pages."""

from django.shortcuts import render

from articles.models import Article


def article_list(request):
    articles = Article.objects.only("id", "title", "outlet", "author", "published_on", "source_name")
    return render(request, "articles/list.html", {"articles": articles})
