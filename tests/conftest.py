"""Fixtures shared by the whole suite."""

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached (the timeline caches its country choices)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def nlp_model():
    """The trained spaCy pipeline named by settings.SPACY_MODEL; only tests marked `model` use it."""
    from entities.nlp import configured_nlp

    return configured_nlp()


# --- headless Chromium: Debian's package, never a downloaded build, driven by Playwright's sync API ---
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session; on CI a missing Chromium fails the run instead of skipping its tests."""
    if not CHROMIUM.exists():
        message = "browser tests need Debian's chromium (make browser, or apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM must still be allowed here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


# --- a news site on 127.0.0.1 for the feed tests (tests/local_site.py) ---
@pytest.fixture
def local_site():
    """A threaded http.server on a free loopback port, shut down after the test."""
    from tests.local_site import LocalSite, serve

    site = LocalSite()
    server, thread = serve(site)
    yield site
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def feed_limits(settings):
    """Small bounds, so the slow and the oversized pages fail in two seconds, and no pause between requests."""
    settings.FEEDS_TIMEOUT_SECONDS = 2
    settings.FEEDS_MAX_BYTES = 300_000
    settings.FEEDS_HOST_DELAY_SECONDS = 0
    settings.FEEDS_MAX_ENTRIES_PER_POLL = 5
    return settings
