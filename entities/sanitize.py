"""What extraction hands over, made storable the same way on every database before it is written.

PostgreSQL refuses a NUL character and a name over its column's length; SQLite stores both. Bidi overrides and
isolates (U+202A-U+202E, U+2066-U+2069) in a name make it display reversed or spoofed. So names and texts are
cleaned here, once, and a "name" too long to be one (a run of capitalised words) is dropped rather than cut.
"""

import dataclasses
import re

from extraction.records import ArticleExtraction, EventRecord, PersonRecord

# C0 controls but tab and line breaks, DEL, and the bidi embedding, override, isolate and mark characters.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The longest name stored: Actor.name, ActorAlias.name and Mention.name are all this long.
MAX_NAME_CHARS = 200
MAX_TITLE_CHARS = 200


def clean_text(text: str) -> str:
    """The text without NUL, control or bidi formatting characters."""
    return _CONTROLS.sub("", text)


def clean_name(name: str, limit: int = MAX_NAME_CHARS) -> str | None:
    """A name with controls removed and spaces collapsed; None when it is longer than any name can be."""
    name = " ".join(clean_text(name).split())
    return name if len(name) <= limit else None


def extraction_sanitized(extraction: ArticleExtraction) -> ArticleExtraction:
    """The extraction with its names and texts cleaned; people without a storable name left out (events then
    simply do not name them)."""
    people = [person for person in map(_person, extraction.people) if person is not None]
    return ArticleExtraction(people=people, events=[_event(event) for event in extraction.events])


def _person(person: PersonRecord) -> PersonRecord | None:
    name = clean_name(person.name)
    if not name:
        return None
    mentions = [
        dataclasses.replace(m, text=clean_text(m.text), name=cleaned)
        for m in person.mentions
        if (cleaned := clean_name(m.name))
    ]
    roles = [
        dataclasses.replace(
            r, title=title, organization=clean_name(r.organization) or "", country=clean_text(r.country)
        )
        for r in person.roles
        if (title := clean_name(r.title, MAX_TITLE_CHARS))
    ]
    return dataclasses.replace(person, name=name, country=clean_text(person.country), mentions=mentions, roles=roles)


def _event(event: EventRecord) -> EventRecord:
    participants = [
        dataclasses.replace(p, office=clean_name(p.office) or "", country=clean_text(p.country))
        for p in event.participants
    ]
    evidence = [dataclasses.replace(e, sentence=clean_text(e.sentence)) for e in event.evidence]
    return dataclasses.replace(
        event,
        participants=participants,
        evidence=evidence,
        place=clean_name(event.place) or "",
        host_country=clean_text(event.host_country),
    )
