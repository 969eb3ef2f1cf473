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
