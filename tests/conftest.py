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
