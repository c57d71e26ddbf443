"""Curation teaches extraction: names curators vouch for are recognised in new articles, and names they ruled out
(no person, no official) never make an official again."""

import datetime

import pytest
from django.urls import reverse

from entities.ingest import articles_ingest
from entities.models import Actor, ActorKind, Event, Mention, ReviewStatus
from entities.nlp import curated_names, register_version
from extraction.runtime.nlp import CURATED_NAMES_PIPE, CuratedNames, use_curated_names
from tests.curation import records as r
from tests.curation.conftest import run_action
from tests.curation.test_contract import article, store
from tests.factories import ActorAliasFactory, ActorFactory

pytestmark = pytest.mark.django_db


def official(name: str, **fields) -> Actor:
    actor = ActorFactory(name=name, **fields)
    ActorAliasFactory(actor=actor, name=name)
    return actor


# --- which names the register vouches for -----------------------------------------------------------


def test_confirmed_and_curated_names_are_vouched_for_and_pending_or_rejected_ones_are_not(curator_client):
    confirmed = official("Precious Sibanda", status=ReviewStatus.CONFIRMED)
    ActorAliasFactory(actor=confirmed, name="Precious N. Sibanda")
    official("Bright Moyo", curated_fields=["country"])
    official("Tendai Pending")
    official("Rejected Rumour", status=ReviewStatus.REJECTED)
    ActorAliasFactory(actor=official("Farai Ncube"), name="Farai B. Ncube", source="curated")
    official("Harare Holdings", kind=ActorKind.ORGANIZATION, status=ReviewStatus.CONFIRMED)

    assert curated_names().people == (
        "Bright Moyo",
        "Farai B. Ncube",
        "Precious N. Sibanda",
        "Precious Sibanda",
    )


def test_the_register_version_changes_when_a_curator_confirms_an_official(curator_client):
    pending = official("Precious Sibanda")
    before = register_version()
    assert curated_names().people == ()

    run_action(curator_client, "actor", "confirm_actors", [pending])

    assert register_version() != before
    assert curated_names().people == ("Precious Sibanda",)


def test_an_alias_a_curator_types_changes_the_register_version(curator_client):
    actor = official("Precious Sibanda", status=ReviewStatus.CONFIRMED)
    alias = actor.aliases.get()
    before = register_version()
    url = reverse("admin:entities_actoralias_change", args=[alias.pk])
    response = curator_client.post(url, {"actor": actor.pk, "name": "Precious Nomsa Sibanda", "source": "curated"})
    assert response.status_code == 302
    assert register_version() != before
    assert curated_names().people == ("Precious Nomsa Sibanda",)


# --- names ruled out stay out ------------------------------------------------------------------------

HQ = "Headquarters said General Bright Moyo met Headquarters on Monday."
HQ_AGAIN = "A statement from Headquarters praised the army."
MONDAY = datetime.date(2021, 5, 10)


def headquarters_meeting(body: str):
    people = [
        r.person(0, "Headquarters", r.mention(body, "Headquarters")),
        r.person(1, "Bright Moyo", r.mention(body, "General Bright Moyo", name="Bright Moyo"), country="Zimbabwe"),
    ]
    return r.extraction(people, [r.event(body, body, [(1, "participant"), (0, "participant")], on=MONDAY)])


def naming_only_headquarters(body: str):
    return r.extraction([r.person(0, "Headquarters", r.mention(body, "Headquarters"))], [])


def test_a_name_rejected_as_no_person_is_never_made_an_official_again(curator_client):
    store(article(HQ), headquarters_meeting(HQ))
    headquarters = Actor.objects.get(name="Headquarters")
    run_action(curator_client, "actor", "reject_actors", [headquarters])

    store(article(HQ_AGAIN), naming_only_headquarters(HQ_AGAIN))
    other_meeting = HQ.replace("Monday", "Tuesday")
    store(article(other_meeting), headquarters_meeting(other_meeting))

    assert list(Actor.objects.filter(name="Headquarters")) == [headquarters]
    assert set(Mention.objects.filter(name="Headquarters").values_list("actor", flat=True)) == {headquarters.pk}
    assert Event.objects.count() == 1  # the first, stored before the curator's word; none since
    assert not Actor.objects.officials().filter(name="Headquarters").exists()


