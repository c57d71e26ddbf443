"""entities.curation on its own: the edge cases of merging and splitting that the admin tests pass over."""

import pytest

from entities import curation
from entities.models import Actor, DuplicateStatus, Event, MergeRecord, SuspectedDuplicate
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    EventFactory,
    EvidenceFactory,
    MentionFactory,
    SuspectedDuplicateFactory,
)

pytestmark = pytest.mark.django_db


def test_merging_an_event_into_itself_is_refused():
    event = EventFactory()
    with pytest.raises(curation.CurationError):
        curation.events_merge(target=event, others=[event], user=None)


def test_a_sub_event_merged_with_its_visit_takes_the_visits_parent():
    summit = EventFactory(kind="multilateral")
    visit = EventFactory(kind="visit", parent=summit)
    meeting = EventFactory(parent=visit)
    curation.events_merge(target=meeting, others=[visit], user=None)
    meeting.refresh_from_db()
    assert meeting.parent == summit


def test_merged_events_that_point_at_each_other_leave_no_loop():
    first, second = EventFactory(), EventFactory()
    first.parent, second.parent = second, first
    first.save(), second.save()
    third = EventFactory(parent=first)
    curation.events_merge(target=third, others=[first, second], user=None)
    third.refresh_from_db()
    assert third.parent is None


def test_the_same_sentence_on_both_events_is_kept_once():
    keep, other = EventFactory(), EventFactory()
    evidence = EvidenceFactory(event=keep)
    EvidenceFactory(event=other, article=evidence.article, start=evidence.start)
    curation.events_merge(target=keep, others=[other], user=None)
    assert keep.evidence.count() == 1


def test_an_undated_event_takes_the_date_of_the_one_merged_into_it():
    keep, other = EventFactory(date_start=None, date_end=None, date_precision="unknown", place=""), EventFactory()
    curation.events_merge(target=keep, others=[other], user=None)
    keep.refresh_from_db()
    assert (keep.date_start, keep.date_precision, keep.place) == (other.date_start, "day", "Accra")


def test_the_confirmed_and_best_sourced_event_is_suggested_as_target():
    sourced, confirmed = EventFactory(), EventFactory(status="confirmed")
    EvidenceFactory(event=sourced)
    assert curation.event_merge_target([sourced, confirmed]) == confirmed


def test_a_pair_suggested_with_both_merged_officials_collapses_to_one_pair():
    keep, other, third = ActorFactory(), ActorFactory(), ActorFactory()
    SuspectedDuplicateFactory(actor_a=keep, actor_b=third, score=0.5)
    SuspectedDuplicateFactory(actor_a=other, actor_b=third, score=0.9, status=DuplicateStatus.DISTINCT)
    curation.actors_merge(target=keep, others=[other], user=None)
    pair = SuspectedDuplicate.objects.get()
    assert (pair.actor_a, pair.actor_b, pair.score, pair.status) == (keep, third, 0.9, DuplicateStatus.DISTINCT)


def test_a_survivor_with_a_higher_id_keeps_pairs_ordered():
    partner, other, keep = ActorFactory(), ActorFactory(), ActorFactory()
    SuspectedDuplicateFactory(actor_a=partner, actor_b=other)
    curation.actors_merge(target=keep, others=[other], user=None)
    pair = SuspectedDuplicate.objects.get()
    assert (pair.actor_a, pair.actor_b) == (partner, keep)


def test_splitting_the_name_an_official_goes_by_renames_what_remains():
    actor = ActorFactory(name="Ahmed Khan")
    alias = ActorAliasFactory(actor=actor, name="Ahmed Khan", key="ahmed khan")
    ActorAliasFactory(actor=actor, name="Imran Ahmed Khan", key="imran ahmed khan")
    MentionFactory(actor=actor, text="Ahmed Khan")
    new = curation.alias_split(alias=alias, user=None)
    actor.refresh_from_db()
    assert (actor.name, new.name) == ("Imran Ahmed Khan", "Ahmed Khan")
    assert new.mentions.count() == 1


def test_a_split_takes_every_alias_of_the_same_key():
    actor = ActorFactory(name="Imran Khan")
    ActorAliasFactory(actor=actor, name="Imran Khan", key="imran khan")
    alias = ActorAliasFactory(actor=actor, name="Ahmed Khan", key="ahmed khan")
    ActorAliasFactory(actor=actor, name="Gen. Ahmed Khan", key="ahmed khan")
    new = curation.alias_split(alias=alias, user=None)
    assert sorted(new.aliases.values_list("name", flat=True)) == ["Ahmed Khan", "Gen. Ahmed Khan"]
    assert MergeRecord.objects.get().snapshot["new_actor_id"] == new.pk


def test_merges_are_all_or_nothing(monkeypatch):
    keep, other = ActorFactory(), ActorFactory()
    MentionFactory(actor=other)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(curation, "_roles_repoint", broken)
    with pytest.raises(RuntimeError):
        curation.actors_merge(target=keep, others=[other], user=None)
    assert Actor.objects.count() == 2
    assert other.mentions.count() == 1
    assert not Event.objects.exists()


def test_a_curated_alias_gets_keys_from_its_new_name_and_is_marked_curated():
    alias = ActorAliasFactory(name="Gen. Otieno", key="stale", surname="stale", source="extracted")
    alias.name = "Amani Otiena"
    curation.alias_save_curated(alias=alias)
    alias.refresh_from_db()
    assert (alias.key, alias.surname, alias.source) == ("amani otiena", "utn", "curated")
