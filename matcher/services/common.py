"""What every service shares: progress reporting and cancelling as plain Python callables."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def no_progress(done: int, total: int, message: str) -> None:
    """The default reporter for callers that show no progress."""


def never_cancelled() -> bool:
    return False


class OperationCancelled(Exception):
    """Raised between units of work when the user pressed Cancel; finished units stay stored."""


class Eta:
    """Time left from the pace so far: "about 40 s left" once a few units are done."""

    MIN_SECONDS = 1.0  # before this much work, any estimate is noise

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()

    def left(self, done: int, total: int) -> str:
        elapsed = self._clock() - self._start
        if done <= 0 or total <= done or elapsed < self.MIN_SECONDS:
            return ""
        seconds = elapsed / done * (total - done)
        if seconds < 90:
            return f"about {max(1, round(seconds))} s left"
        return f"about {round(seconds / 60)} min left"
