"""What the selectors hand to the templates: typed pages and rows instead of attributes stuck onto model instances.

Each is built once with everything its template reads already fetched, so that a template never runs a query.
"""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from articles.models import Article
from entities.models import Actor, Event, Evidence, Mention, Participation, Role


@dataclass(frozen=True)
class Summary:
    """What the knowledge base holds, for the home page."""

    events: int
    undated_events: int
    officials: int
    articles: int
    first_date: datetime.date | None
    last_date: datetime.date | None


@dataclass
class MonthGroup:
    """A month heading of the timeline with its events (filled while grouping)."""

    label: str
    anchor: str
    events: list[Event] = field(default_factory=list)


@dataclass
class YearGroup:
    """A year heading of the timeline with its months (filled while grouping)."""

    label: str
    anchor: str
    months: list[MonthGroup] = field(default_factory=list)


# --- one event ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    """A participation with the roles its actor held at the time of the event."""

    participation: Participation
    roles_then: list[Role]


@dataclass(frozen=True)
class EventPage:
    """One event with its participants, the other meetings of its visit and the names to mark in its evidence."""

    event: Event
    participants: list[Participant]
    siblings: list[Event]
    highlight_names: list[str]


# --- one official ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """An official met, with how many events and the first and last date."""

    actor_id: int
    name: str
    country: str
    events: int
    first: datetime.date | None
    last: datetime.date | None


@dataclass(frozen=True)
class MentioningArticle:
    """An article naming an official, with how often it does."""

    article: Article
    mentions: int


@dataclass(frozen=True)
class OfficialPage:
    """One official with their events (also grouped as a timeline), most frequent contacts and articles."""

    official: Actor
    events: list[Event]
    years: list[YearGroup]
    undated: list[Event]
    contacts: list[Contact]
    articles: list[MentioningArticle]


@dataclass(frozen=True)
class OfficialRow:
    """An official in a list: their latest role and aliases are prefetched; `score` is set for a search."""

    official: Actor
    event_count: int
    score: float | None = None


@dataclass(frozen=True)
class PairRelations:
    """Two countries' events: their ids in timeline order, and how many per year and kind."""

    event_ids: list[int]
    counts: list[dict]


# --- articles ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRow:
    """An article in a list, with the events it reports and, for a search, its highlighted snippet (HTML)."""

    article: Article
    event_count: int
    snippet: str = ""


class MentionedPerson(NamedTuple):
    """A resolved person of an article, with how often the article names them."""

    actor_id: int
    name: str
    mentions: int


@dataclass(frozen=True)
class ReportedEvent:
    """An event an article reports, with the offset of the first sentence that does (None if none is kept)."""

    event: Event
    anchor: int | None


@dataclass(frozen=True)
class ArticlePage:
    """One article with its mentions and evidence (for drawing the body), its events and its people."""

    article: Article
    mentions: list[Mention]
    evidence: list[Evidence]
    events: list[ReportedEvent]
    people: list[MentionedPerson]
