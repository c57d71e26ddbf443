"""What a person sees: each kind of page opened in Chromium, the filters and the officials search used."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.browser

# No inline script, style attribute or event handler: the pages must work under a strict Content-Security-Policy.
CSP_VIOLATIONS = "document.querySelectorAll('script:not([src]), [style], [onclick], [onload], [onerror]').length"


def assert_clean(page):
    assert page.evaluate(CSP_VIOLATIONS) == 0
    assert page.locator("main h1").count() == 1
    assert page.dialogs == []


def test_home_search_leads_to_an_official(page, kb, shot):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who met whom, where and when")
    expect(page.locator(".stats")).to_contain_text("Events")
    shot(page, "home")
    page.get_by_label("Find an official").fill("Rohani")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/officials/\?q=Rohani"))
    first = page.locator(".official-card").first
    expect(first).to_contain_text("Hassan Rouhani")
    expect(first).to_contain_text("President")
    shot(page, "officials-search")
    first.get_by_role("link", name="Hassan Rouhani").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hassan Rouhani")
    expect(page.get_by_role("table")).to_contain_text("Qamar Javed Bajwa")
    assert_clean(page)


@pytest.mark.parametrize("query", ["Baqeri", "gen bajwa", "Jawid Bajwa"])
def test_officials_search_tolerates_spellings(page, kb, query):
    page.goto("/officials/")
    page.get_by_label("Find an official by any name").fill(query)
    page.keyboard.press("Enter")
    expect(page.locator(".official-card").first).to_contain_text(
        "Mohammad Bagheri" if query == "Baqeri" else "Qamar Javed Bajwa"
    )


def test_timeline_filters_live_in_the_url(page, kb, shot):
    page.goto("/events/")
    expect(page.locator(".chart svg.chart-wide")).to_be_visible()
    expect(page.get_by_role("heading", name="Date unknown")).to_be_visible()
    shot(page, "timeline")
    page.get_by_label("Kind:", exact=True).select_option("meeting")
    page.get_by_label("Country:", exact=True).select_option("Iran")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"kind=meeting.*country=Iran"))
    expect(page.locator(".event-card")).to_have_count(2)
    expect(page.get_by_label("Kind:", exact=True)).to_have_value("meeting")
    export = page.get_by_role("link", name="CSV", exact=True)
    assert "kind=meeting" in export.get_attribute("href")
    page.get_by_label("Officials:", exact=True).fill("rouhani")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".event-card")).to_have_count(1)
    page.get_by_role("link", name="Clear all").click()
    expect(page).to_have_url(re.compile(r"/events/$"))
    assert_clean(page)


def test_chart_bar_narrows_the_timeline_to_its_month(page, kb):
    page.goto("/events/")
    page.locator(".chart a").first.click()
    expect(page).to_have_url(re.compile(r"date_from=2017-11-01&date_to=2017-11-30"))
    expect(page.get_by_label("From")).to_have_value("2017-11-01")


def test_bad_filter_shows_an_error_not_a_crash(page, kb):
    response = page.goto("/events/?kind=summit&date_from=yesterday")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("could not be read")


def test_event_page_evidence_leads_to_the_sentence_in_the_article(page, kb, shot):
    page.goto(f"/events/{kb.meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bajwa meets Rouhani")
    expect(page.locator(".evidence mark").first).to_have_text("Bajwa")
    expect(page.locator(".participants")).to_contain_text("Chief of Army Staff")
    expect(page.get_by_role("heading", name="Part of a visit")).to_be_visible()
    shot(page, "event")
    page.locator(".evidence figcaption a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/#s-\d+"))
    target = page.locator(".article-body .evidence-sentence:target")
    expect(target).to_contain_text("Bajwa was received")
    expect(target).to_be_in_viewport()
    assert_clean(page)


def test_article_search_and_page(page, kb, shot):
    page.goto("/articles/")
    page.get_by_label("Search the articles").fill("Bagheri")
    page.keyboard.press("Enter")
    expect(page.locator(".snippet mark").first).to_have_text(re.compile("Bagheri", re.IGNORECASE))
    page.get_by_role("link", name="Pakistan's army chief in Tehran").click()
    expect(page.locator(".article-body a.person")).to_have_count(4)
    shot(page, "article")
    page.locator(".article-body a.person", has_text="Hassan Rouhani").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hassan Rouhani")


def test_article_markup_is_shown_as_text_never_run(page, kb):
    body = "<script>alert('x')</script><img src=x onerror=\"alert('y')\"> Bajwa spoke."
    article = ArticleFactory(title="<b>Markup</b> test", body=body)
    start = body.index("Bajwa")
    MentionFactory(article=article, actor=kb.bajwa, text="Bajwa", start=start, end=start + 5)
    page.goto(f"/articles/{article.pk}/")
    expect(page.locator(".article-body")).to_contain_text("<script>alert('x')</script>")
    expect(page.get_by_role("heading", level=1)).to_have_text("<b>Markup</b> test")
    page.goto("/articles/?q=Bajwa")
    expect(page.locator(".article-card").first).to_be_visible()
    assert_clean(page)


@pytest.mark.parametrize("path", ["/", "/events/", "/officials/?q=bajwa", "/articles/"])
def test_narrow_screen_has_no_sideways_scroll(phone, kb, shot, path):
    phone.goto(path)
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    expect(phone.get_by_role("navigation", name="Main")).to_be_visible()
    shot(phone, "phone" + path.replace("/", "-").replace("?", "-").replace("=", "-"))


def test_event_and_official_pages_on_a_phone(phone, kb, shot):
    for path, name in [(f"/events/{kb.meeting.pk}/", "phone-event"), (f"/officials/{kb.bajwa.pk}/", "phone-official")]:
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        shot(phone, name)


def test_skip_link_and_landmarks(page, kb):
    page.goto("/events/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    for role in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(role)).to_have_count(1)
    expect(page.get_by_role("link", name="Timeline")).to_have_attribute("aria-current", "page")


STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def test_pages_work_under_a_strict_content_security_policy(page, kb):
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route("**/*", with_csp)
    paths = ["/", "/events/", f"/events/{kb.meeting.pk}/", "/officials/?q=bajwa", f"/officials/{kb.bajwa.pk}/"]
    paths += ["/articles/?q=Bajwa", f"/articles/{kb.article.pk}/"]
    for path in paths:
        page.goto(path)
        # The stylesheet applied: the header has its brand colour, so CSS was not blocked.
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
            == "rgb(18, 58, 92)"
        )
    assert violations == []
