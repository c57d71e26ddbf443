"""What the extraction specifications share: an invented article, parsed as ingest parses it, with questions
about its events."""

from datetime import date

import pytest

from extraction.events import find_events
from extraction.people import find_people
from extraction.records import EventRecord, PersonRecord
from extraction.runtime.nlp import parse_selectively

PUBLISHED = date(2021, 3, 17)  # a Wednesday


class Article:
    """One parsed article: its people and events, and questions about them by name."""

    def __init__(self, people: list[PersonRecord], events: list[EventRecord]):
        self.people = people
        self.events = events

    def key(self, name: str) -> int:
        found = [p.key for p in self.people if p.name == name]
        assert len(found) == 1, f"expected one {name!r} in {[p.name for p in self.people]}"
        return found[0]

    def sides(self, event: EventRecord) -> dict[str, str]:
        """Participant name (or 'office, country', the office lower-cased) -> role."""
        names = {p.key: p.name for p in self.people}
        return {
            names[p.person] if p.person is not None else f"{p.office.lower()}, {p.country}": p.role
            for p in event.participants
        }

    def of_kind(self, kind: str) -> list[EventRecord]:
        return [e for e in self.events if e.kind == kind]

    def one(self, kind: str) -> EventRecord:
        found = self.of_kind(kind)
        assert len(found) == 1, f"expected one {kind} in {[e.kind for e in self.events]}"
        return found[0]


@pytest.fixture
def article(nlp_model):
    def extract(text: str, published: date | None = PUBLISHED) -> Article:
        [doc] = parse_selectively(nlp_model, [text], batch_size=1)  # as ingest parses
        people = find_people(doc, published=published)
        return Article(people, find_events(doc, people, published=published))

    return extract
