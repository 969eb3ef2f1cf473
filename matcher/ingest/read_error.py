"""The error every document reader raises when a file cannot be read: its `reason` is for a person."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read. `reason` says what is wrong and what to do about it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
