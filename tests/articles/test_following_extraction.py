"""What feeds stored is extracted in the same run; an article extraction fails on waits for the next run.

The real extraction code on an untrained pipeline (tests/articles/conftest.py): no model to load.
"""

import pytest
import spacy
from spacy.language import Language

from articles.following import feed_follow
from articles.models import Article
from entities.following import feeds_follow_up
from tests.feed_documents import OTHER_STORY, WIRE_STORY, article_page, rss

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("feed_limits")]

MARKER = "Montevideo"  # only the second story names it


@Language.component("fail_on_montevideo")
def fail_on_montevideo(doc):
    if MARKER in doc.text:
        raise ValueError("the parser broke on this text")
    return doc


@pytest.fixture(scope="module")
def breaking_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("flat_parse")
    nlp.add_pipe("fail_on_montevideo")
    return nlp


@pytest.fixture
def two_stories(local_site):
    first = local_site.page("/a", article_page("Power talks", WIRE_STORY))
    second = local_site.page("/b", article_page("Naval talks", OTHER_STORY))
    feed_follow(url=local_site.feed("/rss.xml", rss([{"title": "a", "link": first}, {"title": "b", "link": second}])))


def test_an_article_extraction_fails_on_costs_only_itself_and_is_tried_on_the_next_run(
    two_stories, breaking_nlp, blank_nlp
):
    first = feeds_follow_up(nlp=breaking_nlp)
    assert first.extracted.extracted == 1
    assert first.extracted.failures == [("Naval talks", "extraction failed")]
    assert Article.objects.get(title="Naval talks").extracted_at is None
    second = feeds_follow_up(everything=True, nlp=blank_nlp)  # the feed answers 304; the article is still due
    assert [str(poll) for poll in second.polls] == ["not modified since the last poll"]
    assert second.extracted.extracted == 1
    assert not Article.objects.filter(extracted_at=None).exists()


def test_a_run_with_nothing_new_loads_no_pipeline(two_stories, blank_nlp, monkeypatch):
    feeds_follow_up(nlp=blank_nlp)
    import entities.following

    def no_model():
        raise AssertionError("the pipeline was loaded with nothing to extract")

    monkeypatch.setattr(entities.following, "curated_nlp", no_model)
    assert feeds_follow_up(everything=True).extracted.extracted == 0
