"""The command line on broken input: it exits 0 or 1 with a reason, never with a traceback, and the
database stays whole. Point MATCHER_FUZZ_CORPUS at a folder to run any outside corpus the same way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from matcher import cli
from matcher.paths import SAMPLES
from matcher.store import Store

OUTSIDE_CORPUS = "MATCHER_FUZZ_CORPUS"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))  # any exception other than SystemExit fails the test here
    out, err = capsys.readouterr()
    return code, out, err


def test_importing_the_whole_broken_corpus_lists_a_reason_per_file(
    job_corpus_files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "m.db")
    folder = next(iter(job_corpus_files.values())).parent
    code, out, err = run(capsys, "--db", db, "jobs", "import", str(folder), "--json")
    assert code == cli.EXIT_OK, err
    summary = json.loads(out)
    assert summary["imported"] > 0  # the readable files still came in
    assert summary["errors"] and all(e["reason"].strip() for e in summary["errors"])
    assert "Traceback" not in err
    store = Store(db)
    assert store.integrity_ok()
    store.close()


def test_each_broken_cv_is_refused_with_a_reason(
    cv_corpus_files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "m.db")
    for name, path in cv_corpus_files.items():
        code, _, err = run(capsys, "--db", db, "cv", "import", str(path))
        assert code in (cli.EXIT_OK, cli.EXIT_NOTHING_DONE), name
        if code == cli.EXIT_NOTHING_DONE:
            assert err.startswith("matcher: ") and len(err.strip()) > len(f"matcher: {path}: ") + 10, (name, err)


@pytest.mark.skipif(not os.environ.get(OUTSIDE_CORPUS), reason=f"set {OUTSIDE_CORPUS}=FOLDER to run an outside corpus")
def test_an_outside_corpus_never_crashes_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [p for p in sorted(Path(os.environ[OUTSIDE_CORPUS]).rglob("*")) if p.is_file()]
    db = str(tmp_path / "m.db")
    failures = []
    for path in files:
        for command in ("jobs", "cv"):
            try:
                code, _, err = run(capsys, "--db", db, command, "import", str(path))
                if code not in (cli.EXIT_OK, cli.EXIT_NOTHING_DONE) or "Traceback" in err:
                    failures.append(f"{command} import {path}: exit {code}: {err[-300:]}")
            except Exception as exc:  # collect: every file's result is worth seeing
                failures.append(f"{command} import {path}: {type(exc).__name__}: {exc}")
    store = Store(db)
    assert store.integrity_ok()
    store.close()
    assert not failures, "\n".join(failures)


def test_a_folder_with_a_link_loop_a_pipe_and_dead_links_imports_what_it_can(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "downloads"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "loop").symlink_to(folder)  # a walk that follows it never ends
    (folder / "dead.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would block for ever
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub" / "posting.txt").write_bytes((SAMPLES / "jobs" / "003_38a88ba91144b235.txt").read_bytes())
    db = str(tmp_path / "m.db")
    code, out, err = run(capsys, "--db", db, "jobs", "import", str(folder), str(folder / "pipe.txt"), "--json")
    assert code == cli.EXIT_OK, err
    summary = json.loads(out)
    assert summary["imported"] == 1
    reasons = {Path(e["path"]).name: e["reason"] for e in summary["errors"]}
    assert set(reasons) >= {"pipe.txt", "empty.txt"} and all(reasons.values())
