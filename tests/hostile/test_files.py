"""The database path is not what matcher expects: another program's SQLite file, a file that is
not SQLite, a folder, a folder that does not exist yet, a file with one damaged row.

Before: another program's database gave a traceback (`no such table: meta`) after matcher had
already switched it to WAL (header bytes 18–19 changed); one row with flipped bytes made `jobs
list`, `rank`, `export` and even `backup export` crash, so nothing could be rescued.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from matcher.paths import SAMPLES
from tests.hostile.runner import Outcome, assert_clean, digest, run_cli

COMMANDS = (["jobs", "list"], ["jobs", "import", str(SAMPLES / "jobs")], ["cv", "list"], ["doctor"],
            ["backup", "export", "{tmp}/b.zip"], ["settings", "reset"])  # fmt: skip


def each_command(db: Path, tmp: Path) -> list[Outcome]:
    return [run_cli(db, *(arg.format(tmp=tmp) for arg in command)) for command in COMMANDS]


def test_another_programs_database_is_named_and_left_byte_for_byte(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    with sqlite3.connect(db) as conn:  # a rollback-journal file, as most programs keep
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    conn.close()
    before = digest(db)
    for outcome in each_command(db, tmp_path):
        assert_clean(outcome, codes=(1,))
        assert "another program's SQLite database (tables: notes)" in outcome.one_line_reason()
    assert digest(db) == before
    assert db.read_bytes()[18:20] == b"\x01\x01"  # still a rollback-journal file, never switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]  # no -wal, -shm or backup beside it


def test_a_file_that_is_not_sqlite_and_a_folder_are_refused_unchanged(tmp_path: Path) -> None:
    text = tmp_path / "cv.txt"
    text.write_text("John Doe, Python developer\n")
    before = digest(text)
    for outcome in each_command(text, tmp_path):
        assert_clean(outcome, codes=(1,))
        assert "not a matcher database (it is not an SQLite file)" in outcome.one_line_reason()
    assert digest(text) == before
    outcome = run_cli(tmp_path, "jobs", "list")
    assert_clean(outcome, codes=(1,))
    assert "is a folder" in outcome.one_line_reason()


def test_a_mistyped_folder_is_created_and_said(tmp_path: Path) -> None:
    db = tmp_path / "mistyped" / "deeper" / "m.db"
    outcome = run_cli(db, "jobs", "list")
    assert_clean(outcome, codes=(0,))
    assert f"created the folder {db.parent}" in outcome.one_line_reason()
    assert run_cli(db, "jobs", "list").err == ""  # said once, when it happened


def damage_one_posting(db: Path) -> tuple[int, int]:
    """Flip 64 bytes inside one posting's description in the file, as a failing disk would:
    every page stays well formed, so SQLite's integrity check still says ok. Returns (id, total)."""
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    victim = stored[len(stored) // 2]
    snippet = victim["description"].encode()[:200]
    data = bytearray(db.read_bytes())
    at = data.find(snippet)
    assert at > 0 and data.find(snippet, at + 1) == -1, "the description is not stored once in the clear"
    for index in range(at + 20, at + 84):
        data[index] ^= 0xFF  # ASCII becomes continuation bytes: not UTF-8
    db.write_bytes(bytes(data))
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return victim["id"], len(stored)


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, int, int]:
    db = tmp_path / "m.db"
    assert_clean(run_cli(db, "jobs", "import", str(SAMPLES / "jobs")), codes=(0,))
    assert_clean(run_cli(db, "cv", "import", str(SAMPLES / "cvs" / "john_doe.pdf")), codes=(0,))
    return db, *damage_one_posting(db)


def test_a_damaged_row_is_skipped_and_named_and_the_rest_is_rescued(damaged: tuple[Path, int, int], tmp_path: Path) -> None:
    db, victim, total = damaged
    named = f"posting {victim} is damaged (text that is not valid UTF-8)"
    listed = run_cli(db, "jobs", "list", "--json")
    assert_clean(listed, codes=(0,))
    assert len(json.loads(listed.out)) == total - 1 and named in listed.one_line_reason()
    saved = run_cli(db, "backup", "export", str(tmp_path / "rescue.zip"), "--json")
    assert_clean(saved, codes=(0,))
    assert json.loads(saved.out)["postings"] == total - 1 and named in saved.one_line_reason()
    doctor = run_cli(db, "doctor", "--json")
    assert_clean(doctor, codes=(1,))
    report = json.loads(doctor.out)
    assert report["integrity"] == ["ok"] and report["damaged"] == [
        {"kind": "posting", "id": victim, "reason": "text that is not valid UTF-8"}]
    assert "backup export" in doctor.one_line_reason()
    fresh = tmp_path / "fresh.db"
    assert_clean(run_cli(fresh, "backup", "import", str(tmp_path / "rescue.zip")), codes=(0,))
    assert len(json.loads(run_cli(fresh, "jobs", "list", "--json").out)) == total - 1
    assert json.loads(run_cli(fresh, "doctor", "--json").out)["ok"] is True


@pytest.mark.slow
def test_rank_and_export_skip_the_damaged_row(damaged: tuple[Path, int, int], tmp_path: Path) -> None:
    from tests.hostile.runner import RANK_ADDRESS_SPACE

    db, victim, total = damaged
    for command in (["rank", "--json"], ["export", "--format", "csv", "--out", str(tmp_path / "all.csv")]):
        outcome = run_cli(db, *command, address_space=RANK_ADDRESS_SPACE)
        assert_clean(outcome, codes=(0,), peak_mb=2_000)
        assert f"posting {victim} is damaged" in outcome.one_line_reason()
    assert len(json.loads(run_cli(db, "rank", "--json", address_space=RANK_ADDRESS_SPACE).out)) == total - 1
