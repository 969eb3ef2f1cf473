"""Several matchers on one file at once, as real processes: writes wait their turn, a long write
lets others in between its batches, a writer that never lets go gets a plain sentence, and a
ranking never loses its result because the vector cache could not be written.

Before: of four concurrent imports one was refused whole with SQL text (and the posting's text) in
the message; a 10,000-posting restore held the write lock 12.6 s, longer than the 10 s busy
timeout, so `shortlist add`, `cv import` and `skills add` crashed with tracebacks; a cold `rank`
embedded everything, then crashed on the cache write and lost the work.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from matcher.ingest.postings import read_posting_file
from matcher.paths import SAMPLES
from tests.hostile import corpus
from tests.hostile.runner import PROJECT, RANK_ADDRESS_SPACE, assert_clean, run_cli

SAMPLE = SAMPLES / "jobs" / "000_7d3acf110e98f847.txt"  # 86 postings
SQL_WORDS = ("INSERT", "SELECT", "sqlite3", "[SQL", "OperationalError", "parameters")


def varied_copies(folder: Path, count: int) -> list[Path]:
    """`count` copies of the sample board, every title changed, so each file brings 86 new postings."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    titles = {p.title for p in read_posting_file(SAMPLE).postings}
    paths = []
    for n in range(count):
        path = folder / f"board_{n}.txt"
        path.write_text("\n".join(f"{line} (copy {n})" if line.strip() in titles else line for line in lines) + "\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def start(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "matcher", "--db", str(db), *args], cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def finish(process: subprocess.Popen[bytes], timeout: float = 180) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out.decode(), err.decode()


def test_four_imports_at_once_all_land_without_sql_in_any_message(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert_clean(run_cli(db, "jobs", "list"), codes=(0,))
    files = varied_copies(tmp_path, 4)
    processes = [start(db, "jobs", "import", str(path), "--json") for path in files]
    results = [finish(p) for p in processes]
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err[-1000:]
        assert not any(word in err + out for word in SQL_WORDS), err[-1000:]
    imported = sum(json.loads(out)["imported"] for _, out, _ in results)
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert imported == len(stored) > 3 * 80


PROBE = """
import sqlite3, sys, time
db, stop = sys.argv[1], sys.argv[2]
longest = 0.0
import os
while not os.path.exists(stop):
    conn = sqlite3.connect(db, timeout=120, isolation_level=None)
    started = time.monotonic()
    conn.execute("BEGIN IMMEDIATE")
    longest = max(longest, time.monotonic() - started)
    conn.execute("COMMIT")
    conn.close()
    time.sleep(0.05)
print(longest)
"""


def test_a_long_restore_lets_other_writers_in_between_its_batches(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    for command in (["jobs", "import", str(SAMPLES / "jobs" / "003_38a88ba91144b235.txt")],
                    ["cv", "import", str(SAMPLES / "cvs" / "john_doe.pdf")]):  # fmt: skip
        assert_clean(run_cli(db, *command), codes=(0,))
    postings = [{"id": n, "title": f"Engineer {n}", "company": "Acme", "raw": "x" * 500, "source": "t",
                 "description": f"Build service {n} in Python and Go. " * 20,
                 "requirements": [{"text": f"{k} years of Python", "kind": "required"} for k in range(5)]}
                for n in range(1, 10_001)]  # fmt: skip
    backup = corpus.backup(tmp_path / "big.zip", {"postings": postings})
    stop = tmp_path / "stop"
    probe = subprocess.Popen([sys.executable, "-c", PROBE, str(db), str(stop)], stdout=subprocess.PIPE)
    restore = start(db, "backup", "import", str(backup), "--json")
    time.sleep(5)  # the first pass only reads; let the writing begin
    others = [start(db, "shortlist", "add", "1"), start(db, "skills", "add", "Zorblax"),
              start(db, "cv", "import", str(SAMPLES / "cvs" / "john_doe.pdf"))]  # fmt: skip
    for process in others:
        code, _, err = finish(process)
        assert code == 0 and "Traceback" not in err, err[-1000:]
    code, out, err = finish(restore, timeout=600)
    stop.touch()
    longest = float(probe.communicate(timeout=60)[0])
    assert code == 0, err[-1000:]
    assert json.loads(out)["postings"] == len(postings)
    assert longest < 5.0, f"another writer waited {longest:.1f} s for the lock"  # one transaction held it 12.6 s


LOCK_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(600)
"""


@pytest.fixture
def locked(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A database whose write lock another process holds until the test ends."""
    db = tmp_path / "m.db"
    for command in (["jobs", "import", str(SAMPLES / "jobs" / "003_38a88ba91144b235.txt")],
                    ["cv", "import", str(SAMPLES / "cvs" / "john_doe.pdf")]):  # fmt: skip
        assert_clean(run_cli(db, *command), codes=(0,))
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(db)], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
    yield db
    holder.kill()
    holder.wait()


def test_a_writer_that_never_lets_go_gets_a_plain_sentence(locked: Path) -> None:
    before = json.loads(run_cli(locked, "jobs", "list", "--json").out)  # reading is never blocked
    outcome = run_cli(locked, "skills", "add", "Zorblax")
    assert_clean(outcome, codes=(1,))
    assert outcome.one_line_reason() == "matcher: another matcher is writing to this file; try again in a moment"
    assert 15 < outcome.seconds < 60  # it waited its turn first
    assert json.loads(run_cli(locked, "jobs", "list", "--json").out) == before


@pytest.mark.slow
def test_a_cold_rank_keeps_its_result_when_the_cache_cannot_be_written(locked: Path) -> None:
    outcome = run_cli(locked, "rank", "--json", address_space=RANK_ADDRESS_SPACE)
    assert_clean(outcome, codes=(0,), peak_mb=2_000)
    assert len(json.loads(outcome.out)) == 1
    assert "were not cached (another matcher is writing" in outcome.one_line_reason()
    with sqlite3.connect(f"file:{locked}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 0
