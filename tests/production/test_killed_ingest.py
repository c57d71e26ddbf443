"""An ingest killed with SIGKILL midway, then run again, loses nothing and duplicates nothing.

The ingest runs as a real subprocess against a throw-away database of the same kind as the suite's
(an SQLite file, or a scratch PostgreSQL database), so the kill hits real transactions.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 60
COUNTRIES = [("Kenya", "Nairobi"), ("Ghana", "Accra"), ("Peru", "Lima"), ("Japan", "Tokyo"), ("Egypt", "Cairo")]
GIVEN = ["Amina", "Kofi", "Lucia", "Hiro", "Omar", "Grace", "Tariq", "Elena", "Samuel", "Mei"]
FAMILY = ["Diallo", "Mensah", "Quispe", "Tanaka", "Farouk", "Wanjiru", "Rahimi", "Petrova", "Otieno", "Chen"]


def write_corpus(folder: Path) -> None:
    """Invented dated news items, each a visit and a meeting between two named ministers."""
    folder.mkdir()
    for n in range(ARTICLES):
        guest = f"{GIVEN[n % 10]} {FAMILY[(n * 3) % 10]}"
        host = f"{GIVEN[(n + 5) % 10]} {FAMILY[(n * 7 + 1) % 10]}"
        (_, city), (home, _) = COUNTRIES[n % 5], COUNTRIES[(n + 2) % 5]
        day = 1 + n % 27
        text = (
            f"Talks in {city} number {n}\nDate: 2021-03-{day:02d}\n\n"
            f"Foreign Minister {guest} of {home} arrived in {city} on Monday for a two-day visit. "
            f"{guest} met Prime Minister {host} and discussed trade, security and a new pipeline. "
            f"Officials said the talks on regional security were constructive. " * 3
        )
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")


class ScratchDatabase:
    """A database of the suite's vendor that the subprocesses can reach, and counts read straight from it."""

    def __init__(self, tmp_path: Path):
        self.vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        if self.vendor == "sqlite3":
            self.path = tmp_path / "kill.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            default = settings.DATABASES["default"]
            self.name = f"parley_kill_{uuid.uuid4().hex[:8]}"
            auth = default["USER"] + (f":{default['PASSWORD']}" if default.get("PASSWORD") else "")
            self.url = f"postgres://{auth}@{default['HOST'] or '127.0.0.1'}:{default['PORT'] or 5432}/{self.name}"
            self.admin("CREATE DATABASE {}")

    def admin(self, sql: str) -> None:
        import psycopg

        default = settings.DATABASES["default"]
        with psycopg.connect(
            dbname="postgres",
            user=default["USER"],
            password=default.get("PASSWORD") or None,
            host=default["HOST"] or "127.0.0.1",
            port=default["PORT"] or 5432,
            autocommit=True,
        ) as conn:
            conn.execute(sql.format(self.name))

    def count(self, table: str) -> int:
        sql = f"SELECT count(*) FROM {table}"  # noqa: S608 - a fixed table name from this module
        if self.vendor == "sqlite3":
            if not self.path.exists():
                return 0
            with sqlite3.connect(self.path, timeout=5) as conn:
                try:
                    return conn.execute(sql).fetchone()[0]
                except sqlite3.OperationalError:
                    return 0
        import psycopg

        try:
            with psycopg.connect(self.url) as conn:
                return conn.execute(sql).fetchone()[0]
        except psycopg.Error:
            return 0

    def drop(self) -> None:
        if self.vendor != "sqlite3":
            self.admin("DROP DATABASE IF EXISTS {} WITH (FORCE)")


def manage(db: ScratchDatabase, *args: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": db.url, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "1"}
    return subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def totals(db: ScratchDatabase) -> dict[str, int]:
    tables = ["articles_article", "entities_actor", "entities_event", "entities_evidence", "entities_mention"]
    return {table: db.count(table) for table in tables}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder)
    return folder


@pytest.fixture
def scratch(tmp_path):
    made = []

    def make(name: str) -> ScratchDatabase:
        db = ScratchDatabase(tmp_path / name)
        (tmp_path / name).mkdir(exist_ok=True)
        made.append(db)
        assert manage(db, "migrate", "--noinput").wait(timeout=300) == 0
        return db

    yield make
    for db in made:
        db.drop()


def test_ingest_killed_midway_then_rerun_loses_nothing_and_duplicates_nothing(corpus, scratch):
    clean = scratch("clean")
    assert manage(clean, "ingest", str(corpus)).wait(timeout=600) == 0
    expected = totals(clean)
    assert expected["articles_article"] == ARTICLES

    killed = scratch("killed")
    process = manage(killed, "ingest", str(corpus))
    deadline = time.monotonic() + 300
    while killed.count("articles_article") < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be killed: give it more articles"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    stored = killed.count("articles_article")
    assert 0 < stored < ARTICLES

    rerun = manage(killed, "ingest", str(corpus))
    output, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, output
    assert f"{ARTICLES - stored} created" in output and f"{stored} unchanged" in output
    assert totals(killed) == expected
