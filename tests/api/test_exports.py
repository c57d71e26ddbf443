"""The downloads an analyst opens in a spreadsheet, a notebook or a network tool: sources with every event, a long
edge list, a GEXF graph, a BOM for spreadsheets on request, and a 400 for a shape or parameter not offered."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import EventFactory, ParticipationFactory

CSV_URL = reverse("entities:event_export_csv")
JSON_URL = reverse("entities:event_export_json")
GEXF_URL = reverse("entities:event_export_gexf")
GEXF = "{http://gexf.net/1.3}"


def body_of(client, url: str, params: dict | None = None) -> bytes:
    response = client.get(url, params or {})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def gexf(client, params: dict | None = None) -> ET.Element:
    return ET.fromstring(body_of(client, GEXF_URL, params))  # noqa: S314 - our own output, under test


def csv_rows(client, params: dict | None = None, url: str = CSV_URL) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body_of(client, url, params).decode("utf-8"))))


def test_the_csv_carries_status_confidence_precision_and_each_sources_fields(client, open_kb):
    [row] = [r for r in csv_rows(client) if r["id"] == str(open_kb.meeting.pk)]
    assert (row["status"], row["confidence"], row["date_precision"]) == ("confirmed", "0.9", "day")
    assert row["evidence"] == open_kb.article.body
    assert (row["source_titles"], row["source_outlets"], row["source_dates"], row["source_urls"]) == (
        "Norland and Sudmark ministers hold harbour talks",
        "The Example Herald",
        "2021-05-04",
        "https://herald.example.org/2021/harbour-talks",
    )
    assert row["participant_ids"].split() == [str(open_kb.lindqvist.pk), str(open_kb.berg.pk)]


def test_the_json_carries_the_evidence_with_its_source(client, open_kb):
    events = json.loads(body_of(client, JSON_URL))["events"]
    [meeting] = [e for e in events if e["id"] == open_kb.meeting.pk]
    assert meeting["confidence"] == 0.9
    assert meeting["evidence"] == [
        {
            "sentence": open_kb.article.body,
            "article_id": open_kb.article.pk,
            "title": "Norland and Sudmark ministers hold harbour talks",
            "outlet": "The Example Herald",
            "published_on": "2021-05-04",
            "url": "https://herald.example.org/2021/harbour-talks",
        }
    ]


def test_the_csv_is_utf8_and_starts_with_a_bom_only_when_asked(client, open_kb):
    open_kb.meeting.place = "Ærøskøbing"
    open_kb.meeting.save()
    plain, marked = body_of(client, CSV_URL), body_of(client, CSV_URL, {"bom": "1"})
    assert not plain.startswith(b"\xef\xbb\xbf") and marked.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(marked.decode("utf-8-sig"))))
    assert list(rows[0]) == csv.DictReader(io.StringIO(plain.decode("utf-8"))).fieldnames  # "id", not "\ufeffid"
    assert "Ærøskøbing" in {r["place"] for r in rows}


def test_the_edge_list_has_one_row_per_official_in_an_event(client, open_kb):
    rows = csv_rows(client, {"format": "edges", "kind": "meeting"})
    assert [(r["event_id"], r["actor_id"], r["name"], r["side"]) for r in rows] == [
        (str(open_kb.meeting.pk), str(open_kb.lindqvist.pk), "Ana Lindqvist", "participant"),
        (str(open_kb.meeting.pk), str(open_kb.berg.pk), "Tomas Berg", "participant"),
    ]


def test_the_gexf_graph_ties_officials_by_their_shared_visible_events(client, open_kb):
    root = gexf(client)
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    assert nodes == {str(open_kb.lindqvist.pk): "Ana Lindqvist", str(open_kb.berg.pk): "Tomas Berg"}
    [edge] = root.iter(f"{GEXF}edge")
    assert (edge.get("source"), edge.get("target"), edge.get("weight")) == (
        str(open_kb.lindqvist.pk),
        str(open_kb.berg.pk),
        "3",
    )  # fmt: skip  three visible events together; the rejected one does not count


def test_the_gexf_graph_follows_the_timeline_filters(client, open_kb):
    root = gexf(client, {"kind": "visit"})
    assert [e.get("weight") for e in root.iter(f"{GEXF}edge")] == ["1"]


def test_names_that_xml_cannot_hold_as_they_are_are_escaped(client, db):
    event = EventFactory()
    ParticipationFactory(event=event, actor__name='<b>"Kim" & Co\x0b</b>')
    ParticipationFactory(event=event)
    root = gexf(client)
    assert '<b>"Kim" & Co</b>' in {n.get("label") for n in root.iter(f"{GEXF}node")}


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        (CSV_URL, {"format": "geojson"}, "format"),
        (JSON_URL, {"format": "edges"}, "format"),
        (JSON_URL, {"bom": "1"}, "bom"),
        (CSV_URL, {"bom": "yes"}, "bom"),
        (CSV_URL, {"sort": "date"}, "sort"),
        (GEXF_URL, {"format": "graphml"}, "format"),
    ],
)
def test_a_shape_or_parameter_not_offered_is_a_400_naming_it(client, open_kb, url, params, field):
    response = client.get(url, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize(
    "params", [{}, {"status": "rejected"}, {"format": "edges"}, {"format": "edges", "status": "rejected"}]
)
def test_no_csv_download_holds_a_rejected_event(client, open_kb, params):
    rows = csv_rows(client, params)
    assert str(open_kb.rejected.pk) not in {r.get("id") or r.get("event_id") for r in rows}


def test_no_json_download_holds_a_rejected_event(client, open_kb):
    for params in ({}, {"status": "rejected"}):
        events = json.loads(body_of(client, JSON_URL, params))["events"]
        assert open_kb.rejected.pk not in {e["id"] for e in events}
