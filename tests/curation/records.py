"""Extraction results written by hand: what the extraction layer would return for a given article body.

Offsets are found in the body, so a test states names and sentences, never numbers.
"""

from datetime import date

from extraction.records import (
    ArticleExtraction,
    DateSpan,
    EventRecord,
    EvidenceRecord,
    MentionRecord,
    ParticipantRecord,
    PersonRecord,
    RoleRecord,
)


def sentence_bounds(body: str, start: int) -> tuple[int, int]:
    """The sentence (ended by a full stop) that holds an offset."""
    begin = body.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = body.find(".", start)
    return begin, len(body) if end < 0 else end + 1


def mention(body: str, text: str, *, name: str | None = None, occurrence: int = 0) -> MentionRecord:
    """A mention of `text` (titles included) in the body; `name` is the name without titles."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    end = start + len(text)
    sentence_start, sentence_end = sentence_bounds(body, start)
    return MentionRecord(
        text=text,
        name=name or text,
        start=start,
        end=end,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
    )


def person(
    key: int, name: str, *mentions: MentionRecord, country: str = "", title: str = "", org: str = ""
) -> PersonRecord:
    roles = [RoleRecord(title=title, organization=org, country=country)] if title else []
    return PersonRecord(key=key, name=name, country=country, mentions=list(mentions), roles=roles)


def evidence(body: str, sentence_text: str) -> EvidenceRecord:
    start = body.index(sentence_text)
    return EvidenceRecord(sentence=sentence_text, start=start, end=start + len(sentence_text))


def event(
    body: str,
    sentence_text: str,
    participants: list[tuple[int, str]],
    *,
    on: date,
    kind: str = "meeting",
    place: str = "",
    host_country: str = "",
    confidence: float = 0.6,
) -> EventRecord:
    """An event reported by one sentence of the body, its participants given as (person key, role)."""
    return EventRecord(
        kind=kind,
        participants=[ParticipantRecord(person=key, role=role) for key, role in participants],
        evidence=[evidence(body, sentence_text)],
        date=DateSpan(start=on, end=on, precision="day"),
        place=place,
        host_country=host_country,
        confidence=confidence,
    )


def extraction(people: list[PersonRecord], events: list[EventRecord]) -> ArticleExtraction:
    return ArticleExtraction(people=people, events=events)
