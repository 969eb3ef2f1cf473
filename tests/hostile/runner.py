"""Run the real `matcher` command in a child process with a memory cap and a timeout, and measure
what it cost: exit status, output, peak memory (the command's own, from wait4) and seconds.

The cap is on address space (RLIMIT_AS), so a runaway read ends in a MemoryError here instead of
taking the machine's memory; the peak is the resident high-water mark, which the tests bound.
Linux carries a process's high-water mark across exec, so a child forked from this test process
(which may hold the model: 700 MB) would report at least that. A small launcher is forked
instead, and it forks the command: the command's mark starts from the launcher's few MB.
"""

from __future__ import annotations

import hashlib
import os
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
    if timeout is None:
        timeout = RANK_TIMEOUT_SECONDS if address_space >= RANK_ADDRESS_SPACE else TIMEOUT_SECONDS
    command = [*(prefix or []), sys.executable, "-m", "matcher", *(["--db", str(db)] if db else []), *args]
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
        # Output to files, not pipes: an unread pipe could stall the child.
        launcher = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, peak.name, str(address_space), *command], cwd=PROJECT,
            stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})})  # fmt: skip
        try:
            code = launcher.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)  # the launcher and the command it started
            launcher.wait()
            err.seek(0)
            raise AssertionError(f"`{' '.join(args)}` still running after {timeout} s: "
                                 f"{err.read().decode('utf-8', 'replace')[-500:]}") from None
        out.seek(0)
        err.seek(0)
        peak_kb = int(Path(peak.name).read_text() or 0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return Outcome(code, stdout, stderr, peak_kb / 1024, time.monotonic() - started)


# Forks the command under the address-space cap, waits for it, writes its peak (KB) to argv[1].
LAUNCHER = """
import os, resource, signal, sys
peak_file, limit, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file-size cap gives EFBIG, not a kill
pid = os.fork()
if pid == 0:
    os.execvp(command[0], command)
_, status, usage = os.wait4(pid, 0)
open(peak_file, "w").write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


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
