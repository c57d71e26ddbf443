"""The curation contract: what a curator decided survives storing the same (or new) extractions again.

Each test stores hand-written extraction results with the storage layer, curates through the admin,
stores again, and checks that the decision held.
"""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article
from entities import services
from entities.models import Actor, ActorAlias, DuplicateStatus, Event, Mention, ReviewStatus, SuspectedDuplicate
from tests.curation import records as r
from tests.curation.conftest import change_form_data, run_action
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

THURSDAY = datetime.date(2020, 3, 12)

ACCRA = "Foreign Minister Ana Silva met President Kwame Mensah in Accra on Thursday. They discussed cocoa prices."
ACCRA_MEETING = "Foreign Minister Ana Silva met President Kwame Mensah in Accra on Thursday."
SECOND_REPORT = "Ghana's President Kwame Mensah received Foreign Minister Ana Silva in Kumasi on Thursday."


def meeting(body: str, sentence: str, *, place: str = "Accra", confidence: float = 0.6, on=THURSDAY):
    """Ana Silva (guest) and Kwame Mensah (host) meeting, as one article reports it."""
    people = [
        r.person(
            0,
            "Ana Silva",
            r.mention(body, "Foreign Minister Ana Silva", name="Ana Silva"),
            country="Portugal",
            title="Foreign Minister",
        ),
        r.person(
            1,
            "Kwame Mensah",
            r.mention(body, "President Kwame Mensah", name="Kwame Mensah"),
            country="Ghana",
            title="President",
        ),
    ]
    events = [
        r.event(
            body, sentence, [(0, "guest"), (1, "host")], on=on, place=place, host_country="Ghana", confidence=confidence
        )
    ]
    return r.extraction(people, events)


def article(body: str, **fields) -> Article:
    return ArticleFactory(body=body, published_on=datetime.date(2020, 3, 14), **fields)


def first_report():
    source = article(ACCRA)
    return source, meeting(ACCRA, ACCRA_MEETING)


def second_report():
    source = article(SECOND_REPORT, outlet="Daily Graphic")
    return source, meeting(SECOND_REPORT, SECOND_REPORT, place="Kumasi", confidence=0.95)


def store(source: Article, extraction) -> None:
    services.article_store_extraction(article=source, extraction=extraction)


def event_fields(event: Event) -> dict:
    event.refresh_from_db()
    names = ("kind", "status", "confidence", "date_start", "date_end", "date_precision", "place", "host_country")
    return {name: getattr(event, name) for name in names}


def evidence_articles(event: Event) -> set[int]:
    return set(event.evidence.values_list("article_id", flat=True))


# --- confirm -------------------------------------------------------------------------------------


