"""A curator's writes: merges, splits, moves and review decisions, each in one transaction.

The admin calls these and nothing else writes curated changes. Merges re-point every link before
deleting, so nothing is lost; each merge or split leaves a MergeRecord with a snapshot of the rows
as they were. Rows marked `curated` (aliases) and `distinct` (suspected duplicates) are the memory
the storage layer reads so that re-ingestion never undoes a curator.
"""

import json
from collections.abc import Iterable
from itertools import chain

from django.contrib.auth.base_user import AbstractBaseUser
from django.core import serializers
from django.db import transaction
from django.db.models import Count, Model, Q
from django.utils import timezone

from entities.locks import actors_lock, names_lock
from entities.models import (
    ACTOR_CURATED,
    EVENT_CURATED,
    PARTICIPANTS,
    Actor,
    ActorAlias,
    ActorKind,
    AliasSource,
    DuplicateStatus,
    Event,
    Evidence,
    Mention,
    MergeRecord,
    Participation,
    ReviewStatus,
    SuspectedDuplicate,
)
from extraction.names import name_key


class CurationError(ValueError):
    """A curation request that cannot be carried out as asked (the admin shows the message)."""


def _rows(objects: Iterable[Model]) -> list[dict]:
    """Rows as JSON-safe dicts (model, pk, fields), for MergeRecord snapshots."""
    return json.loads(serializers.serialize("json", list(objects)))


def _fill_blanks(target: Model, source: Model, fields: Iterable[str]) -> list[str]:
    """Copy the source's values into the target's empty fields; the names of the fields filled."""
    filled = []
    for field in fields:
        if getattr(target, field) in ("", None) and getattr(source, field) not in ("", None):
            setattr(target, field, getattr(source, field))
            filled.append(field)
    return filled


# --- review status -------------------------------------------------------------------------------


@transaction.atomic
def events_set_status(*, events: Iterable[Event], status: str) -> list[Event]:
    """Confirm or reject events; the ones whose status changed are returned (for the change log)."""
    if status not in ReviewStatus.values:
        raise CurationError(f"unknown status {status!r}")
    changed = []
    for event in events:
        if event.status != status:
            event.status = status
            event.save(update_fields=["status", "updated_at"])
            changed.append(event)
    return changed


# --- fields a curator set ------------------------------------------------------------------------


@transaction.atomic
def actor_save_curated(*, actor: Actor, form_fields: Iterable[str]) -> list[str]:
    """Save an official a curator edited: the fields they set are recorded so that extraction keeps them, and a
    new name becomes a curated alias (looked up from now on, the old spelling still found). The fields recorded."""
    fields = actor.curated_add(ACTOR_CURATED[f] for f in form_fields if f in ACTOR_CURATED)
    actor.save()
    if "name" in fields:
        _alias_add(actor=actor, name=actor.name, source=AliasSource.CURATED)
    return fields


@transaction.atomic
def event_save_curated(*, event: Event, form_fields: Iterable[str], participants_changed: bool) -> list[str]:
    """Record what a curator set on an event (its date, place, kind, participants...): extraction keeps them."""
    fields = [EVENT_CURATED[f] for f in form_fields if f in EVENT_CURATED]
    recorded = event.curated_add([*fields, *([PARTICIPANTS] if participants_changed else [])])
    if recorded:
        event.save(update_fields=["curated_fields", "updated_at"])
    return recorded


# --- actors --------------------------------------------------------------------------------------


@transaction.atomic
def actors_set_status(*, actors: Iterable[Actor], status: str) -> list[Actor]:
    """Confirm officials (their names are then recognised in new articles) or reject them as no person (their
    names never make an official again); the ones whose status changed."""
    if status not in ReviewStatus.values:
        raise CurationError(f"unknown status {status!r}")
    changed = [actor for actor in actors if actor.status != status]
    for actor in changed:
        actor.status = status
        actor.save(update_fields=["status", "updated_at"])
    return changed


@transaction.atomic
def actors_set_kind(*, actors: Iterable[Actor], kind: str) -> list[Actor]:
    """Say what the actors are (a person holding no office, an organisation): a curated kind, remembered by ingest."""
    if kind not in ActorKind.values:
        raise CurationError(f"unknown kind {kind!r}")
    changed = []
    for actor in actors:
        if actor.kind != kind or not actor.curates("kind"):
            actor.kind = kind
            actor.curated_add(["kind"])
            actor.save(update_fields=["kind", "curated_fields", "updated_at"])
            changed.append(actor)
    return changed


def _actor_snapshot(actor: Actor) -> dict:
    duplicates = SuspectedDuplicate.objects.filter(Q(actor_a=actor) | Q(actor_b=actor))
    return {
        "actor": _rows([actor])[0],
        "aliases": _rows(actor.aliases.all()),
        "roles": _rows(actor.roles.all()),
        "mention_ids": list(actor.mentions.values_list("pk", flat=True)),
        "participations": _rows(actor.participations.all()),
        "suspected_duplicates": _rows(duplicates),
    }


