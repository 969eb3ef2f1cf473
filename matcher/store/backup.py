"""One-file backup of everything the user made: postings (with raw source and requirements), CVs
(with skill edits and contact details), shortlist (status, notes), own skills and aliases, settings.

The file is a zip holding `manifest.json` ({"format": "matcher-backup", "version": 1, "created",
"schema_version", "sha256" of data.json, "counts"}) and `data.json` ({"postings": [...], "cvs": [...],
"shortlist": [...], "user_skills": [...], "user_aliases": {...}, "settings": {...}}). The vector
cache is left out: it is rebuilt from the text on the next ranking.

A restore merges into any store in ONE transaction and never overwrites what is already there:
postings are matched by fingerprint (their ids are remapped for the shortlist), CVs by name and
text, shortlist entries, skills, aliases and settings by key. A corrupt or foreign file raises
`BackupError` before anything is written: the zip and a sha256 catch damage, and every record is
checked field by field against `matcher.domain` (`matcher.store.backup_records`) before the transaction.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import selectinload

from matcher.store import backup_records as records
from matcher.store import convert
from matcher.domain import CV, Posting
from matcher.store.schema import SCHEMA_VERSION, CVRow, PostingRow, SettingRow, ShortlistRow, UserAliasRow, UserSkillRow
from matcher.store import Store

FORMAT = "matcher-backup"
FORMAT_VERSION = 1
MANIFEST, DATA = "manifest.json", "data.json"
# 10,000 postings with their raw HTML are about 100 MB of JSON; a file claiming far more is not ours
# (or a zip bomb), and reading it would only exhaust memory.
MAX_DATA_BYTES = 1 << 30
MAX_MANIFEST_BYTES = 1 << 16  # ours is a few hundred bytes
BATCH = 500  # postings per flush: memory stays flat however large the store


class BackupError(Exception):
    """The file is not a matcher backup, is damaged, or is from a newer matcher; nothing was changed."""


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
    """Write the whole store (less the vector cache) to `path`, replacing it only once complete."""
    path = Path(path)
    with store.session() as s:
        # In batches: 10,000 ORM rows held at once cost hundreds of MB; the JSON of them far less.
        query = select(PostingRow).options(selectinload(PostingRow.requirements)).order_by(PostingRow.id)
        jobs = s.scalars(query.execution_options(yield_per=BATCH))
        # The old id is kept only so that the shortlist can be remapped to the ids a restore assigns.
        postings = [
            {"id": r.id, **records.to_json(convert.row_to_posting(r)), "imported_at": records.iso(r.imported_at)}
            for r in jobs
        ]
        cvs = [records.to_json(convert.row_to_cv(r)) for r in s.scalars(select(CVRow).order_by(CVRow.id))]
        shortlist = [
            {"job_id": r.posting_id, "status": r.status, "notes": r.notes, "added": records.iso(r.added)}
            for r in s.scalars(select(ShortlistRow))
        ]
        skills = [{"name": r.name, "category": r.category} for r in s.scalars(select(UserSkillRow))]
        aliases = {r.alias: r.skill for r in s.scalars(select(UserAliasRow))}
        settings = {r.key: r.value for r in s.scalars(select(SettingRow))}
    data = {"postings": postings, "cvs": cvs, "shortlist": shortlist, "user_skills": skills,
            "user_aliases": aliases, "settings": settings}  # fmt: skip
    payload = json.dumps(data, ensure_ascii=False).encode()
    stats = BackupStats(len(postings), len(cvs), len(shortlist), len(skills), len(aliases), len(settings))
    manifest = {"format": FORMAT, "version": FORMAT_VERSION, "created": records.iso(datetime.now()),
                "schema_version": SCHEMA_VERSION, "sha256": hashlib.sha256(payload).hexdigest(),
                "counts": asdict(stats)}  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target, then rename: a crash never leaves half a backup in place of a good one.
    partial = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
            archive.writestr(DATA, payload)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return stats


# -- reading ----------------------------------------------------------------------------------
def read_backup(path: Path | str) -> dict[str, Any]:
    """The checked `data.json` of a backup; raises `BackupError` saying what is wrong with the file."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names or DATA not in names:
                raise BackupError(f"{path} is not a matcher backup (no {MANIFEST} and {DATA} inside)")
            with archive.open(MANIFEST) as member:
                manifest = json.loads(member.read(MAX_MANIFEST_BYTES))
            with archive.open(DATA) as member:
                payload = member.read(MAX_DATA_BYTES + 1)
    # zlib.error: damaged compressed data; RuntimeError: an encrypted zip; NotImplementedError: an
    # unknown compression method. None can come from a backup this module wrote.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError) as exc:
        raise BackupError(f"{path} is not a matcher backup or is damaged: {exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BackupError(f"{path} is not a matcher backup or is damaged: its manifest is not readable JSON") from exc
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a matcher backup (its manifest names another format)")
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise BackupError(f"{path} is not a matcher backup (its manifest has no valid format version)")
    if version > FORMAT_VERSION:
        raise BackupError(f"{path} was made by a newer matcher (backup format {version}); update matcher to restore it")
    if len(payload) > MAX_DATA_BYTES:
        raise BackupError(f"{path} holds more than {MAX_DATA_BYTES >> 20} MB of data; refusing to load it")
    if hashlib.sha256(payload).hexdigest() != manifest.get("sha256"):
        raise BackupError(f"{path} is damaged: its data does not match the checksum in its manifest")
    try:
        data = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BackupError(f"{path} is damaged: its data is not readable JSON ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise BackupError(f"{path} is damaged: its data is not a JSON object")
    return data


# -- restoring --------------------------------------------------------------------------------
def restore_backup(store: Store, path: Path | str) -> BackupStats:
    """Merge a backup into `store` in one transaction; raises `BackupError` with nothing changed."""
    data = read_backup(path)
    try:
        postings = [(item.get("id"), records.posting(item), records.when(item.get("imported_at"))) for item in records.items(data, "postings")]
        cvs = [records.cv(item) for item in records.items(data, "cvs")]
        shortlist = [(int(e["job_id"]), records.status(e["status"]), str(e["notes"]), records.when(e.get("added")))
                     for e in records.items(data, "shortlist")]  # fmt: skip
        skills = [(str(e["name"]), str(e.get("category") or "tool")) for e in records.items(data, "user_skills")]
        aliases = {str(k): str(v) for k, v in dict(data.get("user_aliases") or {}).items()}
        settings = dict(data.get("settings") or {})
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BackupError(f"{path} is damaged: a record does not have the expected fields ({exc!r})") from exc
    try:
        return _merge(store, Path(path), postings, cvs, shortlist, skills, aliases, settings)
    except OperationalError:
        raise  # the database itself is unusable (locked, read-only): not the backup's fault
    except SQLAlchemyError as exc:  # a record the schema refuses, e.g. a missing required value
        raise BackupError(f"{path} is damaged: the store refused one of its records ({exc.__class__.__name__})") from exc


def _merge(store: Store, path: Path, postings: list[tuple[Any, Posting, datetime]], cvs: list[CV],
           shortlist: list[tuple[int, str, str, datetime]], skills: list[tuple[str, str]],
           aliases: dict[str, str], settings: dict[str, Any]) -> BackupStats:  # fmt: skip
    counts = dict.fromkeys(("postings", "cvs", "shortlist", "user_skills", "user_aliases", "settings",
                            "duplicates", "kept"), 0)  # fmt: skip
    with store.session() as s:  # one transaction: any failure below rolls every part back
        stored: dict[str, int] = {fp: posting_id for fp, posting_id in s.execute(select(PostingRow.fingerprint, PostingRow.id))}
        pending: dict[str, PostingRow] = {}
        old_to_fingerprint: dict[int, str] = {}
        for index, (old_id, posting, imported_at) in enumerate(postings, 1):
            fingerprint = posting.fingerprint()
            if isinstance(old_id, int):
                old_to_fingerprint[old_id] = fingerprint
            if fingerprint in stored or fingerprint in pending:
                counts["duplicates"] += 1
            else:
                pending[fingerprint] = convert.posting_to_row(posting, fingerprint, imported_at)
                s.add(pending[fingerprint])
            if len(pending) >= BATCH or index == len(postings):
                s.flush()  # assigns the ids the shortlist is remapped to; still one transaction
                stored.update({fingerprint: row.id for fingerprint, row in pending.items()})
                counts["postings"] += len(pending)
                pending.clear()
                s.expunge_all()  # written rows need not stay in memory until the commit
        known_cvs = {(name, text) for name, text in s.execute(select(CVRow.name, CVRow.text))}
        for cv in cvs:
            if (cv.name, cv.text) in known_cvs:
                counts["kept"] += 1
                continue
            known_cvs.add((cv.name, cv.text))
            s.add(convert.cv_to_row(cv, cv.created or datetime.now()))
            counts["cvs"] += 1
        for old_job_id, status, notes, when in shortlist:
            if old_job_id not in old_to_fingerprint:
                raise BackupError(f"{path} is damaged: its shortlist names posting {old_job_id}, which it does not hold")
            posting_id = stored[old_to_fingerprint[old_job_id]]
            _add_new(s, counts, "shortlist", ShortlistRow, posting_id,
                     ShortlistRow(posting_id=posting_id, status=status, notes=notes, added=when))  # fmt: skip
        for name, category in skills:
            _add_new(s, counts, "user_skills", UserSkillRow, name, UserSkillRow(name=name, category=category))
        for alias, skill in aliases.items():
            _add_new(s, counts, "user_aliases", UserAliasRow, alias, UserAliasRow(alias=alias, skill=skill))
        for key, value in settings.items():
            _add_new(s, counts, "settings", SettingRow, str(key), SettingRow(key=str(key), value=value))
    return BackupStats(**counts)


def _add_new(s: Any, counts: dict[str, int], what: str, table: type, key: object, row: object) -> None:
    """Add `row` unless `table` already holds `key`: what the user has now wins over the backup."""
    if s.get(table, key) is None:
        s.add(row)
        s.flush()  # so a second entry with the same key in a damaged file is seen as already there
        counts[what] += 1
    else:
        counts["kept"] += 1
