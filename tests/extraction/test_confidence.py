"""Confidence rises with what the text and other reports add, and stays below certainty."""

from extraction import confidence


def test_a_date_and_a_place_raise_a_drafts_confidence():
    bare = confidence.of_draft(confidence.FOUND, dated=False, placed=False)
    assert bare < confidence.of_draft(confidence.FOUND, dated=True, placed=False)
    assert confidence.of_draft(confidence.FOUND, dated=True, placed=False) < confidence.of_draft(
        confidence.FOUND, dated=True, placed=True
    )


def test_one_article_never_makes_an_event_certain():
    score = confidence.FOUND
    for _ in range(10):
        score = confidence.repeated_in_article(score, confidence.FOUND)
    assert score == confidence.ARTICLE_CAP
    assert confidence.of_draft(0.9, dated=True, placed=True) == confidence.ARTICLE_CAP


def test_reports_from_other_articles_come_close_to_certainty():
    score = confidence.ARTICLE_CAP
    for _ in range(5):
        score = confidence.reported_again(score, confidence.FOUND)
    assert score == confidence.KNOWLEDGE_BASE_CAP < 1
