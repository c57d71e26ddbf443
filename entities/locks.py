"""Locks that keep resolution right when several processes store articles into one PostgreSQL at once.

Deciding that two names are one person is fuzzy, so no unique constraint can stop two transactions from each
making the same official: under READ COMMITTED neither sees the other's uncommitted actor. Instead every storing
transaction takes transaction-scoped advisory locks on the names it resolves (their surname skeletons and
full-name keys), and then on the officials it touched before it matches events; curators' merges and splits take
the same locks. Two articles that could meet on a name or an official are so stored one after the other, while
articles about different people still run side by side.

Each batch of keys is taken sorted, and names always before officials, so two transactions never wait for each
other in a circle; a lock that still times out (or a deadlock PostgreSQL breaks) is a `RetryableConflict`, and
`atomic_retrying` runs the article's transaction again. SQLite serialises writers by itself: there all of this is
a no-op.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from extraction.names import name_key, surname_skeleton

log = logging.getLogger(__name__)

T = TypeVar("T")

# PostgreSQL's error classes that say "try the same transaction again": a deadlock it broke, a lock wait that
# outlived lock_timeout, a serialisation failure.
RETRYABLE_SQLSTATES = frozenset({"40P01", "55P03", "40001"})
# How many times one article's transaction is run before its failure is reported like any other.
STORE_ATTEMPTS = 3


class RetryableConflict(Exception):
    """Another transaction held what this one needed for too long; running it again is safe."""


def lock_key(namespace: str, value: str) -> int:
    """A stable signed 64-bit advisory-lock key: the same in every process and on every machine (blake2b, never
    Python's salted hash())."""
    digest = hashlib.blake2b(f"{namespace}:{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def name_lock_keys(names: Iterable[str]) -> set[int]:
    """The keys of the names a transaction may read or write: each name's surname skeleton and its full key."""
    keys = set()
    for name in names:
        if skeleton := surname_skeleton(name):
            keys.add(lock_key("surname", skeleton))
        if key := name_key(name):
            keys.add(lock_key("name", key))
    return keys


def locks_enabled() -> bool:
    return connection.vendor == "postgresql" and settings.PARLEY_RESOLUTION_LOCKS


def names_lock(names: Iterable[str]) -> None:
    """Wait until no other transaction resolves any of these names; held until this transaction ends."""
    if locks_enabled():
        _advisory_locks(name_lock_keys(names))


def actors_lock(actor_ids: Iterable[int]) -> None:
    """Wait until no other transaction works on these officials; held until this transaction ends.

    Take names first when a transaction needs both: the one order every transaction follows.
    """
    if locks_enabled():
        _advisory_locks({lock_key("actor", str(pk)) for pk in actor_ids})


def _advisory_locks(keys: set[int]) -> None:
    """One statement for the whole batch: unnest keeps the array's order, so the locks are taken sorted."""
    if not keys:
        return
    if not connection.in_atomic_block:
        raise RuntimeError("advisory transaction locks outside a transaction would be released at once")
    with connection.cursor() as cursor:
        try:
            cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [sorted(keys)])
        except DatabaseError as exc:
            if is_retryable(exc):
                raise RetryableConflict(str(exc).strip().splitlines()[0]) from exc
            raise


def is_retryable(exc: BaseException) -> bool:
    """Whether a database error is a conflict with another transaction that a new try may not meet."""
    if isinstance(exc, RetryableConflict):
        return True
    return isinstance(exc, DatabaseError) and getattr(exc.__cause__, "sqlstate", None) in RETRYABLE_SQLSTATES


def atomic_retrying(work: Callable[[], T], *, attempts: int = STORE_ATTEMPTS) -> T:
    """Run `work` in a transaction of its own, again after a lock conflict, at most `attempts` times in all.

    Inside another transaction there is nothing to retry (the conflict aborted the outer one too): it runs once,
    in a savepoint.
    """
    if connection.in_atomic_block:
        with transaction.atomic():
            return work()
    for attempt in range(1, attempts + 1):
        try:
            with transaction.atomic():
                return work()
        except Exception as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            log.warning("lock conflict, trying again (%d of %d): %s", attempt + 1, attempts, exc)
    raise AssertionError("unreachable")
