"""Django's admin works under our Content-Security-Policy: a real browser logs in and reports no violation."""

import shutil

import pytest

from tests.factories import EvidenceFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # UserFactory's
# Records every violation the browser reports; Playwright injects it outside the page's CSP.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def curator(transactional_db):
    """Made before the browser starts: Playwright's event loop makes Django refuse ORM calls from this thread."""
    return UserFactory(username="curator", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(transactional_db):
    return UserFactory(username="editor")


@pytest.fixture
def public_paths(transactional_db) -> list[str]:
    participation = ParticipationFactory()
    evidence = EvidenceFactory(event=participation.event)
    return [
        "/",
        "/events/",
        f"/events/{participation.event.pk}/",
        "/officials/",
        f"/officials/{participation.actor.pk}/",
        "/articles/",
        f"/articles/{evidence.article.pk}/",
    ]


@pytest.fixture
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (make browser)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        page.add_init_script(LISTEN_FOR_VIOLATIONS)
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.console_messages_seen = console
        yield page
        browser.close()


def violations(page) -> list[str]:
    reported = page.evaluate("window.__cspViolations")
    logged = [text for text in page.console_messages_seen if "Content Security Policy" in text]
    return reported + logged


def test_admin_login_and_changelist_render_with_no_csp_violation(live_server, curator, browser_page):
    page = browser_page
    seen = {}

    response = page.goto(f"{live_server.url}/admin/login/")
    assert "Content-Security-Policy" in {name.title() for name in response.headers}
    seen["login"] = violations(page)
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    seen["index"] = violations(page)
    for name, path in [("changelist", "/admin/auth/user/"), ("change form", f"/admin/auth/user/{curator.pk}/change/")]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        seen[name] = violations(page)

    assert page.is_visible("#result_list") is False  # the change form replaced the changelist...
    assert page.is_visible("#user_form")  # ...and rendered, scripts and all
    assert seen == {name: [] for name in seen}


def test_admin_changelist_javascript_runs_under_the_policy(live_server, curator, editor, browser_page):
    """The action bar's select-all checkbox is wired up by admin/js/actions.js: if scripts were blocked it would not."""
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/?next=/admin/auth/user/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#result_list")

    page.check("#action-toggle")

    assert page.locator("input.action-select:checked").count() == 2
    assert "2 of 2 selected" in page.inner_text(".action-counter")
    assert violations(page) == []


def test_the_violation_listener_reports_a_blocked_inline_style(live_server, browser_page):
    """Guards the two tests above against passing because nothing was listening."""
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")

    page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<p style="color: red">inline</p>')""")
    page.wait_for_function("window.__cspViolations.length > 0")

    assert any(text.startswith("style-src") for text in violations(page))


def test_public_pages_render_with_no_csp_violation(live_server, public_paths, browser_page):
    page = browser_page
    seen = {}
    for path in public_paths:
        response = page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        seen[path] = violations(page)

    assert seen == {path: [] for path in public_paths}
