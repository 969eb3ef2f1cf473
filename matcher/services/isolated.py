"""Run a service in a process of its own, with its progress and cancel carried across.

Why: reading a folder of postings makes and drops hundreds of thousands of short-lived objects.
In the app's process every full garbage collection that this work sets off walks the window's
objects too, holding the interpreter lock while it does, on whichever thread it starts: the window
froze for a fifth of a second, again and again, during a large import. In a child process the
window's interpreter never sees that garbage. The child's peak memory ends with it, and a reader
that crashes takes down only the child: the files finished before it are kept (one transaction
per file), and the user is told.

`fn` must be a module-level function (it is pickled by name) taking `progress` and `cancelled`
keywords; its arguments and result must pickle. The child is started with "spawn": a fresh
interpreter that imports only what `fn` needs, never Qt or the window.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from typing import Any, TypeVar

from matcher.services.common import Cancelled, Progress, never_cancelled, no_progress

T = TypeVar("T")
POLL_S = 0.1  # how often the parent looks at the cancel flag while the child is quiet
STOP_WAIT_S = 10.0  # after the result, how long the child has to close its files and exit


class ChildFailed(RuntimeError):
    """The child process ended without an answer (killed, out of memory, a crash in a library)."""


def run_isolated(fn: Callable[..., T], *args: Any, progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> T:
    """`fn(*args, progress=..., cancelled=...)` in a child process; its result, or its exception.

    Each progress report waits for the parent's answer, which says whether the user cancelled:
    the child then stops exactly where the same work in this process would have."""
    context = multiprocessing.get_context("spawn")
    parent_end, child_end = context.Pipe()
    child = context.Process(target=_child, args=(fn, args, child_end), daemon=True,
                            name=f"matcher-{getattr(fn, '__name__', 'work')}")
    child.start()
    child_end.close()  # the child holds its own copy: end of file here means the child is gone
    try:
        while True:
            if not parent_end.poll(POLL_S):
                continue
            try:
                kind, payload = parent_end.recv()
            except EOFError:
                child.join(STOP_WAIT_S)
                raise ChildFailed(f"the work stopped unexpectedly (exit code {child.exitcode}); "
                                  "what was finished before is kept") from None
            if kind == "progress":
                progress(*payload)
                parent_end.send(cancelled())
            elif kind == "error":
                raise payload
            else:
                return payload  # type: ignore[no-any-return]
    finally:
        parent_end.close()
        child.join(STOP_WAIT_S)
        if child.is_alive():
            child.kill()
            child.join()


def _child(fn: Callable[..., object], args: tuple[object, ...], conn: Any) -> None:
    stop = False

    def progress(done: int, total: int, message: str) -> None:
        nonlocal stop
        conn.send(("progress", (done, total, message)))
        answer = bool(conn.recv())  # always read: every report gets its answer
        stop = stop or answer

    try:
        result = fn(*args, progress=progress, cancelled=lambda: stop)
    except BaseException as error:  # carried to the parent, which raises it where the work was asked for
        conn.send(("error", _picklable(error)))
    else:
        conn.send(("done", result))
    conn.close()


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # an exception holding a file handle or a lock: keep what it says
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
