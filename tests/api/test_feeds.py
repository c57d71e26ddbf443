"""Atom feeds that feed readers accept (parsed with feedparser) and an iCalendar feed calendar apps accept (parsed
with icalendar); neither ever lists a rejected event."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import EventFactory, ParticipationFactory

# the events with their participants (and, for an official, the official; for a pair, the countries)
TIMELINE_FEED_QUERIES = 2


def atom(client, url: str, params: dict | None = None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def entry_links(feed) -> list[str]:
    return [entry.link for entry in feed.entries]


def test_the_events_feed_is_valid_atom_with_the_required_elements(client, open_kb):
    feed = atom(client, reverse("entities:events_feed"))
    assert feed.feed.title == "Parley: events"
    assert feed.feed.id and feed.feed.updated and feed.feed.author == "Parley"
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated and entry.link.startswith("http://testserver/events/")
    meeting = next(e for e in feed.entries if e.link.endswith(f"/events/{open_kb.meeting.pk}/"))
    assert meeting.title == "Lindqvist meets Berg, 3 May 2021"
    assert "Ana Lindqvist (Norland)" in meeting.summary and "Review: confirmed" in meeting.summary


def test_the_latest_change_comes_first_and_the_rejected_never(client, open_kb):
    open_kb.undated.place = "Nordhavn"
    open_kb.undated.save()  # now the latest change
    links = entry_links(atom(client, reverse("entities:events_feed")))
    assert links[0].endswith(f"/events/{open_kb.undated.pk}/")
    assert len(links) == 3 and not any(link.endswith(f"/events/{open_kb.rejected.pk}/") for link in links)


def test_a_timeline_filter_makes_a_feed_of_its_own(client, open_kb):
    feed = atom(client, reverse("entities:events_feed"), {"kind": "visit"})
    assert entry_links(feed) == [f"http://testserver/events/{open_kb.visit.pk}/"]
    assert feed.feed.title == "Parley: events (kind visit)"
    assert feed.feed.link == "http://testserver/events/?kind=visit"
    assert atom(client, reverse("entities:events_feed"), {"status": "rejected"}).entries == []


def test_the_timeline_feed_runs_a_fixed_number_of_queries(client, open_kb, django_assert_num_queries):
    for _ in range(5):
        ParticipationFactory(event=EventFactory())
    client.get(reverse("entities:events_feed"))  # the filter's countries are cached from here on
    with django_assert_num_queries(TIMELINE_FEED_QUERIES):
        assert len(atom(client, reverse("entities:events_feed")).entries) == 8


def test_an_officials_feed(client, open_kb):
    other = EventFactory()
    ParticipationFactory(event=other)
    feed = atom(client, reverse("entities:official_feed", args=[open_kb.lindqvist.pk]))
    assert feed.feed.title == "Parley: events of Ana Lindqvist"
    assert len(feed.entries) == 3 and f"http://testserver/events/{other.pk}/" not in entry_links(feed)


def test_a_country_pairs_feed(client, open_kb):
    feed = atom(client, reverse("entities:country_pair_feed", args=["Norland", "Sudmark"]))
    assert feed.feed.title == "Parley: events of Norland and Sudmark"
    assert len(feed.entries) == 3


@pytest.mark.parametrize(
    ("name", "args", "params", "status"),
    [
        ("entities:events_feed", [], {"kind": "parade"}, 400),
        ("entities:events_feed", [], {"format": "rss"}, 400),
        ("entities:country_pair_feed", ["Norland", "Atlantis"], {}, 400),
        ("entities:official_feed", [987654], {}, 404),
    ],
)
def test_bad_feed_addresses_are_refused(client, open_kb, name, args, params, status):
    assert client.get(reverse(name, args=args), params).status_code == status


# --- the calendar ------------------------------------------------------------------------------------------------


def calendar(client) -> Calendar:
    response = client.get(reverse("entities:visits_calendar"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_calendar_parses_with_the_required_properties(client, open_kb):
    parsed = calendar(client)
    assert (str(parsed["version"]), str(parsed["prodid"])) == ("2.0", "-//Parley//Visits//EN")
    [visit] = parsed.walk("VEVENT")
    assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(visit)
    assert visit["uid"] == f"event-{open_kb.visit.pk}@testserver"
    assert (visit.decoded("dtstart"), visit.decoded("dtend")) == (datetime.date(2031, 6, 1), datetime.date(2031, 6, 4))
    assert str(visit["summary"]) == "Lindqvist visits Norland: Ana Lindqvist, Tomas Berg"
    assert (str(visit["status"]), str(visit["location"])) == ("TENTATIVE", "Nordhavn, Norland")


def test_the_calendar_has_recent_visits_known_to_the_day_and_no_rejected_or_old_one(client, open_kb):
    today = timezone.now().date()
    recent = EventFactory(kind="visit", status="confirmed", date_start=today, date_end=today)
    EventFactory(kind="visit", status="rejected", date_start=today, date_end=today)
    EventFactory(kind="visit", date_start=today - datetime.timedelta(days=400), date_end=None)
    EventFactory(kind="visit", date_start=today, date_end=today, date_precision="month")
    uids = {str(v["uid"]) for v in calendar(client).walk("VEVENT")}
    assert uids == {f"event-{open_kb.visit.pk}@testserver", f"event-{recent.pk}@testserver"}
