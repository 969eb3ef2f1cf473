"""Deciding what a database path holds before anything is written to it.

A file matcher has not recognised as its own is never changed: it is read through SQLite's
read-only mode (which writes nothing, not even the journal mode in header bytes 18–19), and a
foreign or damaged file is refused with what it is. A new database is built beside its final
name and linked into place whole, so a full disk leaves no empty file behind.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from matcher.safe_text import printable
from matcher.store.errors import StoreDamaged, StoreError, StoreReadOnly, shown, translate

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables whose presence makes a file matcher's: `meta` holds the schema version, `jobs` the postings.
OWN_TABLES = {"meta", "jobs"}
TABLES_SHOWN = 5


@dataclass(frozen=True)
class FileState:
    kind: Literal["new", "matcher"]
    writable: bool


def sqlite_uri(path: Path, mode: str, immutable: bool = False) -> str:
    """A URI that opens `path` in `mode` ("ro" or "rw": never "rwc", which creates a file).

    Read-only in a folder that cannot be written, a WAL file (matcher's are) cannot make the
    -shm file SQLite coordinates readers with; `immutable` tells SQLite it need not, as on a
    read-only disk no one can change the file under it."""
    immutable = immutable or mode == "ro" and not _folder_writable(path) and not Path(f"{path}-shm").exists()
    return f"file:{quote(os.fsencode(path.resolve()))}?mode={mode}" + ("&immutable=1" if immutable else "")


def _folder_writable(path: Path) -> bool:
    try:
        return not os.statvfs(path.parent).f_flag & os.ST_RDONLY and os.access(path.parent, os.W_OK)
    except OSError:
        return False


def writable(path: Path) -> bool:
    """Whether matcher may write the file and the files SQLite keeps beside it (-wal, -shm)."""
    try:
        file_read_only = path.exists() and (bool(os.statvfs(path).f_flag & os.ST_RDONLY) or not os.access(path, os.W_OK))
    except OSError:
        return False
    return _folder_writable(path) and not file_read_only


def inspect_file(path: Path, immutable: bool = False) -> FileState:
    """What `path` is; raises StoreError for anything matcher must not open as its own."""
    if path.is_dir():
        raise StoreError(f"{shown(path)} is a folder; give a database file, e.g. --db {shown(path / 'matcher.db')}")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return FileState("new", writable(path))
    except OSError as error:
        raise StoreError(f"{shown(path)} cannot be read ({error.strerror or error})") from error
    if not header:
        return FileState("new", writable(path))
    if not header.startswith(SQLITE_MAGIC):
        raise StoreError(f"{shown(path)} is not a matcher database (it is not an SQLite file); it was left unchanged")
    tables = _tables(path, immutable)
    if not tables:
        return FileState("new", writable(path))
    if not OWN_TABLES <= tables:
        listed = ", ".join(sorted(tables)[:TABLES_SHOWN]) + (", …" if len(tables) > TABLES_SHOWN else "")
        raise StoreError(f"{shown(path)} is another program's SQLite database (tables: {listed}); "
                         "matcher left it unchanged. Choose another file with --db")
    return FileState("matcher", writable(path))


def _tables(path: Path, immutable: bool) -> set[str]:
    """Table names, read without writing a byte (mode=ro); an empty set for an empty database."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro", immutable), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            # An empty file some program marked as its own is not ours to fill.
            if not names and any(connection.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version")):
                names = {"(an empty database of another program)"}
            return names
        finally:
            connection.close()
    except sqlite3.Error as error:
        better = translate(error, path)
        if isinstance(better, StoreDamaged):
            raise StoreError(f"{shown(path)} is not a matcher database: SQLite cannot read it "
                             "(it is damaged or encrypted); it was left unchanged") from error
        raise better or StoreError(f"{shown(path)} cannot be read ({printable(error)})") from error


def wal_is_empty(path: Path) -> bool:
    """No write waits in the -wal file: the main file alone is the whole database."""
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def create_new(path: Path, build: Callable[[Path], None]) -> None:
    """Make a new database at `path`, whole or not at all: built in a temporary file beside it,
    then linked into place (link, not rename: a file another matcher made meanwhile is kept)."""
    if not writable(path):
        raise StoreReadOnly(f"cannot create {shown(path)}: its folder is read-only")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(handle)
    partial = Path(temporary)
    try:
        build(partial)
        if path.exists() and path.stat().st_size == 0:
            os.replace(partial, path)  # an empty file named by the user: fill it
        else:
            try:
                os.link(partial, path)
            except FileExistsError:
                pass  # another matcher created it first: use theirs
            except OSError:  # a file system without hard links
                if not path.exists():
                    os.replace(partial, path)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
