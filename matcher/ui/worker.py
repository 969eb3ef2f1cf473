"""The one way to run work off the UI thread (Anki's CollectionOp, Picard's thread pools).

An op is a plain callable `fn(context) -> result` that never touches a widget: it reports through
`context.progress(done, total, message)` and polls `context.cancelled()`. Its result, failure and
progress come back to the main thread as Qt signals of an `OpHandle` that lives there.
Database writes go through one serial pool of one thread, so two writers never race.
Tests inject `SyncPool` to run ops at once on the calling thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from matcher.services.common import OperationCancelled
from matcher.ui.module_sources import release_module_sources

log = logging.getLogger(__name__)


class Pool(Protocol):
    """What `Worker` needs of a thread pool: `QThreadPool` or a fake."""

    def start(self, runnable: QRunnable) -> None: ...


class SyncPool:
    """Runs each op at once on the calling thread (Picard's FakeThreadPool): tests need no waits."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


class OpContext:
    """What the op body sees: a progress reporter and a cancel check, both plain Python."""

    def __init__(self, handle: OpHandle) -> None:
        self._handle = handle

    def progress(self, done: int, total: int, message: str) -> None:
        self._handle._signals.progressed.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._handle.is_cancelled()


class _Signals(QObject):
    # Emitted on the worker thread; the handle (main thread) receives them queued.
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class OpHandle(QObject):
    """One running op, on the main thread: connect to its signals, or call `cancel()`."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(int, int, str)
    finished = Signal()  # after succeeded or failed, whichever came

    def __init__(self, label: str, parent: QObject | None = None, quiet: bool = False) -> None:
        super().__init__(parent)
        self.label = label
        self.quiet = quiet  # a moment's work (a star, one explanation): the status bar does not show it
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.progressed.connect(self.progressed)
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self.done = True
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.done = True
        self.failed.emit(error)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[OpContext], Any], handle: OpHandle) -> None:
        super().__init__()
        self._fn = fn
        self._handle = handle
        self._signals = handle._signals  # keep the emitter alive while the op runs

    def run(self) -> None:
        try:
            result = self._fn(OpContext(self._handle))
        except OperationCancelled as exc:  # the user pressed Cancel: nothing went wrong, no traceback
            log.info("%s cancelled", self._handle.label)
            self._emit(self._signals.failed, exc)
        except Exception as exc:  # the UI shows it; a worker thread must never die silently
            log.exception("%s failed", self._handle.label)
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.succeeded, result)

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app quit while the op ran: nobody is left to tell
            log.info("%s finished after the window closed", self._handle.label)


class Worker(QObject):
    """Starts ops: reads on a general pool, writes on a serial pool of one thread."""

    opStarted = Signal(object)  # OpHandle
    opFinished = Signal(object)  # OpHandle

    def __init__(self, pool: Pool | None = None, write_pool: Pool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: Pool = pool if pool is not None else QThreadPool.globalInstance()
        if write_pool is None:
            serial = QThreadPool(self)
            serial.setMaxThreadCount(1)
            write_pool = serial
        self._write_pool: Pool = write_pool
        self._running: set[OpHandle] = set()  # referenced here so Python never collects a live op
        self._retired: list[OpHandle] = []

    def run(self, label: str, fn: Callable[[OpContext], Any], *, writes: bool = False) -> OpHandle:
        """Start `fn` off the UI thread; connect to the returned handle's signals at once
        (queued delivery means nothing arrives before control returns to the event loop —
        except under `SyncPool`, where ops run inside `start`, see `prepare`)."""
        handle = self.prepare(label)
        self.start(handle, fn, writes=writes)
        return handle

    def prepare(self, label: str, quiet: bool = False) -> OpHandle:
        """A handle to connect to before `start`: needed when the pool may run the op at once."""
        handle = OpHandle(label, quiet=quiet)  # owned by Python: callers may keep it as long as they like
        handle.finished.connect(lambda: self._forget(handle))
        return handle

    def start(self, handle: OpHandle, fn: Callable[[OpContext], Any], *, writes: bool = False) -> None:
        self._running.add(handle)
        self.opStarted.emit(handle)
        (self._write_pool if writes else self._pool).start(_Runnable(fn, handle))

    def _forget(self, handle: OpHandle) -> None:
        self._running.discard(handle)
        release_module_sources()  # what an op imported, PySide6's import hook has read in full
        # Dropping the last reference now would free the handle inside its own signal emission;
        # keep it until the event loop comes round again.
        self._retired.append(handle)
        QTimer.singleShot(0, lambda: self._retired.remove(handle))
        self.opFinished.emit(handle)

    def running(self) -> list[OpHandle]:
        return list(self._running)

    def cancel_all(self) -> None:
        for handle in list(self._running):
            handle.cancel()

    def wait(self, msecs: int = 30000) -> None:
        """Block until running ops end (at quit, after `cancel_all`)."""
        for pool in (self._write_pool, self._pool):
            wait = getattr(pool, "waitForDone", None)
            if wait is not None:
                wait(msecs)
