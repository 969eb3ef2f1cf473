"""Starting an op and hearing how it ended, for every action of the window (Anki's `CollectionOp`
with `.success()` / `.failure()`): reads go to the worker's general pool, writes to its serial one.

A failure is announced once, on `failed`, for the window to show; a cancel is not a failure and
only says so on `message`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from matcher.model_libraries import missing_library_hint
from matcher.services import OperationCancelled
from matcher.ui.worker import OpContext, OpHandle, Worker


class OpRunner(QObject):
    failed = Signal(str, str)  # what failed, why
    message = Signal(str)  # a line for the status bar

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker

    def run(self, label: str, fn: Callable[[OpContext], Any], done: Callable[[Any], object], *,
            writes: bool, stopped: Callable[[object], object] | None = None, quiet: bool = False) -> OpHandle:
        """Run `fn` off the UI thread; `done(result)` on the UI thread when it returns, `stopped(error)`
        when it raises or is cancelled. `writes`: it changes the database (the serial pool); `quiet`: a
        moment's work, not shown in the status bar."""
        handle = self.worker.prepare(label, quiet)
        handle.succeeded.connect(done)
        handle.failed.connect(lambda error: self._failed(label, error))
        if stopped is not None:  # connected before the start: a synchronous pool finishes within it
            handle.failed.connect(stopped)
        self.worker.start(handle, fn, writes=writes)
        return handle

    def _failed(self, label: str, error: object) -> None:
        if isinstance(error, OperationCancelled):  # the user asked for it: not an error
            self.message.emit(f"{label}: cancelled")
        elif isinstance(error, BaseException) and (hint := missing_library_hint(error)):
            self.failed.emit(label, hint[0].upper() + hint[1:])
        else:
            self.failed.emit(label, str(error) or type(error).__name__)
