"""Plain records that the extraction layer returns and the storage layer writes.

They are picklable so that extraction can run in worker processes and hand its results back.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from extraction.confidence import UNSCORED


class EventKind(StrEnum):
    """What happened; the knowledge base's Event.kind takes its choices from here."""

    VISIT = "visit"
    MEETING = "meeting"
    PHONE_CALL = "phone_call"
    MULTILATERAL = "multilateral"


class Side(StrEnum):
    """How a person takes part: the traveller, the one who receives, or neither."""

    GUEST = "guest"
    HOST = "host"
    PARTICIPANT = "participant"


class Precision(StrEnum):
    """How much of a date is known, finest first (the values of articles.models.DatePrecision)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    UNKNOWN = "unknown"


class DateHedge(StrEnum):
    """How the text bounds a date: exactly, about (a window guessed from "a week ago"), or only from above (the
    news of an article is on or before its publication)."""

    EXACT = ""
    ABOUT = "about"
    ON_OR_BEFORE = "on_or_before"


@dataclass(frozen=True)
class DateSpan:
    """The interval of days an event can lie in, as precise as the text allows. An event that nothing dates has
    no DateSpan at all (None), so a date can always be compared. `hedge` and `basis` ("a week before 8 November")
    say how the interval was reached, for readers; they take no part in comparing spans."""

    start: date
    end: date
    precision: str = Precision.DAY
    hedge: str = field(default=DateHedge.EXACT, compare=False)
    basis: str = field(default="", compare=False)


@dataclass(frozen=True)
class RoleRecord:
    title: str
    organization: str = ""
    country: str = ""


@dataclass(frozen=True)
class MentionRecord:
    """A name as written: offsets into the article body, and the sentence that holds it."""

    text: str
    name: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass
class PersonRecord:
    """One person of one article, with every mention the article makes of them."""

    key: int
    name: str
    country: str = ""
    mentions: list[MentionRecord] = field(default_factory=list)
    roles: list[RoleRecord] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        """Every distinct name form, longest first."""
        seen = {m.name for m in self.mentions} | {self.name}
        return sorted(seen, key=lambda s: (-len(s), s))


@dataclass(frozen=True)
class ParticipantRecord:
    """A person (by PersonRecord.key) or an office that the text names instead of a person."""

    person: int | None
    role: str = Side.PARTICIPANT
    office: str = ""
    country: str = ""


@dataclass(frozen=True)
class EvidenceRecord:
    sentence: str
    start: int
    end: int


@dataclass
class EventRecord:
    kind: str  # an EventKind
    participants: list[ParticipantRecord]
    evidence: list[EvidenceRecord]
    date: DateSpan | None = None
    place: str = ""
    host_country: str = ""
    planned: bool = False
    confidence: float = UNSCORED
    parent: int | None = None  # index of the visit in ArticleExtraction.events

    @property
    def people(self) -> set[int]:
        return {p.person for p in self.participants if p.person is not None}


@dataclass
class ArticleExtraction:
    people: list[PersonRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
