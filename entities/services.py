"""Writes to the knowledge base: the one place extraction results become rows.

Re-running never overrides a curator: fields a curator set (`curated_fields`) are never changed,
confirmed events keep all their fields, rejected ones stay rejected (new reports of them are absorbed
as evidence), and merged or split actors keep the aliases the curator gave them, so exact alias
matches land on the curator's choice.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, DateField, F, Q, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone

from articles.models import Article, DatePrecision
from entities.known_names import KnownNames, full_keys
from entities.locks import actors_lock, names_lock
from entities.models import (
    PARTICIPANTS,
    Actor,
    ActorAlias,
    ActorKind,
    DuplicateStatus,
    Event,
    Evidence,
    Mention,
    Participation,
    ReviewStatus,
    Role,
    SuspectedDuplicate,
)
from entities.sanitize import extraction_sanitized
from extraction import confidence
from extraction.duplicates import SUGGEST, Profile, duplicate_score, office_key, surname_neighbours
from extraction.identity import (
    ActorStanding,
    KnownActor,
    KnownEvent,
    Report,
    candidate_kinds,
    choose_actor,
    choose_event,
    countries_agree,
    pick_among_equals,
    weak_guess_allowed,
)
from extraction.names import core_words, name_key, name_match_score, surname_skeleton
from extraction.records import ArticleExtraction, DateSpan, EventKind, EventRecord, PersonRecord, RoleRecord, Side

# Officials compared with a new one for suggested duplicates: enough for real names, bounded for common ones.
DUPLICATE_CANDIDATES = 50
# The statuses of a person still taken for an official (rejected means "no person": ruled out).
KEPT = (ReviewStatus.PENDING, ReviewStatus.CONFIRMED)


@dataclass
class StoreResult:
    actor_ids: dict[int, int] = field(default_factory=dict)


@transaction.atomic
def article_store_extraction(*, article: Article, extraction: ArticleExtraction) -> StoreResult:
    """Resolve the article's people against the knowledge base and upsert its events with their evidence."""
    extraction = extraction_sanitized(extraction)
    names_lock(alias for person in extraction.people for alias in person.aliases)
    result = StoreResult()
    writes = ArticleStore(people=extraction.people)
    apart = told_apart(extraction.people)
    for person in extraction.people:
        rivals = {result.actor_ids[k] for k in apart.get(person.key, ()) if k in result.actor_ids}
        actor, created = writes.ruled_out.get(name_key(person.name)), False
        if actor is None:
            actor, created = person_resolve(
                person=person, known=writes.known, rivals=rivals, told_apart=person.key in apart
            )
        result.actor_ids[person.key] = actor.pk
        actor_record_person(actor=actor, person=person, article=article, created=created, writes=writes)
    writes.flush()
    actors_lock(result.actor_ids.values())
    stored: list[Event | None] = []
    for index, record in enumerate(extraction.events):
        event, _ = event_upsert(
            record=record, index=index, extraction=extraction, actor_ids=result.actor_ids, article=article
        )
        stored.append(event)
    events_link_parents(extraction=extraction, stored=stored)
    article.extracted_at = timezone.now()
    article.save(update_fields=["extracted_at"])
    return result


class ArticleStore:
    """What storing an article's people reads and writes, gathered so that it costs a few statements per article.

    The names its people could match are read once (KnownNames); the name keys curators gave to particular
    actors too, since ingest never creates such aliases, and the names curators ruled out as officials; mentions
    wait for the end of the article (or for a read that counts them).
    """

    def __init__(self, *, people: list[PersonRecord]) -> None:
        self.known = KnownNames(people)
        self.mentions: list[Mention] = []
        keys = {name_key(alias) for person in people for alias in person.aliases} - {""}
        self.curated: dict[str, set[int]] = {}
        rows = ActorAlias.objects.filter(key__in=keys, source="curated").order_by().values_list("key", "actor_id")
        for key, actor_id in rows if keys else []:
            self.curated.setdefault(key, set()).add(actor_id)
        self.ruled_out = ruled_out_names({name_key(person.name) for person in people} - {""})

    def curated_holders(self, keys: set[str], actor: Actor) -> dict[str, int]:
        """Name keys a curator gave to another actor (by a merge or a split): they stay with that actor."""
        held = {}
        for key in sorted(keys):
            others = sorted(self.curated.get(key, set()) - {actor.pk})
            if others:
                held[key] = others[0]
        return held

    def flush(self) -> None:
        Mention.objects.bulk_create(self.mentions, ignore_conflicts=True)
        self.mentions = []


