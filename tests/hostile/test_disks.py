"""Read-only and full disks, for real: each command runs in its own mount namespace (`unshare`),
on a read-only bind mount of the database's folder or file, or on a tiny tmpfs that is full.
(Root ignores file modes, so a read-only mount is the only honest read-only file here.)

Before: on a read-only file writes crashed with tracebacks, on a read-only folder or mount every
command said "is not a matcher database"; on a full disk `cv import`, `rank`, `backup import` and
`export` crashed with tracebacks, and a new database left a 0-byte file.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
import subprocess
from pathlib import Path

import pytest

from matcher.paths import SAMPLES
from tests.hostile import corpus
from tests.hostile.runner import RANK_ADDRESS_SPACE, Outcome, assert_clean, digest, run_cli

JOBS = SAMPLES / "jobs"
CV = SAMPLES / "cvs" / "john_doe.pdf"
READING = (["jobs", "list"], ["cv", "list"], ["shortlist", "list"], ["settings", "list"], ["doctor"])
WRITING = (["jobs", "import", str(JOBS / "000_7d3acf110e98f847.txt")], ["cv", "import", str(CV)],
           ["shortlist", "add", "1"], ["skills", "add", "Zorblax"], ["settings", "reset"])  # fmt: skip
TMPFS_BYTES = 2 << 20


def _namespaces_work() -> bool:
    try:
        return subprocess.run(["unshare", "-r", "-m", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


pytestmark = pytest.mark.skipif(not _namespaces_work(), reason="needs unprivileged mount namespaces (unshare -r -m)")


def in_namespace(setup: str, after: str = "") -> list[str]:
    """A prefix that runs the command after `setup` in a new mount namespace, then `after`."""
    return ["unshare", "-r", "-m", "sh", "-c", f'{setup} && "$@"; rc=$?; {after or "true"}; exit $rc', "sh"]


def read_only(target: Path) -> list[str]:
    t = shlex.quote(str(target))
    return in_namespace(f"mount --bind {t} {t} && mount -o remount,ro,bind {t}")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the sample postings and CV, with a shortlist entry and a backup of it all."""
    folder = tmp_path_factory.mktemp("seed")
    db = folder / "m.db"
    for command in (["jobs", "import", str(JOBS / "003_38a88ba91144b235.txt")], ["cv", "import", str(CV)],
                    ["shortlist", "add", "1"], ["backup", "export", str(folder / "all.zip")]):  # fmt: skip
        assert_clean(run_cli(db, *command), codes=(0,))
    return db


def copy_of(db: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / db.name).write_bytes(db.read_bytes())
    return folder / db.name


@pytest.mark.parametrize("what", ["folder", "file"])
def test_on_a_read_only_mount_reading_works_and_writing_says_why(what: str, seeded: Path, tmp_path: Path) -> None:
    db = copy_of(seeded, tmp_path / "ro")
    prefix = read_only(db.parent if what == "folder" else db)
    before = digest(db)
    for command in (*READING, ["backup", "export", str(tmp_path / "out.zip")]):
        assert_clean(run_cli(db, *command, prefix=prefix), codes=(0,))
    for command in (*WRITING, ["backup", "import", str(seeded.parent / "all.zip")]):
        outcome = run_cli(db, *command, prefix=prefix)
        assert_clean(outcome, codes=(1,))
        assert f"{db} is read-only: matcher can show what it holds but cannot change it" in outcome.one_line_reason()
    assert digest(db) == before


@pytest.mark.slow
def test_on_a_read_only_mount_rank_and_export_work(seeded: Path, tmp_path: Path) -> None:
    db = copy_of(seeded, tmp_path / "ro")
    prefix = read_only(db.parent)
    outcome = run_cli(db, "rank", "--json", prefix=prefix, address_space=RANK_ADDRESS_SPACE)
    assert_clean(outcome, codes=(0,), peak_mb=2_000)
    assert len(json.loads(outcome.out)) == 1
    out = tmp_path / "ranked.csv"
    assert_clean(run_cli(db, "export", "--format", "csv", "--out", str(out), prefix=prefix,
                         address_space=RANK_ADDRESS_SPACE), codes=(0,), peak_mb=2_000)  # fmt: skip
    assert out.read_text(encoding="utf-8").count("\n") >= 2


def full_disk(mount: Path, db: Path | None, keep: Path, leave_bytes: int = 0) -> list[str]:
    """A tmpfs at `mount` holding a copy of `db`, filled up but for `leave_bytes`; after the
    command the database is copied to `keep` and what is left in `mount` listed on stderr."""
    m, k = shlex.quote(str(mount)), shlex.quote(str(keep))
    setup = f"mount -t tmpfs -o size={TMPFS_BYTES} tmpfs {m}"
    if db is not None:
        setup += f" && cp {shlex.quote(str(db))} {m}/m.db"
    setup += f" && (dd if=/dev/zero of={m}/fill bs=4096 2>/dev/null; true)"
    if leave_bytes:
        setup += f" && truncate -s -{leave_bytes} {m}/fill"
    # The -wal file too: committed writes may wait there to be copied into the main file.
    after = f"echo left: $(ls {m}) >&2; cp {m}/m.db {k} 2>/dev/null; cp {m}/m.db-wal {k}-wal 2>/dev/null"
    return in_namespace(setup, after)


