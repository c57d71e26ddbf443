"""One event: its date, place, people with the roles they held then, its visit, and the sentences that report it."""

import datetime

from django.urls import reverse

from tests.factories import ArticleFactory, EvidenceFactory, ParticipationFactory


def page(client, event):
    return client.get(reverse("entities:event_detail", args=[event.pk]))


def test_shows_date_place_and_participants(client, kb):
    content = page(client, kb.meeting).content.decode()
    assert "6–7 November 2017" in content
    assert "<h1>Bajwa meets Rouhani</h1>" in content
    assert "<title>Bajwa meets Rouhani, 6–7 November 2017 · Parley</title>" in content
    assert "Qamar Javed Bajwa" in content and "Hassan Rouhani" in content


def test_roles_are_the_ones_held_at_the_time(client, kb):
    response = page(client, kb.meeting)
    participants = response.context["event_page"].participants
    roles = {p.participation.actor.name: [r.title for r in p.roles_then] for p in participants}
    assert roles == {"Qamar Javed Bajwa": ["Chief of Army Staff"], "Hassan Rouhani": ["President"]}
    assert "Corps Commander" not in response.content.decode()


def test_a_meeting_shows_its_visit_and_the_other_meetings(client, kb):
    response = page(client, kb.meeting)
    assert response.context["event_page"].siblings == [kb.meeting2]
    content = response.content.decode()
    assert (
        "Part of a visit" in content
        and f"/events/{kb.visit.pk}/" in content
        and f"/events/{kb.meeting2.pk}/" in content
    )


def test_a_visit_lists_its_meetings(client, kb):
    children = page(client, kb.visit).context["event_page"].event.children.all()
    assert set(children) == {kb.meeting, kb.meeting2}


def test_evidence_highlights_participants_and_links_to_the_sentence(client, kb):
    content = page(client, kb.meeting).content.decode()
    assert "<mark>Bajwa</mark> was received by President <mark>Hassan Rouhani</mark>" in content
    start = kb.article.body.index("Bajwa was received")
    assert f'href="/articles/{kb.article.pk}/#s-{start}"' in content


def test_evidence_text_is_escaped(client, kb):
    article = ArticleFactory(body="<script>alert(1)</script> Bajwa met.")
    EvidenceFactory(event=kb.meeting, article=article, sentence=article.body, start=0, end=len(article.body))
    content = page(client, kb.meeting).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Bajwa</mark> met." in content


def test_office_without_a_name_and_unknown_date(client, kb):
    ParticipationFactory(event=kb.undated, actor=None, office="Foreign Minister of Iran", country="Iran")
    content = page(client, kb.undated).content.decode()
    assert "date unknown" in content and "Foreign Minister of Iran" in content


def test_month_precision(client, kb):
    assert "November 2019" in page(client, kb.monthly).content.decode()


def test_rejected_event_is_reachable_and_says_so(client, kb):
    content = page(client, kb.rejected).content.decode()
    assert "A curator rejected this event" in content


def test_missing_and_malformed_ids(client, db):
    assert client.get("/events/999999/").status_code == 404
    assert client.get("/events/abc/").status_code == 404
    assert client.get("/events/99999999999999999999999/").status_code == 404


def test_roles_seen_long_before_are_not_shown(client, kb):
    kb.meeting.date_start = kb.meeting.date_end = datetime.date(2030, 1, 1)
    kb.meeting.save()
    participants = page(client, kb.meeting).context["event_page"].participants
    assert participants and all(p.roles_then == [] for p in participants)
