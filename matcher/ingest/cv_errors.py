"""The one error CV import raises, shared by the per-format readers so none imports another."""

from __future__ import annotations


class CVReadError(Exception):
    """A CV that cannot be imported. `reason` says what is wrong and what to do about it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
