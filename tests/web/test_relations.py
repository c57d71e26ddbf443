"""Country-pair pages and the relations index: the pair's chart, who visited whom, each side's officials, the
events under filters; a fixed number of queries; unknown countries and bad filters refused."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ActorFactory, EventFactory, ParticipationFactory

PAIR_QUERIES = 9  # country choices, chart rows, visit hosts, visitors, officials, page, participants, meetings, theirs
INDEX_QUERIES = 1  # the pairs
COUNTRY_QUERIES = 2  # country choices (to read the slug; cached on a running site), the pairs


@pytest.fixture
def ties(db):
    """Sudria and Norland: two visits to Norland and a call; Estova meets Sudria once."""
    okafor = ActorFactory(name="Tomas Okafor", country="Sudria")
    varga = ActorFactory(name="Ilse Varga", country="Norland")
    moreau = ActorFactory(name="Paul Moreau", country="Estova")
    events = []
    for month in (3, 9):
        day = datetime.date(2020, month, 2)
        visit = EventFactory(kind="visit", host_country="Norland", place="Lakeport", date_start=day, date_end=day)
        ParticipationFactory(event=visit, actor=okafor, role="guest")
        ParticipationFactory(event=visit, actor=varga, role="host")
        events.append(visit)
    day = datetime.date(2021, 1, 5)
    call = EventFactory(kind="phone_call", host_country="", place="", date_start=day, date_end=day)
    ParticipationFactory(event=call, actor=varga)
    ParticipationFactory(event=call, actor=okafor)
    other = EventFactory(kind="meeting", host_country="Estova", place="Portvale")
    ParticipationFactory(event=other, actor=moreau)
    ParticipationFactory(event=other, actor=okafor)
    return {"okafor": okafor, "varga": varga, "visits": events, "call": call}


def pair_url(a="sudria", b="norland"):
    return reverse("entities:relations_pair", args=[a, b])


def test_the_index_lists_the_busiest_pairs(client, ties):
    pairs = client.get(reverse("entities:relations_index")).context["pairs"]
    assert [(p.first, p.second, p.events) for p in pairs] == [("Norland", "Sudria", 3), ("Estova", "Sudria", 1)]


def test_a_country_page_lists_its_partners(client, ties):
    pairs = client.get(reverse("entities:relations_country", args=["estova"])).context["pairs"]
    assert [(p.first, p.second) for p in pairs] == [("Estova", "Sudria")]


def test_a_pair_page_says_who_visited_whom_and_who_met_most(client, ties):
    response = client.get(pair_url())
    pair = response.context["pair"]
    assert pair.total == 3
    assert [(v.visitor, v.host, v.count) for v in pair.visits] == [("Norland", "Sudria", 0), ("Sudria", "Norland", 2)]
    assert [(v.name, v.host, v.visits) for v in pair.visitors] == [("Tomas Okafor", "Norland", 2)]
    assert [(o.name, o.events) for o in pair.first_officials] == [("Tomas Okafor", 3)]
    assert [(o.name, o.events) for o in pair.second_officials] == [("Ilse Varga", 3)]
    content = response.content.decode()
    assert "<title>Sudria – Norland: relations · Parley</title>" in content
    assert "Okafor visits Norland" in content and "Call: Varga - Okafor" in content
    assert "<title>2020: 2 events (2 visits)</title>" in content or "Mar 2020: 1 event (1 visit)" in content


def test_a_pair_page_takes_the_timeline_filters(client, ties):
    response = client.get(pair_url(), {"kind": "phone_call"})
    assert response.context["pair"].total == 1


def test_the_timeline_links_to_the_pair_and_cards_link_countries(client, ties):
    content = client.get(reverse("entities:event_list"), {"country": ["Sudria", "Norland"]}).content.decode()
    assert f'href="{pair_url()}"' in content
    assert 'href="/relations/sudria/"' in content


@pytest.mark.parametrize("path", [("atlantis", "sudria"), ("sudria", "sudria"), ("sudria", "x" * 80)])
def test_unknown_or_repeated_countries_are_404(client, ties, path):
    assert client.get(pair_url(*path)).status_code == 404


@pytest.mark.parametrize("params", [{"kind": "summit"}, {"date_from": "2020-99-99"}, {"official": "x" * 500}])
def test_bad_filters_on_a_pair_page_are_400(client, ties, params):
    response = client.get(pair_url(), params)
    assert response.status_code == 400
    assert response.context["pair"].total == 0


def test_unknown_country_page_is_404(client, ties):
    assert client.get(reverse("entities:relations_country", args=["atlantis"])).status_code == 404


@pytest.mark.parametrize("more", [0, 12])
def test_query_counts_stay_fixed(client, ties, more, django_assert_num_queries):
    ParticipationFactory(event=EventFactory(kind="meeting", parent=ties["visits"][0]), actor=ties["okafor"])
    for i in range(more):
        day = datetime.date(2019, 1 + i % 12, 3)
        visit = EventFactory(kind="visit", host_country="Sudria", date_start=day, date_end=day)
        ParticipationFactory(event=visit, actor=ties["varga"], role="guest")
        ParticipationFactory(event=visit, actor=ActorFactory(country="Sudria"), role="host")
        ParticipationFactory(event=EventFactory(kind="meeting", parent=visit), actor=ties["varga"])
    client.get(reverse("entities:relations_country", args=["estova"]))  # country choices cached, as on a running site
    with django_assert_num_queries(PAIR_QUERIES - 1):
        assert client.get(pair_url()).status_code == 200
    with django_assert_num_queries(INDEX_QUERIES):
        assert client.get(reverse("entities:relations_index")).status_code == 200
    with django_assert_num_queries(COUNTRY_QUERIES - 1):
        assert client.get(reverse("entities:relations_country", args=["sudria"])).status_code == 200
