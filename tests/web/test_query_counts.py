"""Every page runs a fixed number of queries, whatever the size of the knowledge base."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import ArticleFactory, EvidenceFactory, MentionFactory, ParticipationFactory
from tests.web.conftest import add_events

HOME_QUERIES = 7  # events summary, officials count, articles count, latest events, participants, meetings, theirs
TIMELINE_QUERIES = 10  # country choices, month counts (also the total), the page, participants, meetings, theirs,
# and the counts beside the filters: kinds, statuses, countries, officials
# ... and the official's name resolved to ids; only meetings match, which have no meetings: no people read for them
# and the undated events the date range left out
TIMELINE_FILTERED_QUERIES = 11
# A meeting during a visit: event+parent, participants, aliases, roles, its meetings (none, so no people),
# the visit's people, the visit's meetings and their people, evidence with articles.
EVENT_PAGE_QUERIES = 9
VISIT_PAGE_QUERIES = 7  # a visit: no parent, but its meetings and their people
# The busiest officials' ids, the first by name (to fill a list when few have events), officials, roles, aliases
OFFICIALS_QUERIES = 5
OFFICIAL_SEARCH_QUERIES = 4  # alias scores, officials, roles, aliases
# actor, aliases, roles, events, participants, visits' meetings, theirs, contacts, articles, the network's participants
OFFICIAL_PAGE_QUERIES = 10
ARTICLES_QUERIES = 3  # count, page, its event counts
ARTICLE_SEARCH_QUERIES = 3  # count, page, its event counts
# PostgreSQL adds snippets and the ranking's planner hint, which holds in a transaction of its own: under the test's
# transaction that is a savepoint and its release (outside one, BEGIN and COMMIT, which are not counted).
ARTICLE_SEARCH_QUERIES_POSTGRES = ARTICLE_SEARCH_QUERIES + 4
ARTICLE_PAGE_QUERIES = 7  # article, mentions, evidence, events, participants, meetings, theirs; the body costs none

SIZES = [3, 30]


@pytest.fixture(params=SIZES, ids=lambda n: f"{n}-events")
def size(request, kb):
    add_events(request.param, actor=kb.bajwa, parent=kb.visit)
    for i in range(request.param):
        article = ArticleFactory(title=f"Bajwa report {i}", body=f"Bajwa met envoys, report {i}.")
        MentionFactory(article=article, actor=kb.bajwa, start=0, end=5)
        EvidenceFactory(event=kb.meeting, article=article)
    ParticipationFactory.create_batch(request.param, event=kb.meeting)
    return request.param


def check(client, django_assert_num_queries, expected: int, url: str, params=None):
    with django_assert_num_queries(expected):
        response = client.get(url, params or {})
    assert response.status_code == 200


def test_home(client, django_assert_num_queries, size):
    check(client, django_assert_num_queries, HOME_QUERIES, reverse("entities:home"))


def test_timeline(client, django_assert_num_queries, size):
    check(client, django_assert_num_queries, TIMELINE_QUERIES, reverse("entities:event_list"))


def test_timeline_with_every_filter(client, django_assert_num_queries, size):
    params = {"kind": "meeting", "country": "Ghana", "official": "Bajwa", "status": "pending", "q": "met"}
    params |= {"date_from": "2000-01-01", "date_to": "2030-12-31"}
    check(client, django_assert_num_queries, TIMELINE_FILTERED_QUERIES, reverse("entities:event_list"), params)


def test_event_page(client, django_assert_num_queries, size, kb):
    check(client, django_assert_num_queries, EVENT_PAGE_QUERIES, reverse("entities:event_detail", args=[kb.meeting.pk]))


def test_visit_page(client, django_assert_num_queries, size, kb):
    check(client, django_assert_num_queries, VISIT_PAGE_QUERIES, reverse("entities:event_detail", args=[kb.visit.pk]))


def test_officials(client, django_assert_num_queries, size):
    check(client, django_assert_num_queries, OFFICIALS_QUERIES, reverse("entities:official_list"))


def test_officials_search(client, django_assert_num_queries, size):
    check(client, django_assert_num_queries, OFFICIAL_SEARCH_QUERIES, reverse("entities:official_list"), {"q": "Kwame"})


def test_official_page(client, django_assert_num_queries, size, kb):
    url = reverse("entities:official_detail", args=[kb.bajwa.pk])
    check(client, django_assert_num_queries, OFFICIAL_PAGE_QUERIES, url)


def test_articles(client, django_assert_num_queries, size):
    check(client, django_assert_num_queries, ARTICLES_QUERIES, reverse("articles:list"))


def test_articles_search(client, django_assert_num_queries, size):
    expected = ARTICLE_SEARCH_QUERIES_POSTGRES if connection.vendor == "postgresql" else ARTICLE_SEARCH_QUERIES
    check(client, django_assert_num_queries, expected, reverse("articles:list"), {"q": "Bajwa"})


def test_article_page(client, django_assert_num_queries, size, kb):
    check(client, django_assert_num_queries, ARTICLE_PAGE_QUERIES, reverse("articles:detail", args=[kb.article.pk]))
