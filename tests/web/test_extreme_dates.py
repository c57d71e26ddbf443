"""Any date a row can hold (year 1, year 9999) renders on every page: one odd row must not break a public page."""

import datetime

import pytest
from django.urls import reverse

from tests.curation.conftest import changelist
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    ParticipationFactory,
    RoleFactory,
    UserFactory,
)

EXTREMES = [datetime.date.min, datetime.date.max]
PRECISIONS = ["day", "month", "year", "decade"]


@pytest.fixture(params=EXTREMES, ids=["year-1", "year-9999"])
def extreme(request, db):
    """An official whose event, role and article all sit at one end of the calendar, beside an ordinary event."""
    day = request.param
    article = ArticleFactory(published_on=day)
    actor = ActorFactory(name="Ana Silva")
    RoleFactory(actor=actor, first_seen=day, last_seen=day)
    RoleFactory(
        actor=actor, title="Minister", first_seen=datetime.date(2020, 1, 1), last_seen=datetime.date(2020, 3, 1)
    )
    events = []
    for precision in PRECISIONS:
        event = EventFactory(date_start=day, date_end=day, date_precision=precision)
        ParticipationFactory(event=event, actor=actor)
        EvidenceFactory(event=event, article=article)
        events.append(event)
    ordinary = EventFactory()
    ParticipationFactory(event=ordinary, actor=actor)
    return {"day": day, "article": article, "actor": actor, "events": [*events, ordinary]}


def public_urls(extreme) -> list[str]:
    day = extreme["day"].isoformat()
    return [
        "/",
        "/events/",
        f"/events/?date_from={day}",
        f"/events/?date_to={day}",
        f"/events/?date_from=0001-01-01&date_to={day}",
        "/events/export.json",
        "/events/export.csv",
        "/officials/",
        reverse("entities:official_detail", args=[extreme["actor"].pk]),
        "/articles/",
        reverse("articles:detail", args=[extreme["article"].pk]),
        *(reverse("entities:event_detail", args=[event.pk]) for event in extreme["events"]),
    ]


def test_every_public_page_renders_events_roles_and_articles_at_the_ends_of_the_calendar(client, extreme):
    for url in public_urls(extreme):
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(response.streaming_content) if response.streaming else response.content


def test_every_desk_page_renders_them_too(client, extreme):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    urls = [
        changelist("event"),
        changelist("actor"),
        changelist("article", "articles"),
        reverse("admin:entities_actor_change", args=[extreme["actor"].pk]),
        reverse("admin:articles_article_change", args=[extreme["article"].pk]),
        *(reverse("admin:entities_event_change", args=[event.pk]) for event in extreme["events"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(("precision", "expected"), [("day", "0001-01-01"), ("month", "0001-01"), ("year", "0001")])
def test_machine_dates_of_year_1_are_padded_to_four_digits(precision, expected):
    from entities.formatting import machine_date
    from entities.models import Event

    event = Event(date_start=datetime.date.min, date_end=datetime.date.min, date_precision=precision)
    assert machine_date(event) == expected
