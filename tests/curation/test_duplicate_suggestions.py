"""Suspected duplicates stored for the curators: a spelling one letter off is suggested, a shared surname is not."""

import pytest

from entities.models import Actor, DuplicateStatus, SuspectedDuplicate
from tests.curation import records as r
from tests.curation.test_contract import article, store

pytestmark = pytest.mark.django_db


def naming(body: str, *people: tuple[str, str, str]):
    """An article naming each (text as written, name, title) once, all of one country."""
    records = [
        r.person(i, name, r.mention(body, text, name=name), country="Kuwait", title=title)
        for i, (text, name, title) in enumerate(people)
    ]
    return r.extraction(records, [])


def stored(body: str, *people: tuple[str, str, str]) -> None:
    store(article(body), naming(body, *people))


def test_a_surname_one_letter_off_with_the_same_given_name_is_suggested():
    stored("Oil Minister Karim Dowlani spoke.", ("Oil Minister Karim Dowlani", "Karim Dowlani", "Oil Minister"))
    stored("Oil Minister Karim Doulani spoke.", ("Oil Minister Karim Doulani", "Karim Doulani", "Oil Minister"))

    pair = SuspectedDuplicate.objects.get()
    assert {pair.actor_a.name, pair.actor_b.name} == {"Karim Dowlani", "Karim Doulani"}
    assert (pair.status, pair.score >= 0.9) == (DuplicateStatus.OPEN, True)


def test_people_who_share_only_a_surname_are_not_suggested():
    body = "Prime Minister Farid Malik spoke. Malik left."
    store(
        article(body),
        r.extraction(
            [
                r.person(
                    0,
                    "Farid Malik",
                    r.mention(body, "Prime Minister Farid Malik", name="Farid Malik"),
                    r.mention(body, "Malik", occurrence=1),
                    country="Kuwait",
                    title="Prime Minister",
                )
            ],
            [],
        ),
    )
    stored("Nadia Rehana Malik spoke.", ("Nadia Rehana Malik", "Nadia Rehana Malik", ""))

    assert Actor.objects.count() == 2
    assert not SuspectedDuplicate.objects.exists()
