"""A small invented knowledge base for the open-data tests: two countries, their officials, four events.

One event is rejected: it must appear in no answer of the API, no feed and no export.
"""

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
    ParticipationFactory,
    RoleFactory,
)


@dataclass
class OpenKB:
    article: object
    lindqvist: object
    berg: object
    meeting: object
    visit: object
    undated: object
    rejected: object


def official(name: str, country: str, *aliases: str):
    actor = ActorFactory(name=name, country=country)
    for alias in {name, *aliases}:
        ActorAliasFactory(actor=actor, name=alias, key=name_key(alias))
    return actor


def took_part(event, *actors) -> None:
    for actor in actors:
        ParticipationFactory(event=event, actor=actor)


@pytest.fixture
def open_kb(db) -> OpenKB:
    article = ArticleFactory(
        title="Norland and Sudmark ministers hold harbour talks",
        outlet="The Example Herald",
        published_on=datetime.date(2021, 5, 4),
        url="https://herald.example.org/2021/harbour-talks",
        body="Foreign Minister Ana Lindqvist met Tomas Berg in Port Vela on Monday.",
    )
    lindqvist = official("Ana Lindqvist", "Norland", "A. Lindqvist")
    berg = official("Tomas Berg", "Sudmark")
    RoleFactory(actor=lindqvist, title="Foreign Minister", country="Norland", first_seen=datetime.date(2020, 1, 2),
                last_seen=datetime.date(2021, 5, 4))  # fmt: skip
    day = datetime.date(2021, 5, 3)
    meeting = EventFactory(kind="meeting", status="confirmed", date_start=day, date_end=day, place="Port Vela",
                           host_country="Sudmark", confidence=0.9)  # fmt: skip
    visit = EventFactory(kind="visit", planned=True, date_start=datetime.date(2031, 6, 1),
                         date_end=datetime.date(2031, 6, 3), place="Nordhavn", host_country="Norland")  # fmt: skip
    undated = EventFactory(kind="phone_call", date_start=None, date_end=None, date_precision="unknown", place="",
                           host_country="")  # fmt: skip
    rejected = EventFactory(kind="meeting", status="rejected", date_start=datetime.date(2021, 5, 2),
                            date_end=datetime.date(2021, 5, 2), place="Port Vela", host_country="Sudmark")  # fmt: skip
    for event in (meeting, visit, undated, rejected):
        took_part(event, lindqvist, berg)
    EvidenceFactory(event=meeting, article=article, sentence=article.body)
    EvidenceFactory(event=rejected, article=article, sentence=article.body, start=1)
    return OpenKB(article, lindqvist, berg, meeting, visit, undated, rejected)
