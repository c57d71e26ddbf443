"""Suspected duplicates: open pairs listed, one click for 'same person' or 'different people'."""

import pytest
from django.urls import reverse

from entities.models import Actor, DuplicateStatus, MergeRecord, SuspectedDuplicate
from tests.curation.conftest import changelist, run_action
from tests.factories import ActorFactory, MentionFactory, SuspectedDuplicateFactory

pytestmark = pytest.mark.django_db


def suspected(first: str = "Mohammad Bagheri", second: str = "Mohammad Baqeri", **fields) -> SuspectedDuplicate:
    return SuspectedDuplicateFactory(actor_a=ActorFactory(name=first), actor_b=ActorFactory(name=second), **fields)


def test_open_pairs_are_listed_by_default_with_their_buttons(curator_client):
    pair = suspected()
    suspected("Ana Silva", "Ana Sylva", status=DuplicateStatus.DISTINCT)
    response = curator_client.get(changelist("suspectedduplicate"))
    assert list(response.context["cl"].result_list) == [pair]
    page = response.content.decode()
    assert reverse("admin:entities_suspectedduplicate_same", args=[pair.pk]) in page
    assert reverse("admin:entities_suspectedduplicate_distinct", args=[pair.pk]) in page
    assert 'id="changelist-form"' in page  # the buttons submit it, and its CSRF token with it


def test_decided_pairs_are_one_filter_away(curator_client):
    suspected()
    decided = suspected("Ana Silva", "Ana Sylva", status=DuplicateStatus.DISTINCT)
    response = curator_client.get(changelist("suspectedduplicate"), {"decision": "distinct"})
    assert list(response.context["cl"].result_list) == [decided]


def test_different_people_is_remembered_with_who_and_when(curator_client, curator):
    pair = suspected()
    response = curator_client.post(reverse("admin:entities_suspectedduplicate_distinct", args=[pair.pk]))
    assert response.status_code == 302
    pair.refresh_from_db()
    assert (pair.status, pair.decided_by) == (DuplicateStatus.DISTINCT, curator)
    assert pair.decided_at is not None
    assert Actor.objects.count() == 2


def test_same_person_merges_into_the_more_mentioned(curator_client, curator):
    pair = suspected()
    MentionFactory(actor=pair.actor_b)
    curator_client.post(reverse("admin:entities_suspectedduplicate_same", args=[pair.pk]))
    [survivor] = Actor.objects.all()
    assert survivor == pair.actor_b
    record = MergeRecord.objects.get()
    assert record.merged_ids == [pair.actor_a_id]
    assert record.snapshot["decision"]["fields"]["status"] == DuplicateStatus.MERGED
    assert record.snapshot["decision"]["fields"]["decided_by"] == curator.pk


def test_decision_buttons_need_a_post(curator_client):
    pair = suspected()
    response = curator_client.get(reverse("admin:entities_suspectedduplicate_same", args=[pair.pk]))
    assert response.status_code == 405
    assert Actor.objects.count() == 2


def test_decisions_as_bulk_actions(curator_client):
    apart, same = suspected(), suspected("Ana Silva", "Ana Sylva")
    run_action(curator_client, "suspectedduplicate", "mark_distinct", [apart])
    run_action(curator_client, "suspectedduplicate", "mark_same", [same])
    assert SuspectedDuplicate.objects.get().status == DuplicateStatus.DISTINCT
    assert Actor.objects.count() == 3


def test_a_decided_pair_is_not_decided_again(curator_client):
    pair = suspected(status=DuplicateStatus.DISTINCT)
    curator_client.post(reverse("admin:entities_suspectedduplicate_same", args=[pair.pk]))
    assert Actor.objects.count() == 2