def alias_save_curated(*, alias: ActorAlias) -> ActorAlias:
    """A name a curator typed: looked up by its own keys from now on, and never overwritten by extraction."""
    alias.refresh_keys()
    alias.source = AliasSource.CURATED
    alias.save()
    # the register changed: its version (entities.nlp.register_version) reads the actors' last edit
    Actor.objects.filter(pk=alias.actor_id).update(updated_at=timezone.now())
    return alias


def _alias_add(*, actor: Actor, name: str, source: str) -> ActorAlias:
    """The actor's alias of that name, created if missing; a curated source always wins."""
    alias, created = ActorAlias.objects.get_or_create(actor=actor, name=name, defaults={"source": source})
    if not created and source == AliasSource.CURATED and alias.source != source:
        alias.source = source
        alias.save(update_fields=["source"])
    return alias


def _aliases_repoint(*, target: Actor, other: Actor) -> None:
    taken = set(target.aliases.values_list("name", flat=True))
    for alias in other.aliases.all():
        if alias.name in taken:
            if alias.source == AliasSource.CURATED:
                target.aliases.filter(name=alias.name).update(source=AliasSource.CURATED)
            alias.delete()
        else:
            alias.actor = target
            alias.save(update_fields=["actor"])
            taken.add(alias.name)


def _roles_repoint(*, target: Actor, other: Actor) -> None:
    for role in other.roles.all():
        same = target.roles.filter(title=role.title, organization=role.organization, country=role.country).first()
        if same is None:
            role.actor = target
            role.save(update_fields=["actor"])
            continue
        seen_first = [d for d in (same.first_seen, role.first_seen) if d]
        seen_last = [d for d in (same.last_seen, role.last_seen) if d]
        same.first_seen = min(seen_first, default=None)
        same.last_seen = max(seen_last, default=None)
        same.article = same.article or role.article
        role.delete()
        same.save(update_fields=["first_seen", "last_seen", "article"])


def _participations_repoint(*, target: Actor, other: Actor) -> None:
    for participation in other.participations.all():
        existing = Participation.objects.filter(event_id=participation.event_id, actor=target).first()
        if existing is None:
            participation.actor = target
            participation.save(update_fields=["actor"])
        else:
            _fill_blanks(existing, participation, ["office", "country"])
            participation.delete()
            existing.save(update_fields=["office", "country"])


def _duplicates_repoint(*, target: Actor, other: Actor, merged_ids: set[int]) -> None:
    """Re-point the other actor's suspected pairs to the target; a 'different people' decision wins."""
    for pair in SuspectedDuplicate.objects.filter(Q(actor_a=other) | Q(actor_b=other)):
        partner_id = pair.actor_b_id if pair.actor_a_id == other.pk else pair.actor_a_id
        if partner_id == target.pk or partner_id in merged_ids:
            pair.delete()  # the pair is now one actor
            continue
        low, high = sorted((target.pk, partner_id))
        existing = SuspectedDuplicate.objects.filter(actor_a_id=low, actor_b_id=high).first()
        if existing is None:
            pair.actor_a_id, pair.actor_b_id = low, high
            pair.save(update_fields=["actor_a", "actor_b"])
            continue
        if pair.status == DuplicateStatus.DISTINCT and existing.status != DuplicateStatus.DISTINCT:
            existing.status, existing.decided_by_id, existing.decided_at = (
                pair.status,
                pair.decided_by_id,
                pair.decided_at,
            )
            existing.save(update_fields=["status", "decided_by", "decided_at"])
        existing.score = max(existing.score, pair.score)
        existing.save(update_fields=["score"])
        pair.delete()


@transaction.atomic
def actors_merge(*, target: Actor, others: Iterable[Actor], user: AbstractBaseUser | None) -> MergeRecord:
    """Fold the other actors into the target: every link re-pointed, their names kept as curated aliases."""
    others = [other for other in others if other.pk != target.pk]
    if not others:
        raise CurationError("choose at least one official besides the one that remains")
    merged_ids = {other.pk for other in others}
    _actors_locked([target, *others])
    snapshot = {"actors": [_actor_snapshot(other) for other in others]}
    _alias_add(actor=target, name=target.name, source=AliasSource.CURATED)
    for other in others:
        Mention.objects.filter(actor=other).update(actor=target)
        _participations_repoint(target=target, other=other)
        _aliases_repoint(target=target, other=other)
        _roles_repoint(target=target, other=other)
        _duplicates_repoint(target=target, other=other, merged_ids=merged_ids)
        _alias_add(actor=target, name=other.name, source=AliasSource.CURATED)
        _fill_blanks(target, other, ["country", "description", "external_id"])
    target.save()
    Actor.objects.filter(pk__in=merged_ids).delete()
    return MergeRecord.objects.create(
        kind=MergeRecord.Kind.ACTORS, target_id=target.pk, merged_ids=sorted(merged_ids), snapshot=snapshot, user=user
    )


