"""One-file backup of everything the user made: postings (with raw source and requirements), CVs
(with skill edits and contact details), shortlist (status, notes), own skills and aliases, settings.

The file is a zip holding `data.json` ({"postings": [...], "cvs": [...], "shortlist": [...],
"user_skills": [...], "user_aliases": {...}, "settings": {...}}) and `manifest.json` ({"format":
"matcher-backup", "version": 1, "created", "schema_version", "sha256" of data.json, "counts"}).
The vector cache is left out: it is rebuilt from the text on the next ranking. Both directions
stream one record at a time, so memory stays flat whatever the size (`matcher.store.backup_file`).

A restore merges into any store and never overwrites what is already there: postings are matched
by fingerprint (their ids are remapped for the shortlist), CVs by name and text, shortlist entries,
skills, aliases and settings by key. It reads the whole file first and checks every record field
by field (`matcher.store.backup_records`), with duplicate ids and unknown settings refused, so a
damaged, foreign or hostile file raises `BackupError` before anything is written. Then it writes
in batches of a few hundred postings, each its own short transaction, so another matcher never
waits long for the write lock. A restore cut short (a kill, a full disk) keeps whole batches, and
running it again completes it: what is there already is matched, never doubled.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from matcher.domain import CV, Posting
from matcher.store import Store, StoreError
from matcher.store import backup_records as records
from matcher.store import convert
from matcher.store.backup_file import DATA, FORMAT, FORMAT_VERSION, MANIFEST, BackupError
from matcher.store.backup_file import records as read_records
from matcher.store.reading import load_each
from matcher.store.schema import SCHEMA_VERSION, CVRow, PostingRow, SettingRow, ShortlistRow, UserAliasRow, UserSkillRow
from matcher.store.settings import problem

__all__ = ["BackupError", "BackupStats", "read_backup", "restore_backup", "write_backup"]
BATCH = 250  # postings per transaction: ~0.3 s of holding the write lock on a 2-core machine


@dataclass(frozen=True)
class BackupStats:
    """What was written, or what a restore added; `duplicates` and `kept` are what it found already there."""

    postings: int = 0
    cvs: int = 0
    shortlist: int = 0
    user_skills: int = 0
    user_aliases: int = 0
    settings: int = 0
    duplicates: int = 0  # postings whose fingerprint was already stored
    kept: int = 0  # CVs, shortlist entries, skills, aliases and settings already stored, left as they were


# -- writing ----------------------------------------------------------------------------------
def write_backup(store: Store, path: Path | str) -> BackupStats:
    """Write the whole store (less the vector cache) to `path`, replacing it only once complete.
    A damaged row is left out and recorded in `store.damaged`; everything else is saved."""
    import zipfile

    path = Path(path)
    counts = dict.fromkeys(asdict(BackupStats()), 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target, then rename: a crash never leaves half a backup in place of a good one.
    partial = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            with archive.open(DATA, "w", force_zip64=True) as member:
                digest = _write_data(store, member, counts)
            manifest = {"format": FORMAT, "version": FORMAT_VERSION, "created": records.iso(datetime.now()),
                        "schema_version": SCHEMA_VERSION, "sha256": digest, "counts": counts}  # fmt: skip
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupStats(**counts)


def _write_data(store: Store, member: IO[bytes], counts: dict[str, int]) -> str:
    digest = hashlib.sha256()

    def put(text: str) -> None:
        data = text.encode("utf-8")
        digest.update(data)
        member.write(data)

    def put_list(name: str, items: Iterator[dict[str, Any]], first: bool = False) -> None:
        put(("" if first else ", ") + json.dumps(name) + ": [")
        for index, item in enumerate(items):
            put((", " if index else "") + json.dumps(item, ensure_ascii=False))
            counts[name] += 1
        put("]")

    with store.session() as s:
        posting_ids = list(s.scalars(select(PostingRow.id).order_by(PostingRow.id)))
        cv_ids = list(s.scalars(select(CVRow.id).order_by(CVRow.id)))
        shortlist = [{"job_id": r.posting_id, "status": r.status, "notes": r.notes, "added": records.iso(r.added)}
                     for r in load_each(list(s.scalars(select(ShortlistRow.posting_id))), _shortlist_rows,
                                        store.session, "shortlist entry", store.damaged)]  # fmt: skip
        skills = [{"name": r.name, "category": r.category} for r in s.scalars(select(UserSkillRow))]
        aliases = {r.alias: r.skill for r in s.scalars(select(UserAliasRow))}
        settings = {r.key: r.value for r in s.scalars(select(SettingRow))}
    put("{")
    # The old id is kept only so that the shortlist can be remapped to the ids a restore assigns.
    put_list("postings", _in_chunks(store, posting_ids, _posting_records, "posting"), first=True)
    put_list("cvs", _in_chunks(store, cv_ids, _cv_records, "CV"))
    put_list("shortlist", iter(shortlist))
    put_list("user_skills", iter(skills))
    put(", " + json.dumps("user_aliases") + ": " + json.dumps(aliases, ensure_ascii=False))
    put(", " + json.dumps("settings") + ": " + json.dumps(settings, ensure_ascii=False) + "}")
    counts["user_aliases"], counts["settings"] = len(aliases), len(settings)
    return digest.hexdigest()


def _in_chunks(store: Store, ids: list[int], load: Any, kind: str) -> Iterator[dict[str, Any]]:
    for start in range(0, len(ids), BATCH):  # a batch of rows at a time: 10,000 ORM rows cost hundreds of MB
        yield from load_each(ids[start:start + BATCH], load, store.session, kind, store.damaged)


def _posting_records(s: Session, ids: list[int]) -> list[dict[str, Any]]:
    query = select(PostingRow).options(selectinload(PostingRow.requirements)).where(PostingRow.id.in_(ids))
    return [{"id": r.id, **records.to_json(convert.row_to_posting(r)), "imported_at": records.iso(r.imported_at)}
            for r in s.scalars(query.order_by(PostingRow.id))]


def _cv_records(s: Session, ids: list[int]) -> list[dict[str, Any]]:
    return [records.to_json(convert.row_to_cv(r)) for r in s.scalars(select(CVRow).where(CVRow.id.in_(ids)))]


def _shortlist_rows(s: Session, ids: list[int]) -> list[ShortlistRow]:
    rows = list(s.scalars(select(ShortlistRow).where(ShortlistRow.posting_id.in_(ids))))
    for row in rows:
        convert.row_to_entry(row)  # raises for a damaged row
    return rows


# -- reading ----------------------------------------------------------------------------------
def read_backup(path: Path | str) -> dict[str, Any]:
    """The checked `data.json` of a backup as one document (for small backups and tests: a restore
    streams it instead); raises `BackupError` saying what is wrong with the file."""
    data: dict[str, Any] = {}
    for section, record in read_records(Path(path)):
        if section in ("user_aliases", "settings"):
            data[section] = record
        else:
            data.setdefault(section, []).append(record)
    return data


# -- restoring --------------------------------------------------------------------------------
@dataclass
class _Plan:
    """What a restore writes, gathered while the file is read the second time; the postings and
    CVs themselves are written as they come, a batch at a time."""

    shortlist: list[tuple[int, str, str, datetime]]
    skills: list[tuple[str, str]]
    aliases: dict[str, str]
    settings: dict[str, Any]


def restore_backup(store: Store, path: Path | str) -> BackupStats:
    """Merge a backup into `store`; raises `BackupError` with nothing changed when the file is
    not one, is damaged or holds a record that does not check."""
    path = Path(path)
    for _ in _checked(path):  # the first read: every record checked, nothing written
        pass
    counts = dict.fromkeys(asdict(BackupStats()), 0)
    try:
        _merge(store, path, counts)
    except StoreError as exc:
        if counts["postings"] or counts["cvs"]:
            raise StoreError(f"{exc}. {counts['postings']} postings and {counts['cvs']} CVs were restored before "
                             "that; import the backup again to finish (nothing is doubled)") from exc
        raise
    except IntegrityError as exc:  # a record the schema refuses although it checked: say so, not the SQL
        raise BackupError(f"{records.shown(path)} is damaged: the store refused one of its records") from exc
    return BackupStats(**counts)


def _checked(path: Path) -> Iterator[tuple[str, Any]]:
    """(section, converted record) for every record, each checked; duplicate ids, a shortlist
    entry for a posting the file lacks, or an unknown setting raise BackupError."""
    shown = records.shown(path)
    ids: set[int] = set()
    starred: set[int] = set()
    skills: set[str] = set()
    for section, item in read_records(path):
        try:
            record = records.convert(section, item)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise BackupError(f"{shown} is damaged: one of its {section} does not have the expected fields "
                              f"({records.what(exc)})") from exc
        if section == "postings" and record[0] is not None:
            if record[0] in ids:
                raise BackupError(f"{shown} is damaged: two of its postings have the id {record[0]}")
            ids.add(record[0])
        elif section == "shortlist":
            if record[0] in starred:
                raise BackupError(f"{shown} is damaged: its shortlist names posting {record[0]} twice")
            starred.add(record[0])
        elif section == "user_skills":
            if record[0].lower() in skills:
                raise BackupError(f"{shown} is damaged: it holds the skill {record[0]!r} twice")
            skills.add(record[0].lower())
        elif section == "settings":
            for key, value in record.items():
                reason = problem(key, value)
                if reason:
                    raise BackupError(f"{shown} is damaged: {reason}")
        yield section, record
    missing = sorted(starred - ids)
    if missing:
        raise BackupError(f"{shown} is damaged: its shortlist names posting {missing[0]}, which it does not hold")


def _merge(store: Store, path: Path, counts: dict[str, int]) -> None:
    plan = _Plan([], [], {}, {})
    old_to_new: dict[int, int] = {}
    postings: list[tuple[int | None, Posting, datetime]] = []
    cvs: list[CV] = []
    for section, record in _checked(path):
        if section == "postings":
            postings.append(record)
            if len(postings) >= BATCH:
                _write_postings(store, postings, old_to_new, counts)
        elif section == "cvs":
            cvs.append(record)
            if len(cvs) >= BATCH:
                _write_cvs(store, cvs, counts)
        elif section == "shortlist":
            plan.shortlist.append(record)
        elif section == "user_skills":
            plan.skills.append(record)
        elif section == "user_aliases":
            plan.aliases.update(record)
        else:
            plan.settings.update(record)
    _write_postings(store, postings, old_to_new, counts)
    _write_cvs(store, cvs, counts)
    with store.writing() as s:  # the small rest in one transaction
        for old_id, status, notes, when in plan.shortlist:
            posting_id = old_to_new[old_id]
            _add_new(s, counts, "shortlist", ShortlistRow, posting_id,
                     ShortlistRow(posting_id=posting_id, status=status, notes=notes, added=when))  # fmt: skip
        for name, category in plan.skills:
            _add_new(s, counts, "user_skills", UserSkillRow, name, UserSkillRow(name=name, category=category))
        for alias, skill in plan.aliases.items():
            _add_new(s, counts, "user_aliases", UserAliasRow, alias, UserAliasRow(alias=alias, skill=skill))
        for key, value in plan.settings.items():
            _add_new(s, counts, "settings", SettingRow, key, SettingRow(key=key, value=value))


def _write_postings(store: Store, batch: list[tuple[int | None, Posting, datetime]], old_to_new: dict[int, int],
                    counts: dict[str, int]) -> None:
    """One short transaction: the batch's new postings added, the old ids of all mapped."""
    if not batch:
        return
    keyed = [(old_id, posting.fingerprint(), posting, imported_at) for old_id, posting, imported_at in batch]
    rows = {fp: convert.posting_to_row(posting, fp, imported_at) for _, fp, posting, imported_at in keyed}
    with store.writing() as s:
        query = select(PostingRow.fingerprint, PostingRow.id).where(PostingRow.fingerprint.in_(list(rows)))
        stored: dict[str, int] = {fp: posting_id for fp, posting_id in s.execute(query)}
        added = {fp: row for fp, row in rows.items() if fp not in stored}
        s.add_all(added.values())
        s.flush()
        stored.update({fp: row.id for fp, row in added.items()})
    counts["postings"] += len(added)
    counts["duplicates"] += len(keyed) - len(added)
    old_to_new.update({old_id: stored[fp] for old_id, fp, _, _ in keyed if old_id is not None})
    batch.clear()


def _write_cvs(store: Store, batch: list[CV], counts: dict[str, int]) -> None:
    if not batch:
        return
    with store.writing() as s:
        known = {(name, text) for name, text in s.execute(select(CVRow.name, CVRow.text))}
        for cv in batch:
            if (cv.name, cv.text) in known:
                counts["kept"] += 1
                continue
            known.add((cv.name, cv.text))
            s.add(convert.cv_to_row(cv, cv.created or datetime.now()))
            counts["cvs"] += 1
    batch.clear()


def _add_new(s: Session, counts: dict[str, int], what: str, table: type, key: object, row: object) -> None:
    """Add `row` unless `table` already holds `key`: what the user has now wins over the backup."""
    if s.get(table, key) is None:
        s.add(row)
        s.flush()
        counts[what] += 1
    else:
        counts["kept"] += 1
