"""The one SQLite file that holds a user's postings, CVs, shortlist and vector cache.

One short `Session` per operation; callers get plain dataclasses (`matcher.domain`), never live
ORM rows, so results can cross threads. Each `add_postings` call is one transaction: a failure or a
kill in the middle leaves the file as it was before that call.

Before anything is written the file is recognised (`opening`): another program's file is refused
unchanged, a read-only one is opened read-only. What goes wrong with the file comes out as a
`StoreError` with a sentence for the user (`errors`); a damaged row is skipped and recorded in
`damaged` (`reading`), so one bad row never hides the others.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import numpy as np
from platformdirs import user_data_dir
from sqlalchemy import CursorResult, Engine, Select, Text, delete, func, insert, select, text, type_coerce, update
from sqlalchemy.orm import Session, sessionmaker

from matcher.domain import CV, ApplicationStatus, Posting, PostingFacts, Requirement, ShortlistEntry
from matcher.store import convert
from matcher.store.connection import CACHE_WAIT_MS, WRITE_WAIT_MS, build_schema, engine_for
from matcher.store.errors import (StoreDamaged, StoreError, StoreFull, StoreReadOnly, full_message, read_only_message,
                                  shown, translated)
from matcher.store.opening import create_new, inspect_file, wal_is_empty
from matcher.store.reading import DAMAGE, Damage, load_each
from matcher.store.schema import (
    SCHEMA_VERSION,
    Base,
    CVRow,
    EmbeddingRow,
    PostingRow,
    PostingStampRow,
    PostingVectorsRow,
    RequirementRow,
    MetaRow,
    SettingRow,
    ShortlistRow,
    UserAliasRow,
    UserSkillRow,
)
from matcher.store.merge import merge_into, source_file
from matcher.store.settings import problem
from matcher.store.upgrades import UPGRADES

DB_ENV = "MATCHER_DB"

def default_db_path() -> Path:
    """`MATCHER_DB` when set, else matcher.db in the user's data folder (created on first use)."""
    if env := os.environ.get(DB_ENV):
        return Path(env)
    return Path(user_data_dir("matcher", appauthor=False)) / "matcher.db"


def _for_ids(query: Select[Any], column: Any, ids: Iterable[int] | None, size: int = 500) -> Iterator[Select[Any]]:
    """`query` once (ids None: everything), or once per chunk of the ids, limited to them with
    `column IN (...)`: SQLite caps the parameters bound to one statement."""
    if ids is None:
        yield query
        return
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        yield query.where(column.in_(ordered[start:start + size]))


@dataclass(frozen=True)
class AddResult:
    added_ids: list[int]  # new postings, and removed ones the import brought back
    duplicates: int  # postings already stored or given twice, with nothing new in them
    merged_ids: list[int] = field(default_factory=list)  # postings stored before that gained places, links or sources
    merged: int = 0  # postings given again with something new, merged into the one stored (or just added)