def ruled_out_names(keys: set[str]) -> dict[str, Actor]:
    """Name key -> the actor a curator said is no official (rejected as no person, an organisation, a person
    holding no office): a name found again is that actor, never a new official, even a lone word ('Headquarters')."""
    if not keys:
        return {}
    aliases = ActorAlias.objects.filter(key__in=keys).exclude(actor__kind=ActorKind.PERSON, actor__status__in=KEPT)
    return {alias.key: alias.actor for alias in aliases.select_related("actor").order_by("actor_id")}


def article_reextract(*, article: Article) -> StoreResult:
    """Run extraction again on a stored article, honouring the curation contract."""
    from entities.ingest import event_dates_checked
    from entities.nlp import curated_nlp
    from extraction.pipeline import extract_texts

    [extraction] = list(extract_texts(curated_nlp(), [(article.body, article.published_on)]))
    event_dates_checked(extraction)
    return article_store_extraction(article=article, extraction=extraction)


# --- people ---


def person_resolve(
    *, person: PersonRecord, known: KnownNames, rivals: set[int] = frozenset(), told_apart: bool = False
) -> tuple[Actor, bool]:
    """The actor a person of an article is: an exact alias first, then a spelling variant the evidence allows.

    When actors already share the person's name, one of them is chosen by its standing and the tie recorded for
    the curator (another actor of that name would only be one more equal next time). When two different names
    fit about as well, or a close name comes with a conflicting country, a new actor is made and the pair is
    recorded for the curator instead of merging. `rivals` are the actors of people the article
    told apart from this one ('President Moreau' and 'Claire Moreau'); `told_apart` says there are such people,
    so a guess on the surname alone is not safe.
    """
    exact = actor_by_exact_alias(person, known)
    if exact is not None:
        return exact, False
    found = [c for c in actor_candidates(person, known) if c.actor.pk not in rivals]
    full = len(core_words(person.name)) >= 2
    exact_word = actors_known_by_this_word(person, known) if not full else set()
    candidates = [
        KnownActor(
            pk=c.actor.pk,
            country=c.actor.country,
            score=c.score,
            known_by_this_word=c.actor.pk in exact_word,
            matched=name_key(c.alias),
        )
        for c in found
    ]
    choice = choose_actor(person.country, candidates, full_name=full)
    if choice.equals:
        return actor_among_equals(equals=[known.actors[pk] for pk in choice.equals], name=person.name), False
    if choice.pk is not None:
        chosen = known.actors[choice.pk]
        if not choice.guess or weak_guess_allowed(
            full_name=full,
            told_apart=told_apart,
            curator_told_distinct=fetch_told_distinct(chosen),
            has_full_name=full and fetch_has_full_name(chosen),
        ):
            return chosen, False
    description = person.roles[0].title[:300] if person.roles else ""
    actor = Actor.objects.create(name=person.name, country=person.country, description=description)
    duplicates_look_for(actor=actor, person=person)
    known.add(actor, [])
    return actor, True


def told_apart(people: list[PersonRecord]) -> dict[int, set[int]]:
    """People of one article that extraction kept apart though their names fit: a lone surname with an office
    and a full name with none ('President Moreau' and 'Claire Moreau'), each keyed to the others."""
    apart: dict[int, set[int]] = {}
    for lone in people:
        if len(core_words(lone.name)) != 1 or not lone.roles:
            continue
        for other in people:
            if len(core_words(other.name)) >= 2 and not other.roles and name_match_score(lone.name, other.name) > 0:
                apart.setdefault(lone.key, set()).add(other.key)
                apart.setdefault(other.key, set()).add(lone.key)
    return apart


