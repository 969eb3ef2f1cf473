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
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matcher.store import Store
from matcher.store import backup_records as records
from matcher.store import convert
from matcher.store.backup_file import BATCH, DATA, FORMAT, FORMAT_VERSION, MANIFEST, BackupError, BackupStats
from matcher.store.backup_file import records as read_records
from matcher.store.restore import restore_backup
from matcher.store.reading import load_each
from matcher.store.schema import SCHEMA_VERSION, CVRow, PostingRow, SettingRow, ShortlistRow, UserAliasRow, UserSkillRow

__all__ = ["BackupError", "BackupStats", "read_backup", "restore_backup", "write_backup"]


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
