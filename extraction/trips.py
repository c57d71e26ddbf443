"""The article-level pass over events: trips (meetings during a visit), cancellations, references to a
gathering reported earlier, pairwise meetings, and merging repeated reports of one event."""

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from extraction import confidence
from extraction.drafts import ArticleContext, Cancellation, Draft
from extraction.identity import TRIP_SLACK_DAYS, news_window, overlaps, same_event
from extraction.lexicon import MULTI_NOUNS
from extraction.people import holds
from extraction.records import DateSpan, EventKind, PersonRecord, Precision
from extraction.triggers import anchor_of


def drop_cancelled(drafts: list[Draft], cancellations: list[Cancellation]) -> list[Draft]:
    """Remove the latest earlier event of the kind a later sentence says was cancelled or did not happen."""
    kept = list(drafts)
    for cancellation in sorted(cancellations, key=lambda c: c.trigger):
        wants_visit = cancellation.kind == EventKind.VISIT
        earlier = [d for d in kept if d.trigger < cancellation.trigger and (d.kind == EventKind.VISIT) == wants_visit]
        if earlier:
            kept.remove(earlier[-1])
    return kept


def link_trips(context: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """Meetings during a visit link to it, take the visitor along when a delegation met, and inherit its date."""
    visits = [d for d in drafts if d.kind == EventKind.VISIT]
    gatherings = [d for d in drafts if d.kind == EventKind.MULTILATERAL]
    implied: list[Draft] = []
    for draft in drafts:
        if draft.kind == EventKind.VISIT:
            continue
        gathering = joins_gathering(draft, gatherings, context.doc, context.published)
        if gathering is not None and gathering is not draft:
            status = gathering.planned
            absorb(gathering, draft)
            gathering.planned = status  # "the dates for the meeting are not set": a mention does not change it
            gathering.attended = gathering.attended or (draft.attended and told_there(context.doc[draft.trigger]))
            draft.absorbed, draft.guests, draft.hosts, draft.others, draft.offices = True, [], [], [], []
            continue
        trip = current_trip(draft, visits + implied, context.published)
        if trip is not None and draft.kind == EventKind.MEETING:
            if draft.delegation or (len(draft.people) == 1 and not draft.offices):
                for guest in trip.guests:
                    if guest not in draft.people:
                        draft.guests.append(guest)
            if set(trip.guests) & set(draft.people):
                draft.parent = trip
                draft.place = draft.place or trip.place
                draft.host_country = draft.host_country or trip.host_country
                if draft.date is None:
                    draft.date = trip_month(trip) if draft.planned and not trip.planned else trip.date
                settle_roles(context, draft)
        elif draft.kind == EventKind.MEETING and draft.host_country:
            visitor = implied_visit(context, draft)
            if visitor is not None:
                implied.append(visitor)
                draft.parent = visitor
                settle_roles(context, draft)
    return sorted(drafts + implied, key=lambda d: d.trigger)


def joins_gathering(draft: Draft, gatherings: list[Draft], doc: Doc, published: date | None = None) -> Draft | None:
    """'X joined the talks': a definite reference to the conference the article already reported."""
    trigger = doc[draft.trigger]
    definite = any(c.lower_ in {"the", "these", "that", "this"} for c in trigger.children)
    before = [
        g
        for g in gatherings
        if g.trigger < draft.trigger
        and g.kind == EventKind.MULTILATERAL
        and not g.absorbed
        and g.sentence.start != draft.sentence.start
        and dates_agree(g, draft, published)
    ]
    if not definite or not before or trigger.pos_ == "VERB":
        return None
    if len(draft.people) > 1 and trigger.lower_ not in MULTI_NOUNS:
        return None  # "the meeting" of two named people may be a bilateral on the side of it
    return max(before, key=lambda g: g.trigger)


def told_there(trigger: Token) -> bool:
    """'At the summit, X said': X was at the gathering; 'X left for the conference' says only where X was going."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ in {"at", "during"}


def dates_agree(gathering: Draft, mention: Draft, published: date | None) -> bool:
    """'The three-way talks on June 3 last year': a mention its own words date is of an undated gathering only
    when that date is of the article's news (the days before publication), as an undated gathering's would be."""
    if gathering.date is not None or mention.date is None or gathering.planned or published is None:
        return overlaps(gathering.date, mention.date)
    return overlaps(news_window(published), mention.date)


def current_trip(draft: Draft, visits: list[Draft], published: date | None = None) -> Draft | None:
    """The visit a meeting belongs to: one whose visitor is in it, or the latest visit before it in the text."""
    compatible = [v for v in visits if not draft.host_country or v.host_country == draft.host_country]
    compatible = [  # a plan is not part of a past trip, but may be of the trip going on
        v for v in compatible if v.planned == draft.planned or planned_during(draft, v, published)
    ]
    compatible = [
        v
        for v in compatible
        if not (
            draft.date is not None and v.date is not None and not overlaps(draft.date, v.date, slack=TRIP_SLACK_DAYS)
        )
    ]
    before = [v for v in compatible if v.trigger < draft.trigger]
    if draft.delegation and before:
        return max(before, key=lambda v: v.trigger)
    sharing = [v for v in compatible if set(v.guests) & set(draft.people)]
    if sharing:
        return min(sharing, key=lambda v: abs(v.trigger - draft.trigger))
    if len(draft.people) <= 1:
        return max(before, key=lambda v: v.trigger) if before else None
    return None


def planned_during(draft: Draft, visit: Draft, published: date | None) -> bool:
    """'X arrived in Nairobi on Monday. He will meet Y on Wednesday': a plan told after a visit of the news is a
    plan of that trip; a visit told as past ('X visited Kenya in May. He will meet Y') is not going on."""
    if not draft.planned or visit.planned or visit.trigger > draft.trigger:
        return False
    if visit.date is None or published is None:
        return True
    return visit.date.end >= published - timedelta(days=TRIP_SLACK_DAYS)


def trip_month(trip: Draft) -> DateSpan | None:
    """When a plan of a trip with no day of its own will be: the month the trip is in."""
    if trip.date is None:
        return None
    first = trip.date.end.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return DateSpan(first, last, Precision.MONTH)


def date_plans_of_trips(drafts: list[Draft]) -> None:
    """Plans of a trip whose date only the news peg gave, after they were linked, take the month it ended in."""
    for draft in drafts:
        trip = draft.parent
        if draft.planned and draft.date is None and trip is not None and not trip.planned:
            draft.date = trip_month(trip)


def implied_visit(context: ArticleContext, draft: Draft) -> Draft | None:
    """A meeting in a country implies a visit by a participant from elsewhere."""
    foreigners = [k for k in draft.people if context.country(k) and context.country(k) != draft.host_country]
    if not foreigners:
        return None
    return Draft(
        kind=EventKind.VISIT,
        trigger=draft.trigger,
        sentence=draft.sentence,
        guests=foreigners,
        place=draft.place,
        host_country=draft.host_country,
        date=draft.date,
        planned=draft.planned,
        confidence=confidence.IMPLIED,
        evidence=list(draft.evidence),
    )


def settle_roles(context: ArticleContext, draft: Draft) -> None:
    """Once the host country is known, people of that country host and the others are guests."""
    if not draft.host_country:
        return
    for key in list(draft.others):
        country = context.country(key)
        if country:
            draft.others.remove(key)
            (draft.hosts if country == draft.host_country else draft.guests).append(key)


def narrower(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    """The more precise of two compatible dates."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (a.end - a.start) <= (b.end - b.start) else b


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Repeated reports of one event in one article become one event with all its evidence.

    Each draft is compared only with the earlier events that share a person or an office's country with it
    (`same_event` needs one or the other), earliest first: the same choice as comparing it with all of them,
    without the square of the number of events in an article of thousands."""
    merged: list[Draft] = []
    replaced: dict[int, Draft] = {}
    position: dict[int, int] = {}
    sharing: dict[tuple[str, object], dict[int, Draft]] = defaultdict(dict)  # by id: drafts compare by value
    for draft in drafts:
        candidates = {id(m): m for key in identity_keys(draft) for m in sharing.get(key, {}).values()}
        ordered = sorted(candidates.values(), key=lambda m: position[id(m)])
        target = next((m for m in ordered if same_event(m, draft)), None)
        if target is None:
            position[id(draft)] = len(merged)
            merged.append(draft)
            target = draft
        else:
            replaced[id(draft)] = target
            absorb(target, draft)
        for key in identity_keys(target):
            sharing[key][id(target)] = target
    for draft in merged:
        while draft.parent is not None and id(draft.parent) in replaced:
            draft.parent = replaced[id(draft.parent)]
    return merged


def identity_keys(draft: Draft) -> set[tuple[str, object]]:
    """What two reports of one event must share (`same_event`): a person, or the country of an office."""
    return {("person", key) for key in draft.people} | {("office", country) for _, country in draft.offices}


def absorb(target: Draft, other: Draft) -> None:
    target.date = narrower(target.date, other.date)
    target.place = target.place or other.place
    target.host_country = target.host_country or other.host_country
    for name in ("guests", "hosts", "others"):
        for key in getattr(other, name):
            if key not in target.people:
                getattr(target, name).append(key)
    target.offices = list(dict.fromkeys(target.offices + other.offices))
    target.evidence = list({(e.start, e.end): e for e in target.evidence + other.evidence}.values())
    target.planned = merged_status(target, other)
    target.confidence = confidence.repeated_in_article(target.confidence, other.confidence)
    target.parent = target.parent or other.parent
    if target.kind != other.kind and EventKind.MULTILATERAL in {target.kind, other.kind}:
        target.kind = EventKind.MULTILATERAL


def merged_status(target: Draft, other: Draft) -> bool:
    """Two reports of one event: a plan stays a plan when the other report only names it ('the talks between the
    two leaders'); a report that says it happened makes it happened."""
    if target.planned == other.planned:
        return target.planned
    return bare_mention(other if target.planned else target)


def bare_mention(draft: Draft) -> bool:
    """An undated event noun with no verb of its own: 'optimistic about the talks between X and Y'."""
    token = draft.sentence.doc[draft.trigger]
    return token.pos_ != "VERB" and anchor_of(token).i == token.i and draft.date is None


def split_pairs(draft: Draft) -> list[Draft]:
    """'X was received by A, B and C': a meeting of X with each of them, as separate events."""
    if draft.kind != EventKind.MEETING or len(draft.counterparts) < 2:
        return [draft]
    side = [k for k in draft.people if k not in draft.counterparts]
    if not side:
        return [draft]
    pairs = []
    for other in draft.counterparts:
        keep = set(side) | {other}
        pairs.append(
            replace(
                draft,
                guests=[k for k in draft.guests if k in keep],
                hosts=[k for k in draft.hosts if k in keep],
                others=[k for k in draft.others if k in keep],
                counterparts=[],
                offices=[],
                evidence=list(draft.evidence),
            )
        )
    return pairs


def complete(draft: Draft) -> bool:
    """An event needs its sides: a visitor and a destination, or two parties to a meeting or call."""
    if draft.kind == EventKind.VISIT:
        return bool(draft.guests and draft.host_country)
    parties = len(draft.people) + len(draft.offices)
    if draft.kind == EventKind.MULTILATERAL:
        if draft.attended and draft.people:
            return True  # "X attended the summit": a gathering with one named participant is still reported
        return parties >= 2 or (parties >= 1 and bool(draft.host_country) and bool(draft.offices))
    return (parties >= 2 and len(draft.people) >= 1) or (draft.kind == EventKind.PHONE_CALL and parties >= 2)


def resolve_offices(people: dict[int, PersonRecord], draft: Draft) -> None:
    """Offices the article names a holder of become that person ('the foreign minister of Iran' and
    'Iranian Foreign Minister X'); an office whose country a named participant already speaks for goes."""
    named_countries = {people[k].country for k in draft.people if k in people and people[k].country}
    kept = []
    for office, country in draft.offices:
        if country in named_countries and draft.kind != EventKind.MULTILATERAL:
            continue  # "Kenya's Army Chief and Ugandan officials": the named Pakistani already stands there
        holders = [p.key for p in people.values() if any(holds(p, r, office, country) for r in p.roles)]
        if len(holders) == 1:
            if holders[0] not in draft.people:
                draft.others.append(holders[0])
        else:
            kept.append((office, country))
    draft.offices = kept
