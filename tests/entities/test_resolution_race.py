"""Two processes storing articles about the same people at the same time still make each person once (#18).

Each store runs in a process of its own, with its own connection to the test database, released together by a
barrier. PostgreSQL only: SQLite's single write lock already serialises the two, so there is no race to see.
"""

import datetime
import multiprocessing
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection, connections, transaction

from articles.models import Article
from entities.curation import actors_merge
from entities.locks import RetryableConflict, atomic_retrying, lock_key, name_lock_keys, names_lock
from entities.models import Actor, Event
from entities.services import article_store_extraction
from extraction.records import (
    ArticleExtraction,
    DateSpan,
    EventRecord,
    EvidenceRecord,
    MentionRecord,
    ParticipantRecord,
    PersonRecord,
)
from tests.factories import ActorAliasFactory, ActorFactory, ArticleFactory

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: the race exists on PostgreSQL only"
)

RUNS = 5
BARRIER_SECONDS = 20
# Each article names the same two people, one of them spelt differently, and reports their one meeting.
ARTICLES = (("Mikhail Orlenko", "Adaeze Nwosu"), ("Mihail Orlenko", "Adaeze Nwosu"))
MEETING_DAY = DateSpan(datetime.date(2022, 3, 14), datetime.date(2022, 3, 14), "day")


def extraction_of(names: tuple[str, str]) -> ArticleExtraction:
    sentence = f"{names[0]} met {names[1]} in Tallinn on Monday."
    people = [
        PersonRecord(key=i, name=name, mentions=[MentionRecord(name, name, at, at + len(name), 0, len(sentence))])
        for i, (name, at) in enumerate(zip(names, (0, len(names[0]) + 5), strict=True))
    ]
    meeting = EventRecord(
        kind="meeting",
        participants=[ParticipantRecord(person=0), ParticipantRecord(person=1)],
        evidence=[EvidenceRecord(sentence, 0, len(sentence))],
        date=MEETING_DAY,
        place="Tallinn",
        host_country="Estonia",
    )
    return ArticleExtraction(people=people, events=[meeting])


def store_at_barrier(barrier: multiprocessing.Barrier, article_id: int, names: tuple[str, str]) -> None:
    """In a forked process: open a connection of its own, wait for the other, store the article."""
    try:
        article = Article.objects.get(pk=article_id)
        barrier.wait(BARRIER_SECONDS)
        atomic_retrying(lambda: article_store_extraction(article=article, extraction=extraction_of(names)))
    finally:
        connections.close_all()


def store_both_at_once() -> tuple[int, int]:
    """Store the two articles in two processes at the same moment; how many officials and events result."""
    Event.objects.all().delete()
    Actor.objects.all().delete()
    Article.objects.all().delete()
    ids = [ArticleFactory(published_on=datetime.date(2022, 3, 15)).pk for _ in ARTICLES]
    connections.close_all()  # a forked child must open its own connection, not share this one's socket
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(ARTICLES))
    workers = [
        context.Process(target=store_at_barrier, args=(barrier, pk, names))
        for pk, names in zip(ids, ARTICLES, strict=True)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(BARRIER_SECONDS)
    assert [worker.exitcode for worker in workers] == [0, 0]
    return Actor.objects.count(), Event.objects.count()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_processes_storing_the_same_people_at_once_make_each_person_and_their_meeting_once():
    outcomes = [store_both_at_once() for _ in range(RUNS)]
    assert outcomes == [(2, 1)] * RUNS


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_without_the_locks_the_same_race_makes_someone_twice(settings):
    """Proves the test above can see the race: with the locks off, duplicates appear within a few runs."""
    settings.PARLEY_RESOLUTION_LOCKS = False
    outcomes = []
    for _ in range(RUNS * 2):
        outcomes.append(store_both_at_once())
        if outcomes[-1] != (2, 1):
            break
    assert any(officials > 2 or events > 1 for officials, events in outcomes), outcomes


# --- the keys and the retry ---------------------------------------------------------------------


def test_lock_keys_are_stable_signed_64_bit_numbers_shared_by_spelling_variants():
    assert lock_key("surname", "orlnk") == lock_key("surname", "orlnk")
    assert -(2**63) <= lock_key("actor", "1") < 2**63
    assert lock_key("actor", "1") != lock_key("name", "1")
    # two spellings of one surname meet on its skeleton's key; the full names keep keys of their own
    assert name_lock_keys(["Mikhail Orlenko"]) & name_lock_keys(["Mihail Orlenko"])
    assert name_lock_keys(["Mikhail Orlenko"]) != name_lock_keys(["Mihail Orlenko"])
    assert not name_lock_keys(["Mikhail Orlenko"]) & name_lock_keys(["Adaeze Nwosu"])


@contextmanager
def held_elsewhere(name: str) -> Iterator[threading.Event]:
    """Another connection (Django's are per thread) holds the name's lock until the event it yields is set."""
    held, released = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                names_lock([name])
                held.set()
                released.wait(BARRIER_SECONDS)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(BARRIER_SECONDS)
    try:
        yield released
    finally:
        released.set()
        holder.join(BARRIER_SECONDS)


def lock_timeout(milliseconds: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL lock_timeout = '{milliseconds}ms'")


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_lock_held_too_long_by_another_transaction_is_retried_and_then_succeeds():
    attempts = []
    with held_elsewhere("Adaeze Nwosu") as released:

        def work() -> str:
            attempts.append(1)
            lock_timeout(200)
            if len(attempts) == 2:
                released.set()  # the other transaction ends while the second attempt waits
            names_lock(["Adaeze Nwosu"])
            return "stored"

        assert atomic_retrying(work) == "stored"
    assert len(attempts) == 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_lock_that_never_comes_free_ends_in_a_retryable_conflict_after_the_last_attempt():
    attempts = []

    def work() -> None:
        attempts.append(1)
        lock_timeout(100)
        names_lock(["Adaeze Nwosu"])

    with held_elsewhere("Adaeze Nwosu"), pytest.raises(RetryableConflict):
        atomic_retrying(work, attempts=2)
    assert len(attempts) == 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_curator_merge_waits_while_an_article_resolves_one_of_the_names():
    kept, other = ActorFactory(name="Adaeze Nwosu"), ActorFactory(name="Adaize Nwosu")
    ActorAliasFactory(actor=other, name="A. Nwosu")
    with held_elsewhere("A. Nwosu"), pytest.raises(RetryableConflict), transaction.atomic():
        lock_timeout(100)
        actors_merge(target=kept, others=[other], user=None)
    assert Actor.objects.count() == 2  # nothing merged while the name was being resolved
    actors_merge(target=kept, others=[other], user=None)
    assert Actor.objects.count() == 1
