"""A bound on the time and memory one extraction may take, so that no article can hold ingest forever.

Extraction is linear in the text, but a bound is what guarantees it: a text no rule foresaw must cost only
itself. `bounded` runs a block under a timer signal that, a few times a second, compares the time spent and
the process's resident memory with the bound and interrupts the block when either is over. It works the same
in ingest's own process and in its worker processes; it needs the main thread (signals are delivered there),
and elsewhere runs the block unbounded.
"""

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

CHECKS_PER_SECOND = 20
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Bound:
    """At most `seconds` of wall time, and at most `memory_mb` megabytes resident in the process (0: no limit)."""

    seconds: float
    memory_mb: int = 0


class OverBound(Exception):
    """A block ran past its bound; the message says which and by how much, in one line for the ingest summary."""


class _Interrupted(BaseException):
    """Raised by the timer inside the block: a BaseException, so that no `except Exception` in the block
    swallows it on its way out; `bounded` turns it into OverBound."""


def _seconds(seconds: float) -> str:
    """'0.3', '60', '62.5': as precise as a bound is set, no more."""
    return f"{seconds:.1f}".removesuffix(".0")


def resident_mb() -> int:
    """The process's resident memory now (not its peak), in megabytes; 0 where /proc is not available."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE_BYTES // 2**20
    except (OSError, IndexError, ValueError):
        return 0


@contextmanager
def bounded(bound: Bound) -> Iterator[None]:
    """Run the block, raising OverBound once it has taken more than `bound.seconds` or the process holds more
    than `bound.memory_mb` megabytes."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    started = time.monotonic()
    state = {"active": True, "reason": ""}

    def check(signum, frame) -> None:
        if not state["active"]:
            return
        elapsed = time.monotonic() - started
        if elapsed > bound.seconds:
            state["reason"] = f"took more than {_seconds(bound.seconds)} s"
        elif bound.memory_mb and (memory := resident_mb()) > bound.memory_mb:
            state["reason"] = f"held {memory} MB, more than {bound.memory_mb} MB"
        if state["reason"]:
            state["active"] = False
            raise _Interrupted

    previous = signal.signal(signal.SIGALRM, check)
    interval = 1 / CHECKS_PER_SECOND
    signal.setitimer(signal.ITIMER_REAL, interval, interval)
    try:
        yield
    except _Interrupted:
        raise OverBound(state["reason"]) from None
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
