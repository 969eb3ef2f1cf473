"""Restoring a backup: read it through once to check every record, then write it in short batches.

See `matcher.store.backup` for the file. Nothing is written until the whole file has been read
and every record checked (duplicate ids, a shortlist entry for a posting the file lacks, unknown
settings refused), so a damaged, foreign or hostile file raises `BackupError` with nothing
changed. Postings are then written 250 to a transaction, so another matcher never waits long for
the write lock; a restore cut short keeps whole batches, and running it again completes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from matcher.domain import CV, Posting
from matcher.store import Store, StoreError
from matcher.store import backup_records as records
from matcher.store import convert
from matcher.store.backup_file import BATCH, BackupError, BackupStats
from matcher.store.backup_file import records as read_records
from matcher.store.schema import CVRow, PostingRow, SettingRow, ShortlistRow, UserAliasRow, UserSkillRow
from matcher.store.settings import problem


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
