"""Article pages: the searchable list and one article with its people and events."""

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.search import MAX_QUERY_CHARS, attach_headlines, headline_html
from entities import selectors

ARTICLES_PER_PAGE = 20


class ArticleSearchForm(forms.Form):
    q = forms.CharField(label="Search articles", max_length=MAX_QUERY_CHARS, required=False)


@require_safe
def article_list(request):
    form = ArticleSearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data["q"].strip() if valid else ""
    articles = selectors.article_list(query) if valid else Article.objects.none()
    try:
        page = Paginator(articles, ARTICLES_PER_PAGE, orphans=3).page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404("No such page") from exc
    selectors.with_event_counts(page.object_list)
    if query:
        attach_headlines(page.object_list, query)
        for article in page.object_list:
            article.snippet = headline_html(article, query)
    context = {"form": form, "query": query, "page": page, "capped": getattr(articles, "capped", False)}
    return render(request, "articles/list.html", context, status=200 if valid else 400)


@require_safe
def article_detail(request, pk: int):
    return render(request, "articles/detail.html", {"article": selectors.article_detail(pk)})
