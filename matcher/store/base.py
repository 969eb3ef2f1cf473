"""The SQLite file itself, under every part of the `Store`: opening it (another program's file is
refused, a read-only one opened read-only, an older one upgraded), one short transaction per
operation, and keeping derived data (vectors, skills) only when the file can take it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, Unpack

from sqlalchemy import Engine, Select, insert, text
from sqlalchemy.orm import Session, sessionmaker

from matcher.store.connection import CACHE_WAIT_MS, WRITE_WAIT_MS, build_schema, engine_for
from matcher.store.errors import (StoreDamaged, StoreError, StoreFull, StoreReadOnly, full_message,
                                  read_only_message, shown, translated)
from matcher.store.opening import create_new, inspect_file, wal_is_empty
from matcher.store.reading import Damage
from matcher.store.schema import SCHEMA_VERSION, Base, MetaRow
from matcher.store.upgrades import UPGRADES


Key = TypeVar("Key", int, str)
Query = TypeVar("Query", bound=Select[Unpack[tuple[Any, ...]]])
Derived = TypeVar("Derived")


def for_ids(query: Query, column: Any, ids: Iterable[Key] | None, size: int = 500) -> Iterator[Query]:
    """`query` once (ids None: everything), or once per chunk of the ids (or other keys) in
    ascending order, limited to them with `column IN (...)`: SQLite caps the parameters bound to one
    statement."""
    if ids is None:
        yield query
        return
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        yield query.where(column.in_(ordered[start:start + size]))


def insert_or_replace(row: type[Base]) -> Any:
    """One INSERT OR REPLACE for many rows of cached vectors: merging them one by one (a SELECT and
    an INSERT each) took ~2 s of embedding 1,000 new postings."""
    return insert(row).prefix_with("OR REPLACE")


class StoreBase:
    """The file and its transactions; each part of `Store` (postings, CVs, shortlist, ranking data,
    user entries) builds on it."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.created_folder: Path | None = None  # set when the database's folder had to be made
        self.damaged: dict[tuple[str, int], Damage] = {}  # what reads skipped, by (kind, id)
        self.notices: list[str] = []  # what the user should know that did not stop the operation
        self._make_folder()
        self.disk_full = False  # opened read-only because SQLite could not even make its -shm file
        try:
            state = inspect_file(self.path)
        except StoreFull:
            if not self.path.exists() or not wal_is_empty(self.path):
                raise
            state, self.disk_full = inspect_file(self.path, immutable=True), True
        self.read_only = self.disk_full or not state.writable
        if state.kind == "new":
            with translated(self.path):
                create_new(self.path, build_schema)
        self.engine: Engine = engine_for(self.path, self.read_only, self.disk_full)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(self.engine.execution_options(write=True, wait_ms=WRITE_WAIT_MS), expire_on_commit=False)
        self._cache_writes = sessionmaker(self.engine.execution_options(write=True, wait_ms=CACHE_WAIT_MS),
                                          expire_on_commit=False)
        try:
            self._prepare()
        except BaseException:
            self.engine.dispose()
            raise

    def _make_folder(self) -> None:
        folder = self.path.parent
        if folder.is_dir():
            return
        try:
            folder.mkdir(parents=True)
        except FileExistsError as error:
            raise StoreError(f"cannot create the folder {shown(folder)}: a file of that name is in the way") from error
        except NotADirectoryError as error:
            raise StoreError(f"cannot create the folder {shown(folder)}: part of its path is a file") from error
        except OSError as error:
            raise StoreError(f"cannot create the folder {shown(folder)}: {error.strerror or error}") from error
        self.created_folder = folder

    def close(self) -> None:
        self.engine.dispose()

    def why_read_only(self) -> StoreError:
        """The error a write gets on a store opened read-only."""
        if self.disk_full:
            return StoreFull(full_message(self.path))
        return StoreReadOnly(read_only_message(self.path))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        with translated(self.path), self._sessions.begin() as session:
            yield session

    @contextmanager
    def writing(self, wait_ms: int = WRITE_WAIT_MS) -> Iterator[Session]:
        """A write transaction that holds the write lock from its start (waiting up to `wait_ms`
        for another matcher's write); raises StoreReadOnly, StoreBusy, StoreFull..."""
        if self.read_only:
            raise self.why_read_only()
        sessions = self._writes if wait_ms == WRITE_WAIT_MS else self._cache_writes
        with translated(self.path), sessions.begin() as session:
            yield session

    # -- schema ---------------------------------------------------------------------------------
    def _prepare(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{shown(self.path)} was written by a newer matcher (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); update matcher to open it"
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreReadOnly(f"{shown(self.path)} was written by an older matcher and must be upgraded once, "
                                "but it is read-only; open it once where it can be written")
        with translated(self.path), self.engine.execution_options(write=True, wait_ms=WRITE_WAIT_MS).begin() as conn:
            # Read again under the lock: another matcher may have upgraded it meanwhile.
            row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
            for step in range(int(row[0]) if row else 0, SCHEMA_VERSION):
                UPGRADES[step](conn)
            conn.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(SCHEMA_VERSION)})
            Base.metadata.create_all(conn)  # tables added since that version, if any

    def schema_version(self) -> int:
        with self.session() as s:
            row = s.get(MetaRow, "schema_version")
            try:
                return int(row.value) if row else 0
            except (TypeError, ValueError) as error:
                raise StoreDamaged(f"{shown(self.path)} is damaged: its schema version is unreadable") from error

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            ok = conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            return ok and not conn.execute(text("PRAGMA foreign_key_check")).fetchall()


    def _write_derived(self, what: str, write: Callable[[Session], Derived]) -> Derived | None:
        """Keep what a ranking computed (vectors, skills) for the next one, when the file can take
        it. When it cannot (read-only, full, another matcher writing) it is not kept and `notices`
        says so: the ranking that computed it goes on, and the next one computes it again."""
        if self.read_only:
            if self.disk_full:
                self.notices.append(f"{what} were not cached (the disk is full); the next ranking computes them again")
            return None
        try:
            with self.writing(wait_ms=CACHE_WAIT_MS) as s:
                return write(s)
        except StoreError as error:
            self.notices.append(f"{what} were not cached ({error}); the next ranking computes them again")
            return None