def _actors_locked(actors: list[Actor]) -> None:
    """Keep ingest from resolving these officials' names while they change hands (entities/locks.py): their
    names first, then the officials, the order every storing transaction follows."""
    names = ActorAlias.objects.filter(actor__in=actors).values_list("name", flat=True)
    names_lock(chain((actor.name for actor in actors), names))  # read only where locks are taken
    actors_lock(actor.pk for actor in actors)


def actor_merge_target(actors: Iterable[Actor]) -> Actor:
    """The natural survivor of a merge: the most mentioned actor, the oldest on a tie."""
    ranked = Actor.objects.filter(pk__in=[a.pk for a in actors]).annotate(n=Count("mentions"))
    return ranked.order_by("-n", "pk").first()


def _participations_of_split(*, actor: Actor, moved_mentions: list[Mention]) -> list[Participation]:
    """The actor's participations reported only by articles where it is now named solely by the split alias."""
    moved_articles = {m.article_id for m in moved_mentions}
    kept = actor.mentions.exclude(pk__in=[m.pk for m in moved_mentions])
    kept_articles = set(kept.values_list("article_id", flat=True))
    split_articles = moved_articles - kept_articles
    found = []
    for participation in actor.participations.prefetch_related("event__evidence"):
        sources = {evidence.article_id for evidence in participation.event.evidence.all()}
        if sources and sources <= split_articles:
            found.append(participation)
    return found


@transaction.atomic
def alias_split(*, alias: ActorAlias, user: AbstractBaseUser | None) -> Actor:
    """Take a name (its aliases and the mentions under it) off an actor into a new actor of its own."""
    source = alias.actor
    _actors_locked([source])
    keys = {alias.key, name_key(alias.name)} - {""}
    aliases = [a for a in source.aliases.all() if a.key in keys or name_key(a.name) in keys]
    if len(aliases) == source.aliases.count():
        raise CurationError(f"{alias.name!r} is every name {source} has; there is nothing to split it from")
    mentions = [m for m in source.mentions.all() if name_key(m.name) in keys]
    participations = _participations_of_split(actor=source, moved_mentions=mentions)
    snapshot = {
        "from_actor": _rows([source])[0],
        "aliases": _rows(aliases),
        "mention_ids": [m.pk for m in mentions],
        "participation_ids": [p.pk for p in participations],
    }
    actor = Actor.objects.create(name=alias.name, kind=source.kind, country=source.country)
    if name_key(source.name) in keys:  # the source was named by the split name: it takes its longest other name
        kept = source.aliases.exclude(pk__in=[a.pk for a in aliases]).values_list("name", flat=True)
        source.name = max(kept, key=len)
        source.save(update_fields=["name", "updated_at"])
    ActorAlias.objects.filter(pk__in=[a.pk for a in aliases]).update(actor=actor, source=AliasSource.CURATED)
    Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(actor=actor)
    Participation.objects.filter(pk__in=[p.pk for p in participations]).update(actor=actor)
    # A split says "these are different people": remembered so that resolution never joins them again.
    low, high = sorted((source.pk, actor.pk))
    SuspectedDuplicate.objects.create(
        actor_a_id=low,
        actor_b_id=high,
        score=1.0,
        reason=f"split by a curator: {alias.name}",
        status=DuplicateStatus.DISTINCT,
        decided_by=user,
        decided_at=timezone.now(),
    )
    snapshot["new_actor_id"] = actor.pk
    MergeRecord.objects.create(
        kind=MergeRecord.Kind.SPLIT, target_id=source.pk, merged_ids=[actor.pk], snapshot=snapshot, user=user
    )
    return actor


# --- suspected duplicates ------------------------------------------------------------------------


def _decide(duplicate: SuspectedDuplicate, status: str, user: AbstractBaseUser | None) -> SuspectedDuplicate:
    """A curator's decision on a pair, with who made it and when."""
    duplicate.status = status
    duplicate.decided_by = user
    duplicate.decided_at = timezone.now()
    duplicate.save(update_fields=["status", "decided_by", "decided_at"])
    return duplicate


@transaction.atomic
def duplicate_mark_distinct(*, duplicate: SuspectedDuplicate, user: AbstractBaseUser | None) -> SuspectedDuplicate:
    """Record that the pair are different people; the storage layer never suggests or merges them again."""
    return _decide(duplicate, DuplicateStatus.DISTINCT, user)


