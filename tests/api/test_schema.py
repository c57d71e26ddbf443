"""The read API's OpenAPI schema: every endpoint, its parameters (the timeline's filters among them) and its shapes."""

import pytest

from entities.filters import EventFilter

ENDPOINTS = {
    "/api/events": "EventPage",
    "/api/events/{pk}": "EventDetailOut",
    "/api/officials": "OfficialPage",
    "/api/officials/{pk}": "OfficialOut",
    "/api/articles": "ArticlePage",
    "/api/articles/{pk}": "ArticleOut",
    "/api/relations": "RelationsOut",
}


@pytest.fixture
def schema(client, db) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_openapi_3_and_lists_every_endpoint(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == set(ENDPOINTS)


@pytest.mark.parametrize(("path", "component"), ENDPOINTS.items())
def test_each_endpoint_is_a_get_answering_its_component_and_its_errors(schema, path, component):
    operation = schema["paths"][path]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(f"/{component}")
    assert {"400", "404", "429"} <= set(operation["responses"])
    assert component in schema["components"]["schemas"]


def test_the_events_endpoint_takes_every_timeline_filter_and_paging(schema):
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names == set(EventFilter.base_filters) | {"page", "page_size"}


def test_an_event_in_the_schema_carries_what_a_citation_needs(schema):
    components = schema["components"]["schemas"]
    assert {"evidence", "participants", "status", "confidence", "date_precision"} <= set(
        components["EventDetailOut"]["properties"]
    )
    assert {"title", "outlet", "published_on", "url"} <= set(components["ArticleRef"]["properties"])


def test_the_docs_page_uses_the_vendored_swagger_ui(client, db):
    content = client.get("/api/docs").content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in content
    assert "cdn" not in content.lower()
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
