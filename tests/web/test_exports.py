"""Exports carry the timeline with the same filters."""

import csv
import datetime
import io
import json

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from entities import downloads, selectors
from entities.models import Event
from tests.factories import EventFactory, ParticipationFactory, UserFactory

CSV_URL = reverse("entities:event_export_csv")
JSON_URL = reverse("entities:event_export_json")


def downloaded(client, url, params=None, **extra):
    """The download's body, read through to the end of its stream."""
    response = client.get(url, params or {}, **extra)
    return response, b"".join(response.streaming_content).decode()


def json_download(client, params=None) -> dict:
    response, body = downloaded(client, JSON_URL, params)
    assert response.status_code == 200
    return json.loads(body)


def test_json_export_follows_the_filters(client, kb):
    data = json_download(client, {"kind": "meeting", "country": "Iran"})
    assert {e["id"] for e in data["events"]} == {kb.meeting.pk, kb.meeting2.pk}
    assert data["count"] == 2
    [meeting] = [e for e in data["events"] if e["id"] == kb.meeting.pk]
    assert meeting["date"] == "6–7 November 2017"
    assert meeting["parent_id"] == kb.visit.pk
    assert {p["name"] for p in meeting["participants"]} == {"Qamar Javed Bajwa", "Hassan Rouhani"}
    assert meeting["article_ids"] == [kb.article.pk]


def test_json_export_hides_rejected_and_keeps_undated(client, kb):
    ids = {e["id"] for e in json_download(client)["events"]}
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


@pytest.fixture
def small_pages(monkeypatch, db):
    """Pages of two events, and five events to page through."""
    monkeypatch.setattr(downloads, "EXPORT_PAGE_ROWS", 2)
    return [EventFactory(date_start=datetime.date(2020, 1, day), date_end=None) for day in range(1, 6)]


def test_a_download_is_one_page_and_points_to_the_next(client, small_pages):
    first = json_download(client, {"kind": "meeting"})
    last = json_download(client, {"kind": "meeting", "page": 3})

    assert (first["count"], first["page"], len(first["events"])) == (5, 1, 2)
    assert first["next"] == "http://testserver/events/export.json?kind=meeting&page=2"
    assert (len(last["events"]), last["next"]) == (1, None)
    ids = [e["id"] for page in (1, 2, 3) for e in json_download(client, {"page": page})["events"]]
    assert ids == [event.pk for event in reversed(small_pages)]  # every event once, newest first


def test_the_csv_download_pages_the_same_way_with_a_link_header(client, small_pages):
    response, body = downloaded(client, CSV_URL)

    assert response["Link"] == '<http://testserver/events/export.csv?page=2>; rel="next"'
    assert response["X-Total-Count"] == "5"
    assert len(list(csv.DictReader(io.StringIO(body)))) == 2


@pytest.mark.parametrize("page", ["0", "4", "-1", "two", "9" * 30])
def test_a_page_that_does_not_exist_is_a_404(client, small_pages, page):
    for url in (CSV_URL, JSON_URL):
        assert client.get(url, {"page": page}).status_code == 404


def test_an_empty_selection_is_one_empty_page(client, db):
    empty = {"count": 0, "page": 1, "page_size": downloads.EXPORT_PAGE_ROWS, "next": None, "events": []}
    assert json_download(client) == empty


def status(client, url, **extra) -> int:
    """A download's status, its body read to the end (as a client does, and as gives its slot back)."""
    response = client.get(url, **extra)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def test_anonymous_downloads_are_throttled_per_address_with_retry_after(client, db):
    limit = downloads.ANONYMOUS_EXPORTS_PER_MINUTE
    statuses = [status(client, CSV_URL, REMOTE_ADDR="127.0.0.7") for _ in range(limit + 1)]

    assert statuses == [200] * limit + [429]
    refused = client.get(JSON_URL, REMOTE_ADDR="127.0.0.7")
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 60
    assert status(client, JSON_URL, REMOTE_ADDR="127.0.0.8") == 200  # another address


def test_the_quota_is_kept_in_the_database_where_every_server_process_counts_it(client, db):
    """A cache of the process's own gave each gunicorn worker a quota of its own: three workers, three times it."""
    assert status(client, CSV_URL, REMOTE_ADDR="127.0.0.9") == 200
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {settings.SHARED_CACHE_TABLE}")  # noqa: S608 - a settings constant
        keys = [row[0] for row in cursor.fetchall()]
    assert any("export-throttle:127.0.0.9:" in key for key in keys)


def test_curators_are_not_throttled(client, db):
    client.force_login(UserFactory(is_staff=True))
    statuses = {status(client, CSV_URL) for _ in range(downloads.ANONYMOUS_EXPORTS_PER_MINUTE + 2)}
    assert statuses == {200}


def test_the_site_serves_one_download_at_a_time_and_the_next_may_follow_it(client, db):
    first = client.get(CSV_URL, REMOTE_ADDR="127.0.0.10")  # streaming: it holds its slot until read to the end

    refused = client.get(JSON_URL, REMOTE_ADDR="127.0.0.11")
    assert refused.status_code == 429 and int(refused["Retry-After"]) == downloads.EXPORT_BUSY_RETRY_SECONDS
    assert client.get("/healthz").status_code == 200  # the pages are served meanwhile
    b"".join(first.streaming_content)
    assert status(client, JSON_URL, REMOTE_ADDR="127.0.0.11") == 200


def test_a_download_that_fails_before_streaming_gives_its_slot_back(client, db):
    assert client.get(CSV_URL, {"page": "7"}).status_code == 404
    assert status(client, CSV_URL) == 200


def test_export_rows_are_read_a_chunk_at_a_time(db, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(selectors, "EXPORT_CHUNK_ROWS", 2)
    for day in range(1, 6):
        ParticipationFactory(event=EventFactory(date_start=datetime.date(2020, 1, day)))
    rows = selectors.export_rows(Event.objects.all())

    with django_assert_num_queries(3):  # two events, their participants, their sources: nothing more is read
        [next(rows), next(rows)]
    assert len(list(rows)) == 3
