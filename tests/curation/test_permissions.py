"""Only staff reach the desk, and only curators may change what is on it."""

import pytest
from django.urls import reverse

from entities.models import Event, ReviewStatus
from tests.curation.conftest import changelist, run_action
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    EventFactory,
    EvidenceFactory,
    MergeRecordFactory,
    ParticipationFactory,
    SuspectedDuplicateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DESK_PAGES = [
    ("entities", "event"),
    ("entities", "actor"),
    ("entities", "suspectedduplicate"),
    ("entities", "mergerecord"),
    ("articles", "article"),
]


@pytest.mark.parametrize(("app", "model"), DESK_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, app, model):
    response = client.get(changelist(model, app))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(("app", "model"), DESK_PAGES)
def test_signed_in_non_staff_users_are_refused(client, app, model):
    client.force_login(UserFactory(is_staff=False))
    response = client.get(changelist(model, app))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_an_anonymous_action_changes_nothing(client):
    event = EventFactory()
    run_action(client, "event", "confirm_events", [event])
    event.refresh_from_db()
    assert event.status == ReviewStatus.PENDING


def test_staff_without_curating_permissions_cannot_act(client):
    client.force_login(UserFactory(is_staff=True))
    event = EventFactory()
    assert client.get(changelist("event")).status_code == 403
    run_action(client, "event", "confirm_events", [event])
    assert Event.objects.get().status == ReviewStatus.PENDING


def test_curators_reach_every_desk_page(curator_client):
    for app, model in DESK_PAGES:
        assert curator_client.get(changelist(model, app)).status_code == 200, model


def test_curators_are_not_superusers_and_cannot_rewrite_history(curator_client, curator):
    record = MergeRecordFactory(user=curator)
    url = reverse("admin:entities_mergerecord_change", args=[record.pk])
    assert curator_client.get(url).status_code == 200
    curator_client.post(url, {"kind": "split", "target_id": 99})
    record.refresh_from_db()
    assert (record.kind, record.target_id) == ("actors", 1)
    assert not curator.is_superuser


def test_every_desk_page_renders_for_a_curator(curator_client):
    event = EventFactory()
    participation = ParticipationFactory(event=event)
    evidence = EvidenceFactory(event=event)
    alias = ActorAliasFactory(actor=participation.actor)
    pair = SuspectedDuplicateFactory(actor_a=participation.actor, actor_b=ActorFactory())
    record = MergeRecordFactory()
    pages = [
        ("entities", "event", event),
        ("entities", "participation", participation),
        ("entities", "evidence", evidence),
        ("entities", "actor", participation.actor),
        ("entities", "actoralias", alias),
        ("entities", "suspectedduplicate", pair),
        ("entities", "mergerecord", record),
        ("articles", "article", evidence.article),
    ]
    for app, model, obj in pages:
        assert curator_client.get(changelist(model, app)).status_code == 200, model
        change = reverse(f"admin:{app}_{model}_change", args=[obj.pk])
        assert curator_client.get(change).status_code == 200, model
