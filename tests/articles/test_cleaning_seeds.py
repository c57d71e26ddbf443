"""Cleaning the sample corpus: metadata as each page gives it, page chrome gone, every paragraph kept."""

import datetime

import pytest

from articles.cleaning import clean_article
from tests.articles.conftest import SEEDS


def cleaned(prefix: str):
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return clean_article(path.read_text(encoding="utf-8"))


def source_lines(prefix: str) -> list[str]:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


EXPECTED = {
    "000": {
        "title": "Pakistan’s Close Relations with Iran; Are New Regional Changes on Way?",
        "outlet": "",
        "author": "",
        "published_on": None,
        "published_precision": "unknown",
    },
    "001": {
        "title": "New hope after Pakistan-Iran thaw",
        "outlet": "",
        "author": "",
        "published_on": None,
        "published_precision": "unknown",
    },
    "002": {
        "title": "Pakistan Iran military relations improvement will benefit both",
        "outlet": "Shiite News Exclusive",
        "author": "M.S. Mehdi",
        "published_on": None,
        "published_precision": "unknown",
    },
    "003": {
        "title": "Pakistan, Iran step up military ties",
        "outlet": "Indian Punchline",
        "author": "M K Bhadrakumar",
        "published_on": datetime.date(2017, 11, 8),
        "published_precision": "day",
    },
    "004": {
        "title": "Iran and Pakistan: Two Neighboring Nations Facing Shared Adversaries and Challenges",
        "outlet": "",
        "author": "",
        "published_on": datetime.date(2024, 1, 22),
        "published_precision": "day",
    },
}

CHROME = [
    "Related Articles",
    "Leave a Reply",
    "Leave a comment",
    "Your email address will not be published.",
    "Back to top button",
    "Adblock Detected",
    "Please consider supporting us by disabling your ad blocker",
    "No comments yet.",
    "This site uses Akismet",
    "Story Code",
    "Posted by",
    "Slideshow",
    "Volume 13",
]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_metadata_is_what_the_page_gives(prefix):
    article = cleaned(prefix)
    found = {key: getattr(article, key) for key in EXPECTED[prefix]}
    assert found == EXPECTED[prefix]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_body_has_no_page_chrome(prefix):
    body = cleaned(prefix).body
    for phrase in CHROME:
        assert phrase not in body


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_body_keeps_every_paragraph_in_order(prefix):
    paragraphs = [
        line for line in source_lines(prefix) if len(line.split()) >= 12 and not any(c in line for c in CHROME)
    ]
    body = cleaned(prefix).body.split("\n\n")
    kept = [p for p in body if p in paragraphs]
    assert kept == [p for p in paragraphs if p in kept]
    assert set(paragraphs) <= set(body)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_body_does_not_repeat_the_title_line(prefix):
    article = cleaned(prefix)
    assert article.title not in article.body.split("\n\n")


def test_glued_navigation_labels_become_sections():
    assert cleaned("000").sections == ["Analytics", "Latest News", "Region", "Slideshow"]


def test_issue_number_in_a_label_run_is_not_a_section():
    assert cleaned("001").sections == ["Featured", "National"]


def test_outlet_named_in_the_label_run_is_not_also_a_section():
    assert "Shiite News Exclusive" not in cleaned("002").sections


def test_footer_categories_become_sections():
    assert cleaned("003").sections == ["Economics", "Timeless or most popular"]


def test_short_subheadings_stay_in_the_body():
    body = cleaned("002").body.split("\n\n")
    assert "Meetings with Iranian top officials" in body
    assert "What discussed" in body


def test_closing_credit_is_not_body_text():
    assert "for Shiite News Exclusive" not in cleaned("002").body


def test_byline_dateline_and_masthead_are_not_body_text():
    assert "Bhadrakumar" not in cleaned("003").body
    assert "Aletho News" not in cleaned("003").body
    assert "21:40" not in cleaned("004").body


def test_stray_counter_and_trailing_comment_prompt_are_dropped():
    body = cleaned("004").body
    assert not body.startswith("0")
    assert not body.endswith("Comment")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_cleaning_is_deterministic(prefix):
    assert cleaned(prefix) == cleaned(prefix)