def actors_known_by_this_word(person: PersonRecord, known: KnownNames) -> set[int]:
    """Actors a lone surname fits that are known by that very word ('Moreau'), not only by a full name that ends in
    it ('Claire Moreau'): an exact short form beats a guess."""
    key = name_key(person.name)
    return {actor.pk for name, actor in known.with_surname(surname_skeleton(person.name)) if name_key(name) == key}


def actor_by_exact_alias(person: PersonRecord, known: KnownNames) -> Actor | None:
    """A full name already known word for word, the person's main name first; lone surnames never by key alone."""
    for keys in full_keys(person):
        if not keys:
            continue
        fitting = [a for a in known.exact(keys) if countries_agree(a.country, person.country)]
        if len(fitting) == 1:
            return fitting[0]
    return None


@dataclass(frozen=True)
class Candidate:
    """An actor a person's name fits, with how well and by which of its aliases."""

    score: float
    actor: Actor
    alias: str


def actor_candidates(person: PersonRecord, known: KnownNames) -> list[Candidate]:
    """Actors sharing the person's surname skeleton, with how well their best alias matches the name, best first."""
    surname = surname_skeleton(person.name)
    if not surname:
        return []
    best: dict[int, Candidate] = {}
    for name, actor in known.with_surname(surname):
        score = max(name_match_score(mine, name) for mine in person.aliases)
        if actor.pk not in best or score > best[actor.pk].score:
            best[actor.pk] = Candidate(score, actor, name)
    return sorted((c for c in best.values() if c.score > 0), key=lambda c: -c.score)


def actor_among_equals(*, equals: list[Actor], name: str) -> Actor:
    """One of several actors holding the person's name, chosen by their standing (`pick_among_equals`), the tie
    put to the curator as suggested duplicates: never yet another actor of that name."""
    mentions = dict(
        Actor.objects.filter(pk__in=[a.pk for a in equals]).annotate(n=Count("mentions")).values_list("pk", "n")
    )
    pick = pick_among_equals(
        [
            ActorStanding(
                pk=a.pk,
                confirmed=a.status == ReviewStatus.CONFIRMED,
                rejected=a.status == ReviewStatus.REJECTED,
                mentions=mentions.get(a.pk, 0),
            )
            for a in equals
        ]
    )
    chosen = next(a for a in equals if a.pk == pick.pk)
    pairs = []
    for other in equals:
        if other.pk != chosen.pk:
            low, high = sorted([chosen, other], key=lambda a: a.pk)
            reason = f"same name: {name}; new reports go to #{chosen.pk} ({pick.ground})"[:300]
            pairs.append(SuspectedDuplicate(actor_a=low, actor_b=high, score=1.0, reason=reason))
    SuspectedDuplicate.objects.bulk_create(pairs, ignore_conflicts=True)  # a pair already decided stays decided
    return chosen


def fetch_has_full_name(actor: Actor) -> bool:
    """Whether any alias of the actor is a full name (one query)."""
    return any(len(k.split()) >= 2 for k in actor.aliases.values_list("key", flat=True))


def fetch_told_distinct(actor: Actor) -> bool:
    """Whether a curator has told the actor apart from another (one query)."""
    return SuspectedDuplicate.objects.filter(
        Q(actor_a=actor) | Q(actor_b=actor), status=DuplicateStatus.DISTINCT
    ).exists()


def duplicates_suggest(*, actor: Actor, scored: list[tuple[float, Actor]], name: str) -> None:
    """Record pairs of a just created actor and its look-alikes for the curator. Being new, it is in no pair
    yet (and so in none a curator decided): one insert for them all."""
    pairs = []
    for score, other in scored:
        if other.pk != actor.pk:
            low, high = sorted([actor, other], key=lambda a: a.pk)
            reason = f"similar names: {name} / {other.name}"[:300]
            pairs.append(SuspectedDuplicate(actor_a=low, actor_b=high, score=round(score, 3), reason=reason))
    SuspectedDuplicate.objects.bulk_create(pairs, ignore_conflicts=True)


