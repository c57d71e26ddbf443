"""A syndicated near-copy shares its original's events: evidence added where its text has the same sentence."""

import pytest

from entities.models import Event, Evidence
from entities.services import article_share_events
from tests.factories import ArticleFactory, EventFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

MET = "Minister Ana Silva met President Kwame Mensah in Accra."
CALLED = "Silva later called the prime minister of Togo."


def test_the_copy_gives_evidence_for_each_sentence_it_repeats_and_no_event_is_made():
    original = ArticleFactory(body=f"{MET} {CALLED}")
    meeting, call = EventFactory(), EventFactory(kind="call")
    EvidenceFactory(event=meeting, article=original, sentence=MET, start=0, end=len(MET))
    EvidenceFactory(event=call, article=original, sentence=CALLED, start=len(MET) + 1, end=len(original.body))
    copy = ArticleFactory(body=f"From our partners. {MET} Officials said little else.", extracted_at=None)
    assert article_share_events(copy=copy, original=original) == 1
    [shared] = Evidence.objects.filter(article=copy)
    assert (shared.event, copy.body[shared.start : shared.end]) == (meeting, MET)
    assert Event.objects.count() == 2
    copy.refresh_from_db()
    assert copy.extracted_at is not None


def test_sharing_twice_adds_nothing():
    original = ArticleFactory(body=MET)
    EvidenceFactory(event=EventFactory(), article=original, sentence=MET, start=0, end=len(MET))
    copy = ArticleFactory(body=f"Wire: {MET}")
    article_share_events(copy=copy, original=original)
    article_share_events(copy=copy, original=original)
    assert Evidence.objects.filter(article=copy).count() == 1
