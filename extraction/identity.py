"""When two reports are of one event: the one home of that decision, in an article and across articles.

Within an article (`same_event`) two drafts are compared with everything the text told about both. Across
articles (`choose_event`) a new report is compared with what the knowledge base holds (a `KnownEvent`), and
a report that no date ties down joins another only when the people of one trip are among those of the
other. The two share their date rule (`overlaps`, with `date_slack`); where they differ on purpose, the
difference has a name here.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from extraction.drafts import Draft
from extraction.records import DateSpan, EventKind, EventRecord

# Reports of one visit may disagree on its first day by this much (arrival, talks, "this week").
VISIT_SLACK_DAYS = 2
# A meeting belongs to a trip whose dates lie within this many days of its own.
TRIP_SLACK_DAYS = 3
# A report that no date ties down is of the news of its article: it may join a stored event of these last days
# before publication, never one from another time that happens to have the same people.
PUBLICATION_WINDOW_DAYS = 31


def news_window(published: date) -> DateSpan:
    """The days whose events an article reports as its news: the month before its publication."""
    return DateSpan(published - timedelta(days=PUBLICATION_WINDOW_DAYS), published)


def date_slack(kind: str) -> int:
    """How many days two reports of one event of this kind may lie apart."""
    return VISIT_SLACK_DAYS if kind == EventKind.VISIT else 0


def overlaps(a: DateSpan | None, b: DateSpan | None, *, slack: int = 0) -> bool:
    """Whether the dates allow one event; an unknown date contradicts nothing."""
    if a is None or b is None:
        return True
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


# --- within an article ---------------------------------------------------------------------------


def same_event(a: Draft, b: Draft) -> bool:
    """Two drafts of one article that report one event (a gathering may absorb a meeting held at it)."""
    if (a.kind == EventKind.VISIT) != (b.kind == EventKind.VISIT) or not kinds_may_meet(a.kind, b.kind):
        return False
    if a.kind == EventKind.VISIT:
        if a.host_country != b.host_country or not set(a.guests) & set(b.guests):
            return False
        return overlaps(a.date, b.date, slack=date_slack(EventKind.VISIT))
    if EventKind.MULTILATERAL in {a.kind, b.kind}:
        other = b if a.kind == EventKind.MULTILATERAL else a
        if other.kind == EventKind.PHONE_CALL or not (a.host_country and a.host_country == b.host_country):
            return False
        if other.kind == EventKind.MEETING and len({c for _, c in other.offices}) < 2:
            return False
        shared = set(a.people) & set(b.people) or {c for _, c in a.offices} & {c for _, c in b.offices}
        return bool(shared) and overlaps(a.date, b.date)
    if set(a.people) != set(b.people) or not a.people:
        return False
    if a.host_country and b.host_country and a.host_country != b.host_country:
        return False
    return overlaps(a.date, b.date)


# --- across articles -----------------------------------------------------------------------------

# Kinds that may be one event told two ways: a gathering reported as the meetings held at it. A call is
# never a meeting, and a visit is only ever a visit.
KIND_GROUPS = (
    frozenset({EventKind.VISIT}),
    frozenset({EventKind.PHONE_CALL}),
    frozenset({EventKind.MEETING, EventKind.MULTILATERAL}),
)


def candidate_kinds(kind: str) -> frozenset[str]:
    """The kinds a stored event may have to be reported again by a report of this kind."""
    return next((group for group in KIND_GROUPS if kind in group), frozenset({kind}))


def kinds_may_meet(a: str, b: str) -> bool:
    return b in candidate_kinds(a)


@dataclass(frozen=True)
class KnownEvent:
    """What the knowledge base holds of a stored event, as far as deciding identity needs it."""

    pk: int
    kind: str
    date: DateSpan
    host_country: str = ""
    actors: frozenset[int] = frozenset()
    office_countries: frozenset[str] = frozenset()
    companions: frozenset[int] = field(default_factory=frozenset)  # people of its trip, beyond its own


@dataclass(frozen=True)
class Report:
    """A new report of an event, with its people as knowledge-base actors (id -> side)."""

    record: EventRecord
    people: dict[int, str]
    companions: frozenset[int] = frozenset()
    published: date | None = None

    @property
    def office_countries(self) -> set[str]:
        return {p.country for p in self.record.participants if p.country}


def same_participants(known: KnownEvent, report: Report) -> bool:
    """Visits share a traveller and a destination; meetings have the same people, or the same offices."""
    record = report.record
    if record.host_country and known.host_country and record.host_country != known.host_country:
        return False
    if record.kind == EventKind.VISIT:
        return bool(known.actors & set(report.people))
    if report.people or known.actors:
        return known.actors == set(report.people)
    return bool(known.office_countries & report.office_countries)


def trip_supports(known: KnownEvent, report: Report, *, newer_is_dated: bool) -> bool:
    """An undated report joins another only when the people of one trip are among those of the other."""
    if not report.companions and not known.companions:
        return False
    undated_side, dated_side = (
        (known.companions, report.companions) if newer_is_dated else (report.companions, known.companions)
    )
    return bool(undated_side) and undated_side <= dated_side


def choose_event(report: Report, candidates: list[KnownEvent]) -> tuple[KnownEvent | None, bool]:
    """The stored event this report is of, and whether a guess was refused for want of evidence."""
    record = report.record
    matching = [c for c in candidates if same_participants(c, report) and kinds_may_meet(record.kind, c.kind)]
    if record.date is None and report.published is not None:
        window = news_window(report.published)
        matching = [c for c in matching if overlaps(c.date, window)]
    if record.date is not None:
        slack = date_slack(record.kind)
        reported = record.date
        overlapping = [(c, c.date) for c in matching if c.date is not None and overlaps(c.date, reported, slack=slack)]
        if overlapping:
            return min(overlapping, key=lambda pair: abs((pair[1].start - reported.start).days))[0], False
        undated = [c for c in matching if c.date is None and trip_supports(c, report, newer_is_dated=True)]
        return (undated[0] if len(undated) == 1 else None), False
    supported = [c for c in matching if trip_supports(c, report, newer_is_dated=False)]
    if len(supported) == 1:
        return supported[0], False
    undated = [c for c in matching if c.date is None]
    if not supported and len(matching) == 1 and undated and not report.companions:
        return undated[0], False  # a bare undated mention of the only such event: nothing contradicts it
    return None, bool(matching)


# --- who is who: a person of an article and the actors the knowledge base knows ------------------

# A strong string match: full names that agree word for word, spelling variants allowed.
STRONG_MATCH = 0.8
# A strong match wins over the next one only by this much.
STRONG_LEAD = 0.1


@dataclass(frozen=True)
class KnownActor:
    """An actor whose names fit a person's, as far as choosing among them needs it."""

    pk: int
    country: str = ""
    score: float = 0.0  # how well its best alias matches the person's names (rapidfuzz, skeletons)
    known_by_this_word: bool = False  # it has the person's lone name, word for word, as an alias
    matched: str = ""  # the key of its alias that matches best: actors matched by one name are equals