def duplicates_look_for(*, actor: Actor, person: PersonRecord) -> None:
    """Suggest to the curators the officials a just created one may be: surnames alike or one letter apart (one
    query on the surname index), given names agreeing, country and offices weighed (extraction.duplicates)."""
    neighbours = surname_neighbours(tuple(person.aliases))
    if not neighbours:
        return
    # the surname index alone first: most new officials have no look-alike, and then that is all it costs
    near = ActorAlias.objects.filter(surname__in=sorted(neighbours)).exclude(actor_id=actor.pk)
    ids = set(near.values_list("actor_id", flat=True)[: DUPLICATE_CANDIDATES * 4])
    if not ids:
        return
    others = (
        Actor.objects.filter(pk__in=ids, kind=ActorKind.PERSON)
        .exclude(status=ReviewStatus.REJECTED)
        .prefetch_related("aliases", "roles")[:DUPLICATE_CANDIDATES]
    )
    mine = Profile(
        names=tuple(person.aliases),
        country=person.country,
        offices=frozenset(office_key(role.title) for role in person.roles),
    )
    scored = [(duplicate_score(mine, profile_of(other)), other) for other in others]
    duplicates_suggest(actor=actor, scored=[(s, other) for s, other in scored if s >= SUGGEST], name=person.name)


def profile_of(actor: Actor) -> Profile:
    """A stored official as duplicate_score reads one (aliases and roles prefetched)."""
    return Profile(
        names=tuple(alias.name for alias in actor.aliases.all()) or (actor.name,),
        country=actor.country,
        offices=frozenset(office_key(role.title) for role in actor.roles.all()),
    )


def actor_record_person(
    *,
    actor: Actor,
    person: PersonRecord,
    article: Article,
    created: bool,
    writes: ArticleStore,
) -> None:
    """Add the article's names, mentions and roles to the actor; a fuller name becomes canonical.

    `created` says the actor was just made from this person (it has no names, roles or mentions yet).
    """
    known = set() if created else set(actor.aliases.values_list("name", flat=True))
    held = writes.curated_holders({name_key(a) for a in person.aliases}, actor)
    new_aliases = [
        ActorAlias.of(actor=actor, name=alias)
        for alias in person.aliases
        if alias not in known and name_key(alias) and name_key(alias) not in held
    ]
    ActorAlias.objects.bulk_create(new_aliases, ignore_conflicts=True)
    writes.known.add(actor, new_aliases)
    changed = []
    if (
        not created
        and actor.status != ReviewStatus.CONFIRMED
        and not actor.curates("name")
        and better_name(actor, person, writes)
    ):
        actor.name = person.name
        changed.append("name")
    if not actor.country and person.country and not actor.curates("country"):
        actor.country = person.country
        changed.append("country")
    if person.roles and not actor.description and not actor.curates("description"):
        actor.description = person.roles[0].title[:300]
        changed.append("description")
    if changed:
        actor.save(update_fields=[*changed, "updated_at"])
    writes.mentions += [
        Mention(
            article=article,
            actor_id=held.get(name_key(m.name), actor.pk),
            text=m.text[:300],
            name=m.name[:200],
            start=m.start,
            end=m.end,
            sentence=article.body[m.sentence_start : m.sentence_end],
        )
        for m in person.mentions
    ]
    if created:
        roles_create(actor=actor, roles=person.roles, article=article)
        return
    for role in person.roles:
        role_record(actor=actor, role=role, article=article)


def better_name(actor: Actor, person: PersonRecord, writes: ArticleStore) -> bool:
    """Whether the article's name should become canonical: a fuller one, or as full and written more often."""
    new, old = len(core_words(person.name)), len(core_words(actor.name))
    if new != old or person.name == actor.name:
        return new > old
    writes.flush()  # the article's earlier mentions count too
    written = dict(
        Mention.objects.filter(actor=actor, name__in=[person.name, actor.name])
        .values_list("name")
        .annotate(n=Count("id"))
    )
    this_article = sum(1 for m in person.mentions if m.name == person.name)
    return written.get(person.name, 0) + this_article > written.get(actor.name, 0)


