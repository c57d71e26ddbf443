"""Sources an analyst can cite: an article's URL wherever the article is shown, and a permalink for each event."""

import pytest
from django.urls import reverse

from entities.curation import events_merge
from tests.factories import (
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    MentionFactory,
    ParticipationFactory,
)

URL = "https://news.example.org/2020/harbour-talks"


@pytest.fixture
def reported(db):
    """A meeting reported by an article published at URL."""
    article = ArticleFactory(title="Harbour talks in Port Vela", url=URL)
    event = EventFactory(place="Port Vela")
    ParticipationFactory(event=event, actor__name="Ana Lindqvist")
    EvidenceFactory(event=event, article=article)
    MentionFactory(article=article, actor=event.participations.get().actor)
    return event, article


def test_the_event_page_links_each_sources_original(client, reported):
    event, _ = reported
    content = client.get(reverse("entities:event_detail", args=[event.pk])).content.decode()
    assert f'href="{URL}" rel="external nofollow noopener noreferrer"' in content


def test_the_event_page_has_a_citation_with_its_absolute_permalink(client, reported):
    event, _ = reported
    content = client.get(reverse("entities:event_detail", args=[event.pk])).content.decode()
    permalink = f"http://testserver/events/{event.pk}/"
    assert "Cite this event" in content
    citation = f"Meeting in Port Vela: Lindqvist, 12 March 2020 (Ana Lindqvist). Parley, event {event.pk}."
    assert f'{citation} <a class="permalink" href="{permalink}">' in content


@pytest.mark.parametrize("page", ["articles:detail", "articles:list"])
def test_article_pages_link_the_original(client, reported, page):
    _, article = reported
    args = [article.pk] if page == "articles:detail" else []
    assert URL in client.get(reverse(page, args=args)).content.decode()


def test_the_official_page_links_the_originals_of_the_articles_naming_them(client, reported):
    event, _ = reported
    actor = event.participations.get().actor
    assert URL in client.get(reverse("entities:official_detail", args=[actor.pk])).content.decode()


def test_an_article_without_url_shows_no_source_link(client, db):
    article = ArticleFactory()
    assert "source-link" not in client.get(reverse("articles:detail", args=[article.pk])).content.decode()


def test_a_merged_events_permalink_leads_to_the_event_it_became(client, db):
    first, second, last = EventFactory(), EventFactory(), EventFactory()
    gone_pk = first.pk
    events_merge(target=second, others=[first], user=None)
    events_merge(target=last, others=[second], user=None)
    response = client.get(reverse("entities:event_detail", args=[gone_pk]))
    assert (response.status_code, response["Location"]) == (301, f"/events/{last.pk}/")


def test_an_id_never_used_is_still_a_404(client, db):
    EventFactory()
    assert client.get(reverse("entities:event_detail", args=[987654])).status_code == 404
