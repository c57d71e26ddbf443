"""Exports carry the timeline with the same filters."""

import csv
import io
import json

from django.urls import reverse

CSV_URL = reverse("entities:event_export_csv")
JSON_URL = reverse("entities:event_export_json")


def test_json_export_follows_the_filters(client, kb):
    data = client.get(JSON_URL, {"kind": "meeting", "country": "Iran"}).json()
    assert {e["id"] for e in data["events"]} == {kb.meeting.pk, kb.meeting2.pk}
    assert data["count"] == 2
    [meeting] = [e for e in data["events"] if e["id"] == kb.meeting.pk]
    assert meeting["date"] == "6–7 November 2017"
    assert meeting["parent_id"] == kb.visit.pk
    assert {p["name"] for p in meeting["participants"]} == {"Qamar Javed Bajwa", "Hassan Rouhani"}
    assert meeting["article_ids"] == [kb.article.pk]


def test_json_export_hides_rejected_and_keeps_undated(client, kb):
    ids = {e["id"] for e in client.get(JSON_URL).json()["events"]}
    assert kb.rejected.pk not in ids and kb.undated.pk in ids


def test_csv_export_has_a_header_and_one_row_per_event(client, kb):
    response = client.get(CSV_URL, {"official": "Rouhani"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {int(r["id"]) for r in rows} == {kb.meeting.pk, kb.monthly.pk}
    [monthly] = [r for r in rows if int(r["id"]) == kb.monthly.pk]
    assert monthly["date"] == "November 2019"
    assert "Prime Minister of Japan (Japan)" in monthly["participants"]


def test_bad_filters_are_a_400_on_exports(client, kb):
    for url in (CSV_URL, JSON_URL):
        response = client.get(url, {"date_to": "yesterday"})
        assert response.status_code == 400
        assert "date_to" in json.loads(response.content)["errors"]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(client, db):
    from tests.factories import ActorFactory, EventFactory, ParticipationFactory

    event = EventFactory(place='=HYPERLINK("http://example.org/x","click")')
    ParticipationFactory(event=event, actor=ActorFactory(name="@SUM(A1:A9)", country=""))
    ParticipationFactory(event=event, actor=None, office="+cmd|' /C calc'!A0", country="")
    dash = EventFactory(place="-2+3", host_country="")
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get(CSV_URL).streaming_content).decode())))

    by_id = {int(r["id"]): r for r in rows}
    assert by_id[event.pk]["place"] == '\'=HYPERLINK("http://example.org/x","click")'
    assert by_id[event.pk]["participants"].startswith("'")
    assert by_id[dash.pk]["place"] == "'-2+3"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
