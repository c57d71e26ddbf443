"""Polling feeds from a site on 127.0.0.1: each story stored once, each bad input a recorded failure."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles.following import FeedPoll, backoff, feed_claim, feed_follow, feed_record_poll, feeds_poll
from articles.models import Article, Feed, FeedKind, FetchedPage, PageStatus, PollOutcome
from tests.feed_documents import OTHER_STORY, WIRE_STORY, article_page, atom, rss, sitemap
from tests.local_site import Reply, drip, endless, redirect_to, slow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("feed_limits")]

WIRE_TITLE = "Belgian and Hungarian ministers meet over power prices"
OTHER_TITLE = "Peruvian defence minister in Montevideo"


def followed(url: str, **options) -> Feed:
    return feed_follow(url=url, **options)[0]


def poll(**options):
    return feeds_poll(**options)


def two_story_feed(site) -> str:
    site.page("/world/power-talks", article_page(WIRE_TITLE, WIRE_STORY))
    site.page("/world/naval-talks", article_page(OTHER_TITLE, OTHER_STORY))
    items = [{"title": WIRE_TITLE, "link": site.url("/world/power-talks")}]
    items.append({"title": OTHER_TITLE, "link": site.url("/world/naval-talks")})
    return site.feed("/rss.xml", rss(items))


def test_first_poll_stores_each_entry_as_an_article_with_the_page_metadata(local_site):
    feed = followed(two_story_feed(local_site), outlet="Example Herald")
    [result] = poll()
    assert (result.outcome, result.stored, result.failures) == (PollOutcome.OK, 2, [])
    article = Article.objects.get(title=WIRE_TITLE)
    assert (article.outlet, article.author) == ("Example Herald", "Nadia Okafor")
    assert (article.published_on, article.published_precision) == (datetime.date(2026, 11, 24), "day")
    assert article.body.startswith("Foreign Minister Ilse Vandermeer") and "Home" not in article.body
    feed.refresh_from_db()
    assert (feed.kind, feed.last_outcome, feed.failures) == (FeedKind.RSS, PollOutcome.OK, 0)
    assert feed.etag and feed.last_modified
    assert "2 new" in feed.last_message


def test_second_poll_is_answered_304_and_stores_nothing(local_site):
    followed(two_story_feed(local_site))
    poll()
    before = list(Article.objects.values_list("pk", flat=True))
    [again] = poll(everything=True)
    assert again.outcome == PollOutcome.NOT_MODIFIED
    assert list(Article.objects.values_list("pk", flat=True)) == before
    path, etag, modified = local_site.requests[-1]
    assert (path, bool(etag), bool(modified)) == ("/rss.xml", True, True)
    assert local_site.fetched("/world/power-talks") == 1


def test_a_changed_feed_fetches_only_its_new_entry(local_site):
    url = two_story_feed(local_site)
    followed(url)
    poll()
    local_site.page("/world/later", article_page("Later story", OTHER_STORY[:1] + WIRE_STORY[3:4]))
    items = [{"title": "Later story", "link": local_site.url("/world/later")}]
    items += [{"title": WIRE_TITLE, "link": local_site.url("/world/power-talks")}]
    local_site.feed("/rss.xml", rss(items))
    [result] = poll(everything=True)
    assert (result.stored, result.seen) == (1, 1)
    assert local_site.fetched("/world/power-talks") == 1


def test_atom_feed_and_sitemap_are_followed_too(local_site):
    local_site.page("/a/power", article_page(WIRE_TITLE, WIRE_STORY))
    local_site.page("/b/naval", article_page(OTHER_TITLE, OTHER_STORY))
    atom_feed = followed(local_site.feed("/atom.xml", atom([{"title": WIRE_TITLE, "link": "/a/power"}])))
    site_map = followed(local_site.feed("/sitemap.xml", sitemap([local_site.url("/b/naval")]), content_type="text/xml"))
    results = {result.feed.pk: result for result in poll()}
    assert results[atom_feed.pk].stored == results[site_map.pk].stored == 1
    assert {feed.kind for feed in Feed.objects.all()} == {FeedKind.ATOM, FeedKind.SITEMAP}


def test_the_same_text_under_another_address_is_a_duplicate(local_site):
    followed(two_story_feed(local_site))
    poll()
    local_site.page("/mirror/power", article_page(WIRE_TITLE, WIRE_STORY, author="Someone Else"))
    followed(local_site.feed("/mirror.xml", rss([{"title": WIRE_TITLE, "link": local_site.url("/mirror/power")}])))
    [result] = poll()
    assert (result.stored, result.duplicates) == (0, 1)
    page = FetchedPage.objects.get(url=local_site.url("/mirror/power"))
    assert (page.status, page.article.title) == (PageStatus.DUPLICATE, WIRE_TITLE)
    assert Article.objects.count() == 2


def test_a_page_whose_canonical_address_was_stored_is_a_duplicate(local_site):
    followed(two_story_feed(local_site))
    poll()
    canonical = local_site.url("/world/power-talks")
    page = article_page(WIRE_TITLE, WIRE_STORY[:3], canonical=canonical)
    tracked = local_site.page("/world/power-talks?utm_source=feed", page)
    followed(local_site.feed("/tracked.xml", rss([{"title": WIRE_TITLE, "link": tracked}])))
    [result] = poll()
    assert result.duplicates == 1


def test_a_syndicated_near_copy_is_stored_as_a_copy_of_the_first(local_site):
    followed(two_story_feed(local_site))
    poll()
    copy = article_page(
        "Ministers seek cheaper power",
        WIRE_STORY,
        author="Wire staff",
        standfirst="This story was supplied by a news agency and edited by our world desk.",
        footer="Follow our energy coverage for more reports on prices, supply and the winter outlook.",
    )
    followed(local_site.feed("/partner.xml", rss([{"title": "x", "link": local_site.page("/partner/power", copy)}])))
    [result] = poll()
    assert (result.stored, result.near_copies, result.duplicates) == (0, 1, 0)
    page = FetchedPage.objects.get(url=local_site.url("/partner/power"))
    assert page.status == PageStatus.NEAR_COPY
    assert page.copy_of == Article.objects.get(title=WIRE_TITLE)
    assert result.to_extract == [page.article_id]


def test_a_different_story_is_not_a_near_copy(local_site):
    followed(two_story_feed(local_site))
    [result] = poll()
    assert result.near_copies == 0
    assert FetchedPage.objects.filter(status=PageStatus.STORED).count() == 2


# --- bad input: each a recorded failure with its reason; the other feeds and entries go on ---

BAD_PAGES = {
    "/bad/pdf": (Reply(body=b"%PDF-1.7 invented report", content_type="application/pdf"), "a PDF"),
    "/bad/image": (Reply(body=b"\x89PNG\r\n\x1a\n fake", content_type="image/png"), "an image"),
    "/bad/loop": (redirect_to("/bad/loop"), "redirect loop"),
    "/bad/error": (Reply(500, b"oops", "text/plain"), "HTTP 500"),
    "/bad/slow": (slow, "timed out"),
    "/bad/drip": (drip, "timed out"),
    "/bad/huge": (endless, "too large"),
    "/bad/declared-huge": (Reply(body=b"x" * 400_000), "too large: 400,000 bytes"),
    "/bad/empty": (Reply(body=b"<html><body><nav>Home</nav></body></html>"), "no article text"),
    "/bad/file": (redirect_to("file:///etc/passwd"), "redirected away from the web"),
}


@pytest.fixture
def bad_feed(local_site):
    items = [{"title": path, "link": local_site.url(path)} for path in BAD_PAGES]
    items.append({"title": "A headline with no link"})
    items.append({"title": "A link too long", "link": local_site.url("/long?" + "q" * 2000)})
    items.append({"title": WIRE_TITLE, "link": local_site.page("/good", article_page(WIRE_TITLE, WIRE_STORY))})
    for path, (route, _) in BAD_PAGES.items():
        local_site.routes[path] = route
    return local_site.feed("/bad.xml", rss(items))


def test_each_bad_page_is_recorded_with_its_reason_and_the_good_one_is_stored(local_site, bad_feed, settings):
    settings.FEEDS_MAX_ENTRIES_PER_POLL = 20
    followed(bad_feed)
    [result] = poll()
    assert result.stored == 1
    reasons = dict(result.failures)
    for path, (_, reason) in BAD_PAGES.items():
        assert reason in reasons[local_site.url(path)], path
        assert reason in FetchedPage.objects.get(url=local_site.url(path)).reason
    assert reasons["entry 'A headline with no link'"] == "the entry has no link"
    assert reasons["entry 'A link too long'"] == "its link is over 2,000 characters"
    assert Feed.objects.get().last_outcome == PollOutcome.OK


def test_a_failed_page_is_tried_again_only_when_the_failure_may_pass(local_site, bad_feed, settings):
    settings.FEEDS_MAX_ENTRIES_PER_POLL = 20
    followed(bad_feed)
    poll()
    local_site.requests.clear()
    local_site.feed("/bad.xml", rss([{"title": path, "link": local_site.url(path)} for path in BAD_PAGES]) + " ")
    poll(everything=True)
    retried = {path for path, *_ in local_site.requests} - {"/bad.xml", "/robots.txt"}
    assert retried == {"/bad/error", "/bad/slow", "/bad/drip"}
    assert FetchedPage.objects.get(url=local_site.url("/bad/error")).attempts == 2


FEED_FAILURES = {
    "/feeds/html": (Reply(body=b"<html><body><p>Welcome to our site</p></body></html>"), "not a feed: a web page"),
    "/feeds/json": (Reply(body=b'{"items": []}', content_type="application/json"), "the document is not XML"),
    "/feeds/error": (Reply(500, b"down", "text/plain"), "HTTP 500"),
    "/feeds/slow": (slow, "timed out"),
    "/feeds/missing": (Reply(404, b"gone", "text/plain"), "HTTP 404"),
    "/feeds/index": (
        Reply(body=b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>'),
        "a sitemap index",
    ),
}


def test_a_broken_feed_is_recorded_and_the_others_are_still_polled(local_site):
    for path, (route, _) in FEED_FAILURES.items():
        local_site.routes[path] = route
        followed(local_site.url(path))
    good = followed(two_story_feed(local_site))
    results = {result.feed.url: result for result in poll()}
    assert results[good.url].stored == 2
    for path, (_, reason) in FEED_FAILURES.items():
        feed = Feed.objects.get(url=local_site.url(path))
        assert (feed.last_outcome, feed.failures) == (PollOutcome.FAILED, 1)
        assert reason in feed.last_message, path


def test_failures_in_a_row_push_the_next_poll_back(local_site):
    local_site.routes["/feeds/error"] = Reply(500, b"down", "text/plain")
    feed = followed(local_site.url("/feeds/error"), every_minutes=10)
    for _ in range(3):
        poll(everything=True)
    feed.refresh_from_db()
    assert feed.failures == 3
    assert feed.next_poll_at - feed.last_polled_at == backoff(10, 3) == datetime.timedelta(minutes=80)
    assert poll() == []  # not due before then
    assert backoff(30, 12) == datetime.timedelta(hours=24)


def test_a_feed_of_ten_thousand_entries_gives_a_few_each_poll(local_site, settings):
    settings.FEEDS_MAX_BYTES = 5_000_000  # the feed itself is about 1.5 MB
    items = [{"title": f"Story {n}", "link": local_site.url(f"/many/{n}")} for n in range(10_000)]
    local_site.feed("/many.xml", rss(items))
    for n, paragraph in enumerate(WIRE_STORY):  # six stories that share no sentence
        local_site.page(f"/many/{n}", article_page(f"Story {n}", [paragraph]))
    followed(local_site.url("/many.xml"))
    [first] = poll()
    assert (first.entries, first.stored, first.left, first.unread) == (10_000, 5, 995, 9_000)
    message = Feed.objects.get().last_message
    assert "995 left for the next polls" in message and "9000 entries beyond the first 1000 not read" in message
    assert not Feed.objects.get().etag  # the next poll reads the feed again rather than hearing 304
    [second] = poll(everything=True)
    assert (second.seen, second.stored) == (5, 1)


def test_robots_txt_is_honoured(local_site):
    local_site.routes["/robots.txt"] = Reply(body=b"User-agent: Parley\nDisallow: /world/\n", content_type="text/plain")
    followed(two_story_feed(local_site))
    [result] = poll()
    assert result.stored == 0
    assert {reason for _, reason in result.failures} == {"disallowed by the site's robots.txt"}
    assert local_site.fetched("/world/power-talks") == 0


def test_requests_name_parley_in_their_user_agent(local_site):
    seen = []

    def record(handler):
        seen.append(handler.headers["User-Agent"])
        handler.send_response(404)
        handler.end_headers()

    local_site.routes["/feeds/ua"] = record
    followed(local_site.url("/feeds/ua"))
    poll()
    assert seen and seen[0].startswith("Parley/")


def test_a_feed_paused_during_its_poll_stays_paused(local_site):
    feed = followed(two_story_feed(local_site))
    Feed.objects.filter(pk=feed.pk).update(active=False, outlet="Renamed")
    feed_record_poll(FeedPoll(feed, PollOutcome.OK))
    feed.refresh_from_db()
    assert (feed.active, feed.outlet, feed.last_outcome) == (False, "Renamed", PollOutcome.OK)


def test_a_feed_claimed_by_another_poller_is_left_alone(local_site):
    feed = followed(two_story_feed(local_site))
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() - datetime.timedelta(seconds=1))
    stale = Feed.objects.get(pk=feed.pk)
    assert feed_claim(Feed.objects.get(pk=feed.pk), timezone.now())
    assert not feed_claim(stale, timezone.now())


# --- the commands ---


def test_follow_adds_a_feed_and_again_updates_it(capsys):
    call_command("follow", "https://news.example.org/rss", "--outlet", "Example Herald", "--every", "15")
    call_command("follow", "https://news.example.org/rss", "--every", "60")
    feed = Feed.objects.get()
    assert (feed.outlet, feed.interval_minutes, feed.last_outcome) == ("Example Herald", 60, PollOutcome.NEVER)
    assert "already followed" in capsys.readouterr().out


@pytest.mark.parametrize("url", ["file:///etc/passwd", "not a url", "ftp://example.org/feed"])
def test_follow_refuses_what_is_not_a_web_address(url):
    with pytest.raises(CommandError, match="not a web address"):
        call_command("follow", url)
    assert not Feed.objects.exists()


def test_follow_refuses_an_outlet_name_too_long_and_stores_nothing():
    with pytest.raises(CommandError, match="at most 200 characters"):
        call_command("follow", "https://news.example.org/rss", "--outlet", "x" * 201)
    assert not Feed.objects.exists()
