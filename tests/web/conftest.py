"""A small knowledge base built with the factories: one trip to Tehran with two meetings, and some odd cases."""

import datetime
from dataclasses import dataclass

import pytest

from extraction.names import name_key
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    MentionFactory,
    ParticipationFactory,
    RoleFactory,
)

BODY = (
    "Pakistan's army chief Gen. Qamar Javed Bajwa arrived in Tehran on November 6.\n\n"
    "Bajwa was received by President Hassan Rouhani, who welcomed the visit.\n\n"
    "He also met Maj. Gen. Mohammad Bagheri, the chief of staff."
)


def official(name: str, country: str, *aliases: str, **kwargs):
    actor = ActorFactory(name=name, country=country, **kwargs)
    for alias in {name, *aliases}:
        ActorAliasFactory(actor=actor, name=alias, key=name_key(alias))
    return actor


def sentence_of(body: str, text: str) -> dict:
    start = body.index(text)
    return {"sentence": text, "start": start, "end": start + len(text)}


def mention(article, actor, text: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(text, start + 1)
    return MentionFactory(article=article, actor=actor, text=text, name=text, start=start, end=start + len(text))


@dataclass
class KB:
    article: object
    bajwa: object
    rouhani: object
    bagheri: object
    visit: object
    meeting: object
    meeting2: object
    rejected: object
    undated: object
    monthly: object


@pytest.fixture
def kb(db) -> KB:
    article = ArticleFactory(
        title="Pakistan's army chief in Tehran", body=BODY, published_on=datetime.date(2017, 11, 8)
    )
    bajwa = official("Qamar Javed Bajwa", "Pakistan", "Bajwa", "Jawid Qamar Bajwa", "Gen. Qamar Javed Bajwa")
    rouhani = official("Hassan Rouhani", "Iran", "Rouhani", "Hasan Rouhani")
    bagheri = official("Mohammad Bagheri", "Iran", "Bagheri")
    official("Tehran Times", "Iran", status="rejected")
    RoleFactory(
        actor=bajwa,
        title="Chief of Army Staff",
        country="Pakistan",
        first_seen=datetime.date(2017, 11, 8),
        last_seen=datetime.date(2018, 3, 1),
    )
    RoleFactory(
        actor=bajwa,
        title="Corps Commander",
        country="Pakistan",
        first_seen=datetime.date(2010, 1, 1),
        last_seen=datetime.date(2011, 1, 1),
    )
    RoleFactory(
        actor=rouhani,
        title="President",
        country="Iran",
        first_seen=datetime.date(2017, 1, 1),
        last_seen=datetime.date(2019, 1, 1),
    )
    day = {"date_start": datetime.date(2017, 11, 6), "date_end": datetime.date(2017, 11, 7), "date_precision": "day"}
    visit = EventFactory(kind="visit", place="Tehran", host_country="Iran", status="confirmed", **day)
    meeting = EventFactory(kind="meeting", place="Tehran", host_country="Iran", parent=visit, **day)
    meeting2 = EventFactory(kind="meeting", place="Tehran", host_country="Iran", parent=visit, **day)
    ParticipationFactory(event=visit, actor=bajwa, role="guest", country="Pakistan")
    ParticipationFactory(event=meeting, actor=bajwa, role="guest", country="Pakistan")
    ParticipationFactory(event=meeting, actor=rouhani, role="host", country="Iran")
    ParticipationFactory(event=meeting2, actor=bajwa, role="guest", country="Pakistan")
    ParticipationFactory(event=meeting2, actor=bagheri, role="host", country="Iran")
    EvidenceFactory(event=visit, article=article, **sentence_of(BODY, BODY.split("\n\n")[0]))
    EvidenceFactory(event=meeting, article=article, **sentence_of(BODY, BODY.split("\n\n")[1]))
    EvidenceFactory(event=meeting2, article=article, **sentence_of(BODY, BODY.split("\n\n")[2]))
    mention(article, bajwa, "Gen. Qamar Javed Bajwa")
    mention(article, bajwa, "Bajwa", occurrence=1)
    mention(article, rouhani, "President Hassan Rouhani")
    mention(article, bagheri, "Maj. Gen. Mohammad Bagheri")
    rejected = EventFactory(
        kind="phone_call",
        status="rejected",
        place="",
        host_country="",
        date_start=datetime.date(2018, 1, 5),
        date_end=datetime.date(2018, 1, 5),
    )
    ParticipationFactory(event=rejected, actor=rouhani)
    undated = EventFactory(
        kind="meeting",
        place="Islamabad",
        host_country="Pakistan",
        date_start=None,
        date_end=None,
        date_precision="unknown",
    )
    ParticipationFactory(event=undated, actor=bajwa)
    monthly = EventFactory(
        kind="phone_call",
        place="",
        host_country="",
        date_start=datetime.date(2019, 11, 1),
        date_end=datetime.date(2019, 11, 30),
        date_precision="month",
    )
    ParticipationFactory(event=monthly, actor=rouhani, country="Iran")
    ParticipationFactory(event=monthly, actor=None, office="Prime Minister of Japan", country="Japan")
    return KB(article, bajwa, rouhani, bagheri, visit, meeting, meeting2, rejected, undated, monthly)


def add_events(count: int, *, actor=None, parent=None, start: datetime.date = datetime.date(2015, 1, 10)) -> None:
    """Events with participants, evidence and roles, spread over months, to check that query counts stay flat.

    With an actor, each event and its article also involve that actor; with a parent, they are its children.
    """
    for i in range(count):
        article = ArticleFactory()
        a, b = ActorFactory(country="Ghana"), ActorFactory(country="Togo")
        for person, offset in ((a, 0), (b, 40)):
            ActorAliasFactory(actor=person, key=name_key(person.name))
            RoleFactory(actor=person, first_seen=start, last_seen=start + datetime.timedelta(days=900))
            MentionFactory(article=article, actor=person, start=offset, end=offset + 5)
        date = start + datetime.timedelta(days=37 * i)
        event = EventFactory(date_start=date, date_end=date, kind="meeting" if i % 2 else "visit", parent=parent)
        ParticipationFactory(event=event, actor=a)
        ParticipationFactory(event=event, actor=b)
        EvidenceFactory(event=event, article=article)
        if actor is not None:
            ParticipationFactory(event=event, actor=actor)
            MentionFactory(article=article, actor=actor, start=60, end=65)
        if i % 5 == 0:
            EventFactory(date_start=None, date_end=None, date_precision="unknown")
