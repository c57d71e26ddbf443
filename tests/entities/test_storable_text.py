"""Names and texts are stored the same way on SQLite and PostgreSQL: no NUL, no bidi controls, no 3,000-character
"person" on one and a lost article on the other."""

import pytest

from entities.models import Actor, ActorAlias, Event, Mention, Participation, Role
from entities.sanitize import clean_name, clean_text
from extraction.records import ParticipantRecord, RoleRecord
from tests.entities.test_services import meeting, person, store

pytestmark = pytest.mark.django_db

RLO, PDF = "\u202e", "\u202c"


def test_a_name_longer_than_any_name_is_left_out_and_the_article_stored():
    run_of_capitals = " ".join(f"Word{n}" for n in range(600))  # 3,000+ characters, as NER read a capitalised list
    store([person(1, run_of_capitals), person(2, "Ana Silva")], [meeting(1, 2)])

    assert list(Actor.objects.values_list("name", flat=True)) == ["Ana Silva"]
    assert list(Participation.objects.values_list("actor__name", flat=True)) == ["Ana Silva"]


def test_nul_and_bidi_controls_are_stripped_from_every_name_written():
    spoofed = person(1, f"Ana{RLO} Silva{PDF}", "Silva\x00", roles=(RoleRecord(f"Fo{RLO}reign\x00 Minister"),))
    record = meeting(1, place=f"Nai\x00robi{RLO}")
    record.participants.append(ParticipantRecord(person=None, office=f"Prime\x00 Minister{RLO}", country="Japan"))

    store([spoofed], [record])

    assert Actor.objects.get().name == "Ana Silva"
    assert set(ActorAlias.objects.values_list("name", flat=True)) == {"Ana Silva", "Silva"}
    assert set(Mention.objects.values_list("name", flat=True)) == {"Ana Silva", "Silva"}
    assert list(Role.objects.values_list("title", flat=True)) == ["Foreign Minister"]
    assert Event.objects.get().place == "Nairobi"
    assert Participation.objects.get(actor=None).office == "Prime Minister"


def test_clean_name_collapses_spaces_and_bounds_the_length():
    assert clean_name(" Ana \u2066 Silva\u2069 ") == "Ana Silva"
    assert clean_name("x" * 200) == "x" * 200
    assert clean_name("x" * 201) is None
    assert clean_text("line\tone\nline two\x00\x07") == "line\tone\nline two"
