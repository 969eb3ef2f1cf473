"""What can go wrong with the database file, in words a person can act on.

SQLite reports a locked file, a full disk or a read-only mount as exceptions whose text holds the
SQL statement and its parameters (a whole posting, sometimes). None of that reaches a user: each
is turned into one `StoreError` whose message says what happened and what to do.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from matcher.safe_text import file_name, printable


class StoreError(Exception):
    """The database file cannot be used (made by a newer matcher, not SQLite, unwritable...)."""


class StoreBusy(StoreError):
    """Another matcher held the write lock longer than this one would wait."""


class StoreReadOnly(StoreError):
    """The file, its folder or its disk cannot be written; reading still works."""


class StoreFull(StoreError):
    """The disk ran out of space (or the file hit a size limit) while writing."""


class StoreDamaged(StoreError):
    """The file's structure is damaged; `matcher doctor` says where."""


def shown(path: Path) -> str:
    return printable(file_name(path))


def busy_message() -> str:
    return "another matcher is writing to this file; try again in a moment"


def read_only_message(path: Path) -> str:
    return f"{shown(path)} is read-only: matcher can show what it holds but cannot change it"


def full_message(path: Path) -> str:
    return f"the disk holding {shown(path)} is full; nothing was changed. Free some space and try again"


def translate(error: BaseException, path: Path) -> StoreError | None:
    """The StoreError that says what `error` means for the file at `path`; None when it is not
    about the file (a bug, a value the schema refuses...)."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, OSError):
        return _os_error(original, path)
    if not isinstance(original, sqlite3.Error):
        return None
    # By SQLite's error name; by the start of its message when the driver gives no name. Never by
    # a word anywhere in the message: the driver quotes the row's text in some of them.
    name = getattr(original, "sqlite_errorname", "") or _NAMES_BY_MESSAGE.get(str(original).lower().split(" (")[0], "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreBusy(busy_message())
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")):
        return StoreReadOnly(read_only_message(path))
    if name.startswith("SQLITE_FULL"):
        return StoreFull(full_message(path))
    if name.startswith("SQLITE_IOERR"):
        return StoreFull(f"{shown(path)} could not be written (a disk error: the disk may be full or gone); "
                         "nothing was changed")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StoreDamaged(f"{shown(path)} is damaged; `matcher doctor` says where, "
                            "and `matcher backup export` saves what can still be read")
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"{shown(path)} cannot be opened (is its folder still there, and may you write in it?)")
    return None


_NAMES_BY_MESSAGE = {
    "database is locked": "SQLITE_BUSY", "database table is locked": "SQLITE_LOCKED",
    "attempt to write a readonly database": "SQLITE_READONLY", "database or disk is full": "SQLITE_FULL",
    "disk i/o error": "SQLITE_IOERR", "database disk image is malformed": "SQLITE_CORRUPT",
    "file is not a database": "SQLITE_NOTADB", "unable to open database file": "SQLITE_CANTOPEN",
}


def _os_error(error: OSError, path: Path) -> StoreError:
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return StoreFull(full_message(path))
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreReadOnly(read_only_message(path))
    return StoreError(f"{shown(path)}: {error.strerror or error}")


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Run a block against the file; what goes wrong with the file comes out as a StoreError."""
    try:
        yield
    except (DBAPIError, sqlite3.Error, OSError) as error:
        better = translate(error, path)
        if better is None:
            raise
        raise better from error
