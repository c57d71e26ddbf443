"""Articles: full-text search with highlighted snippets, and one article with its people and events."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import ArticleFactory, MentionFactory

URL = reverse("articles:list")


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"].object_list]


@pytest.fixture
def articles(kb):
    ArticleFactory(title="Budget debate", body="Parliament argued about the budget for hours.")
    ArticleFactory(title="Nuclear talks", body="Zarif and Kerry discussed the nuclear deal in Vienna.")
    return kb


def test_lists_all_articles_with_event_counts(client, articles):
    response = client.get(URL)
    assert len(titles(response)) == 3
    [tehran] = [row for row in response.context["rows"] if row.article.pk == articles.article.pk]
    assert tehran.event_count == 3


def test_search_finds_and_marks_words(client, articles):
    response = client.get(URL, {"q": "Bagheri"})
    assert titles(response) == ["Pakistan's army chief in Tehran"]
    assert "<mark>Bagheri</mark>" in response.content.decode()


def test_search_excludes_words_with_a_minus(client, articles):
    assert titles(client.get(URL, {"q": "talks -Vienna"})) == []


def test_search_in_titles(client, articles):
    assert titles(client.get(URL, {"q": "budget"})) == ["Budget debate"]


@pytest.mark.parametrize("query", ['"unbalanced', "or", "-", "&&&", "a:b:c", "'; drop table x; --", "()"])
def test_odd_queries_never_fail(client, articles, query):
    assert client.get(URL, {"q": query}).status_code == 200


def test_overlong_query_is_a_400(client, articles):
    response = client.get(URL, {"q": "x" * 10_000})
    assert response.status_code == 400
    assert titles(response) == []


def test_bad_page_is_404(client, articles):
    assert client.get(URL, {"page": "9999"}).status_code == 404


def test_snippet_escapes_article_markup(client, db):
    ArticleFactory(title="Markup", body="<script>alert('x')</script> Bajwa spoke <b>loudly</b>.")
    content = client.get(URL, {"q": "Bajwa"}).content.decode()
    assert "<script>alert" not in content and "<b>loudly" not in content
    assert "<mark>Bajwa</mark>" in content


def test_title_matches_rank_first(client, db):
    ArticleFactory(title="Other news", body="In passing, Bajwa was mentioned.")
    ArticleFactory(title="Bajwa in Tehran", body="The army chief Bajwa travelled to Tehran to meet Bajwa's hosts.")
    assert titles(client.get(URL, {"q": "Bajwa"}))[0] == "Bajwa in Tehran"


def test_says_when_more_articles_match_than_are_ranked(client, db, monkeypatch):
    import articles.search

    monkeypatch.setattr(articles.search, "RANK_CANDIDATES", 2)
    for n in range(3):
        ArticleFactory(title=f"Bajwa report {n}", body="Bajwa met envoys.")
    content = client.get(URL, {"q": "Bajwa"}).content.decode()
    assert "More than 2 articles for" in content
    assert "More than" not in client.get(URL, {"q": "Bajwa report 1"}).content.decode()


def snippet_of(client, query: str) -> str:
    return client.get(URL, {"q": query}).context["rows"][0].snippet


def test_postgres_snippet_of_a_long_article_shows_the_word_where_it_first_occurs(client, db):
    if connection.vendor != "postgresql":
        pytest.skip("ts_headline is PostgreSQL's")
    filler = "Markets were calm and traders waited for figures. " * 400  # 20,000 characters without the word
    ArticleFactory(title="Long report", body=f"{filler}Then the ministers were hoping for a ceasefire. {filler}")
    assert "<mark>hoping</mark> for a <mark>ceasefire</mark>" in snippet_of(client, "hope ceasefire")
    assert "<mark>hoping</mark>" in snippet_of(client, '"ministers were hoping" -budget')


def test_postgres_snippet_of_a_title_only_match_is_the_start_of_the_body(client, db):
    if connection.vendor != "postgresql":
        pytest.skip("ts_headline is PostgreSQL's")
    ArticleFactory(title="Ceasefire agreed", body="Envoys in Doha signed the text on Monday. " * 50)
    assert snippet_of(client, "ceasefire").startswith("Envoys in Doha signed")


def test_a_query_that_only_excludes_finds_the_articles_without_the_word(client, articles):
    found = titles(client.get(URL, {"q": "-budget"}))
    assert "Nuclear talks" in found and "Budget debate" not in found


def page(client, article):
    return client.get(reverse("articles:detail", args=[article.pk]))


def test_article_page_links_people_and_anchors_evidence(client, kb):
    content = page(client, kb.article).content.decode()
    assert f'<a class="person" href="/officials/{kb.rouhani.pk}/">President Hassan Rouhani</a>' in content
    start = kb.article.body.index("Bajwa was received")
    assert f'<span class="evidence-sentence" id="s-{start}">' in content
    assert f'href="#s-{start}"' in content


def test_article_page_lists_its_events_and_people(client, kb):
    response = page(client, kb.article)
    article = response.context["article_page"]
    assert {e.event.pk for e in article.events} == {kb.visit.pk, kb.meeting.pk, kb.meeting2.pk}
    assert article.people[0] == (kb.bajwa.pk, "Qamar Javed Bajwa", 2)


def test_article_body_is_escaped(client, kb):
    body = "<script>alert('x')</script> Hello <img src=x onerror=alert(1)> Ana Silva."
    article = ArticleFactory(body=body)
    start = body.index("Ana Silva")
    MentionFactory(article=article, actor=kb.bajwa, text="Ana Silva", start=start, end=start + 9)
    content = page(client, article).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;" in content
    assert f'<a class="person" href="/officials/{kb.bajwa.pk}/">Ana Silva</a>' in content


def test_missing_article_is_404(client, db):
    assert client.get("/articles/424242/").status_code == 404
    assert client.get("/articles/abc/").status_code == 404
