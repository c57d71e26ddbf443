"""Event titles say what happened: who met whom, who visited where, who called whom, how many countries met."""

import datetime

from django.urls import reverse

from entities.formatting import event_title, met_during
from entities.models import Event
from tests.factories import ActorFactory, EventFactory, ParticipationFactory


def loaded(event) -> Event:
    """The event as the timeline reads it (participants and meetings prefetched)."""
    return Event.objects.filter(pk=event.pk).timeline().get()


def person(name: str, country: str):
    return ActorFactory(name=name, country=country)


def test_a_meeting_is_titled_guest_meets_host(db):
    meeting = EventFactory(kind="meeting", place="Lakeport")
    ParticipationFactory(event=meeting, actor=person("Ilse Varga", "Norland"), role="host")
    ParticipationFactory(event=meeting, actor=person("Tomas Okafor", "Sudria"), role="guest")
    assert event_title(loaded(meeting)) == "Okafor meets Varga"


def test_a_visit_is_titled_traveller_visits_country(db):
    visit = EventFactory(kind="visit", place="Lakeport", host_country="Norland")
    ParticipationFactory(event=visit, actor=person("Tomas Okafor", "Sudria"), role="guest")
    assert event_title(loaded(visit)) == "Okafor visits Norland"


def test_a_call_names_both_ends(db):
    call = EventFactory(kind="phone_call", place="", host_country="")
    ParticipationFactory(event=call, actor=person("Ilse Varga", "Norland"))
    ParticipationFactory(event=call, actor=person("Tomas Okafor", "Sudria"))
    assert event_title(loaded(call)) == "Call: Varga - Okafor"  # in the order the pages list people: by name


def test_a_gathering_counts_its_countries(db):
    summit = EventFactory(kind="multilateral", place="Lakeport", host_country="Norland")
    for name, country in [("Ana Bell", "Norland"), ("Ben Cho", "Sudria"), ("Cy Dunn", "Estova"), ("Di Eze", "Portua")]:
        ParticipationFactory(event=summit, actor=person(name, country), country=country)
    assert event_title(loaded(summit)) == "Multilateral meeting, Lakeport (4 countries)"


def test_nobody_named_falls_back_to_the_place(db):
    meeting = EventFactory(kind="meeting", place="Lakeport")
    ParticipationFactory(event=meeting, actor=None, office="Foreign Minister of Sudria")
    assert event_title(loaded(meeting)) == "Meeting in Lakeport"
    assert event_title(loaded(EventFactory(kind="visit", host_country="Norland", place=""))) == "Visit to Norland"


def test_a_visit_card_lists_the_people_met_then_how_many_more(db):
    traveller = person("Tomas Okafor", "Sudria")
    visit = EventFactory(kind="visit", host_country="Norland")
    ParticipationFactory(event=visit, actor=traveller, role="guest")
    for i, name in enumerate(["Ana Bell", "Ben Cho", "Cy Dunn", "Di Eze", "Ed Fox", "Flo Gil"]):
        day = datetime.date(2020, 3, 12 + i)
        meeting = EventFactory(kind="meeting", parent=visit, date_start=day, date_end=day)
        ParticipationFactory(event=meeting, actor=traveller, role="guest")
        ParticipationFactory(event=meeting, actor=person(name, "Norland"), role="host")
    assert met_during(loaded(visit)) == "met Bell, Cho, Dunn and 3 more"


def test_a_card_never_queries_for_meetings_it_was_not_given(db, django_assert_num_queries):
    visit = Event.objects.with_participants().get(pk=EventFactory(kind="visit").pk)
    with django_assert_num_queries(0):
        assert met_during(visit) == ""


def test_timeline_cards_and_event_pages_carry_the_title(client, db):
    visit = EventFactory(kind="visit", place="Lakeport", host_country="Norland")
    traveller, host = person("Tomas Okafor", "Sudria"), person("Ilse Varga", "Norland")
    ParticipationFactory(event=visit, actor=traveller, role="guest")
    meeting = EventFactory(kind="meeting", parent=visit, place="Lakeport")
    ParticipationFactory(event=meeting, actor=traveller, role="guest")
    ParticipationFactory(event=meeting, actor=host, role="host")
    timeline = client.get(reverse("entities:event_list")).content.decode()
    assert "Okafor visits Norland" in timeline and "Met Varga" in timeline
    page = client.get(reverse("entities:event_detail", args=[meeting.pk])).content.decode()
    assert "<title>Okafor meets Varga, 12 March 2020 · Parley</title>" in page
    assert "<h1>Okafor meets Varga</h1>" in page
