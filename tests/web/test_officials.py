"""Officials search finds a person under any alias, title, typo or transliteration; the official page."""

import pytest
from django.db import connection
from django.urls import reverse

from entities.search import alias_score, match_officials
from tests.web.conftest import official

URL = reverse("entities:official_list")


def names(response) -> list[str]:
    return [row.official.name for row in response.context["officials"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rouhani", "Hassan Rouhani"),
        ("Rohani", "Hassan Rouhani"),
        ("Dr Hasan Rouhani", "Hassan Rouhani"),
        ("Baqeri", "Mohammad Bagheri"),
        ("gen bajwa", "Qamar Javed Bajwa"),
        ("Jawid Bajwa", "Qamar Javed Bajwa"),
        ("GEN. QAMAR BAJWA", "Qamar Javed Bajwa"),
        ("Bájwa", "Qamar Javed Bajwa"),
    ],
)
def test_finds_a_person_under_any_spelling(client, kb, query, expected):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert names(response)[0] == expected


def test_results_show_country_latest_role_and_event_count(client, kb):
    response = client.get(URL, {"q": "bajwa"})
    [bajwa] = [row for row in response.context["officials"] if row.official.pk == kb.bajwa.pk]
    assert bajwa.event_count == 4
    content = response.content.decode()
    assert "Pakistan" in content and "Chief of Army Staff" in content and "4 events" in content


def test_rejected_and_organisations_are_not_found(client, kb):
    official("Tehran University", "Iran", kind="organization")
    assert names(client.get(URL, {"q": "Tehran Times"})) == []
    assert names(client.get(URL, {"q": "Tehran University"})) == []


def test_unrelated_query_finds_nobody(client, kb):
    response = client.get(URL, {"q": "Xi Jinping"})
    assert names(response) == []
    assert "Nobody matches" in response.content.decode()


@pytest.mark.parametrize("query", ["", "   ", "Gen.", "!!!", "<script>alert(1)</script>"])
def test_empty_or_title_only_queries_are_harmless(client, kb, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_overlong_query_is_a_400(client, kb):
    response = client.get(URL, {"q": "bajwa " * 2000})
    assert response.status_code == 400
    assert names(response) == []


def test_without_a_query_the_busiest_officials_are_listed(client, kb):
    assert names(client.get(URL))[0] == "Qamar Javed Bajwa"


def test_the_busiest_come_first_then_officials_without_events_by_name(client, kb):
    official("Aaron Idle", "Iran")
    listed = client.get(URL).context["officials"]
    counts = [o.event_count for o in listed]
    assert counts == sorted(counts, reverse=True) and counts[-1] == 0
    idle = [o.official.name for o in listed if o.event_count == 0]
    assert "Aaron Idle" in idle and idle == sorted(idle)
    assert "Tehran Times" not in [o.official.name for o in listed]


def test_match_interface_is_the_same_on_every_backend(kb):
    [best, *_] = match_officials("Baqeri")
    assert best.actor_id == kb.bagheri.pk and 0 < best.score <= 1


def test_fallback_scores_transliterations_high_and_strangers_low():
    assert alias_score(["baqeri"], "mohammad bagheri") >= 0.7
    assert alias_score(["jawid", "bajwa"], "jawid qamar bajwa") > alias_score(["jawid", "bajwa"], "qamar javed bajwa")
    assert alias_score(["smith"], "mohammad bagheri") < 0.7


def page(client, actor):
    return client.get(reverse("entities:official_detail", args=[actor.pk]))


def test_official_page_shows_names_roles_events_contacts_and_articles(client, kb):
    response = page(client, kb.bajwa)
    actor = response.context["official_page"]
    assert [c.name for c in actor.contacts] == ["Hassan Rouhani", "Mohammad Bagheri"]
    assert actor.contacts[0].events == 1
    assert {e.pk for e in actor.events} == {kb.visit.pk, kb.meeting.pk, kb.meeting2.pk, kb.undated.pk}
    assert [a.article.pk for a in actor.articles] == [kb.article.pk]
    assert actor.articles[0].mentions == 2
    content = response.content.decode()
    for text in ["Jawid Qamar Bajwa", "Chief of Army Staff", "Corps Commander", "Met most often", kb.article.title]:
        assert text in content.replace("&#x27;", "'")


def test_official_page_leaves_out_rejected_events(client, kb):
    assert kb.rejected.pk not in {e.pk for e in page(client, kb.rouhani).context["official_page"].events}


def test_rejected_or_missing_official_is_404(client, kb):
    rejected = official("Nobody Real", "Iran", status="rejected")
    assert page(client, rejected).status_code == 404
    assert client.get("/officials/0/").status_code == 404
    assert client.get("/officials/x/").status_code == 404


def test_postgres_scores_alias_keys_by_trigram_similarity(kb, django_assert_num_queries):
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's")
    with django_assert_num_queries(1) as captured:
        [best, *_] = match_officials("Rohani")
    assert "WORD_SIMILARITY" in captured.captured_queries[0]["sql"].upper()
    assert best.actor_id == kb.rouhani.pk


def test_null_characters_are_refused_not_sent_to_the_database(client, kb):
    assert client.get(URL, {"q": "baj\x00wa"}).status_code == 400


@pytest.mark.parametrize(("query", "expected"), [("gen bajwa", ["Qamar Javed Bajwa"]), ("Rohani", ["Hassan Rouhani"])])
def test_weak_lookalikes_are_left_out(client, kb, query, expected):
    official("Shamkhani", "Iran")
    official("Bahram Ghasemi", "Iran")
    assert names(client.get(URL, {"q": query})) == expected
