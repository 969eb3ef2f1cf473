"""The one error CV import raises, shared by the per-format readers so none imports another."""

from __future__ import annotations

from matcher.ingest.read_error import ReadError


class CVReadError(ReadError):
    """A CV that cannot be imported. `reason` says what is wrong and what to do about it."""
