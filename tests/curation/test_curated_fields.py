"""Curated fields are sacred: whatever a curator sets on an official or an event through the desk is recorded
as theirs, and neither storing the article again nor new articles change it, whatever the review status.

Each test edits one field through the admin's change form, stores the same extraction again (what re-running
extraction does) and a new article that would change the field, and checks that the curator's value held.
"""

import pytest
from django.urls import reverse

from entities import services
from entities.ingest import articles_ingest
from entities.models import Actor, Event, ReviewStatus
from tests.curation import records as r
from tests.curation.conftest import change_form_data, run_action
from tests.curation.test_contract import (
    ACCRA,
    ACCRA_MEETING,
    REPORT,
    THURSDAY,
    article,
    meeting,
    second_report,
    store,
)

pytestmark = pytest.mark.django_db

TYPO = "Minister of Roads Kwabena Ai Owusu opened the bridge."
TYPO_AGAIN = "Kwabena Ai Owusu, the minister of roads, said the bridge was safe. Kwabena Ai Owusu left on Friday."


def owusu(body: str, *texts: str):
    """An article naming the minister under the source's typo, with his country and office."""
    mentions = [r.mention(body, text, name="Kwabena Ai Owusu", occurrence=i) for i, text in enumerate(texts)]
    return r.extraction([r.person(0, "Kwabena Ai Owusu", *mentions, country="Ghana", title="Minister of Roads")], [])


def post_change(client, obj, **changes) -> None:
    """Post the object's admin change form with only `changes` changed, as a curator would."""
    url = reverse(f"admin:entities_{obj._meta.model_name}_change", args=[obj.pk])
    response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Kwabena Ali Owusu"),
        ("country", ""),  # a curator cleared a wrong country: extraction must not fill it again
        ("description", ""),
        ("description", "Chief engineer of the roads ministry"),
    ],
)
def test_an_officials_field_set_by_a_curator_survives_re_extraction_and_new_articles(curator_client, field, value):
    source = article(TYPO)
    store(source, owusu(TYPO, "Kwabena Ai Owusu"))
    actor = Actor.objects.get()

    post_change(curator_client, actor, **{field: value})

    store(source, owusu(TYPO, "Kwabena Ai Owusu"))
    store(article(TYPO_AGAIN), owusu(TYPO_AGAIN, "Kwabena Ai Owusu", "Kwabena Ai Owusu"))
    actor.refresh_from_db()
    assert getattr(actor, field) == value
    assert actor.status == ReviewStatus.PENDING  # protected by the record of the edit, not by a status
    assert list(Actor.objects.all()) == [actor]


def test_a_renamed_official_is_still_found_under_the_old_spelling_and_the_new(curator_client):
    source = article(TYPO)
    store(source, owusu(TYPO, "Kwabena Ai Owusu"))
    actor = Actor.objects.get()

    post_change(curator_client, actor, name="Kwabena Ali Owusu")

    assert actor.aliases.get(name="Kwabena Ali Owusu").source == "curated"
    assert "name" in Actor.objects.get().curated_fields
    corrected = "Kwabena Ali Owusu met the press."
    store(article(corrected), owusu(corrected, "Kwabena Ali Owusu"))
    assert list(Actor.objects.all()) == [actor]


def test_an_official_a_curator_adds_by_hand_is_wholly_curated(curator_client):
    url = reverse("admin:entities_actor_add")
    data = {
        "name": "Kwabena Ali Owusu",
        "kind": "person",
        "country": "Ghana",
        "description": "",
        "external_id": "",
        "status": "confirmed",
        "aliases-TOTAL_FORMS": 0,
        "aliases-INITIAL_FORMS": 0,
        "roles-TOTAL_FORMS": 0,
        "roles-INITIAL_FORMS": 0,
    }
    assert curator_client.post(url, data).status_code == 302
    actor = Actor.objects.get()
    assert set(actor.curated_fields) == {"name", "kind", "country", "description"}
    assert actor.aliases.get().name == "Kwabena Ali Owusu"


# --- events --------------------------------------------------------------------------------------

EVENT_EDITS = {
    # a month the second report's day would narrow
    "date": {"date_start": "2020-03-01", "date_end": "2020-03-31", "date_precision": "month"},
    # no place: the second report's Kumasi would fill it
    "place": {"place": "", "host_country": ""},
    "kind": {"kind": "visit"},
}