class Store:
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

    # -- postings -------------------------------------------------------------------------------
    def add_postings(self, postings: Iterable[Posting]) -> AddResult:
        """Store new postings in one transaction. One already stored (same fingerprint) keeps its row
        and gains the places, links and sources it lacked (`merge_into`); a removed one comes back.
        Re-importing a file therefore changes nothing."""
        added: list[PostingRow] = []
        changed: dict[int, PostingRow] = {}
        fresh: set[int] = set()  # id() of the rows in `added`
        duplicates = merged = 0
        now = datetime.now()
        keyed = [(posting.fingerprint(), posting) for posting in postings]
        with self.writing() as s:
            rows = self._stored_rows(s, [key for key, _ in keyed])
            for fingerprint, posting in keyed:
                row = rows.get(fingerprint)
                if row is None:
                    rows[fingerprint] = row = convert.posting_to_row(posting, fingerprint, now)
                    s.add(row)
                    added.append(row)
                    fresh.add(id(row))
                elif row.removed_at is not None:  # removed by the user, imported again: it is back
                    row.removed_at = None
                    merge_into(row, posting)
                    added.append(row)
                    fresh.add(id(row))
                elif merge_into(row, posting):
                    merged += 1
                    if id(row) not in fresh:  # a row new in this batch is "added", not "changed"
                        changed[id(row)] = row
                else:
                    duplicates += 1
            s.flush()
            return AddResult([row.id for row in added], duplicates, [row.id for row in changed.values()], merged)

    @staticmethod
    def _stored_rows(s: Session, fingerprints: list[str]) -> dict[str, PostingRow]:
        found: dict[str, PostingRow] = {}
        for start in range(0, len(fingerprints), 500):  # SQLite caps bound parameters per statement
            chunk = fingerprints[start : start + 500]
            found.update((row.fingerprint, row) for row in s.scalars(select(PostingRow).where(PostingRow.fingerprint.in_(chunk))))
        return found

    def postings(self, ids: Iterable[int] | None = None, with_requirements: bool = True) -> list[Posting]:
        """Stored postings (not removed), oldest first; a damaged one is skipped and recorded in
        `damaged`, so one bad row never hides the others. Without requirements (`requirements` left
        empty): what a list of thousands needs; the window holds these and reads the one it shows whole."""
        query = select(PostingRow.id).where(PostingRow.removed_at.is_(None)).order_by(PostingRow.id)
        if ids is not None:
            query = query.where(PostingRow.id.in_(list(ids)))
        with self.session() as s:
            found = list(s.scalars(query))
        load = _load_postings if with_requirements else _load_listed_postings
        return load_each(found, load, self.session, "posting", self.damaged)

    def posting(self, posting_id: int) -> Posting | None:
        found = self.postings([posting_id])
        return found[0] if found else None

    def count_postings(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.count(PostingRow.id)).where(PostingRow.removed_at.is_(None))) or 0)

    def delete_postings(self, ids: Iterable[int]) -> int:
        with self.writing() as s:
            rows = list(s.scalars(select(PostingRow).where(PostingRow.id.in_(list(ids)))))
            for row in rows:
                s.delete(row)
            return len(rows)

    # -- removing postings, with undo -----------------------------------------------------------
    def remove_postings(self, ids: Iterable[int]) -> list[int]:
        """Mark postings removed (kept for `restore_postings` until `purge_removed`); returns the ids
        that were stored and not removed yet."""
        wanted = list(ids)
        with self.writing() as s:
            rows = [row for start in range(0, len(wanted), 500) for row in s.scalars(
                select(PostingRow).where(PostingRow.id.in_(wanted[start:start + 500]), PostingRow.removed_at.is_(None)))]
            now = datetime.now()
            for row in rows:
                row.removed_at = now
            return sorted(row.id for row in rows)

    def remove_source(self, path: str) -> list[int]:
        """Remove every posting imported from the file `path` only (one also imported from another
        file stays); returns their ids."""
        with self.session() as s:
            stored = s.execute(select(PostingRow.id, PostingRow.source, PostingRow.sources)
                               .where(PostingRow.removed_at.is_(None)))
            ids = [posting_id for posting_id, source, sources in stored
                   if all(source_file(item) == path for item in [source, *(sources or [])])]
        return self.remove_postings(ids)

    def restore_postings(self, ids: Iterable[int]) -> list[int]:
        """Undo `remove_postings`; returns the ids brought back."""
        wanted = list(ids)
        with self.writing() as s:
            rows = [row for start in range(0, len(wanted), 500) for row in s.scalars(
                select(PostingRow).where(PostingRow.id.in_(wanted[start:start + 500]), PostingRow.removed_at.is_not(None)))]
            for row in rows:
                row.removed_at = None
            return sorted(row.id for row in rows)

    def removed_postings(self) -> list[tuple[int, str, datetime]]:
        """(id, title, when removed) of the postings removed and not purged yet, newest first."""
        with self.session() as s:
            query = (select(PostingRow.id, PostingRow.title, PostingRow.removed_at)
                     .where(PostingRow.removed_at.is_not(None)).order_by(PostingRow.removed_at.desc(), PostingRow.id))
            return [(posting_id, title, when) for posting_id, title, when in s.execute(query) if when is not None]

    def purge_removed(self, before: datetime) -> int:
        """Delete for good the postings removed before `before`; returns how many."""
        with self.writing() as s:
            rows = list(s.scalars(select(PostingRow).where(PostingRow.removed_at < before)))
            for row in rows:
                s.delete(row)
            return len(rows)

    # -- CVs ------------------------------------------------------------------------------------
    def add_cv(self, cv: CV) -> int:
        with self.writing() as s:
            row = convert.cv_to_row(cv, datetime.now())
            s.add(row)
            s.flush()
            return row.id

    def cvs(self) -> list[CV]:
        """Every stored CV; a damaged one is skipped and recorded in `damaged`."""
        with self.session() as s:
            found = list(s.scalars(select(CVRow.id).order_by(CVRow.id)))
        return load_each(found, _load_cvs, self.session, "CV", self.damaged)

    def cv(self, cv_id: int | None = None) -> CV | None:
        """The CV with that id, or the latest one when `cv_id` is None; raises StoreDamaged
        when that CV cannot be read."""
        with self.session() as s:
            if cv_id is None:
                cv_id = s.scalar(select(func.max(CVRow.id)))
            elif s.scalar(select(CVRow.id).where(CVRow.id == cv_id)) is None:
                return None
        if cv_id is None:
            return None
        found = load_each([cv_id], _load_cvs, self.session, "CV", self.damaged)
        if not found:
            raise StoreDamaged(f"CV {cv_id} is damaged and cannot be read; import it again "
                               "(`matcher doctor` says what else is damaged)")
        return found[0]

    def update_cv_skills(self, cv: CV) -> None:
        """Save the CV's skills: the user's hand edits (added skills, source="manual", and removed
        ones), and those found again with a newer taxonomy (with its version, and each role's)."""
        with self.writing() as s:
            row = s.get(CVRow, cv.id)
            if row is None:
                raise KeyError(cv.id)
            row.skills = [convert.evidence_to_json(e) for e in cv.skills]
            row.removed_skills = list(cv.removed_skills)
            row.skills_version = cv.skills_version
            row.roles = [convert.role_to_json(r) for r in cv.roles]

    def delete_cv(self, cv_id: int) -> bool:
        with self.writing() as s:
            result = cast(CursorResult[Any], s.execute(delete(CVRow).where(CVRow.id == cv_id)))
            return bool(result.rowcount)

    # -- shortlist ------------------------------------------------------------------------------
    def shortlist_add(self, posting_ids: Iterable[int]) -> list[int]:
        """Star postings; returns the ids that do not exist (nothing is added for them)."""
        unknown = []
        with self.writing() as s:
            for posting_id in posting_ids:
                if s.get(PostingRow, posting_id) is None:
                    unknown.append(posting_id)
                elif s.get(ShortlistRow, posting_id) is None:
                    s.add(ShortlistRow(posting_id=posting_id, status="Saved", notes="", added=datetime.now()))
        return unknown

    def shortlist_remove(self, posting_ids: Iterable[int]) -> int:
        with self.writing() as s:
            statement = delete(ShortlistRow).where(ShortlistRow.posting_id.in_(list(posting_ids)))
            return int(cast(CursorResult[Any], s.execute(statement)).rowcount)

    def shortlist(self) -> list[ShortlistEntry]:
        with self.session() as s:
            found = list(s.scalars(select(ShortlistRow.posting_id).join(PostingRow).where(PostingRow.removed_at.is_(None))
                                  .order_by(ShortlistRow.added, ShortlistRow.posting_id)))
        return load_each(found, _load_shortlist, self.session, "shortlist entry", self.damaged)

    def set_application(self, posting_id: int, status: ApplicationStatus | None = None, notes: str | None = None) -> None:
        """Track an application: status and notes; stars the posting if it was not yet."""
        self.shortlist_add([posting_id])
        with self.writing() as s:
            row = s.get(ShortlistRow, posting_id)
            if row is None:
                raise KeyError(posting_id)
            if status is not None:
                row.status = status
            if notes is not None:
                row.notes = notes

    # -- what ranking reads, fast ----------------------------------------------------------------
    def posting_facts(self, ids: Iterable[int] | None = None) -> list[PostingFacts]:
        """Stored postings without description or source text, read with two plain queries per
        chunk (10,000 postings in a fraction of a second; ORM objects would take seconds). A
        damaged one is skipped and recorded in `damaged`."""
        jobs = PostingRow.__table__
        query = select(jobs.c.id).where(jobs.c.removed_at.is_(None)).order_by(jobs.c.id)
        found: list[int] = []
        with self.session() as s:
            for chunk in _for_ids(query, jobs.c.id, ids):
                found += s.scalars(chunk)
        return load_each(found, _load_facts, self.session, "posting", self.damaged)

    def posting_stamps(self, ids: Iterable[int] | None = None) -> dict[int, bytes]:
        """posting id → its stamp, renewed on every write to the posting (`schema.PostingStampRow`)."""
        table = PostingStampRow.__table__
        out: dict[int, bytes] = {}
        with self.session() as s:
            for chunk in _for_ids(select(table.c.posting_id, table.c.stamp), table.c.posting_id, ids):
                out.update((posting_id, stamp) for posting_id, stamp in s.execute(chunk))
        return out

    def packed_vectors(self, model: str, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
        """posting id → (digest, doc, title, requirements, lexical index, lexical value) as stored bytes.
        A chunk that cannot be read is left out: it is a cache, computed again."""
        table = PostingVectorsRow.__table__
        query = select(table.c.posting_id, table.c.digest, table.c.doc, table.c.title, table.c.requirements,
                       table.c.lexical_index, table.c.lexical_value).where(table.c.model == model)
        out: dict[int, tuple[str, ...]] = {}
        for chunk in _for_ids(query, table.c.posting_id, ids):
            try:
                with self.session() as s:
                    out.update({row[0]: tuple(row[1:]) for row in s.execute(chunk)})
            except DAMAGE:
                continue
        return out

    def put_packed_vectors(self, model: str, rows: dict[int, tuple[str, bytes, bytes, bytes, bytes, bytes]]) -> None:
        if not rows:
            return

        def write(s: Session) -> None:
            s.execute(_replacing(PostingVectorsRow), [
                {"posting_id": posting_id, "model": model, "digest": digest, "doc": doc, "title": title,
                 "requirements": reqs, "lexical_index": lex_idx, "lexical_value": lex_val}
                for posting_id, (digest, doc, title, reqs, lex_idx, lex_val) in rows.items()])

        self._write_derived(f"vectors of {len(rows)} postings", write)

    def update_skills(self, postings: Iterable[PostingFacts]) -> None:
        """Store skills found again with a newer taxonomy (each posting's and its requirements')."""
        def write(s: Session) -> None:
            for p in postings:
                s.execute(update(PostingRow).where(PostingRow.id == p.id).values(
                    skills=p.skills, skills_version=p.skills_version))
                for position, r in enumerate(p.requirements):
                    s.execute(update(RequirementRow).where((RequirementRow.posting_id == p.id)
                                                           & (RequirementRow.position == position)).values(skills=r.skills))

        self._write_derived("skills found again with the current taxonomy", write)

    def _write_derived(self, what: str, write: Callable[[Session], None]) -> None:
        """Keep what a ranking computed (vectors, skills) for the next one, when the file can take
        it. When it cannot (read-only, full, another matcher writing) it is not kept and `notices`
        says so: the ranking that computed it goes on, and the next one computes it again."""
        if self.read_only:
            if self.disk_full:
                self.notices.append(f"{what} were not cached (the disk is full); the next ranking computes them again")
            return
        try:
            with self.writing(wait_ms=CACHE_WAIT_MS) as s:
                write(s)
        except StoreError as error:
            self.notices.append(f"{what} were not cached ({error}); the next ranking computes them again")

    # -- vector cache (engine's VectorCache protocol) -------------------------------------------
    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self.session() as s:
            for start in range(0, len(keys), 500):  # SQLite caps bound parameters per statement
                chunk = keys[start : start + 500]
                rows = s.execute(
                    select(EmbeddingRow.key, EmbeddingRow.vector).where(
                        EmbeddingRow.model == model, EmbeddingRow.key.in_(chunk)
                    )
                )
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return

        def write(s: Session) -> None:
            s.execute(_replacing(EmbeddingRow), [{"model": model, "key": key, "vector": np.asarray(vector, np.float32).tobytes()}
                                                 for key, vector in vectors.items()])

        self._write_derived(f"{len(vectors)} new vectors", write)

    # -- user taxonomy entries and settings -----------------------------------------------------
    def add_user_skill(self, name: str, category: str = "tool") -> None:
        with self.writing() as s:
            s.merge(UserSkillRow(name=name, category=category))

    def add_user_alias(self, alias: str, skill: str) -> None:
        with self.writing() as s:
            s.merge(UserAliasRow(alias=alias, skill=skill))

    def user_taxonomy(self) -> tuple[list[tuple[str, str]], dict[str, str]]:
        with self.session() as s:
            skills = [(r.name, r.category) for r in s.scalars(select(UserSkillRow))]
            aliases = {r.alias: r.skill for r in s.scalars(select(UserAliasRow))}
        return skills, aliases

    def setting(self, key: str, default: Any = None) -> Any:
        """The stored value, or `default` when there is none or it is not valid (then `notices`
        says so: `matcher settings reset` clears it)."""
        reason: str | None = None
        try:
            with self.session() as s:
                row = s.get(SettingRow, key)
                value = default if row is None else row.value
        except DAMAGE:
            value, reason = default, "it is damaged"
        else:
            reason = problem(key, value) if row is not None else None
        if reason:
            self.notices.append(f"the saved {key} were ignored ({reason}); `matcher settings reset` clears them")
            return default
        return value

    def set_setting(self, key: str, value: Any) -> None:
        reason = problem(key, value)
        if reason:
            raise ValueError(reason)
        with self.writing() as s:
            s.merge(SettingRow(key=key, value=value))

    def settings(self) -> dict[str, Any]:
        """Every stored setting as it is, valid or not (`matcher settings list` shows them)."""
        with self.session() as s:
            return {row.key: row.value for row in s.scalars(select(SettingRow).order_by(SettingRow.key))}

    def reset_settings(self, keys: Iterable[str] = ()) -> int:
        """Forget the given settings (all when none are given): their defaults apply again."""
        with self.writing() as s:
            statement = delete(SettingRow)
            if keys:
                statement = statement.where(SettingRow.key.in_(list(keys)))
            return int(cast(CursorResult[Any], s.execute(statement)).rowcount)

def _load_listed_postings(s: Session, ids: list[int]) -> list[Posting]:
    return _load_postings(s, ids, with_requirements=False)


def _load_postings(s: Session, ids: list[int], with_requirements: bool = True) -> list[Posting]:
    # Plain rows, not ORM instances: reading a few thousand postings back after an import made
    # hundreds of thousands of short-lived ORM objects, enough to set off full garbage collections
    # that paused every thread, the window's included.
    jobs, reqs = PostingRow.__table__, RequirementRow.__table__
    lines = s.execute(select(reqs.c.job_id, reqs.c.text, reqs.c.kind, reqs.c.skills, reqs.c.years)
                      .where(reqs.c.job_id.in_(ids)).order_by(reqs.c.job_id, reqs.c.position)).all() \
        if with_requirements else []
    by_posting: dict[int, list[Requirement]] = {}
    for posting_id, text_, kind, skills, years in lines:
        by_posting.setdefault(posting_id, []).append(convert.requirement(text_, kind, skills, years))
    rows = s.execute(select(jobs).where(jobs.c.id.in_(ids)).order_by(jobs.c.id)).all()
    return [convert.row_to_posting(row, by_posting.get(row.id, [])) for row in rows]


def _load_cvs(s: Session, ids: list[int]) -> list[CV]:
    return [convert.row_to_cv(row) for row in s.scalars(select(CVRow).where(CVRow.id.in_(ids)).order_by(CVRow.id))]


def _load_shortlist(s: Session, ids: list[int]) -> list[ShortlistEntry]:
    rows = s.scalars(select(ShortlistRow).where(ShortlistRow.posting_id.in_(ids))
                     .order_by(ShortlistRow.added, ShortlistRow.posting_id))
    return [convert.row_to_entry(row) for row in rows]


def _replacing(row: type[Base]) -> Any:
    """One INSERT OR REPLACE for many rows of cached vectors: merging them one by one (a SELECT and
    an INSERT each) took ~2 s of embedding 1,000 new postings."""
    return insert(row).prefix_with("OR REPLACE")


@functools.lru_cache(maxsize=65_536)
def _skill_list(stored: str | None) -> object:
    """A stored skills list (JSON text); what is not one comes back as it is, for the reader to refuse.
    Callers copy the list (`convert.requirement`), so the cached one is never changed."""
    if stored is None:
        return None
    try:
        return json.loads(stored)
    except ValueError:
        return stored


def _load_facts(s: Session, ids: list[int]) -> list[PostingFacts]:
    jobs, reqs = PostingRow.__table__, RequirementRow.__table__
    head = s.execute(select(jobs.c.id, jobs.c.title, jobs.c.company, jobs.c.language, jobs.c.skills, jobs.c.skills_version)
                     .where(jobs.c.id.in_(ids)).order_by(jobs.c.id)).all()
    # The skills of each line as stored text, decoded once per distinct value: ranking 10,000
    # postings read ~100,000 lines, most of whose lists repeat ("[]", '["Python"]'); decoding each
    # through the JSON column type took a second.
    lines = s.execute(select(reqs.c.job_id, reqs.c.text, reqs.c.kind, type_coerce(reqs.c.skills, Text), reqs.c.years)
                      .where(reqs.c.job_id.in_(ids)).order_by(reqs.c.job_id, reqs.c.position)).all()
    by_posting: dict[int, list[Requirement]] = {}
    for posting_id, text_, kind, skills, years in lines:
        by_posting.setdefault(posting_id, []).append(convert.requirement(text_, kind, _skill_list(skills), years))
    return [convert.facts(i, title, company, by_posting.get(i, []), skills, language, version)
            for i, title, company, language, skills, version in head]