def roles_create(*, actor: Actor, roles: list[RoleRecord], article: Article) -> None:
    """role_record for an actor that has no roles yet: each distinct office once, seen on the article's date."""
    rows: dict[tuple[str, str, str], Role] = {}
    for role in roles:
        key = (role.title, role.organization, role.country)
        if key not in rows:
            seen = article.published_on
            rows[key] = Role(
                actor=actor,
                title=key[0],
                organization=key[1],
                country=key[2],
                article=article,
                first_seen=seen,
                last_seen=seen,
            )
    Role.objects.bulk_create(list(rows.values()))


def role_record(*, actor: Actor, role: RoleRecord, article: Article) -> None:
    """An office seen in an article widens the dates the actor is known to have held it."""
    obj, created = Role.objects.get_or_create(
        actor=actor,
        title=role.title,
        organization=role.organization,
        country=role.country,
        defaults={"first_seen": article.published_on, "last_seen": article.published_on, "article": article},
    )
    seen = article.published_on
    if created or seen is None:
        return
    first = min(filter(None, [obj.first_seen, seen]))
    last = max(filter(None, [obj.last_seen, seen]))
    if (first, last) != (obj.first_seen, obj.last_seen):
        role_widen(role=obj, seen=seen)


def role_widen(*, role: Role, seen: date) -> None:
    """Widen the role's dates to include `seen` in one UPDATE computed from the row as stored, so that two
    articles widening it at once both count (a read-then-save would keep only the last one's date)."""
    day = Value(seen, output_field=DateField())
    Role.objects.filter(pk=role.pk).update(
        first_seen=Least(Coalesce(F("first_seen"), day), day), last_seen=Greatest(Coalesce(F("last_seen"), day), day)
    )
    role.first_seen = min(filter(None, [role.first_seen, seen]))
    role.last_seen = max(filter(None, [role.last_seen, seen]))


# --- events ---


def event_upsert(
    *, record: EventRecord, index: int, extraction: ArticleExtraction, actor_ids: dict[int, int], article: Article
) -> tuple[Event | None, bool]:
    """Store one extracted event: absorbed into the event it reports again, or created."""
    people = participant_actors(record, actor_ids)
    if people is None:
        return None, False  # it names someone a curator rejected as no person
    companions = record_companions(record, index, extraction, actor_ids)
    match, uncertain = event_by_evidence(record=record, people=people, article=article), False
    if match is None:
        candidates = known_events(record, people)
        report = Report(record=record, people=people, companions=frozenset(companions), published=article.published_on)
        chosen, uncertain = choose_event(report, [known for _, known in candidates.values()])
        match = candidates[chosen.pk][0] if chosen is not None else None
    if match is not None:
        event_absorb(event=match, record=record, people=people, article=article)
        return match, False
    event = Event.objects.create(
        kind=record.kind,
        planned=record.planned,
        confidence=record.confidence,
        date_start=record.date.start if record.date else None,
        date_end=record.date.end if record.date else None,
        date_precision=record.date.precision if record.date else DatePrecision.UNKNOWN,
        date_hedge=record.date.hedge if record.date else "",
        date_basis=record.date.basis[:120] if record.date else "",
        place=record.place[:200],
        host_country=record.host_country,
        needs_review=uncertain,
        review_note="undated: may be a report of another event with the same people" if uncertain else "",
    )
    participations_add(event=event, record=record, people=people)
    evidence_add(event=event, record=record, article=article)
    return event, True


def participant_actors(record: EventRecord, actor_ids: dict[int, int]) -> dict[int, str] | None:
    """Actor id -> side for the named participants; None when one of them is a rejected actor or one a curator
    said is no official (the record is of officials: a 'meeting' with a state's founder is a misreading)."""
    people: dict[int, str] = {}
    for p in record.participants:
        if p.person is not None and p.person in actor_ids:
            people.setdefault(actor_ids[p.person], p.role)
    ruled_out = Q(status=ReviewStatus.REJECTED) | ~Q(kind=ActorKind.PERSON)
    if people and Actor.objects.filter(ruled_out, pk__in=people).exists():
        return None
    return people


