"""The article search's specifications, one class for both databases: run the suite with DATABASE_URL=postgres://...
to check PostgreSQL's weighted vector, without it to check SQLite's FTS5 table. Same queries, same articles."""

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from articles.search import _through_the_index
from entities import selectors
from tests.factories import ArticleFactory

URL = reverse("articles:list")


def found(client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [a.title for a in response.context["page"].object_list]


def snippets(client, query: str) -> list[str]:
    return [str(row.snippet) for row in client.get(URL, {"q": query}).context["rows"]]


@pytest.fixture
def corpus(kb):
    """kb's article names "President Hassan Rouhani"; these name nobody the knowledge base knows."""
    ArticleFactory(title="Border security pact", body="The ministers signed a border security pact in Ankara.")
    ArticleFactory(title="Quiet frontier", body="The border was quiet, and security at the airport was tight.")
    ArticleFactory(title="Kremlin talks", body="Vladimir Putin received envoys at the Kremlin.")
    ArticleFactory(title="Duma session", body="Sergei Naryshkin opened the session of the Duma.")
    ArticleFactory(title="Vienna round", body="Negotiators held a meeting in Vienna on the nuclear file.")
    ArticleFactory(title="Harbour news", body="The harbour reopened after the storm; ferries sailed again.")
    return kb


@pytest.mark.usefixtures("corpus")
class TestArticleSearchOnEitherDatabase:
    def test_quoted_words_are_a_phrase(self, client):
        assert found(client, '"border security"') == ["Border security pact"]

    def test_words_are_all_required_in_any_order(self, client):
        assert set(found(client, "security border")) == {"Border security pact", "Quiet frontier"}

    def test_or_accepts_either_word(self, client):
        assert set(found(client, "Putin or Naryshkin")) == {"Kremlin talks", "Duma session"}
        assert set(found(client, "Putin OR Naryshkin")) == {"Kremlin talks", "Duma session"}

    def test_a_minus_excludes_a_word_or_a_phrase(self, client):
        assert found(client, "border -quiet") == ["Border security pact"]
        assert found(client, 'security -"security pact"') == ["Quiet frontier"]

    def test_a_minus_alone_finds_the_articles_without_the_word(self, client):
        titles = found(client, "-border")
        assert "Harbour news" in titles and "Border security pact" not in titles

    def test_a_star_finds_words_that_begin_so(self, client):
        assert found(client, "Narysh*") == ["Duma session"]

    def test_words_match_as_words_not_as_substrings(self, client):
        assert found(client, "port") == []  # in "airport" only
        assert found(client, "arbour") == []
        assert found(client, "meet") == ["Vienna round"]  # "meeting" is a form of it

    def test_word_forms_match_by_stem(self, client):
        assert found(client, "meetings") == ["Vienna round"]
        assert found(client, "sail") == ["Harbour news"]

    def test_a_title_match_ranks_first(self, client):
        ArticleFactory(title="Storm damage", body="Ferries stayed in the harbour all week.")
        assert found(client, "harbour")[0] == "Harbour news"

    def test_a_person_is_found_under_any_alias(self, client, kb):
        assert "Rohani" not in kb.article.body
        assert found(client, "Rohani") == [kb.article.title]
        assert found(client, "Hasan Rohani") == [kb.article.title]
        assert found(client, "Mahmoud Rohani") == []  # same surname, another first name

    def test_an_alias_match_still_honours_an_excluded_word(self, client, kb):
        assert found(client, "Rouhani -Tehran") == []

    def test_snippets_mark_the_words_found(self, client):
        [snippet] = snippets(client, '"border security"')
        assert "<mark>" in snippet and "pact" in snippet
        [snippet] = snippets(client, "Narysh*")
        assert "<mark>Naryshkin</mark>" in snippet

    def test_the_index_follows_edits_and_deletions(self, client):
        article = Article.objects.get(title="Harbour news")
        article.body = "The lighthouse keeper retired."
        article.save()
        assert found(client, "ferries") == []
        assert found(client, "lighthouse") == ["Harbour news"]
        article.delete()
        assert found(client, "lighthouse") == []

    @pytest.mark.parametrize("query", ['"unbalanced', "or", "-", "*", "a:b:c", "NOT AND (", "'; drop", '"" -""'])
    def test_odd_queries_never_fail(self, client, query):
        assert client.get(URL, {"q": query}).status_code == 200


def test_sqlite_keeps_its_search_triggers_after_every_migration(db):
    """Django rebuilds a table to alter it on SQLite, and triggers go with the old table: this catches it."""
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 index is SQLite's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles_article'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert triggers == {"articles_article_fts_insert", "articles_article_fts_update", "articles_article_fts_delete"}


def test_a_name_search_reads_the_text_index_not_every_article(kb):
    """The articles naming a person are ORed with the text match through the indexes (PostgreSQL): as
    `id IN (subquery)` they made the planner unpack every article's vector, 3-5 s at 100,000 articles."""
    if connection.vendor != "postgresql":
        pytest.skip("the plan is PostgreSQL's")
    ranked = selectors.article_list("Rohani")
    with _through_the_index(ranked.query):
        plan = ranked._ranked.explain()
    assert "articles_article_search_gin" in plan
    assert "Seq Scan on articles_article" not in plan
    assert list(ranked.ids) == [kb.article.pk]
