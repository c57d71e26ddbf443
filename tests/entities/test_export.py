"""`export_kb`: the knowledge base in the format the scorer reads (shared/gold/README.md)."""

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from entities.export import knowledge_base_export
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    ParticipationFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "tools" / "evaluate_kb.py"
EXPORT_QUERIES = 6


def test_actor_has_aliases_and_dated_roles():
    actor = ActorFactory(name="Amina Diallo", country="Senegal")
    ActorAliasFactory(actor=actor, name="Diallo")
    RoleFactory(actor=actor, title="Foreign Minister", country="Senegal")
    [exported] = knowledge_base_export()["actors"]
    assert exported["name"] == "Amina Diallo"
    assert exported["kind"] == "person"
    assert exported["aliases"] == ["Diallo"]
    assert exported["roles"][0] == {
        "title": "Foreign Minister",
        "organization": "",
        "country": "Senegal",
        "first_seen": "2020-03-14",
        "last_seen": "2020-03-14",
    }


def test_event_lists_participants_offices_and_sources():
    article = ArticleFactory(source_name="a.txt")
    event = EventFactory(date_start=datetime.date(2020, 3, 12), date_end=datetime.date(2020, 3, 13))
    ParticipationFactory(event=event, actor=ActorFactory(name="Kofi Mensah"), role="host")
    ParticipationFactory(event=event, actor=None, office="Foreign Minister", country="Togo")
    EvidenceFactory(event=event, article=article, sentence="They met.", start=3, end=12)
    [exported] = knowledge_base_export()["events"]
    assert exported["date_start"] == "2020-03-12" and exported["date_end"] == "2020-03-13"
    assert {
        "actor_id": None,
        "name": None,
        "office": "Foreign Minister",
        "country": "Togo",
        "role": "participant",
    } in exported["participants"]
    assert exported["sources"] == [{"article": "a.txt", "sentence": "They met.", "start": 3, "end": 12}]


def test_planned_pending_event_is_exported_as_planned():
    EventFactory(planned=True)
    assert knowledge_base_export()["events"][0]["status"] == "planned"


@pytest.mark.parametrize(
    ("planned", "status", "exported_status"),
    [
        (True, "pending", "planned"),
        (True, "confirmed", "confirmed"),
        (True, "rejected", "rejected"),
        (False, "pending", "pending"),
        (False, "confirmed", "confirmed"),
    ],
)
def test_planned_flag_is_the_event_s_own_whatever_its_review_status(planned, status, exported_status):
    """A confirmed plan is still a plan: the flag says so where the status cannot."""
    EventFactory(planned=planned, status=status)
    [exported] = knowledge_base_export()["events"]
    assert exported["planned"] is planned
    assert exported["status"] == exported_status


def test_export_runs_a_fixed_number_of_queries(django_assert_num_queries):
    for _ in range(3):
        event = EventFactory()
        ParticipationFactory(event=event)
        EvidenceFactory(event=event)
    with django_assert_num_queries(EXPORT_QUERIES):
        knowledge_base_export()


def test_command_writes_the_file(tmp_path):
    ActorFactory(name="Kofi Mensah")
    target = tmp_path / "kb.json"
    call_command("export_kb", "--output", str(target))
    assert json.loads(target.read_text())["actors"][0]["name"] == "Kofi Mensah"


def test_command_refuses_an_unwritable_path(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_kb", "--output", str(tmp_path / "missing" / "kb.json"))


@pytest.mark.model
@pytest.mark.skipif(not SCORER.exists(), reason="shared/tools/evaluate_kb.py is not beside this checkout")
def test_seed_articles_score_above_the_targets(tmp_path):
    """The whole pipeline on the five sample articles, scored by the shared evaluator against the gold."""
    call_command("ingest", str(ROOT / "data" / "seeds"))
    target = tmp_path / "kb.json"
    call_command("export_kb", "--output", str(target))
    out = subprocess.run(  # noqa: S603 - our own interpreter running the shared scorer
        [sys.executable, str(SCORER), str(target), "--json"], capture_output=True, text=True, check=True
    )
    scores = json.loads(out.stdout)
    events, actors = scores["events"], scores["actors"]
    assert events["f1"] >= 0.9
    assert events["date_accuracy"] >= 0.9
    assert events["fragmentation"] <= 1.15
    assert actors["alias_pair_recall"] == 1.0
    assert actors["groups_whole"] == "24/24"
    assert actors["wrongly_merged"] == [] and actors["not_people_kept"] == []
