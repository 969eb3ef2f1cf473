"""The status bar's progress: the running op's message, a progress bar, how far it is and how long it
has left ("412 of 1,936 · about 40 s left"), and a Cancel button."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from matcher.ui.progress import TimeLeft, count_text
from matcher.ui.worker import OpHandle, Worker


class OpStatus(QWidget):
    """Shows the newest running op; Cancel asks every running op to stop at its next check."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops: list[OpHandle] = []
        self._time_left: dict[OpHandle, TimeLeft] = {}
        self.label = QLabel()
        self.count = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton("Cancel")
        self.cancel.setToolTip("Stop; what has finished is kept")
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.count)
        layout.addWidget(self.cancel)
        worker.opStarted.connect(self._started)
        worker.opFinished.connect(self._finished)
        self.setVisible(False)

    def _started(self, handle: OpHandle) -> None:
        if handle.quiet:
            return
        self._ops.append(handle)
        self._time_left[handle] = TimeLeft()
        handle.progressed.connect(lambda done, total, message: self._progress(handle, done, total, message))
        self._show(handle, 0, 0, f"{handle.label}…")

    def _progress(self, handle: OpHandle, done: int, total: int, message: str) -> None:
        clock = self._time_left.get(handle)
        left = clock.seconds_left(done, total, time.monotonic()) if clock else None
        if self._ops and handle is self._ops[-1]:
            self._show(handle, done, total, message, left)

    def _show(self, handle: OpHandle, done: int, total: int, message: str, left: float | None = None) -> None:
        self.label.setText(message)
        # The count beside the bar, unless the op's own message already says it ("Embedding 412 of 1,936 …").
        self.count.setText("" if f"{min(done, total):,} of {total:,}" in message else count_text(done, total, left))
        self.bar.setRange(0, max(total, 0))  # 0..0 is Qt's busy indicator: the length is unknown
        self.bar.setValue(min(done, total))
        self.cancel.setEnabled(not handle.is_cancelled())
        self.setVisible(True)

    def _finished(self, handle: OpHandle) -> None:
        if handle in self._ops:
            self._ops.remove(handle)
        self._time_left.pop(handle, None)
        if self._ops:
            self._show(self._ops[-1], 0, 0, f"{self._ops[-1].label}…")
        else:
            self.setVisible(False)

    def _cancel(self) -> None:
        for handle in self._ops:
            handle.cancel()
        self.label.setText("Cancelling…")
        self.cancel.setEnabled(False)