def test_a_confirmed_event_keeps_its_fields_when_re_extraction_reads_it_differently(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    run_action(curator_client, "event", "confirm_events", [event])
    confirmed = event_fields(event)
    assert confirmed["status"] == ReviewStatus.CONFIRMED

    store(source, meeting(ACCRA, ACCRA_MEETING, place="Ghana", confidence=0.99))

    assert list(Event.objects.all()) == [event]
    assert event_fields(event) == confirmed
    assert event.evidence.count() == 1


def test_a_confirmed_event_only_gains_evidence_from_a_new_report(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    run_action(curator_client, "event", "confirm_events", [event])
    confirmed = event_fields(event)

    other, other_extraction = second_report()
    store(other, other_extraction)

    assert list(Event.objects.all()) == [event]
    assert event_fields(event) == confirmed
    assert evidence_articles(event) == {source.pk, other.pk}


# --- reject --------------------------------------------------------------------------------------


def test_a_rejected_event_does_not_come_back_when_the_article_is_stored_again(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    run_action(curator_client, "event", "reject_events", [event])

    store(source, extraction)

    assert list(Event.objects.all()) == [event]
    assert event_fields(event)["status"] == ReviewStatus.REJECTED


def test_a_rejected_event_absorbs_a_new_report_of_it_and_stays_rejected(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    run_action(curator_client, "event", "reject_events", [event])

    other, other_extraction = second_report()
    store(other, other_extraction)

    assert list(Event.objects.all()) == [event]
    assert event_fields(event)["status"] == ReviewStatus.REJECTED
    assert evidence_articles(event) == {source.pk, other.pk}


# --- edit ----------------------------------------------------------------------------------------


def test_a_curators_edit_survives_storing_the_article_again(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    url = reverse("admin:entities_event_change", args=[event.pk])
    edit = {"place": "Jubilee House, Accra", "date_precision": "month"}
    response = curator_client.post(url, change_form_data(curator_client, url, **edit))
    assert response.status_code == 302
    edited = event_fields(event)

    store(source, extraction)

    assert list(Event.objects.all()) == [event]
    assert event_fields(event) == edited
    assert edited["place"] == "Jubilee House, Accra"


def test_an_event_whose_kind_a_curator_corrected_is_not_extracted_again(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    url = reverse("admin:entities_event_change", args=[event.pk])
    curator_client.post(url, change_form_data(curator_client, url, kind="visit"))

    store(source, extraction)

    assert list(Event.objects.all()) == [event]
    assert event_fields(event)["kind"] == "visit"


def test_a_participant_a_curator_removed_does_not_come_back(curator_client):
    source, extraction = first_report()
    store(source, extraction)
    event = Event.objects.get()
    wrong = event.participations.get(actor__name="Ana Silva")
    url = reverse("admin:entities_event_change", args=[event.pk])
    form = change_form_data(curator_client, url)
    index = next(k.split("-")[1] for k, v in form.items() if k.endswith("-id") and v == wrong.pk)
    form[f"participations-{index}-DELETE"] = "on"
    curator_client.post(url, form)
    assert event.participations.count() == 1

    store(source, extraction)

    assert list(event.participations.values_list("actor__name", flat=True)) == ["Kwame Mensah"]


# --- merge ---------------------------------------------------------------------------------------

KWAME = "President Kwame Mensah opened parliament on Thursday."
KOFI = "President Kofi Mensah opened parliament on Thursday."


def naming(body: str, text: str, name: str):
    """An article that names one person once."""
    return r.extraction([r.person(0, name, r.mention(body, text, name=name), country="Ghana", title="President")], [])


def test_merged_officials_stay_merged_when_their_articles_are_stored_again(curator_client):
    first, second = article(KWAME), article(KOFI)
    first_extraction = naming(KWAME, "President Kwame Mensah", "Kwame Mensah")
    second_extraction = naming(KOFI, "President Kofi Mensah", "Kofi Mensah")
    store(first, first_extraction)
    store(second, second_extraction)
    kwame, kofi = Actor.objects.get(name="Kwame Mensah"), Actor.objects.get(name="Kofi Mensah")
    run_action(curator_client, "actor", "merge_actors", [kwame, kofi], post="yes", target=kwame.pk)

    store(first, first_extraction)
    store(second, second_extraction)

    assert list(Actor.objects.all()) == [kwame]
    assert set(Mention.objects.values_list("actor", flat=True)) == {kwame.pk}
    assert ActorAlias.objects.get(name="Kofi Mensah").actor == kwame
    assert not SuspectedDuplicate.objects.filter(status=DuplicateStatus.OPEN).exists()


def test_merged_events_stay_one_event_when_their_articles_are_stored_again(curator_client):
    source, extraction = first_report()
    misdated = article(SECOND_REPORT)
    misdated_extraction = meeting(SECOND_REPORT, SECOND_REPORT, on=datetime.date(2020, 2, 1))
    store(source, extraction)
    store(misdated, misdated_extraction)
    first, second = Event.objects.order_by("date_start").reverse()
    assert first.date_start == THURSDAY
    run_action(curator_client, "event", "merge_events", [first, second], post="yes", target=first.pk)
    run_action(curator_client, "event", "confirm_events", [first])

    store(source, extraction)
    store(misdated, misdated_extraction)

    assert list(Event.objects.all()) == [first]
    assert evidence_articles(first) == {source.pk, misdated.pk}


# --- split ---------------------------------------------------------------------------------------

BROTHERS = "President Kwame Mensah toured the port. Kojo Mensah, his brother, stayed in Accra."
KOJO_ALONE = "Kojo Mensah opened a factory in Tema."


def conflated():
    """An extraction that took two brothers for one person."""
    body = BROTHERS
    person = r.person(
        0,
        "Kwame Mensah",
        r.mention(body, "President Kwame Mensah", name="Kwame Mensah"),
        r.mention(body, "Kojo Mensah"),
        country="Ghana",
    )
    return r.extraction([person], [])


def test_a_split_name_stays_with_its_new_official_when_stored_again(curator_client):
    source = article(BROTHERS)
    store(source, conflated())
    kwame = Actor.objects.get()
    kojo_alias = kwame.aliases.get(name="Kojo Mensah")
    curator_client.post(reverse("admin:entities_actoralias_split", args=[kojo_alias.pk]))
    kojo = Actor.objects.get(name="Kojo Mensah")

    store(source, conflated())
    alone = article(KOJO_ALONE)
    store(alone, naming(KOJO_ALONE, "Kojo Mensah", "Kojo Mensah"))

    assert set(Actor.objects.all()) == {kwame, kojo}
    assert not kwame.aliases.filter(name="Kojo Mensah").exists()
    assert kojo.aliases.filter(name="Kojo Mensah").exists()
    assert set(Mention.objects.filter(name="Kojo Mensah").values_list("actor", flat=True)) == {kojo.pk}
    assert set(Mention.objects.filter(name="Kwame Mensah").values_list("actor", flat=True)) == {kwame.pk}


# --- different people ---------------------------------------------------------------------------

BAGHERI = "Major General Mohammad Bagheri inspected the troops."
BAQERI = "Major General Mohammad Baqeri inspected the troops."


def general(body: str, name: str, country: str):
    return r.extraction([r.person(0, name, r.mention(body, f"Major General {name}", name=name), country=country)], [])


def test_a_spelling_variant_split_off_stays_a_different_person(curator_client):
    first, second = article(BAGHERI), article(BAQERI)
    store(first, general(BAGHERI, "Mohammad Bagheri", "Iran"))
    store(second, general(BAQERI, "Mohammad Baqeri", "Iran"))
    assert Actor.objects.count() == 1  # resolution took the spellings for one man
    variant = ActorAlias.objects.get(name="Mohammad Baqeri")
    curator_client.post(reverse("admin:entities_actoralias_split", args=[variant.pk]))
    bagheri, baqeri = Actor.objects.get(name="Mohammad Bagheri"), Actor.objects.get(name="Mohammad Baqeri")

    store(first, general(BAGHERI, "Mohammad Bagheri", "Iran"))
    store(second, general(BAQERI, "Mohammad Baqeri", "Iran"))

    assert set(Actor.objects.all()) == {bagheri, baqeri}
    assert [m.actor for m in Mention.objects.filter(article=first)] == [bagheri]
    assert [m.actor for m in Mention.objects.filter(article=second)] == [baqeri]
    assert SuspectedDuplicate.objects.get().status == DuplicateStatus.DISTINCT


def test_people_marked_different_are_never_merged_or_suggested_again(curator_client):
    first, second = article(BAGHERI), article(BAQERI)
    store(first, general(BAGHERI, "Mohammad Bagheri", "Iran"))
    store(second, general(BAQERI, "Mohammad Baqeri", "Iraq"))  # a close name, another country: a suggestion
    pair = SuspectedDuplicate.objects.get(status=DuplicateStatus.OPEN)
    curator_client.post(reverse("admin:entities_suspectedduplicate_distinct", args=[pair.pk]))
    bagheri, baqeri = Actor.objects.get(name="Mohammad Bagheri"), Actor.objects.get(name="Mohammad Baqeri")

    store(first, general(BAGHERI, "Mohammad Bagheri", "Iran"))
    store(second, general(BAQERI, "Mohammad Baqeri", "Iraq"))

    assert set(Actor.objects.all()) == {bagheri, baqeri}
    assert [m.actor for m in Mention.objects.filter(article=second)] == [baqeri]
    assert list(SuspectedDuplicate.objects.values_list("status", flat=True)) == [DuplicateStatus.DISTINCT]


# --- re-extraction with the trained model ---------------------------------------------------------

REPORT = (
    "ACCRA, March 14 - Portuguese Foreign Minister Ana Silva met Ghanaian President Kwame Mensah in Accra on "
    "Thursday. The two leaders discussed cocoa prices and maritime security. On Friday, Silva held talks with "
    "Ghana's Foreign Minister Samuel Okudzeto in Kumasi."
)


@pytest.mark.model
def test_re_extracting_through_the_admin_keeps_what_the_curator_decided(curator_client):
    source = article(REPORT)
    services.article_reextract(article=source)
    first, second = Event.objects.order_by("pk")[:2]
    run_action(curator_client, "event", "confirm_events", [first])
    run_action(curator_client, "event", "reject_events", [second])
    decided = {event.pk: event_fields(event) for event in (first, second)}
    count = Event.objects.count()

    response = run_action(curator_client, "article", "reextract", [source], app="articles")

    assert response.status_code == 302
    assert Event.objects.count() == count
    assert {event.pk: event_fields(event) for event in (first, second)} == decided
    assert (decided[first.pk]["status"], decided[second.pk]["status"]) == ("confirmed", "rejected")