FOUNDER = "President Bright Moyo laid a wreath for Nehanda Chari, the nation's founder, on Monday."
FOUNDER_AGAIN = "Nehanda Chari met the chiefs of the valley, historians say."


def founder_extraction(body: str, *, with_moyo: bool):
    people = [r.person(0, "Nehanda Chari", r.mention(body, "Nehanda Chari"))]
    events = []
    if with_moyo:
        people.append(
            r.person(1, "Bright Moyo", r.mention(body, "President Bright Moyo", name="Bright Moyo"), country="Zimbabwe")
        )
        events.append(r.event(body, body, [(1, "guest"), (0, "host")], on=MONDAY))
    return r.extraction(people, events)


def test_a_person_marked_not_an_official_stays_out_of_the_officials_and_their_events(curator_client):
    store(article(FOUNDER), founder_extraction(FOUNDER, with_moyo=True))
    founder = Actor.objects.get(name="Nehanda Chari")
    run_action(curator_client, "actor", "mark_not_official", [founder])
    founder.refresh_from_db()
    assert (founder.kind, founder.curated_fields) == (ActorKind.NOT_OFFICIAL, ["kind"])

    store(article(FOUNDER_AGAIN), founder_extraction(FOUNDER_AGAIN, with_moyo=False))
    again = FOUNDER.replace("Monday", "Friday")
    store(article(again), founder_extraction(again, with_moyo=True))

    assert list(Actor.objects.filter(name="Nehanda Chari")) == [founder]
    assert not Actor.objects.officials().filter(name="Nehanda Chari").exists()
    assert Event.objects.count() == 1  # the first, stored before the curator's word; none since


# --- with the trained model: a name it misses is found once a curator confirms it -----------------------

MISSED = """Border talks in Bulawayo
Date: 2021-05-12

BULAWAYO, May 12 - General Bright Moyo met Precious Sibanda in Bulawayo on Monday to discuss the border.
"""


@pytest.fixture
def shared_pipeline(nlp_model):
    """The process's pipeline, left without curated names for the tests after this one."""
    yield nlp_model
    use_curated_names(nlp_model, CuratedNames())


def ingest(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text)
    return articles_ingest(paths=[tmp_path / name])


@pytest.mark.model
def test_a_name_the_model_misses_is_found_once_a_curator_confirms_it(curator_client, shared_pipeline, tmp_path):
    ingest(tmp_path, "before.txt", MISSED)
    assert not Actor.objects.filter(name="Precious Sibanda").exists()  # the model alone misses her

    sibanda = official("Precious Sibanda", country="Zimbabwe")
    run_action(curator_client, "actor", "confirm_actors", [sibanda])
    ingest(tmp_path, "after.txt", MISSED.replace("May 12", "May 13").replace("2021-05-12", "2021-05-13"))

    assert CURATED_NAMES_PIPE in shared_pipeline.pipe_names
    assert Mention.objects.filter(actor=sibanda).count() == 1
    assert Event.objects.filter(participations__actor=sibanda).exists()


@pytest.mark.model
@pytest.mark.django_db(transaction=True)
def test_worker_processes_recognise_the_confirmed_names_too(shared_pipeline, tmp_path):
    sibanda = official("Precious Sibanda", country="Zimbabwe", status=ReviewStatus.CONFIRMED)
    for day in (13, 14):
        text = MISSED.replace("May 12", f"May {day}").replace("2021-05-12", f"2021-05-{day}")
        (tmp_path / f"{day}.txt").write_text(text)

    summary = articles_ingest(paths=[tmp_path], workers=2, batch_size=1)

    assert summary.created == 2
    assert Mention.objects.filter(actor=sibanda).count() == 2
