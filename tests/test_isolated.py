"""Work run in a process of its own (services.isolated): its answer, its error and its death all
reach the caller; progress and Cancel cross the process boundary."""

from __future__ import annotations

import os

import pytest

from matcher.services.common import Cancelled, Progress
from matcher.services.isolated import ChildFailed, run_isolated


def count_to(n: int, progress: Progress, cancelled: Cancelled) -> int:
    done = 0
    for i in range(n):
        if cancelled():
            break
        progress(i, n, f"step {i}")
        done += 1
    return done


def fail(progress: Progress, cancelled: Cancelled) -> None:
    raise ValueError("row 3 of jobs.csv is not a posting")


def die(progress: Progress, cancelled: Cancelled) -> None:
    os._exit(3)  # as a reader killed for memory, or crashing in a C library, would end


def test_the_result_and_every_progress_report_come_back() -> None:
    seen: list[int] = []
    assert run_isolated(count_to, 5, progress=lambda done, total, message: seen.append(done)) == 5
    assert seen == [0, 1, 2, 3, 4]


def test_cancel_stops_the_child_at_its_next_check() -> None:
    seen: list[int] = []
    done = run_isolated(count_to, 100, progress=lambda d, t, m: seen.append(d), cancelled=lambda: len(seen) >= 3)
    assert done == 3 and seen == [0, 1, 2]


def test_an_error_in_the_child_is_raised_here_with_its_message() -> None:
    with pytest.raises(ValueError, match="row 3 of jobs.csv"):
        run_isolated(fail)


def test_a_child_that_dies_is_reported_not_waited_for() -> None:
    with pytest.raises(ChildFailed, match="exit code 3"):
        run_isolated(die)
