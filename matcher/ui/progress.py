"""How far long work has come and how long it has left, in words: "412 of 1,936 · about 40 s left".

The rate is measured from the first report that counted something, not from the start: the first
seconds of a ranking load the language model, and would make every estimate too long.
"""

from __future__ import annotations

import math

MIN_ELAPSED_S = 2.0  # before this, too few steps have passed to give an honest time left


class TimeLeft:
    """Feed it (done, total, now) reports of one piece of work; it says what is left."""

    def __init__(self) -> None:
        self._first: tuple[float, int] | None = None  # (when, done) of the first report with done > 0
        self._total = -1

    def seconds_left(self, done: int, total: int, now: float) -> float | None:
        """E.g. 400 of 1,000 done 10 s after 100 were: 300 in 10 s, 600 left -> 20.0; None while unknown."""
        if total != self._total:  # a new stage (embedding after reading) starts a new estimate
            self._total, self._first = total, None
        if total <= 0 or done <= 0:
            return None
        if self._first is None:
            self._first = (now, done)
            return None
        since, first_done = self._first
        elapsed = now - since
        if elapsed < MIN_ELAPSED_S or done <= first_done:
            return None
        return (total - done) * elapsed / (done - first_done)


def time_text(seconds: float) -> str:
    """E.g. 38.2 -> "about 40 s left", 130 -> "about 3 min left", 4 -> "a few seconds left"."""
    if seconds < 10:
        return "a few seconds left"
    if seconds < 90:
        return f"about {int(math.ceil(seconds / 10) * 10)} s left"
    return f"about {int(math.ceil(seconds / 60))} min left"


def count_text(done: int, total: int, left: float | None) -> str:
    """E.g. "412 of 1,936 · about 40 s left"; "" when the length is unknown."""
    if total <= 1:
        return ""
    text = f"{min(done, total):,} of {total:,}"
    return text + (f" · {time_text(left)}" if left is not None else "")