@transaction.atomic
def duplicate_mark_same(*, duplicate: SuspectedDuplicate, user: AbstractBaseUser | None) -> MergeRecord:
    """The pair are one person: merge them into the more mentioned one (the pair row goes with the merged actor)."""
    _decide(duplicate, DuplicateStatus.MERGED, user)
    pair = [duplicate.actor_a, duplicate.actor_b]
    target = actor_merge_target(pair)
    record = actors_merge(target=target, others=[a for a in pair if a.pk != target.pk], user=user)
    # The pair row is gone with the merged actor; its decision stays in the record.
    record.snapshot["decision"] = _rows([duplicate])[0]
    record.save(update_fields=["snapshot"])
    return record


# --- events --------------------------------------------------------------------------------------


def _event_snapshot(event: Event) -> dict:
    return {
        "event": _rows([event])[0],
        "participations": _rows(event.participations.all()),
        "evidence": _rows(event.evidence.all()),
        "children_ids": list(event.children.values_list("pk", flat=True)),
    }


def _participation_into(*, participation: Participation, event: Event) -> Participation:
    """Put a participation on an event, folding it into the event's own when that names the same person."""
    if participation.actor_id is not None:
        same = event.participations.filter(actor_id=participation.actor_id).first()
    else:
        same = event.participations.filter(
            actor=None, office=participation.office, country=participation.country
        ).first()
    if same is None:
        participation.event = event
        participation.save(update_fields=["event"])
        return participation
    _fill_blanks(same, participation, ["office", "country"])
    same.save(update_fields=["office", "country"])
    participation.delete()
    return same


def _evidence_into(*, evidence: Evidence, event: Event) -> Evidence:
    """Put evidence on an event; the same sentence already there is kept once."""
    same = event.evidence.filter(article_id=evidence.article_id, start=evidence.start).first()
    if same is not None:
        evidence.delete()
        return same
    evidence.event = event
    evidence.save(update_fields=["event"])
    return evidence


@transaction.atomic
def events_merge(*, target: Event, others: Iterable[Event], user: AbstractBaseUser | None) -> MergeRecord:
    """Fold the other events into the target: evidence, participants and sub-events move; nothing is lost."""
    others = [other for other in others if other.pk != target.pk]
    if not others:
        raise CurationError("choose at least one event besides the one that remains")
    merged_ids = {other.pk for other in others}
    snapshot = {"events": [_event_snapshot(other) for other in others]}
    for other in others:
        for participation in other.participations.all():
            _participation_into(participation=participation, event=target)
        for evidence in other.evidence.all():
            _evidence_into(evidence=evidence, event=target)
        if target.date_start is None and other.date_start is not None:
            target.date_start, target.date_end, target.date_precision = (
                other.date_start,
                other.date_end,
                other.date_precision,
            )
        _fill_blanks(target, other, ["place", "host_country"])
        target.confidence = max(target.confidence, other.confidence)
    Event.objects.filter(parent_id__in=merged_ids).exclude(pk=target.pk).update(parent=target)
    target.parent_id = _merged_parent(target=target, others=others)
    target.save()
    Event.objects.filter(pk__in=merged_ids).delete()
    return MergeRecord.objects.create(
        kind=MergeRecord.Kind.EVENTS, target_id=target.pk, merged_ids=sorted(merged_ids), snapshot=snapshot, user=user
    )


def _merged_parent(*, target: Event, others: list[Event]) -> int | None:
    """The parent the merged event keeps: its own, or one of the others', never itself or a merged event."""
    parents = {other.pk: other.parent_id for other in others}
    candidates = [target.parent_id, *parents.values()]
    for parent_id in candidates:
        seen = set()
        while parent_id in parents and parent_id not in seen:  # a parent that was merged: follow it up
            seen.add(parent_id)
            parent_id = parents[parent_id]
        if parent_id is not None and parent_id != target.pk and parent_id not in parents:
            return parent_id
    return None


def event_merge_target(events: Iterable[Event]) -> Event:
    """The natural survivor of a merge: a confirmed event first, then the best sourced, then the oldest."""
    ranked = Event.objects.filter(pk__in=[e.pk for e in events]).annotate(n=Count("evidence"))
    return sorted(ranked, key=lambda e: (e.status != ReviewStatus.CONFIRMED, -e.n, e.pk))[0]


@transaction.atomic
def participation_move(*, participation: Participation, target: Event) -> Participation:
    """Move a participant to another event (folded into the same person's participation there)."""
    if participation.event_id == target.pk:
        raise CurationError(f"{participation} is already a participant of {target}")
    return _participation_into(participation=participation, event=target)


@transaction.atomic
def evidence_move(*, evidence: Evidence, target: Event) -> Evidence:
    """Move a sentence of evidence to the event it really reports."""
    if evidence.event_id == target.pk:
        raise CurationError(f"the evidence is already on {target}")
    return _evidence_into(evidence=evidence, event=target)
