"""Headless Chromium (Debian's, never a downloaded build) driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path

import pytest

from tests.web.conftest import kb  # noqa: F401 - the same knowledge base as the page tests

# Set to a folder to keep screenshots of the pages the tests visit.
SCREENSHOTS = os.environ.get("PARLEY_SCREENSHOTS")


def _new_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    return context, page


@pytest.fixture
def page(browser, live_server):
    context, page = _new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    yield page
    _close(context, page)


@pytest.fixture
def phone(browser, live_server):
    context, page = _new_page(browser, live_server, viewport={"width": 375, "height": 740}, device_scale_factor=2)
    yield page
    _close(context, page)


def _close(context, page) -> None:
    """A request still in flight (a late favicon) must not reach a route handler of a closed context: its error
    would surface in the next test's setup."""
    page.unroute_all(behavior="wait")
    context.close()


@pytest.fixture
def shot():
    """Save a screenshot when PARLEY_SCREENSHOTS names a folder; a no-op otherwise."""

    def take(page, name: str) -> None:
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)

    return take
