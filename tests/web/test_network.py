"""Who met whom, as a graph: on an official's page (their counterparts) and for any timeline filter; every node a
link to the official, every edge a link to the events the two shared; a few hundred nodes drawn in good time."""

import datetime
import time

import pytest
from django.urls import reverse

from entities.network import MAX_NODES, build
from tests.factories import ActorFactory, EventFactory, ParticipationFactory

URL = reverse("entities:event_network")
NETWORK_QUERIES = 2  # country choices (cached on a running site), the participants of the filtered events
OFFICIAL_PAGE_QUERIES = 9  # the official page's (no visit with meetings here: eight) and the network's participants


@pytest.fixture
def circle(db):
    """Okafor met Varga twice and Moreau once; Varga and Moreau met once without him."""
    okafor = ActorFactory(name="Tomas Okafor", country="Sudria")
    varga = ActorFactory(name="Ilse Varga", country="Norland")
    moreau = ActorFactory(name="Paul Moreau", country="Estova")
    for people in ([okafor, varga], [okafor, varga], [okafor, moreau], [varga, moreau]):
        event = EventFactory()
        for person in people:
            ParticipationFactory(event=event, actor=person)
    return {"okafor": okafor, "varga": varga, "moreau": moreau}


def test_nodes_count_events_and_edges_count_shared_ones(client, circle):
    graph = client.get(URL).context["network"]
    assert {n.name: n.events for n in graph.nodes} == {"Tomas Okafor": 3, "Ilse Varga": 3, "Paul Moreau": 2}
    ids = {circle[k].pk: k for k in circle}
    assert {(ids[e.a], ids[e.b], e.events) for e in graph.edges} == {
        ("okafor", "varga", 2),
        ("okafor", "moreau", 1),
        ("varga", "moreau", 1),
    } or {(ids[e.b], ids[e.a], e.events) for e in graph.edges} >= {("varga", "okafor", 2)}


def test_nodes_and_edges_are_links_with_titles(client, circle):
    content = client.get(URL).content.decode()
    a, b = sorted([circle["okafor"].pk, circle["varga"].pk])
    assert f'href="/events/?official={a}&amp;official={b}"' in content
    assert "<title>Tomas Okafor, Sudria: 3 events</title>" in content
    assert f'href="/officials/{circle["okafor"].pk}/"' in content


def test_the_network_follows_the_timeline_filters(client, circle):
    graph = client.get(URL, {"official": str(circle["moreau"].pk)}).context["network"]
    assert {n.name for n in graph.nodes} == {"Tomas Okafor", "Ilse Varga", "Paul Moreau"}
    assert len(graph.edges) == 2  # Moreau with each; Okafor and Varga met without him, which is not among these


def test_an_officials_page_draws_their_counterparts_around_them(client, circle):
    response = client.get(reverse("entities:official_detail", args=[circle["okafor"].pk]))
    graph = response.context["network"]
    [centre] = [n for n in graph.nodes if n.centre]
    assert centre.name == "Tomas Okafor"
    assert {n.name for n in graph.nodes} == {"Tomas Okafor", "Ilse Varga", "Paul Moreau"}
    assert 'aria-labelledby="official-network-caption"' in response.content.decode()


def test_bad_filters_are_400(client, circle):
    assert client.get(URL, {"kind": "summit"}).status_code == 400


def test_a_few_hundred_officials_are_drawn_quickly_and_the_rest_counted():
    rows = []
    for event in range(1500):
        for person in {event % 400, (event * 7) % 400, (event * 13 + 1) % 400}:
            rows.append((event, person, f"Official {person}", f"Country {person % 15}"))
    started = time.perf_counter()
    graph = build(rows, limit=MAX_NODES)
    elapsed = time.perf_counter() - started
    assert len(graph.nodes) == MAX_NODES and graph.left_out == 100
    assert elapsed < 2.0, elapsed  # 0.35 s measured on a busy two-core machine
    xs = {round(n.x) for n in graph.nodes}
    assert len(xs) > MAX_NODES / 3  # spread out, not piled up


@pytest.mark.parametrize("more", [0, 20])
def test_query_counts_stay_fixed(client, circle, more, django_assert_num_queries):
    for i in range(more):
        ParticipationFactory(event=EventFactory(date_start=datetime.date(2019, 1, 1 + i % 28), date_end=None))
    client.get(URL)  # country choices cached
    with django_assert_num_queries(NETWORK_QUERIES - 1):
        assert client.get(URL).status_code == 200
    with django_assert_num_queries(OFFICIAL_PAGE_QUERIES):
        client.get(reverse("entities:official_detail", args=[circle["okafor"].pk]))
