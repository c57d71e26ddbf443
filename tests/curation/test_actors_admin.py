"""The officials desk: names and offices inline, merging people the machine split, splitting names it joined."""

import datetime

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.urls import reverse

from entities.models import (
    Actor,
    ActorAlias,
    AliasSource,
    DuplicateStatus,
    Mention,
    MergeRecord,
    Participation,
    Role,
    SuspectedDuplicate,
)
from tests.curation.conftest import changelist, run_action
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    MentionFactory,
    ParticipationFactory,
    RoleFactory,
    SuspectedDuplicateFactory,
)

pytestmark = pytest.mark.django_db

ACTOR_CHANGELIST_QUERIES = 9  # session, user, permissions x2, count x2, page, aliases, the country filter


def official(name: str, *, mentions: int = 0, **fields) -> Actor:
    actor = ActorFactory(name=name, **fields)
    ActorAliasFactory(actor=actor, name=name)
    for _ in range(mentions):
        MentionFactory(actor=actor, text=name)
    return actor


def test_changelist_lists_other_names_and_counts(curator_client, django_assert_num_queries):
    actor = official("Mohammad Bagheri", mentions=2)
    ActorAliasFactory(actor=actor, name="Baqeri")
    ParticipationFactory(actor=actor)
    curator_client.get(changelist("actor"))
    with django_assert_num_queries(ACTOR_CHANGELIST_QUERIES):
        response = curator_client.get(changelist("actor"))
    [row] = response.context["cl"].result_list
    assert (row.n_mentions, row.n_events) == (2, 1)
    assert "Baqeri" in response.content.decode()


def test_detail_page_has_aliases_and_roles_inline(curator_client):
    actor = official("Ana Silva")
    RoleFactory(actor=actor, title="Foreign Minister")
    page = curator_client.get(reverse("admin:entities_actor_change", args=[actor.pk])).content.decode()
    assert 'name="aliases-0-name"' in page
    assert 'name="roles-0-title"' in page
    assert reverse("admin:entities_actoralias_split", args=[actor.aliases.get().pk]) in page


def test_an_alias_added_by_hand_gets_its_key_and_is_curated(curator_client):
    actor = official("Mohammad Bagheri")
    url = reverse("admin:entities_actor_change", args=[actor.pk])
    alias = actor.aliases.get()
    data = {
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "description": "",
        "external_id": "",
        "status": actor.status,
        "aliases-TOTAL_FORMS": 2,
        "aliases-INITIAL_FORMS": 1,
        "aliases-0-id": alias.pk,
        "aliases-0-actor": actor.pk,
        "aliases-0-name": alias.name,
        "aliases-1-actor": actor.pk,
        "aliases-1-name": "Maj. Gen. Baqeri",
        "roles-TOTAL_FORMS": 0,
        "roles-INITIAL_FORMS": 0,
    }
    response = curator_client.post(url, data)
    assert response.status_code == 302
    added = actor.aliases.get(name="Maj. Gen. Baqeri")
    assert (added.key, added.source) == ("baqeri", AliasSource.CURATED)


def test_merge_asks_which_official_to_keep_suggesting_the_most_mentioned(curator_client):
    few, many = official("K. Mensah", mentions=1), official("Kwame Mensah", mentions=3)
    response = run_action(curator_client, "actor", "merge_actors", [few, many])
    assert response.status_code == 200
    assert response.context["form"].initial["target"] == many.pk
    assert Actor.objects.count() == 2


