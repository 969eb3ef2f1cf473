"""Crafted backups: every field checked, duplicates and unknown versions refused before a byte is
written, only regular files read; and a way back from bad settings.

Before: score_weights of "garbage" or {"semantic": "nan"} restored with exit 0, after which every
`rank` crashed or scored NaN; duplicate ids moved a shortlist entry to another posting and dropped
its notes while counting it "kept"; schema_version 99 was accepted; a FIFO or /dev/zero hung.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile import corpus
from tests.hostile.runner import assert_clean, digest, run_cli

POSTINGS = [{"id": n, "title": f"Engineer {n}", "company": "Acme", "description": f"Build service {n}.", "raw": "",
             "source": "t"} for n in (1, 2)]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    assert_clean(run_cli(path, "backup", "import", str(corpus.backup(tmp_path / "seed.zip", {"postings": [
        {**POSTINGS[0], "title": "Designer", "id": 7}]}))), codes=(0,))  # fmt: skip
    return path


CRAFTED = {
    "weights that are text": ({"postings": POSTINGS, "settings": {"score_weights": "garbage"}}, {}, "score_weights"),
    "a weight that is NaN": ({"postings": POSTINGS, "settings": {"score_weights": {"semantic": "nan"}}}, {}, "semantic"),
    "a weight of infinity": ({"postings": POSTINGS, "settings": {"score_weights": {"semantic": 1e400}}}, {}, "semantic"),
    "an unknown setting": ({"postings": POSTINGS, "settings": {"theme": "dark"}}, {}, "'theme'"),
    "two postings with one id": ({"postings": [POSTINGS[0], {**POSTINGS[1], "id": 1}],
                                  "shortlist": [{"job_id": 1, "status": "Applied", "notes": "call Monday"}]}, {}, "id 1"),
    "a shortlist entry twice": ({"postings": POSTINGS, "shortlist": [{"job_id": 1, "status": "Saved", "notes": ""}] * 2},
                                {}, "posting 1 twice"),
    "a schema from the future": ({"postings": POSTINGS}, {"schema_version": 99}, "schema 99"),
    "a schema that is text": ({"postings": POSTINGS}, {"schema_version": "3"}, "schema version"),
    "a key twice in one record": (None, {}, "one record holds 'title' twice"),
    "postings twice": (None, {}, "holds 'postings' twice"),
}  # fmt: skip


@pytest.mark.parametrize("name", CRAFTED)
def test_a_crafted_backup_is_refused_before_anything_is_written(name: str, db: Path, tmp_path: Path) -> None:
    data, manifest, reason = CRAFTED[name]
    path = tmp_path / "crafted.zip"
    if name == "a key twice in one record":
        corpus.backup(path, {"postings": POSTINGS})
        _rewrite_data(path, b'{"postings": [{"id": 1, "title": "A", "title": "B", "description": "x", "raw": "", "source": "t"}]}')
    elif name == "postings twice":
        corpus.backup(path, {"postings": POSTINGS})
        _rewrite_data(path, json.dumps({"postings": POSTINGS[:1]})[:-1].encode() + b', "postings": [{"id": 2}]}')
    else:
        corpus.backup(path, data, **manifest)
    before = digest(db)
    outcome = run_cli(db, "backup", "import", str(path))
    assert_clean(outcome, codes=(1,))
    assert reason in outcome.one_line_reason()
    assert digest(db) == before


def _rewrite_data(path: Path, payload: bytes) -> None:
    """Replace data.json, with a checksum that matches: damage the checksum cannot see."""
    import hashlib
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", payload)
        archive.writestr("manifest.json", json.dumps(corpus.manifest(hashlib.sha256(payload).hexdigest())))


def test_a_pipe_and_a_device_are_refused_at_once(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "backup.zip"
    os.mkfifo(fifo)  # no writer ever comes: opening it the usual way blocks for ever
    before = digest(db)
    for path in (fifo, Path("/dev/zero")):
        outcome = run_cli(db, "backup", "import", str(path), timeout=30)
        assert_clean(outcome, codes=(1,))
        assert "not a regular file" in outcome.one_line_reason()
        for command in (["cv", "import", str(path)], ["jobs", "import", str(path)]):
            outcome = run_cli(db, *command, timeout=30)
            assert_clean(outcome, codes=(1,))
            assert "not a regular file" in outcome.one_line_reason() or "not a regular file" in outcome.out
    assert digest(db) == before


def test_bad_settings_already_stored_are_ignored_and_can_be_reset(db: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as conn:  # as an older matcher's restore left them
        conn.execute("INSERT INTO settings (key, value) VALUES ('score_weights', '{\"semantic\": \"nan\"}')")
    conn.close()
    listed = run_cli(db, "settings", "list", "--json")
    assert_clean(listed, codes=(0,))
    assert json.loads(listed.out) == {"score_weights": {"semantic": "nan"}}
    doctor = run_cli(db, "doctor")
    assert_clean(doctor, codes=(1,))
    assert "setting 'score_weights' is damaged" in doctor.out
    reset = run_cli(db, "settings", "reset")
    assert_clean(reset, codes=(0,))
    assert "reset 1 setting" in reset.one_line_reason()
    assert json.loads(run_cli(db, "settings", "list", "--json").out) == {}
