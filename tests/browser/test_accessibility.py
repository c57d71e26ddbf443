"""axe-core (vendored from npm: static/vendor/axe-core) on every public page: no serious or critical violation,
headings in order, and nothing failing in the browser console (a missing favicon was one such error on every page).

axe is loaded as a same-origin file, as the Content-Security-Policy allows; an inline copy would be refused.
"""

from itertools import pairwise
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"
AXE_URL = "/static/vendor/axe-core/axe.min.js"
# WCAG 2.1 A and AA, and axe's best practices (heading order, landmarks, ...).
RUN_AXE = """() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
    'best-practice']}}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
    target: v.nodes[0].target.join(' ')})))"""
HEADING_LEVELS = "() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), h => Number(h.tagName[1]))"


def public_pages(kb) -> dict[str, str]:
    return {
        "home": "/",
        "timeline": "/events/",
        "timeline filtered": "/events/?kind=meeting&country=Iran",
        "meeting in a visit": f"/events/{kb.meeting.pk}/",
        "visit": f"/events/{kb.visit.pk}/",
        "officials": "/officials/",
        "officials search": "/officials/?q=Rohani",
        "official": f"/officials/{kb.rouhani.pk}/",
        "articles": "/articles/",
        "articles search": "/articles/?q=Bajwa",
        "article": f"/articles/{kb.article.pk}/",
        "not found": "/no-such-page/",
    }


def test_axe_is_vendored():
    assert AXE.read_text()[:40].startswith("/*! axe v4.")


def test_every_public_page_passes_axe(page, kb):
    ArticleFactory(title="Harbour news", body="The harbour reopened after the storm.")
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    problems: dict[str, object] = {}
    for name, url in public_pages(kb).items():
        page.goto(url)
        page.add_script_tag(url=AXE_URL)
        serious = [v for v in page.evaluate(RUN_AXE) if v["impact"] in ("serious", "critical")]
        levels = page.evaluate(HEADING_LEVELS)
        skips = [(a, b) for a, b in pairwise(levels) if b > a + 1]
        if serious or skips or levels[:1] != [1]:
            problems[name] = {"axe": serious, "heading levels": levels}
    assert problems == {}, problems
    # The 404 page's own status is the one error a browser reports; anything else is a fault of ours.
    assert [e for e in errors if "404" not in e] == []