def test_merge_repoints_everything_and_keeps_the_merged_names(curator_client, curator):
    keep, other = official("Kwame Mensah", mentions=2), official("Kwamena Mensah", mentions=1, description="MP")
    event, other_event = EventFactory(), EventFactory()
    ParticipationFactory(event=event, actor=keep, role="host")
    ParticipationFactory(event=event, actor=other, office="President")  # the same person twice in one event
    ParticipationFactory(event=other_event, actor=other)
    ActorAliasFactory(actor=other, name="Kwame Mensah")  # the same alias on both
    RoleFactory(
        actor=keep, title="President", first_seen=datetime.date(2020, 1, 1), last_seen=datetime.date(2020, 2, 1)
    )
    RoleFactory(
        actor=other, title="President", first_seen=datetime.date(2019, 6, 1), last_seen=datetime.date(2021, 1, 1)
    )
    third = official("John Mensah")
    SuspectedDuplicateFactory(actor_a=other, actor_b=third, status=DuplicateStatus.DISTINCT)
    SuspectedDuplicateFactory(actor_a=keep, actor_b=other)

    response = run_action(curator_client, "actor", "merge_actors", [keep, other], post="yes", target=keep.pk)

    assert response.status_code == 302
    assert list(Actor.objects.exclude(pk=third.pk)) == [keep]
    assert Mention.objects.filter(actor=keep).count() == 3
    assert sorted(Participation.objects.values_list("event_id", "actor_id")) == [
        (event.pk, keep.pk),
        (other_event.pk, keep.pk),
    ]
    assert Participation.objects.get(event=event).office == "President"
    assert set(keep.aliases.values_list("name", "source")) == {
        ("Kwame Mensah", AliasSource.CURATED),
        ("Kwamena Mensah", AliasSource.CURATED),
    }
    role = Role.objects.get()
    assert (role.actor, role.first_seen, role.last_seen) == (keep, datetime.date(2019, 6, 1), datetime.date(2021, 1, 1))
    pair = SuspectedDuplicate.objects.get()
    assert ({pair.actor_a, pair.actor_b}, pair.status) == ({keep, third}, DuplicateStatus.DISTINCT)
    keep.refresh_from_db()
    assert keep.description == "MP"
    record = MergeRecord.objects.get()
    assert (record.kind, record.target_id, record.merged_ids, record.user) == ("actors", keep.pk, [other.pk], curator)
    assert record.snapshot["actors"][0]["actor"]["fields"]["name"] == "Kwamena Mensah"
    assert LogEntry.objects.filter(user=curator, action_flag=DELETION, object_id=str(other.pk)).exists()
    assert LogEntry.objects.filter(user=curator, action_flag=CHANGE, object_id=str(keep.pk)).exists()


def test_split_page_lists_the_mentions_that_go(curator_client):
    actor = official("Imran Khan")
    alias = ActorAliasFactory(actor=actor, name="Ahmed Khan", key="ahmed khan")
    MentionFactory(actor=actor, text="Mr Ahmed Khan", name="Ahmed Khan")
    response = curator_client.get(reverse("admin:entities_actoralias_split", args=[alias.pk]))
    assert response.status_code == 200
    assert "Mr Ahmed Khan" in response.content.decode()


def test_split_takes_the_name_and_its_mentions_to_a_new_official(curator_client, curator):
    actor = official("Imran Khan", mentions=2)
    alias = ActorAliasFactory(actor=actor, name="Ahmed Khan", key="ahmed khan")
    split_article = ArticleFactory()
    moved = MentionFactory(actor=actor, text="Gen. Ahmed Khan", name="Ahmed Khan", article=split_article)
    event = EventFactory()
    EvidenceFactory(event=event, article=split_article)
    ParticipationFactory(event=event, actor=actor)  # reported only where he is named Ahmed Khan

    response = curator_client.post(reverse("admin:entities_actoralias_split", args=[alias.pk]))

    new = Actor.objects.get(name="Ahmed Khan")
    assert response.url == reverse("admin:entities_actor_change", args=[new.pk])
    alias.refresh_from_db()
    assert (alias.actor, alias.source) == (new, AliasSource.CURATED)
    assert list(new.mentions.all()) == [moved]
    assert actor.mentions.count() == 2
    assert list(event.participations.values_list("actor", flat=True)) == [new.pk]
    pair = SuspectedDuplicate.objects.get()
    assert (pair.status, pair.decided_by) == (DuplicateStatus.DISTINCT, curator)
    record = MergeRecord.objects.get()
    assert (record.kind, record.target_id, record.merged_ids) == ("split", actor.pk, [new.pk])
    assert LogEntry.objects.filter(action_flag=ADDITION, object_id=str(new.pk), user=curator).exists()


def test_split_action_on_aliases(curator_client):
    actor = official("Imran Khan")
    alias = ActorAliasFactory(actor=actor, name="Ahmed Khan", key="ahmed khan")
    run_action(curator_client, "actoralias", "split_aliases", [alias])
    assert ActorAlias.objects.get(pk=alias.pk).actor.name == "Ahmed Khan"


def test_an_officials_only_name_cannot_be_split_off(curator_client):
    actor = official("Imran Khan")
    response = curator_client.post(
        reverse("admin:entities_actoralias_split", args=[actor.aliases.get().pk]), follow=True
    )
    assert "nothing to split it from" in response.content.decode()
    assert Actor.objects.count() == 1
