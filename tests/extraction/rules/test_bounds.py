"""Extraction under a bound: a block that runs too long or holds too much memory is interrupted with a reason,
and anything else runs untouched (extraction.runtime.bounds)."""

import contextlib
import time

import pytest

from extraction.runtime.bounds import Bound, OverBound, bounded, resident_mb


def test_a_block_within_its_bound_runs_to_the_end():
    with bounded(Bound(seconds=5)):
        result = sum(range(1000))
    assert result == 499500


def test_a_block_past_its_time_is_interrupted_with_the_time_it_was_allowed():
    started = time.monotonic()
    with pytest.raises(OverBound, match=r"took more than 0\.2 s"), bounded(Bound(seconds=0.2)):
        while True:  # a loop no rule foresaw: it would never end
            pass
    assert time.monotonic() - started < 2


def test_a_catch_all_in_the_block_does_not_swallow_the_interruption():
    with pytest.raises(OverBound), bounded(Bound(seconds=0.2)):
        while True:
            with contextlib.suppress(Exception):  # what a rule might write around its work
                time.sleep(0.01)


def test_a_block_holding_more_memory_than_its_bound_is_interrupted():
    limit = resident_mb() + 100
    with pytest.raises(OverBound, match=f"more than {limit} MB"), bounded(Bound(seconds=30, memory_mb=limit)):
        held = []
        while True:
            held.append(bytearray(10 * 2**20))  # touched, so resident
            time.sleep(0.01)


def test_the_timer_is_gone_after_the_block():
    with bounded(Bound(seconds=0.2)):
        pass
    time.sleep(0.4)  # an alarm left behind would interrupt this
