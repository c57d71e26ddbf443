"""Contract tests of the read API: each endpoint's answer matches its schema, in a stable order, with a fixed number
of queries; the timeline's visibility holds (a rejected event is never listed); bad parameters are 4xx."""

import pytest
from pydantic import BaseModel

from entities.api import schemas
from tests.factories import EventFactory, ParticipationFactory, UserFactory

# count, page of events, their participants with their actors (the filter's countries are cached)
# count, events, participants, and the meetings of the page's visits (their titles name whom a visit met)
EVENT_LIST_QUERIES = 4
# the event, participants, evidence (with articles), visible meetings
EVENT_QUERIES = 4
# count, page of officials, aliases, offices
OFFICIAL_LIST_QUERIES = 4
# the pair's events in order (one scan), the page's events, their participants (the countries are cached)
RELATIONS_QUERIES = 3


def conforms(body: dict, model: type[BaseModel]) -> dict:
    """The body is valid for the schema's model and has exactly its fields, nested ones included."""
    model.model_validate(body, strict=False)
    assert set(body) == set(model.model_fields)
    return body


def get(client, path: str, params: dict | None = None, status: int = 200) -> dict:
    response = client.get(path, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_events_list_newest_first_undated_last_and_never_the_rejected(client, open_kb):
    body = conforms(get(client, "/api/events"), schemas.EventPage)
    assert [e["id"] for e in body["items"]] == [open_kb.visit.pk, open_kb.meeting.pk, open_kb.undated.pk]
    assert body["count"] == 3
    conforms(body["items"][0], schemas.EventOut)
    assert {p["name"] for p in body["items"][0]["participants"]} == {"Ana Lindqvist", "Tomas Berg"}


def test_the_timelines_filters_apply(client, open_kb):
    body = get(client, "/api/events", {"kind": "meeting", "date_from": "2021-01-01", "date_to": "2021-12-31"})
    assert [e["id"] for e in body["items"]] == [open_kb.meeting.pk]
    assert get(client, "/api/events", {"official": "Lindqvist"})["count"] == 3
    assert get(client, "/api/events", {"country": "Sudmark", "kind": "visit"})["count"] == 1


def test_asking_for_rejected_events_gives_none(client, open_kb):
    assert get(client, "/api/events", {"status": "rejected"})["items"] == []
    get(client, f"/api/events/{open_kb.rejected.pk}", status=404)


def test_pages_link_to_each_other_in_a_stable_order(client, open_kb):
    first = get(client, "/api/events", {"page_size": 2})
    second = get(client, "/api/events", {"page_size": 2, "page": 2})
    assert (first["pages"], first["previous"], second["next"]) == (2, None, None)
    assert first["next"] == "http://testserver/api/events?page_size=2&page=2"
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == [e["id"] for e in get(client, "/api/events")["items"]]


def test_the_event_list_runs_a_fixed_number_of_queries(client, open_kb, django_assert_num_queries):
    for _ in range(5):
        ParticipationFactory(event=EventFactory())
    get(client, "/api/events")  # the filter's list of countries is cached from here on
    with django_assert_num_queries(EVENT_LIST_QUERIES):
        assert get(client, "/api/events")["count"] == 8


def test_one_event_has_participants_and_evidence_with_its_source(client, open_kb, django_assert_num_queries):
    with django_assert_num_queries(EVENT_QUERIES):
        body = conforms(get(client, f"/api/events/{open_kb.meeting.pk}"), schemas.EventDetailOut)
    [evidence] = body["evidence"]
    conforms(evidence["article"], schemas.ArticleRef)
    assert evidence["article"]["url"] == "https://herald.example.org/2021/harbour-talks"
    assert evidence["sentence"] == open_kb.article.body
    assert body["page"] == f"http://testserver/events/{open_kb.meeting.pk}/"
    assert (body["status"], body["confidence"], body["date_precision"]) == ("confirmed", 0.9, "day")


def test_officials_with_aliases_and_dated_offices(client, open_kb, django_assert_num_queries):
    with django_assert_num_queries(OFFICIAL_LIST_QUERIES):
        body = conforms(get(client, "/api/officials"), schemas.OfficialPage)
    assert [o["name"] for o in body["items"]] == ["Ana Lindqvist", "Tomas Berg"]
    lindqvist = conforms(body["items"][0], schemas.OfficialOut)
    assert lindqvist["aliases"] == ["A. Lindqvist", "Ana Lindqvist"]
    assert lindqvist["offices"] == [
        {"title": "Foreign Minister", "organization": "", "country": "Norland",
         "first_seen": "2020-01-02", "last_seen": "2021-05-04"}
    ]  # fmt: skip


def test_officials_search_and_one_official(client, open_kb):
    assert [o["id"] for o in get(client, "/api/officials", {"q": "lindqvist"})["items"]] == [open_kb.lindqvist.pk]
    conforms(get(client, f"/api/officials/{open_kb.berg.pk}"), schemas.OfficialOut)


def test_a_rejected_official_is_not_listed(client, open_kb):
    open_kb.berg.status = "rejected"
    open_kb.berg.save()
    assert [o["name"] for o in get(client, "/api/officials")["items"]] == ["Ana Lindqvist"]
    get(client, f"/api/officials/{open_kb.berg.pk}", status=404)


def test_articles_list_and_one_article(client, open_kb):
    body = conforms(get(client, "/api/articles"), schemas.ArticlePage)
    [article] = body["items"]
    conforms(article, schemas.ArticleOut)
    assert (article["url"], article["outlet"]) == (
        "https://herald.example.org/2021/harbour-talks",
        "The Example Herald",
    )
    assert get(client, f"/api/articles/{open_kb.article.pk}") == article
    assert get(client, "/api/articles", {"q": "harbour"})["count"] == 1


def test_relations_of_a_country_pair(client, open_kb, django_assert_num_queries):
    get(client, "/api/relations", {"a": "Norland", "b": "Sudmark"})  # the list of countries is cached from here on
    with django_assert_num_queries(RELATIONS_QUERIES):
        body = conforms(get(client, "/api/relations", {"a": "Norland", "b": "Sudmark"}), schemas.RelationsOut)
    assert body["counts"] == [
        {"year": 2021, "kind": "meeting", "events": 1},
        {"year": 2031, "kind": "visit", "events": 1},
        {"year": None, "kind": "phone_call", "events": 1},
    ]
    assert [e["id"] for e in body["events"]["items"]] == [open_kb.visit.pk, open_kb.meeting.pk, open_kb.undated.pk]


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/api/events", {"format": "geojson"}, 400, "unknown parameter: format"),
        ("/api/events", {"kind": "parade"}, 400, "kind: Select a valid choice"),
        ("/api/events", {"date_from": "yesterday"}, 400, "date_from: Enter a valid date"),
        ("/api/events", {"country": "Atlantis"}, 400, "country: Select a valid choice"),
        ("/api/events", {"page": "0"}, 400, "greater than or equal to 1"),
        ("/api/events", {"page": "x"}, 400, "valid integer"),
        ("/api/events", {"page_size": "100000"}, 400, "less than or equal to 200"),
        ("/api/events", {"page": "9"}, 404, "no page 9"),
        ("/api/events/99999999", {}, 404, "Not Found"),
        ("/api/officials", {"q": "x" * 300}, 400, "at most 200 characters"),
        ("/api/relations", {"a": "Norland"}, 400, "Field required"),
        ("/api/relations", {"a": "Norland", "b": "Atlantis"}, 404, "no country named 'Atlantis'"),
        ("/api/relations", {"a": "Norland", "b": "Norland"}, 400, "two different countries"),
    ],
)
def test_bad_parameters_are_refused_with_a_reason(client, open_kb, path, params, status, says):
    assert says in str(get(client, path, params, status=status)["detail"])


def test_anonymous_clients_are_throttled(client, open_kb, settings):
    settings.API_ANONYMOUS_RATE = "3/min"
    statuses = [client.get("/api/articles").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_curators_are_not_throttled(client, open_kb, settings):
    settings.API_ANONYMOUS_RATE = "3/min"
    client.force_login(UserFactory(is_staff=True))
    assert {client.get("/api/articles").status_code for _ in range(4)} == {200}
