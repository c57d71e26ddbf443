"""The events desk: a list to work down, a detail page with its sources, and the review actions."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.urls import reverse

from entities.models import Event, Evidence, MergeRecord, Participation, ReviewStatus
from tests.curation.conftest import change_form_data, changelist, run_action
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    EventFactory,
    EvidenceFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

# session, user, its permissions (own and group's), result count, full count, the page, its participants,
# the date hierarchy (range, then days), the country filter
EVENT_CHANGELIST_QUERIES = 11


def reported_event(*, people=("Ana Silva", "Kwame Mensah"), articles=1, **fields) -> Event:
    event = EventFactory(**fields)
    for name in people:
        ParticipationFactory(event=event, actor=ActorFactory(name=name))
    for _ in range(articles):
        EvidenceFactory(event=event)
    return event


def test_changelist_shows_date_participants_place_status_confidence_and_sources(curator_client):
    reported_event(articles=3, place="Accra", confidence=0.42)
    response = curator_client.get(changelist("event"))
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("2020-03-12 (day)", "Ana Silva (participant)", "Kwame Mensah (participant)", "Accra", "0.42"):
        assert text in page
    [row] = response.context["cl"].result_list
    assert row.n_sources == 3


@pytest.mark.parametrize("rows", [2, 7])
def test_changelist_query_count_does_not_grow_with_rows(curator_client, django_assert_num_queries, rows):
    for _ in range(rows):
        reported_event(people=[f"Person {_}a", f"Person {_}b"], articles=2)
    curator_client.get(changelist("event"))  # warm the session
    with django_assert_num_queries(EVENT_CHANGELIST_QUERIES):
        response = curator_client.get(changelist("event"))
    assert len(response.context["cl"].result_list) == rows


def test_pending_low_confidence_events_come_first(curator_client):
    confirmed = EventFactory(status=ReviewStatus.CONFIRMED, confidence=0.1)
    sure = EventFactory(confidence=0.9)
    unsure = EventFactory(confidence=0.2)
    response = curator_client.get(changelist("event"))
    assert list(response.context["cl"].result_list) == [unsure, sure, confirmed]


def test_filters_by_status_kind_and_country(curator_client):
    rejected_visit = EventFactory(status=ReviewStatus.REJECTED, kind="visit", host_country="Iran")
    EventFactory(kind="meeting", host_country="Ghana")
    query = {"status__exact": "rejected", "kind__exact": "visit", "host_country": "Iran"}
    response = curator_client.get(changelist("event"), query)
    assert list(response.context["cl"].result_list) == [rejected_visit]


def test_date_hierarchy_narrows_to_a_month(curator_client):
    march = EventFactory(date_start=datetime.date(2020, 3, 2), date_end=datetime.date(2020, 3, 2))
    EventFactory(date_start=datetime.date(2021, 5, 2), date_end=datetime.date(2021, 5, 2))
    response = curator_client.get(changelist("event"), {"date_start__year": 2020, "date_start__month": 3})
    assert list(response.context["cl"].result_list) == [march]


def test_search_finds_events_by_any_alias_of_a_participant(curator_client):
    event = reported_event(people=["Mohammad Bagheri"])
    ActorAliasFactory(actor=event.participations.get().actor, name="Baqeri")
    EventFactory()
    response = curator_client.get(changelist("event"), {"q": "Baqeri"})
    assert list(response.context["cl"].result_list) == [event]


def test_search_finds_events_by_evidence_text(curator_client):
    event = EventFactory()
    EvidenceFactory(event=event, sentence="The ministers signed a fisheries accord.")
    reported_event()
    response = curator_client.get(changelist("event"), {"q": "fisheries"})
    assert list(response.context["cl"].result_list) == [event]


def test_detail_page_shows_participants_and_read_only_evidence_linked_to_its_article(curator_client):
    event = reported_event(date_precision="month")
    evidence = event.evidence.get()
    response = curator_client.get(reverse("admin:entities_event_change", args=[event.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "2020-03-12 (month)" in page
    assert reverse("admin:articles_article_change", args=[evidence.article_id]) in page
    assert evidence.sentence in page
    assert 'name="evidence-0-sentence"' not in page  # shown, not editable
    assert 'name="participations-0-actor"' in page


def test_confirm_action_confirms_and_logs_who(curator_client, curator):
    events = [EventFactory(), EventFactory()]
    run_action(curator_client, "event", "confirm_events", events)
    assert set(Event.objects.values_list("status", flat=True)) == {ReviewStatus.CONFIRMED}
    entries = LogEntry.objects.filter(user=curator, action_flag=CHANGE, change_message="Marked confirmed.")
    assert {int(e.object_id) for e in entries} == {e.pk for e in events}


def test_reject_action_rejects(curator_client):
    event = EventFactory()
    run_action(curator_client, "event", "reject_events", [event])
    event.refresh_from_db()
    assert event.status == ReviewStatus.REJECTED


def test_editing_a_pending_event_confirms_it(curator_client):
    event = reported_event(place="Accra")
    url = reverse("admin:entities_event_change", args=[event.pk])
    response = curator_client.post(url, change_form_data(curator_client, url, place="Kumasi"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.place, event.status) == ("Kumasi", ReviewStatus.CONFIRMED)
    assert event.participations.count() == 2


def test_saving_an_unchanged_pending_event_leaves_it_pending(curator_client):
    event = reported_event()
    url = reverse("admin:entities_event_change", args=[event.pk])
    curator_client.post(url, change_form_data(curator_client, url))
    event.refresh_from_db()
    assert event.status == ReviewStatus.PENDING


def test_merge_asks_which_event_to_keep_first(curator_client):
    events = [reported_event(), reported_event()]
    response = run_action(curator_client, "event", "merge_events", events)
    assert response.status_code == 200
    assert response.templates[0].name == "admin/entities/merge_form.html"
    assert Event.objects.count() == 2


def test_merge_combines_evidence_and_participants_and_repoints_sub_events(curator_client, curator):
    shared = ActorFactory(name="Ana Silva")
    keep = reported_event(people=["Kwame Mensah"])
    other = reported_event(people=["Li Wei"], place="")
    ParticipationFactory(event=keep, actor=shared)
    ParticipationFactory(event=other, actor=shared, office="Foreign Minister")
    child = EventFactory(parent=other)
    response = run_action(curator_client, "event", "merge_events", [keep, other], post="yes", target=keep.pk)
    assert response.status_code == 302
    assert list(Event.objects.exclude(pk=child.pk)) == [keep]
    names = sorted(str(p) for p in keep.participations.all())
    assert names == ["Ana Silva", "Kwame Mensah", "Li Wei"]
    assert keep.participations.get(actor=shared).office == "Foreign Minister"
    assert keep.evidence.count() == 2
    child.refresh_from_db()
    assert child.parent == keep
    record = MergeRecord.objects.get(kind=MergeRecord.Kind.EVENTS)
    assert (record.target_id, record.merged_ids, record.user) == (keep.pk, [other.pk], curator)
    assert record.snapshot["events"][0]["event"]["pk"] == other.pk
    assert LogEntry.objects.filter(action_flag=DELETION, object_id=str(other.pk), user=curator).exists()


def test_move_evidence_to_another_event_through_its_page(curator_client, curator):
    source, target = reported_event(articles=2), EventFactory()
    evidence = source.evidence.first()
    url = reverse("admin:entities_evidence_move", args=[evidence.pk])
    assert curator_client.get(url).status_code == 200
    response = curator_client.post(url, {"post": "yes", "event": target.pk})
    assert response.status_code == 302
    assert list(target.evidence.all()) == [evidence]
    assert source.evidence.count() == 1
    assert LogEntry.objects.filter(object_id=str(target.pk), user=curator, action_flag=CHANGE).exists()


def test_move_participants_with_the_action(curator_client):
    source, target = reported_event(people=["Ana Silva", "Kwame Mensah"]), EventFactory()
    movers = list(source.participations.all())
    response = run_action(curator_client, "participation", "move_to_event", movers, post="yes", event=target.pk)
    assert response.status_code == 302
    assert source.participations.count() == 0
    assert sorted(str(p) for p in target.participations.all()) == ["Ana Silva", "Kwame Mensah"]


def test_move_to_a_missing_event_asks_again(curator_client):
    evidence = EvidenceFactory()
    response = run_action(curator_client, "evidence", "move_to_event", [evidence], post="yes", event=999999)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Evidence.objects.get().event_id == evidence.event_id


def test_moving_a_participant_already_there_folds_it_into_theirs(curator_client):
    person = ActorFactory()
    moved = ParticipationFactory(actor=person, office="Defence Minister")
    there = ParticipationFactory(actor=person)
    run_action(curator_client, "participation", "move_to_event", [moved], post="yes", event=there.event_id)
    assert list(Participation.objects.filter(actor=person)) == [there]
    there.refresh_from_db()
    assert there.office == "Defence Minister"


def test_removing_a_participant_from_a_pending_event_confirms_it(curator_client):
    event = reported_event()
    url = reverse("admin:entities_event_change", args=[event.pk])
    curator_client.post(url, change_form_data(curator_client, url, **{"participations-0-DELETE": "on"}))
    event.refresh_from_db()
    assert (event.participations.count(), event.status) == (1, ReviewStatus.CONFIRMED)
