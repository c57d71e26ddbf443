"""Django's admin and the public pages work under our Content-Security-Policy: a real browser reports no violation.

Each test drives Chromium from a thread of its own, with its own Playwright: another suite's session-wide
Playwright keeps an event loop running in the main thread, and the sync API refuses to start under one.
"""

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.factories import EvidenceFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # UserFactory's
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Records every violation the browser reports; Playwright injects it outside the page's CSP.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def in_browser():
    """Run `visit(page, *args)` in a fresh headless Chromium on another thread and return what it returns."""
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (make browser)")

    def drive(visit, *args):
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.set_default_timeout(15_000)
                page.add_init_script(LISTEN_FOR_VIOLATIONS)
                page.console_messages_seen = []
                page.on("console", lambda message: page.console_messages_seen.append(message.text))
                return visit(page, *args)
            finally:
                browser.close()

    def run(visit, *args):
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(drive, visit, *args).result()

    return run


@pytest.fixture
def curator(transactional_db):
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


def violations(page) -> list[str]:
    reported = page.evaluate("window.__cspViolations")
    logged = [text for text in page.console_messages_seen if "Content Security Policy" in text]
    return reported + logged


def log_in(page, url: str, next_path: str = "/admin/") -> None:
    page.goto(f"{url}/admin/login/?next={next_path}")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{url}{next_path}")


def visit_admin(page, url: str, curator_pk: int) -> dict:
    seen = {}
    response = page.goto(f"{url}/admin/login/")
    seen["csp header"] = "content-security-policy" in response.headers
    seen["login"] = violations(page)
    log_in(page, url)
    seen["index"] = violations(page)
    for name, path in [("changelist", "/admin/auth/user/"), ("change form", f"/admin/auth/user/{curator_pk}/change/")]:
        page.goto(f"{url}{path}")
        page.wait_for_load_state("networkidle")
        seen[name] = violations(page)
    seen["change form rendered"] = page.is_visible("#user_form")
    return seen


def test_admin_login_and_changelist_render_with_no_csp_violation(live_server, curator, in_browser):
    seen = in_browser(visit_admin, live_server.url, curator.pk)

    assert seen.pop("csp header")
    assert seen.pop("change form rendered")
    assert seen == {name: [] for name in seen}


def select_all_users(page, url: str) -> dict:
    """The action bar's select-all checkbox is wired up by admin/js/actions.js: if scripts were blocked it would not."""
    log_in(page, url, "/admin/auth/user/")
    page.check("#action-toggle")
    return {
        "checked": page.locator("input.action-select:checked").count(),
        "counter": page.inner_text(".action-counter"),
        "violations": violations(page),
    }


def test_admin_changelist_javascript_runs_under_the_policy(live_server, curator, editor, in_browser):
    seen = in_browser(select_all_users, live_server.url)

    assert seen["checked"] == 2
    assert "2 of 2 selected" in seen["counter"]
    assert seen["violations"] == []


def inject_inline_style(page, url: str) -> list[str]:
    page.goto(f"{url}/admin/login/")
    page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<p style="color: red">inline</p>')""")
    page.wait_for_function("window.__cspViolations.length > 0")
    return violations(page)


def test_the_violation_listener_reports_a_blocked_inline_style(live_server, transactional_db, in_browser):
    """Guards the other tests here against passing because nothing was listening."""
    seen = in_browser(inject_inline_style, live_server.url)

    assert any(text.startswith("style-src") for text in seen)


def visit_public_pages(page, url: str, paths: list[str]) -> dict:
    seen = {}
    for path in paths:
        response = page.goto(f"{url}{path}")
        page.wait_for_load_state("networkidle")
        seen[path] = (response.status, violations(page))
    return seen


def test_public_pages_render_with_no_csp_violation(live_server, public_paths, in_browser):
    seen = in_browser(visit_public_pages, live_server.url, public_paths)

    assert seen == {path: (200, []) for path in public_paths}


def browse_api_docs(page, url: str) -> dict:
    """Swagger UI draws the operations from the schema; a blocked script or CDN file would leave the page empty."""
    response = page.goto(f"{url}/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    page.wait_for_load_state("networkidle")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    return {"status": response.status, "paths": sorted(set(paths)), "violations": violations(page)}


def test_the_api_docs_render_under_the_policy_without_a_cdn(live_server, transactional_db, in_browser):
    seen = in_browser(browse_api_docs, live_server.url)

    assert seen["status"] == 200
    assert {"/api/events", "/api/events/{pk}", "/api/officials", "/api/relations"} <= {
        p.replace("\u200b", "") for p in seen["paths"]
    }
    assert seen["violations"] == []
