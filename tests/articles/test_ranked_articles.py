"""A ranked search result pages like a list: best rank first, then newest, then latest stored; pages read lazily."""

import datetime

import pytest
from django.core.paginator import Paginator

from articles.models import Article
from articles.search import RankedArticles
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_order_is_rank_then_date_then_id_and_only_the_page_is_read(django_assert_num_queries):
    old = ArticleFactory(title="old", published_on=datetime.date(2019, 1, 1))
    new = ArticleFactory(title="new", published_on=datetime.date(2021, 1, 1))
    undated = ArticleFactory(title="undated", published_on=None)
    best = ArticleFactory(title="best", published_on=datetime.date(2018, 1, 1))
    rows = [(old.pk, 0.5, old.published_on), (undated.pk, 0.5, None), (new.pk, 0.5, new.published_on)]
    rows.append((best.pk, 0.9, best.published_on))
    ranked = RankedArticles(Article.objects.all(), rows)

    assert len(ranked) == 4
    with django_assert_num_queries(1):  # the page's articles, in one query
        page = Paginator(ranked, 2).page(1)
        assert [a.title for a in page.object_list] == ["best", "new"]
    assert [a.title for a in Paginator(ranked, 2).page(2).object_list] == ["old", "undated"]
    assert ranked[0].title == "best"


def test_an_article_deleted_since_the_ranking_is_left_out():
    gone, kept = ArticleFactory(), ArticleFactory()
    ranked = RankedArticles(Article.objects.all(), [(gone.pk, 0.9, None), (kept.pk, 0.1, None)])
    gone.delete()
    assert [a.pk for a in ranked[0:2]] == [kept.pk]
