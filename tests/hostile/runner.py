"""Run the real `matcher` command in a child process with a memory cap and a timeout, and measure
what it cost: exit status, output, peak memory (the child's own, from wait4) and seconds.

The cap is on address space (RLIMIT_AS), so a runaway read ends in a MemoryError here instead of
taking the machine's memory; the peak is the resident high-water mark, which the tests bound.
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
# A CLI import starts at ~100 MB resident and ~230 MB of address space; ranking loads torch and
# the model (~1 GB resident, 1.8 GB of address space), so it gets its own cap.
IMPORT_ADDRESS_SPACE = 1_500 << 20
RANK_ADDRESS_SPACE = 4_000 << 20
PEAK_LIMIT_MB = 400  # "a few hundred MB": what any import may hold at its peak
TIMEOUT_SECONDS = 120  # a safety net on a shared 2-core machine, not a speed claim
RANK_TIMEOUT_SECONDS = 400  # loading the model and embedding, on the same shared machine


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    peak_mb: float
    seconds: float

    def one_line_reason(self) -> str:
        """The `matcher:` lines on stderr; every one is a whole reason on one line."""
        return "\n".join(line for line in self.err.splitlines() if line.startswith("matcher: "))


def run_cli(db: Path | None, *args: str, address_space: int = IMPORT_ADDRESS_SPACE,
            timeout: float | None = None, env: dict[str, str] | None = None,
            prefix: list[str] | None = None) -> Outcome:
    """`matcher [--db DB] ARGS` as a user runs it; `prefix` wraps it (e.g. in `unshare`)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file-size cap gives EFBIG, not a kill

    if timeout is None:
        timeout = RANK_TIMEOUT_SECONDS if address_space >= RANK_ADDRESS_SPACE else TIMEOUT_SECONDS
    command = [*(prefix or []), sys.executable, "-m", "matcher", *(["--db", str(db)] if db else []), *args]
    started = time.monotonic()
    # Output to files, not pipes: the child is reaped by wait4 below (for its own peak memory),
    # so nothing may wait on it first, and an unread pipe could stall it.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, cwd=PROJECT, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                 preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})})
        status, usage = _wait(child, timeout)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if status is None:
        raise AssertionError(f"`{' '.join(args)}` still running after {timeout} s: {stderr[-500:]}")
    return Outcome(os.waitstatus_to_exitcode(status), stdout, stderr, usage.ru_maxrss / 1024, time.monotonic() - started)


def _wait(child: subprocess.Popen[bytes], timeout: float) -> tuple[int | None, resource.struct_rusage]:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
            return status, usage
        if time.monotonic() > deadline:
            child.kill()
            _, _, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            return None, usage
        time.sleep(0.02)


def assert_clean(outcome: Outcome, *, codes: tuple[int, ...] = (0, 1), peak_mb: float = PEAK_LIMIT_MB) -> None:
    """Exit 0 or 1, every message one line starting "matcher: ", no traceback, memory bounded."""
    assert outcome.code in codes, (outcome.code, outcome.err[-2000:])
    assert "Traceback" not in outcome.err and "Error:" not in outcome.one_line_reason(), outcome.err[-2000:]
    if outcome.code == 1:
        assert outcome.one_line_reason(), outcome.err[-2000:]
    assert outcome.peak_mb < peak_mb, f"peak {outcome.peak_mb:.0f} MB"


def digest(path: Path) -> str:
    """The file's bytes, hashed: "unchanged" means byte for byte."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