def record_companions(
    record: EventRecord, index: int, extraction: ArticleExtraction, actor_ids: dict[int, int]
) -> set[int]:
    """The people this event's trip brought together in this article, beyond the event's own participants."""
    family = {index, record.parent} - {None}
    related = [e for i, e in enumerate(extraction.events) if i in family or e.parent in family or e.parent == index]
    people = {actor_ids[k] for e in related for k in e.people if k in actor_ids}
    return people - {actor_ids[k] for k in record.people if k in actor_ids}


def event_by_evidence(*, record: EventRecord, people: dict[int, str], article: Article) -> Event | None:
    """The event this very sentence of this article already stands for: a re-extraction finds it whatever a
    curator did to it since (changed its kind, merged it into another, moved its date)."""
    starts = [e.start for e in record.evidence]
    events = list(
        Event.objects.filter(evidence__article=article, evidence__start__in=starts)
        .distinct()
        .prefetch_related("participations")
    )
    if not events:
        return None
    wanted = set(people)
    exact = [
        e
        for e in events
        if {p.actor_id for p in e.participations.all() if p.actor_id} == wanted
        and not (record.kind == EventKind.VISIT and e.host_country and e.host_country != record.host_country)
    ]  # "visited Chad and Niger": one sentence, one traveller, two visits
    if exact:
        return exact[0]
    # a curator may have removed a participant or changed the kind: their event still holds this sentence
    curated = [e for e in events if e.status != ReviewStatus.PENDING or e.curated_fields]
    overlapping = [e for e in curated if wanted & {p.actor_id for p in e.participations.all()}]
    return overlapping[0] if len(overlapping) == 1 else None


def known_events(record: EventRecord, people: dict[int, str]) -> dict[int, tuple[Event, KnownEvent]]:
    """The stored events this record could report again, each with what deciding identity needs of it
    (participants prefetched, the people of their trips read in one query)."""
    queryset = Event.objects.filter(kind__in=sorted(candidate_kinds(record.kind))).prefetch_related("participations")
    if record.kind == EventKind.VISIT or record.host_country:
        queryset = queryset.filter(Q(host_country=record.host_country) | Q(host_country=""))
    if people:
        guests = [a for a, side in people.items() if side == Side.GUEST] or list(people)
        queryset = queryset.filter(
            participations__actor__in=guests if record.kind == EventKind.VISIT else list(people)[:1]
        )
    else:
        countries = {p.country for p in record.participants if p.country}
        queryset = queryset.filter(participations__actor__isnull=True, participations__country__in=countries)
    events = list(queryset.distinct()[:50])
    trips = trip_people(events)
    known = {}
    for event in events:
        actors = frozenset(p.actor_id for p in event.participations.all() if p.actor_id)
        known[event.pk] = (
            event,
            KnownEvent(
                pk=event.pk,
                kind=event.kind,
                date=stored_date(event),
                host_country=event.host_country,
                actors=actors,
                office_countries=frozenset(p.country for p in event.participations.all() if not p.actor_id),
                companions=frozenset(trips.get(event.parent_id or event.pk, set()) - actors),
            ),
        )
    return known


def stored_date(event: Event) -> DateSpan | None:
    """A stored event's interval as extraction writes one; None for an undated event."""
    if event.date_start is None:
        return None
    return DateSpan(event.date_start, event.date_end or event.date_start, event.date_precision)


def trip_people(events: list[Event]) -> dict[int, set[int]]:
    """Trip (the visit, or the event itself) -> the people of its events, for every event given."""
    trips = {event.parent_id or event.pk for event in events}
    if not trips:
        return {}
    rows = Participation.objects.filter(
        Q(event_id__in=trips) | Q(event__parent_id__in=trips), actor__isnull=False
    ).values_list("event_id", "event__parent_id", "actor_id")
    people: dict[int, set[int]] = {}
    for event_id, parent_id, actor_id in rows:
        for trip in {event_id, parent_id} & trips:
            people.setdefault(trip, set()).add(actor_id)
    return people


