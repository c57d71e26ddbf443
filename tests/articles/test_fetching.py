"""The polite HTTP client on its own: bounded in time and size, only the web, robots.txt read first."""

import time

import pytest

from articles.fetching import Fetcher, FetchFailed, Limits
from tests.local_site import DRIP_SECONDS, Reply, drip, endless

LIMITS = Limits(user_agent="Parley/1.0 (tests)", timeout=2, max_bytes=100_000)


def test_a_page_sent_a_few_bytes_at_a_time_fails_at_the_deadline_not_at_its_end(local_site):
    local_site.routes["/drip"] = drip
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="timed out"):
        Fetcher(LIMITS).get(local_site.url("/drip"))
    assert time.monotonic() - started < DRIP_SECONDS - 2


def test_a_streamed_page_is_refused_once_past_the_limit(local_site):
    local_site.routes["/huge"] = endless
    with pytest.raises(FetchFailed, match="too large: over 100,000 bytes"):
        Fetcher(LIMITS).get(local_site.url("/huge"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed.xml", "data:text/html,<p>hi</p>"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(FetchFailed, match="not a web address"):
        Fetcher(LIMITS).get(url)


def test_a_site_whose_robots_txt_fails_is_not_fetched_at_all(local_site):
    local_site.routes["/robots.txt"] = Reply(503, b"busy", "text/plain")
    local_site.page("/story", "<p>text</p>")
    with pytest.raises(FetchFailed, match=r"robots\.txt could not be read"):
        Fetcher(LIMITS).get(local_site.url("/story"))
    assert local_site.fetched("/story") == 0


def test_robots_txt_is_read_once_per_poll(local_site):
    fetcher = Fetcher(LIMITS)
    for path in ("/a", "/b"):
        local_site.page(path, "<p>text</p>")
        fetcher.get(local_site.url(path))
    assert local_site.fetched("/robots.txt") == 1


def test_two_requests_to_one_site_are_spaced_by_the_delay(local_site):
    fetcher = Fetcher(Limits(user_agent="Parley/1.0 (tests)", timeout=2, max_bytes=100_000, host_delay=0.5))
    local_site.page("/a", "<p>text</p>")
    fetcher.get(local_site.url("/a"))
    started = time.monotonic()
    fetcher.get(local_site.url("/a"))
    assert time.monotonic() - started >= 0.5
