"""Articles at the desk: read, never rewritten; extraction re-run on demand."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from entities import services
from tests.curation.conftest import changelist, run_action
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_article_text_is_read_only(curator_client):
    article = ArticleFactory(body="Foreign Minister Ana Silva met President Kwame Mensah.")
    response = curator_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    page = response.content.decode()
    assert "Foreign Minister Ana Silva met President Kwame Mensah." in page
    assert 'name="body"' not in page
    assert 'name="title"' not in page


def test_articles_cannot_be_added_by_hand(curator_client):
    assert curator_client.get(reverse("admin:articles_article_add")).status_code == 403


def test_search_uses_the_sites_full_text_search(curator_client):
    wanted = ArticleFactory(body="The fisheries accord was signed in Accra.")
    ArticleFactory()
    response = curator_client.get(changelist("article", app="articles"), {"q": "fisheries"})
    assert list(response.context["cl"].result_list) == [wanted]


def test_reextract_action_runs_the_storage_layer_on_each_article(curator_client, curator, monkeypatch):
    done = []
    monkeypatch.setattr(services, "article_reextract", lambda *, article: done.append(article.pk))
    articles = [ArticleFactory(), ArticleFactory()]
    run_action(curator_client, "article", "reextract", articles, app="articles")
    assert sorted(done) == sorted(a.pk for a in articles)
    assert LogEntry.objects.filter(user=curator, change_message="Re-ran extraction.").count() == 2


def test_a_failing_reextraction_is_reported_not_raised(curator_client, monkeypatch):
    def fail(*, article):
        raise RuntimeError("model missing")

    monkeypatch.setattr(services, "article_reextract", fail)
    response = run_action(curator_client, "article", "reextract", [ArticleFactory()], app="articles")
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("model missing" in m for m in messages)