def left(outcome: Outcome) -> set[str]:
    line = next(line for line in outcome.err.splitlines() if line.startswith("left:"))
    return set(line.split()[1:])


def integrity_and_counts(db: Path) -> tuple[str, int, int]:
    with sqlite3.connect(db) as conn:
        result = (conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute("SELECT count(*) FROM jobs").fetchone()[0],
                  conn.execute("SELECT count(*) FROM cvs").fetchone()[0])  # fmt: skip
    conn.close()
    return result


def test_a_new_database_on_a_full_disk_leaves_no_file(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    mount.mkdir()
    outcome = run_cli(mount / "new.db", "jobs", "list", prefix=full_disk(mount, None, tmp_path / "kept.db"))
    assert_clean(outcome, codes=(1,))
    assert "is full" in outcome.one_line_reason()
    assert left(outcome) == {"fill"}


def test_on_a_full_disk_reading_works_and_writing_says_the_disk_is_full(seeded: Path, tmp_path: Path) -> None:
    mount, kept = tmp_path / "disk", tmp_path / "kept.db"
    mount.mkdir()
    prefix = full_disk(mount, seeded, kept)
    for command in READING:
        assert_clean(run_cli(mount / "m.db", *command, prefix=prefix), codes=(0,))
    for command in (*WRITING, ["backup", "import", str(seeded.parent / "all.zip")]):
        outcome = run_cli(mount / "m.db", *command, prefix=prefix)
        assert_clean(outcome, codes=(1,))
        assert "is full" in outcome.one_line_reason(), command
        assert digest(kept) == digest(seeded)
    outcome = run_cli(mount / "m.db", "export", "--format", "csv", "--out", str(mount / "x.csv"), prefix=prefix,
                      address_space=RANK_ADDRESS_SPACE)  # it ranks (loading the model), then cannot write
    assert_clean(outcome, codes=(1,), peak_mb=2_000)
    assert "cannot write" in outcome.one_line_reason() and "the disk is full" in outcome.one_line_reason()
    assert not {name for name in left(outcome) if name.startswith("x.csv")}  # no half-written export


def test_a_restore_cut_short_by_a_full_disk_keeps_what_it_wrote_and_finishes_when_run_again(tmp_path: Path) -> None:
    postings = [{"id": n, "title": f"Engineer {n}", "company": "Acme", "raw": "x" * 2_000, "source": "t",
                 "description": f"Build service {n} in Python. " * 40} for n in range(1, 1_201)]  # fmt: skip
    backup = corpus.backup(tmp_path / "big.zip", {"postings": postings})
    mount, kept = tmp_path / "disk", tmp_path / "kept.db"
    mount.mkdir()
    empty = tmp_path / "empty.db"
    assert_clean(run_cli(empty, "jobs", "list"), codes=(0,))
    outcome = run_cli(mount / "m.db", "backup", "import", str(backup),
                      prefix=full_disk(mount, empty, kept, leave_bytes=1_500_000))  # room for part of it
    assert_clean(outcome, codes=(1,))
    reason = outcome.one_line_reason()
    assert "is full" in reason and "import the backup again to finish" in reason
    ok, stored, _ = integrity_and_counts(kept)
    assert ok == "ok" and 0 < stored < len(postings)
    outcome = run_cli(kept, "backup", "import", str(backup), "--json")
    assert_clean(outcome, codes=(0,))
    assert json.loads(outcome.out)["duplicates"] == stored
    assert integrity_and_counts(kept)[:2] == ("ok", len(postings))


@pytest.mark.slow
def test_rank_on_a_full_disk_keeps_its_result_and_export_to_another_disk_works(seeded: Path, tmp_path: Path) -> None:
    mount, kept = tmp_path / "disk", tmp_path / "kept.db"
    mount.mkdir()
    prefix = full_disk(mount, seeded, kept)
    outcome = run_cli(mount / "m.db", "rank", "--json", prefix=prefix, address_space=RANK_ADDRESS_SPACE)
    assert_clean(outcome, codes=(0,), peak_mb=2_000)
    assert len(json.loads(outcome.out)) == 1 and "not cached (the disk is full)" in outcome.one_line_reason()
    out = tmp_path / "ranked.md"
    outcome = run_cli(mount / "m.db", "export", "--format", "md", "--out", str(out), prefix=prefix,
                      address_space=RANK_ADDRESS_SPACE)  # fmt: skip
    assert_clean(outcome, codes=(0,), peak_mb=2_000)
    assert out.exists()
