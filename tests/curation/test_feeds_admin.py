"""Feeds in the desk: curators add and pause feeds and read the ledger of fetched pages, which only polls write."""

import pytest
from django.urls import reverse

from articles.models import Feed
from tests.curation.conftest import changelist, run_action
from tests.factories import FeedFactory, FetchedPageFactory

pytestmark = pytest.mark.django_db

# Each count includes the session, the user and the user's and group's permissions (4 queries).
FEED_CHANGELIST_QUERIES = 7  # + count x2, the page
FETCHED_PAGE_CHANGELIST_QUERIES = 8  # + count x2, the page with its feed and article, the feed filter


@pytest.mark.parametrize(
    ("model", "queries", "make"),
    [
        ("feed", FEED_CHANGELIST_QUERIES, FeedFactory),
        ("fetchedpage", FETCHED_PAGE_CHANGELIST_QUERIES, FetchedPageFactory),
    ],
)
@pytest.mark.parametrize("rows", [1, 4])
def test_list_page_query_count_is_fixed(curator_client, django_assert_num_queries, model, queries, make, rows):
    make.create_batch(rows)
    curator_client.get(changelist(model, "articles"))
    with django_assert_num_queries(queries):
        response = curator_client.get(changelist(model, "articles"))
    assert len(response.context["cl"].result_list) == rows


def test_a_curator_adds_a_feed_and_the_poll_fields_stay_the_polls(curator_client):
    response = curator_client.post(
        reverse("admin:articles_feed_add"),
        {"url": "https://news.example.org/rss.xml", "outlet": "Example Herald", "interval_minutes": 15, "active": "on"},
    )
    assert response.status_code == 302
    feed = Feed.objects.get()
    assert (feed.outlet, feed.interval_minutes, feed.last_outcome) == ("Example Herald", 15, "never")
    page = curator_client.get(reverse("admin:articles_feed_change", args=[feed.pk]))
    assert "last_message" not in page.context["adminform"].form.fields


def test_poll_at_next_run_makes_the_feeds_due(curator_client):
    feed = FeedFactory(failures=3, next_poll_at="2030-01-01T00:00:00Z")
    run_action(curator_client, "feed", "poll_at_next_run", [feed], app="articles")
    feed.refresh_from_db()
    assert feed.next_poll_at is None


def test_the_fetched_pages_ledger_is_read_only(curator_client):
    page = FetchedPageFactory()
    assert curator_client.get(reverse("admin:articles_fetchedpage_change", args=[page.pk])).status_code == 200
    assert curator_client.get(reverse("admin:articles_fetchedpage_add")).status_code == 403


def test_an_address_that_is_not_on_the_web_is_refused(curator_client):
    response = curator_client.post(
        reverse("admin:articles_feed_add"), {"url": "ftp://news.example.org/feed", "interval_minutes": 15}
    )
    assert response.status_code == 200 and response.context["adminform"].form.errors["url"]
    assert not Feed.objects.exists()
