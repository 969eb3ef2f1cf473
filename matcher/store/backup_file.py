"""Reading a backup file: only a regular file, its manifest checked, its data streamed record by
record with every limit applied before the record is built (`matcher.limits`, `matcher.jsonstream`).

The file is a zip of `manifest.json` and `data.json` (see `matcher.store.backup`). Nothing here
writes: `records()` yields checked records, and raises `BackupError` for anything wrong with the
file, so a restore reads the file through once to validate it all before it writes anything.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from matcher.jsonstream import JsonError, iter_json
from matcher.limits import NotARegularFile, TooLarge, check_zip, open_regular_file
from matcher.safe_text import file_name, printable
from matcher.store.schema import SCHEMA_VERSION

FORMAT = "matcher-backup"
FORMAT_VERSION = 1
MANIFEST, DATA = "manifest.json", "data.json"
# 10,000 postings with their raw HTML are about 100 MB of JSON; the data is streamed, so this
# bounds time (inflating and checking 1 GB takes seconds), not memory.
MAX_DATA_BYTES = 1 << 30
MAX_MANIFEST_BYTES = 1 << 16  # ours is a few hundred bytes
# One record (a posting with its source kept) is at most a few MB: a saved page of 1M characters,
# JSON-escaped. Only one record is held at a time.
MAX_RECORD_CHARS = 16_000_000
# What a backup holds, in the order matcher writes it; lists are streamed one record at a time.
LISTS = ("postings", "cvs", "shortlist", "user_skills")
OBJECTS = ("user_aliases", "settings")
MAX_ITEMS = 500_000  # records of one kind: 50 times a large store


BATCH = 250  # records per transaction or query: ~0.3 s of holding the write lock on a 2-core machine


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


class BackupError(Exception):
    """The file is not a matcher backup, is damaged, or is from a newer matcher; nothing was changed."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: two "title"s or two settings of one name
    would leave it to chance which one counts."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise JsonError(f"one record holds {twice!r} twice")
    return result


class _Hashing(io.RawIOBase):
    """A readable stream that hashes what passes through it."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.source.read(len(buffer))
        buffer[: len(data)] = data
        self.digest.update(data)
        return len(data)


@contextmanager
def opened(path: Path) -> Iterator[tuple[zipfile.ZipFile, dict[str, Any]]]:
    """The archive and its checked manifest; raises BackupError saying what is wrong."""
    shown = printable(file_name(path))
    try:
        with open_regular_file(path) as handle, zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names or DATA not in names:
                raise BackupError(f"{shown} is not a matcher backup (no {MANIFEST} and {DATA} inside)")
            check_zip(archive, MAX_DATA_BYTES, MAX_DATA_BYTES + MAX_MANIFEST_BYTES)
            with archive.open(MANIFEST) as member:
                manifest = json.loads(member.read(MAX_MANIFEST_BYTES))
            _check_manifest(manifest, shown)
            yield archive, manifest
    except NotARegularFile as exc:
        raise BackupError(f"{shown} is {exc}; a backup is a file") from exc
    except TooLarge as exc:
        raise BackupError(f"{shown} is not restored: {exc}") from exc
    # zlib.error: damaged compressed data; RuntimeError: an encrypted zip; NotImplementedError: an
    # unknown compression method. None can come from a backup this module wrote.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError) as exc:
        raise BackupError(f"{shown} is not a matcher backup or is damaged ({printable(exc)})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BackupError(f"{shown} is not a matcher backup or is damaged: its manifest is not readable JSON") from exc
    except OSError as exc:
        raise BackupError(f"cannot read {shown}: {exc.strerror or exc}") from exc


def _check_manifest(manifest: object, shown: str) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{shown} is not a matcher backup (its manifest names another format)")
    version, schema = manifest.get("version"), manifest.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError(f"{shown} is not a matcher backup (its manifest has no valid format version)")
    if version > FORMAT_VERSION:
        raise BackupError(f"{shown} was made by a newer matcher (backup format {version}); update matcher to restore it")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise BackupError(f"{shown} is damaged: its manifest has no valid schema version")
    if schema > SCHEMA_VERSION:
        raise BackupError(f"{shown} was made by a newer matcher (schema {schema}, this one knows {SCHEMA_VERSION}); "
                          "update matcher to restore it")
    if not isinstance(manifest.get("sha256"), str):
        raise BackupError(f"{shown} is damaged: its manifest has no checksum")


def records(path: Path) -> Iterator[tuple[str, Any]]:
    """(section, record) for every record of the backup, in file order: an element of a list
    section, or the whole object of `user_aliases` / `settings`. The checksum is checked at the
    end, so a caller that must not act on damaged data reads to the end before acting."""
    shown = printable(file_name(path))
    counts: dict[str, int] = {}
    with opened(path) as (archive, manifest):
        try:
            with archive.open(DATA) as member:
                hashing = _Hashing(member)
                text = io.TextIOWrapper(io.BufferedReader(hashing), encoding="utf-8")
                events = iter_json(text.read, stream_keys=LISTS, max_value_chars=MAX_RECORD_CHARS,
                                   object_pairs_hook=_unique_keys)
                for kind, key, value in events:
                    if kind == "value" or key not in (*LISTS, *OBJECTS):
                        raise BackupError(f"{shown} is damaged: its data holds {printable(repr(key or kind))}, "
                                          "which no backup has")
                    if kind == "member" and key in LISTS and value not in (None, []):
                        raise BackupError(f"{shown} is damaged: its {key} are not a list of records")
                    counts[key] = counts.get(key, 0) + 1
                    if counts[key] > MAX_ITEMS:
                        raise BackupError(f"{shown} holds more than {MAX_ITEMS:,} {key}, the limit")
                    if value is not None and value != []:
                        yield key, value
                text.read()  # to the end, so every byte is hashed
        except (zlib.error, EOFError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            raise BackupError(f"{shown} is damaged: its data cannot be read ({type(exc).__name__})") from exc
        except JsonError as exc:
            raise BackupError(f"{shown} is damaged: {exc}") from exc
        except TooLarge as exc:
            raise BackupError(f"{shown} is not restored: {exc}") from exc
        if hashing.digest.hexdigest() != manifest["sha256"]:
            raise BackupError(f"{shown} is damaged: its data does not match the checksum in its manifest")
