"""A kill in the middle of a large import leaves whole files only, and a database that opens as is.

The import runs as the real command in a child process; the test watches the file read-only
until postings appear, then SIGKILLs the child — no chance to clean up, as when the power fails.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from matcher.ingest import postings as posting_files
from matcher.paths import SAMPLES
from matcher.store import Store


FILES = 40
SAMPLE = SAMPLES / "jobs" / "000_7d3acf110e98f847.txt"  # a job-board page of 86 postings
POLL_SECONDS = 0.02
WAIT_LIMIT_SECONDS = 120  # a safety net for a hung child, not a timing assertion
PROJECT = Path(__file__).resolve().parents[1]


def build_folder(folder: Path) -> list[Path]:
    """FILES copies of the sample page with every title varied, so each file brings new postings."""
    titles = {p.title for p in posting_files.read_posting_file(SAMPLE).postings}
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    folder.mkdir()
    paths = []
    for batch in range(FILES):
        varied = [f"{line} (batch {batch})" if line.strip() in titles else line for line in lines]
        path = folder / f"batch_{batch:03d}.txt"
        path.write_text("\n".join(varied) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def expected_per_file(paths: list[Path]) -> dict[Path, int]:
    """How many postings each file adds when the files are imported in order: what it holds,
    less what an earlier file (or itself) already brought."""
    seen: set[str] = set()
    expected = {}
    for path in paths:
        fingerprints = {p.fingerprint() for p in posting_files.read_posting_file(path).postings} - seen
        expected[path] = len(fingerprints)
        seen |= fingerprints
    return expected


def stored_sources(db: Path) -> list[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT source FROM jobs")]


def postings_per_file(db: Path, paths: list[Path]) -> dict[Path, int]:
    sources = stored_sources(db)
    counts = {path: sum(source.startswith(str(path)) for source in sources) for path in paths}
    assert sum(counts.values()) == len(sources), "a stored posting comes from no file of the import"
    return counts


def start_import(db: Path, folder: Path, log: Path) -> subprocess.Popen[bytes]:
    # Output to a file, not a pipe: an unread pipe that fills up would stall the child.
    with log.open("wb") as out:  # the child keeps its own copy of the handle
        return subprocess.Popen(
            [sys.executable, "-m", "matcher", "--db", str(db), "jobs", "import", str(folder)],
            cwd=PROJECT,
            stdout=subprocess.DEVNULL,
            stderr=out,
            env={**os.environ, "PYTHONPATH": str(PROJECT)},
        )


def count_postings(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM jobs").fetchone()[0])
    except sqlite3.Error:  # the file or its tables do not exist yet
        return 0


def kill_once_more_is_stored(db: Path, folder: Path, log: Path, extra_delay: float) -> None:
    """Start the import, wait until it stored something new, let it run `extra_delay` seconds
    more (so kills land at different points: reading, matching, committing), then SIGKILL it."""
    before = count_postings(db)
    child = start_import(db, folder, log)
    deadline = time.monotonic() + WAIT_LIMIT_SECONDS
    while count_postings(db) == before and child.poll() is None and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
    time.sleep(extra_delay)
    assert child.poll() is None, "the import finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()


def assert_whole_files_only(db: Path, paths: list[Path], expected: dict[Path, int]) -> None:
    with sqlite3.connect(db) as raw:  # plain SQLite first: what any tool would see
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw.execute("PRAGMA foreign_keys=ON")
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()
    per_file = postings_per_file(db, paths)
    for path in paths:
        assert per_file[path] in (0, expected[path]), f"{path.name}: {per_file[path]} of {expected[path]} postings"
    # Files import in order, so what survives is a run of whole files from the first.
    done = [path for path in paths if per_file[path]]
    assert done == paths[: len(done)]
    store = Store(db)  # opens as it is: no repair step, no error
    assert store.integrity_ok()
    assert store.count_postings() == sum(per_file.values())
    with store.engine.connect() as conn:
        orphans = conn.exec_driver_sql("SELECT count(*) FROM requirements WHERE job_id NOT IN (SELECT id FROM jobs)")
        assert orphans.scalar() == 0
    store.close()


@pytest.mark.slow  # 12-30 s with load: 3,400 postings over three killed runs and a last one
def test_a_killed_import_keeps_whole_files_and_the_database_opens_without_repair(tmp_path: Path) -> None:
    paths = build_folder(tmp_path / "postings")
    expected = expected_per_file(paths)
    total = sum(expected.values())
    db = tmp_path / "matcher.db"

    for round_, extra_delay in enumerate((0.0, 0.3, 0.7)):
        kill_once_more_is_stored(db, tmp_path / "postings", tmp_path / f"killed{round_}.log", extra_delay)
        assert_whole_files_only(db, paths, expected)
    assert 0 < count_postings(db) < total, "the kills should land in the middle of the import"

    rerun = start_import(db, tmp_path / "postings", tmp_path / "rerun.log")
    assert rerun.wait(timeout=WAIT_LIMIT_SECONDS * 5) == 0, (tmp_path / "rerun.log").read_text()[-2000:]
    assert postings_per_file(db, paths) == expected
    store = Store(db)
    assert store.integrity_ok() and store.count_postings() == total
    store.close()
