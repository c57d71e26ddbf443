"""Filters an analyst combines: several officials (their shared events), a country pair, counts beside each choice,
undated events left out of a date range unless asked for, and the exports agreeing with the page."""

import datetime
import json

import pytest
from django.urls import reverse

from extraction.names import name_key
from tests.factories import ActorAliasFactory, ActorFactory, EventFactory, ParticipationFactory

URL = reverse("entities:event_list")


def person(name: str, country: str):
    actor = ActorFactory(name=name, country=country)
    ActorAliasFactory(actor=actor, name=name, key=name_key(name))
    return actor


@pytest.fixture
def desk(db):
    """Three officials of three countries; two meetings of the first pair, one of another pair, one undated."""
    okafor = person("Tomas Okafor", "Sudria")
    varga = person("Ilse Varga", "Norland")
    moreau = person("Paul Moreau", "Estova")
    day = datetime.date(2021, 5, 4)
    pair = [EventFactory(host_country="Norland", date_start=day, date_end=day) for _ in range(2)]
    for event in pair:
        ParticipationFactory(event=event, actor=okafor, role="guest")
        ParticipationFactory(event=event, actor=varga, role="host")
    other = EventFactory(kind="phone_call", host_country="", place="", date_start=day, date_end=day)
    ParticipationFactory(event=other, actor=okafor)
    ParticipationFactory(event=other, actor=moreau)
    undated = EventFactory(host_country="Norland", date_start=None, date_end=None, date_precision="unknown")
    ParticipationFactory(event=undated, actor=okafor)
    ParticipationFactory(event=undated, actor=varga)
    return {"okafor": okafor, "varga": varga, "moreau": moreau, "pair": pair, "other": other, "undated": undated}


def ids(response) -> set[int]:
    years = response.context["years"]
    return {e.pk for y in years for m in y.months for e in m.events} | {e.pk for e in response.context["undated"]}


def test_two_officials_give_the_events_they_shared(client, desk):
    response = client.get(f"{URL}?official={desk['okafor'].pk}&official={desk['varga'].pk}")
    assert ids(response) == {e.pk for e in desk["pair"]} | {desk["undated"].pk}


def test_officials_can_be_named_rather_than_numbered(client, desk):
    assert ids(client.get(f"{URL}?official=Okafor&official=Moreau")) == {desk["other"].pk}


def test_a_country_pair_gives_the_events_between_them(client, desk):
    assert ids(client.get(f"{URL}?country=Sudria&country=Estova")) == {desk["other"].pk}


def test_counts_stand_beside_each_choice(client, desk):
    response = client.get(URL, {"official": str(desk["okafor"].pk)})
    facets = response.context["facets"]
    assert facets.kinds == {"meeting": 3, "phone_call": 1}
    assert {f.label: f.count for f in facets.officials} == {"Tomas Okafor": 4, "Ilse Varga": 3, "Paul Moreau": 1}
    assert {f.label: f.count for f in facets.countries} == {"Sudria": 4, "Norland": 3, "Estova": 1}
    content = response.content.decode()
    assert "meeting (3)" in content and "Estova (1)" in content
    [varga] = [f for f in facets.officials if f.label == "Ilse Varga"]
    assert varga.href == f"?official={desk['okafor'].pk}&official={desk['varga'].pk}"


def test_a_chosen_official_links_to_taking_it_out(client, desk):
    response = client.get(URL, {"official": str(desk["okafor"].pk)})
    [okafor] = [f for f in response.context["facets"].officials if f.label == "Tomas Okafor"]
    assert okafor.chosen and okafor.href == "?"


def test_a_date_range_leaves_undated_out_and_the_export_agrees(client, desk):
    params = {"official": str(desk["varga"].pk), "date_from": "2021-01-01", "date_to": "2021-12-31"}
    page = client.get(URL, params)
    exported = json.loads(b"".join(client.get(reverse("entities:event_export_json"), params).streaming_content))
    assert ids(page) == {e.pk for e in desk["pair"]} == {e["id"] for e in exported["events"]}
    assert page.context["page"].paginator.count == exported["count"] == 2
    with_undated = client.get(URL, params | {"undated": "on"})
    assert ids(with_undated) == ids(page) | {desk["undated"].pk}


@pytest.mark.parametrize(
    "query",
    [
        "country=Sudria&country=Norland&country=Estova",
        "country=Sudria&country=Atlantis",
        "official=1&official=2&official=3&official=4&official=5&official=6",
        "official=" + "x" * 300,
    ],
)
def test_too_many_or_unknown_values_are_a_400(client, desk, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert ids(response) == set()
    assert client.get(f"{reverse('entities:event_export_json')}?{query}").status_code == 400


def test_the_form_keeps_every_value_given(client, desk):
    content = client.get(f"{URL}?official=Okafor&official=Varga&country=Sudria&country=Norland").content.decode()
    assert 'name="official" value="Okafor"' in content and 'name="official" value="Varga"' in content
    assert content.count('<option value="Sudria" selected>') == 1
    assert content.count('<option value="Norland" selected>') == 1