@dataclass(frozen=True)
class ActorChoice:
    """The actor chosen, or None for a new one; `guess` marks a lone weak candidate that still needs checking
    against what curators decided and the names it has (`weak_guess_allowed`); `equals` are actors the names
    cannot tell apart, one of which the person is (`pick_among_equals` chooses it from their standing)."""

    pk: int | None
    guess: bool = False
    equals: tuple[int, ...] = ()


def countries_agree(a: str, b: str) -> bool:
    return not a or not b or a == b


def choose_actor(person_country: str, candidates: list[KnownActor], *, full_name: bool) -> ActorChoice:
    """Among actors whose names fit (best first), the one this person is: a clear strong match, or else the
    only weak one (a lone surname, or a full name meeting a lone surname), which is a guess."""
    fitting = [c for c in candidates if countries_agree(c.country, person_country)]
    strong = [c for c in fitting if c.score >= STRONG_MATCH]
    weak = [c for c in fitting if c.score < STRONG_MATCH]
    if not full_name and len(weak) > 1:
        weak = [c for c in weak if c.known_by_this_word] or weak
    if len(strong) == 1 or (strong and strong[0].score - strong[1].score >= STRONG_LEAD):
        return ActorChoice(strong[0].pk)
    equals = equal_candidates(strong)
    if len(equals) > 1:
        return ActorChoice(None, equals=tuple(c.pk for c in equals))
    if not strong and len(weak) == 1:
        return ActorChoice(weak[0].pk, guess=True)
    return ActorChoice(None)


def equal_candidates(strong: list[KnownActor]) -> list[KnownActor]:
    """Among the best strong candidates, the most that are matched by one name: actors holding one full name. A
    new actor beside them would hold it too and be one more equal for the next article (two officials sharing a
    name became three, four, five); two close but different names stay a question."""
    if not strong:
        return []
    by_name: dict[str, list[KnownActor]] = {}
    for candidate in strong:
        if math.isclose(candidate.score, strong[0].score):
            by_name.setdefault(candidate.matched, []).append(candidate)
    return max(by_name.values(), key=len)


@dataclass(frozen=True)
class ActorStanding:
    """What curators and the record say of one of several equal actors."""

    pk: int
    confirmed: bool = False
    rejected: bool = False
    mentions: int = 0


@dataclass(frozen=True)
class EqualsPick:
    """The equal actor new reports go to, and why, in words for the curator who will judge the pair."""

    pk: int
    ground: str


def pick_among_equals(standings: list[ActorStanding]) -> EqualsPick:
    """A stable choice among actors the names cannot tell apart: the one a curator confirmed, else one not
    rejected, else the most mentioned, else the oldest. Each report it takes adds to its lead, so the same
    one keeps being chosen until a curator merges or renames them."""
    ranked = sorted(standings, key=lambda s: (not s.confirmed, s.rejected, -s.mentions, s.pk))
    best = ranked[0]
    if len(ranked) == 1:
        return EqualsPick(best.pk, "the only one left")
    runner_up = ranked[1]
    if best.confirmed and not runner_up.confirmed:
        ground = "confirmed"
    elif runner_up.rejected and not best.rejected:
        ground = "not rejected"
    elif best.mentions > runner_up.mentions:
        ground = "most mentioned"
    else:
        ground = "oldest"
    return EqualsPick(best.pk, ground)


def weak_guess_allowed(*, full_name: bool, told_apart: bool, curator_told_distinct: bool, has_full_name: bool) -> bool:
    """A weak guess stands unless a curator told the actor apart from another, or a full name would join an
    actor that has a full name of its own or that the article keeps apart from this person."""
    if curator_told_distinct:
        return False
    return not full_name or not (has_full_name or told_apart)
