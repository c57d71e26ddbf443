"""The job queue is opt-in and PostgreSQL-only; an article is extracted once however many jobs name it (#18)."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from entities.following import article_store_once
from entities.models import Actor, Mention
from extraction.records import ArticleExtraction, MentionRecord, PersonRecord
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]


def check_with(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), "check"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_queue_is_refused_unless_the_database_is_postgresql(tmp_path):
    refused = check_with({"PARLEY_QUEUE": "procrastinate", "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite3'}"})
    assert refused.returncode != 0
    assert "PARLEY_QUEUE=procrastinate keeps its jobs in PostgreSQL" in refused.stderr.strip().splitlines()[-1]


def test_an_unknown_queue_is_refused_by_name(tmp_path):
    refused = check_with({"PARLEY_QUEUE": "carrier-pigeon", "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite3'}"})
    assert refused.returncode != 0
    assert "'carrier-pigeon' is not one of embedded, procrastinate" in refused.stderr.strip().splitlines()[-1]


@pytest.mark.django_db
def test_ingest_enqueue_without_a_queue_says_what_to_set(tmp_path):
    with pytest.raises(CommandError, match="PARLEY_QUEUE=procrastinate"):
        call_command("ingest", str(tmp_path), "--enqueue")


@pytest.mark.django_db
def test_an_article_already_extracted_is_not_stored_again_by_a_second_job():
    article = ArticleFactory(published_on=datetime.date(2022, 5, 2))
    name = "Ilse Vandermeer"
    extraction = ArticleExtraction(
        people=[PersonRecord(key=0, name=name, mentions=[MentionRecord(name, name, 0, len(name), 0, 40)])], events=[]
    )
    assert article_store_once(article=article, extraction=extraction) is True
    assert article_store_once(article=article, extraction=extraction) is False
    assert (Actor.objects.count(), Mention.objects.count()) == (1, 1)
