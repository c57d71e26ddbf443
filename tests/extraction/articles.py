"""An invented article's people and events, with questions about them by name. `extract` and `people_of` read
them from a hand-built Doc (no trained model), as the `article` fixture reads them from text parsed as ingest
parses it."""

from datetime import date

from spacy.tokens import Doc

from extraction.events import find_events
from extraction.people import find_people
from extraction.records import DateSpan, EventRecord, PersonRecord
from tests.extraction.docs import parsed

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def day(iso: str) -> DateSpan:
    return DateSpan(date.fromisoformat(iso), date.fromisoformat(iso), "day")


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


def read(doc: Doc, published: date | None = PUBLISHED) -> Article:
    """The people and events of a parsed Doc."""
    people = find_people(doc)
    return Article(people, find_events(doc, people, published=published))


def extract(table: str | Doc, *, text: str | None = None, published: date | None = PUBLISHED) -> Article:
    """The people and events of a Doc built by hand from `table` (see tests.extraction.docs.parsed)."""
    return read(table if isinstance(table, Doc) else parsed(table, text), published)


def people_of(table: str, *, text: str | None = None) -> list[PersonRecord]:
    """The people of a Doc built by hand from `table`, read without a publication date."""
    return find_people(parsed(table, text))


def names(people: list[PersonRecord]) -> list[str]:
    return [p.name for p in people]


def the(people: list[PersonRecord], name: str) -> PersonRecord:
    """The one person of that name; fails loudly when there is none or several."""
    found = [p for p in people if p.name == name]
    assert len(found) == 1, f"expected one {name!r} in {names(people)}"
    return found[0]
