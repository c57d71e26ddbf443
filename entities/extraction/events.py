"""Events in an article: visits, meetings, calls and conferences with participants, dates and places."""

from datetime import date

from spacy.tokens import Doc

from entities.extraction.records import EventRecord, PersonRecord


def find_events(doc: Doc, people: list[PersonRecord], *, published: date | None) -> list[EventRecord]:
    return []
