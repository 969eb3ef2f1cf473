"""Reading rows so that one damaged row costs only itself.

A few flipped bytes in a data page leave `PRAGMA integrity_check` content but make one row
unreadable (text that is not UTF-8, JSON that does not parse, a number where text belongs). Rows
are read in chunks; a chunk that fails is halved until the damaged rows stand alone, and those
are skipped and named. With nothing damaged it costs one query per chunk, as before; with one
damaged row in 10,000 it costs about ten more small ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from matcher.store.errors import StoreDamaged

T = TypeVar("T")
CHUNK = 500  # ids per query: well under SQLite's bound-parameter cap
# What a damaged row raises while it is read and converted: the driver's "Could not decode to
# UTF-8", a JSON or date column that does not parse, a value of the wrong type.
DAMAGE = (DBAPIError, ValueError, TypeError, KeyError, AttributeError, UnicodeError, OverflowError)


@dataclass(frozen=True)
class Damage:
    kind: str  # "posting", "CV", "shortlist entry"...
    id: int | None
    reason: str

    def describe(self) -> str:
        name = self.kind if self.id is None else f"{self.kind} {self.id}"
        return f"{name} is damaged ({self.reason})"


class DamagedRow(ValueError):
    """A row read without error whose values have the wrong types."""


def load_each(
    ids: Sequence[int],
    load: Callable[[Session, list[int]], list[T]],
    session: Callable[[], AbstractContextManager[Session]],
    kind: str,
    damaged: dict[tuple[str, int], Damage],
) -> list[T]:
    """`load(session, ids)` over every id, in chunks; rows that cannot be read are skipped and
    recorded in `damaged`. Problems of the file itself (locked, read-only, full) still raise."""
    found: list[T] = []
    for start in range(0, len(ids), CHUNK):
        found += _load_chunk(list(ids[start:start + CHUNK]), load, session, kind, damaged)
    return found


def _load_chunk(ids: list[int], load: Callable[[Session, list[int]], list[T]], session: Callable[[], AbstractContextManager[Session]],
                kind: str, damaged: dict[tuple[str, int], Damage]) -> list[T]:
    try:
        with session() as s:
            return load(s, ids)
    except (*DAMAGE, StoreDamaged) as error:  # a locked or read-only file raises on: not this row's fault
        if len(ids) == 1:
            damaged[(kind, ids[0])] = Damage(kind, ids[0], _reason(error))
            return []
    middle = len(ids) // 2
    return (_load_chunk(ids[:middle], load, session, kind, damaged)
            + _load_chunk(ids[middle:], load, session, kind, damaged))


def _reason(error: BaseException) -> str:
    """A few words on what is wrong; never the row's text (the driver quotes it)."""
    message = str(getattr(error, "orig", error)).lower()
    if "utf-8" in message or isinstance(error, UnicodeError):
        return "text that is not valid UTF-8"
    if "malformed" in message:
        return "its page of the file is unreadable"
    if isinstance(error, DamagedRow):
        return str(error)
    return "a value that cannot be read"