def event_facts(event: Event) -> dict:
    event.refresh_from_db()
    names = ("kind", "date_start", "date_end", "date_precision", "place", "host_country")
    people = sorted(event.participations.values_list("actor__name", flat=True))
    return {**{name: getattr(event, name) for name in names}, "participants": people}


def back_to_pending(client, event: Event) -> None:
    """A curator sets an edited (so confirmed) event back to pending: the edit must hold all the same."""
    post_change(client, event, status="pending")
    event.refresh_from_db()
    assert event.status == ReviewStatus.PENDING


def stored_again_and_reported_anew(source) -> None:
    store(source, meeting(ACCRA, ACCRA_MEETING))
    other, other_extraction = second_report()
    store(other, other_extraction)


@pytest.mark.parametrize(
    ("fact", "reports"),
    # a report of a meeting is not read as the curator's visit: it stays a meeting of its own
    [("date", 2), ("place", 2), ("kind", 1)],
)
def test_an_events_fact_set_by_a_curator_survives_re_extraction_and_new_reports(curator_client, fact, reports):
    source = article(ACCRA)
    store(source, meeting(ACCRA, ACCRA_MEETING))
    event = Event.objects.get()
    post_change(curator_client, event, **EVENT_EDITS[fact])
    assert fact in Event.objects.get().curated_fields
    back_to_pending(curator_client, event)
    edited = event_facts(event)

    stored_again_and_reported_anew(source)

    assert event.evidence.count() == reports
    assert event_facts(event) == edited


def test_participants_a_curator_set_are_kept_whatever_the_status(curator_client):
    source = article(ACCRA)
    store(source, meeting(ACCRA, ACCRA_MEETING))
    event = Event.objects.get()
    url = reverse("admin:entities_event_change", args=[event.pk])
    form = change_form_data(curator_client, url)
    wrong = event.participations.get(actor__name="Ana Silva")
    index = next(k.split("-")[1] for k, v in form.items() if k.endswith("-id") and v == wrong.pk)
    form[f"participations-{index}-DELETE"] = "on"
    assert curator_client.post(url, form).status_code == 302
    assert "participants" in Event.objects.get().curated_fields
    back_to_pending(curator_client, event)

    stored_again_and_reported_anew(source)

    assert Event.objects.get(evidence__article=source) == event  # re-extraction found the curator's event
    assert event_facts(event)["participants"] == ["Kwame Mensah"]


def test_confirming_or_rejecting_records_no_field_as_curated(curator_client):
    source = article(ACCRA)
    store(source, meeting(ACCRA, ACCRA_MEETING, place=""))
    event = Event.objects.get()
    run_action(curator_client, "event", "confirm_events", [event])
    run_action(curator_client, "event", "reject_events", [event])
    assert Event.objects.get().curated_fields == []


def test_an_uncurated_pending_event_still_learns_from_a_new_report():
    """The contrast: without a curator's edit, a new report fills the blank place and narrows the date."""
    source = article(ACCRA)
    store(source, meeting(ACCRA, ACCRA_MEETING, place=""))
    event = Event.objects.get()
    other, other_extraction = second_report()
    store(other, other_extraction)
    facts = event_facts(event)
    assert (facts["place"], facts["date_start"]) == ("Kumasi", THURSDAY)


# --- with the trained model: the desk's re-run action, then a new article ingested ----------------

NEW_ARTICLE = """Mensah hosts trade talks
Date: 2020-03-20

ACCRA, March 20 - Ghanaian President Kwame Mensah met Portuguese Foreign Minister Ana Silva again in Tamale
on Friday. Kwame Mensah said the talks went well. Kwame Mensah will travel to Lisbon in May.
"""


@pytest.mark.model
def test_curated_fields_survive_the_desks_re_run_and_a_newly_ingested_article(curator_client, nlp_model, tmp_path):
    source = article(REPORT)
    services.article_reextract(article=source)
    mensah = Actor.objects.get(name="Kwame Mensah")
    post_change(curator_client, mensah, name="Kwami Mensah", country="")
    event = Event.objects.filter(participations__actor=mensah).order_by("pk").first()
    post_change(curator_client, event, place="", host_country="")
    back_to_pending(curator_client, event)
    edited = event_facts(event)

    assert run_action(curator_client, "article", "reextract", [source], app="articles").status_code == 302
    (tmp_path / "new.txt").write_text(NEW_ARTICLE)
    assert articles_ingest(paths=[tmp_path], nlp=nlp_model).created == 1

    mensah.refresh_from_db()
    assert (mensah.name, mensah.country) == ("Kwami Mensah", "")
    assert event_facts(event) == edited