def narrows(stored: DateSpan | None, reported: DateSpan) -> bool:
    """Whether a new report's date should replace the stored one: the stored event has none, or the report's lies
    inside it and is finer (a day inside a month) or shorter."""
    if stored is None:
        return True
    inside = stored.start <= reported.start and reported.end <= stored.end
    shorter = (reported.end - reported.start) < (stored.end - stored.start)
    return inside and (stored.precision != "day" or shorter)


def event_absorb(*, event: Event, record: EventRecord, people: dict[int, str], article: Article) -> None:
    """Add a new report to an event. Only evidence for confirmed or rejected events; otherwise blanks filled and
    the date narrowed, except in what a curator set."""
    evidence_add(event=event, record=record, article=article)
    if event.status != ReviewStatus.PENDING:
        return
    changed: list[str] = []
    if record.date is not None and not event.curates("date") and narrows(stored_date(event), record.date):
        event.date_start, event.date_end, event.date_precision = (
            record.date.start,
            record.date.end,
            record.date.precision,
        )
        event.date_hedge, event.date_basis = record.date.hedge, record.date.basis[:120]
        changed += ["date_start", "date_end", "date_precision", "date_hedge", "date_basis"]
    for name in ("place", "host_country"):
        if not getattr(event, name) and getattr(record, name) and not event.curates("place"):
            setattr(event, name, getattr(record, name)[:200])
            changed.append(name)
    if event.planned and not record.planned and not event.curates("planned"):
        event.planned = False
        changed.append("planned")
    score = confidence.reported_again(event.confidence, record.confidence)
    if score != event.confidence:
        event.confidence = score
        changed.append("confidence")
    if event.needs_review and record.date is not None and event.date_start is not None:
        event.needs_review = False
        changed.append("needs_review")
    if changed:
        event.save(update_fields=[*changed, "updated_at"])
    if not event.curates(PARTICIPANTS):
        participations_add(event=event, record=record, people=people)


def participations_add(*, event: Event, record: EventRecord, people: dict[int, str]) -> None:
    existing = {p.actor_id for p in event.participations.all() if p.actor_id}
    offices = {(p.office, p.country) for p in event.participations.all() if not p.actor_id}
    rows = [Participation(event=event, actor_id=a, role=side) for a, side in people.items() if a not in existing]
    rows += [
        Participation(event=event, role=p.role, office=p.office[:200], country=p.country)
        for p in record.participants
        if p.person is None and p.office and (p.office[:200], p.country) not in offices
    ]
    Participation.objects.bulk_create(rows, ignore_conflicts=True)


def evidence_add(*, event: Event, record: EventRecord, article: Article) -> None:
    Evidence.objects.bulk_create(
        [
            Evidence(event=event, article=article, sentence=e.sentence, start=e.start, end=e.end)
            for e in record.evidence
        ],
        ignore_conflicts=True,
    )


def events_link_parents(*, extraction: ArticleExtraction, stored: list[Event | None]) -> None:
    """Meetings during a visit point at it; a curator's confirmed event keeps the parent it has."""
    for record, event in zip(extraction.events, stored, strict=True):
        if event is None or record.parent is None or event.parent_id or event.status != ReviewStatus.PENDING:
            continue
        if event.curates("parent"):
            continue
        parent = stored[record.parent]
        if parent is not None and parent.pk != event.pk:
            Event.objects.filter(pk=event.pk).update(parent=parent)
            event.parent_id = parent.pk


@transaction.atomic
def article_share_events(*, copy: Article, original: Article) -> int:
    """A syndicated near-copy reports the original's events again: its same sentences become their evidence.

    No event is made or changed, whatever the copy's headers add; a sentence the copy reworded gives no evidence.
    Returns how many pieces of evidence the copy now gives.
    """
    rows = []
    for evidence in Evidence.objects.filter(article=original).order_by("start"):
        start = copy.body.find(evidence.sentence)
        if start >= 0:
            sentence, end = evidence.sentence, start + len(evidence.sentence)
            rows.append(Evidence(event_id=evidence.event_id, article=copy, sentence=sentence, start=start, end=end))
    Evidence.objects.bulk_create(rows, ignore_conflicts=True)
    copy.extracted_at = timezone.now()
    copy.save(update_fields=["extracted_at"])
    return len(rows)
