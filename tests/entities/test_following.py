"""Feeds followed to the timeline: polled pages are extracted into events, and a near-copy adds only a source."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.following import feed_follow
from articles.models import Article, FetchedPage, PageStatus
from entities.following import feeds_follow_up
from entities.models import Event, Evidence
from tests.feed_documents import OTHER_STORY, WIRE_STORY, article_page, rss
from tests.local_site import Reply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("feed_limits"), pytest.mark.model]

WIRE_TITLE = "Belgian and Hungarian ministers meet over power prices"


@pytest.fixture
def herald(local_site):
    """An outlet's RSS feed of two invented stories, followed."""
    local_site.page("/world/power-talks", article_page(WIRE_TITLE, WIRE_STORY))
    local_site.page("/world/naval-talks", article_page("Peruvian minister in Montevideo", OTHER_STORY))
    items = [{"title": "a", "link": local_site.url("/world/power-talks")}]
    items.append({"title": "b", "link": local_site.url("/world/naval-talks")})
    feed_follow(url=local_site.feed("/rss.xml", rss(items)), outlet="Example Herald")
    return local_site


def participants(event: Event) -> set[str]:
    return {p.actor.name for p in event.participations.select_related("actor") if p.actor}


def test_first_poll_stores_the_articles_and_their_events(herald, nlp_model):
    result = feeds_follow_up(nlp=nlp_model)
    assert (result.extracted.extracted, result.extracted.failures) == (2, [])
    article = Article.objects.get(title=WIRE_TITLE)
    assert article.extracted_at is not None
    [meeting] = Event.objects.filter(evidence__article=article, kind="meeting").distinct()
    assert {"Ilse Vandermeer", "Tomas Varga"} <= participants(meeting)
    assert Event.objects.filter(evidence__article__title__startswith="Peruvian").exists()


def test_second_poll_hears_304_and_stores_nothing(herald, nlp_model):
    feeds_follow_up(nlp=nlp_model)
    counts = (Article.objects.count(), Event.objects.count(), Evidence.objects.count())
    again = feeds_follow_up(everything=True, nlp=nlp_model)
    assert [str(poll) for poll in again.polls] == ["not modified since the last poll"]
    assert (Article.objects.count(), Event.objects.count(), Evidence.objects.count()) == counts


def test_a_near_copy_adds_a_source_to_the_events_but_no_event(herald, nlp_model):
    feeds_follow_up(nlp=nlp_model)
    events = set(Event.objects.values_list("pk", flat=True))
    original = Article.objects.get(title=WIRE_TITLE)
    copy_page = article_page(
        "Ministers seek cheaper power",
        WIRE_STORY,
        author="Wire staff",
        standfirst="This story was supplied by a news agency and edited by our world desk.",
        footer="Follow our energy coverage for more reports on prices, supply and the winter outlook.",
    )
    link = herald.page("/partner/power", copy_page)
    feed_follow(url=herald.feed("/partner.xml", rss([{"title": "c", "link": link}])), outlet="Partner Daily")
    result = feeds_follow_up(nlp=nlp_model)
    assert result.extracted.shared == 1
    assert set(Event.objects.values_list("pk", flat=True)) == events
    copy = FetchedPage.objects.get(url=link, status=PageStatus.NEAR_COPY).article
    shared = Evidence.objects.filter(article=copy)
    assert shared.exists()
    assert set(shared.values_list("event_id", flat=True)) <= set(
        Evidence.objects.filter(article=original).values_list("event_id", flat=True)
    )
    for evidence in shared:
        assert copy.body[evidence.start : evidence.end] == evidence.sentence


def test_poll_feeds_reports_each_feed_and_fails_when_one_did(herald, capsys):
    herald.routes["/down.xml"] = Reply(500, b"down", "text/plain")
    feed_follow(url=herald.url("/down.xml"))
    with pytest.raises(CommandError, match="1 feeds with failures"):
        call_command("poll_feeds")
    out = capsys.readouterr().out
    assert "/rss.xml: 2 entries: 2 new" in out
    assert "/down.xml: failed: the server answered HTTP 500" in out
    assert "2 extracted" in out
    assert Event.objects.exists()


def test_an_original_and_its_copy_in_one_poll_make_the_events_once(local_site, nlp_model):
    first = local_site.page("/a/power", article_page(WIRE_TITLE, WIRE_STORY))
    copy = local_site.page("/b/power", article_page("Cheaper power sought", WIRE_STORY, standfirst="From the wires."))
    feed_follow(url=local_site.feed("/a.xml", rss([{"title": "a", "link": first}])))
    feed_follow(url=local_site.feed("/b.xml", rss([{"title": "b", "link": copy}])))
    result = feeds_follow_up(nlp=nlp_model)
    assert (result.extracted.extracted, result.extracted.shared) == (1, 1)
    copy_article = FetchedPage.objects.get(url=copy).article
    original = Article.objects.get(title=WIRE_TITLE)
    assert set(Evidence.objects.filter(article=copy_article).values_list("event_id", flat=True)) == set(
        Evidence.objects.filter(article=original).values_list("event_id", flat=True)
    )
