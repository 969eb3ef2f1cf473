"""A thread pool stand-in that keeps each op until the test lets it run: the window can be looked at
mid-op, as while a long ranking holds its worker thread."""

from __future__ import annotations

from PySide6.QtCore import QRunnable


class HeldPool:
    def __init__(self) -> None:
        self.waiting: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.waiting.append(runnable)

    def run_next(self) -> None:
        self.waiting.pop(0).run()

    def run_all(self) -> None:
        while self.waiting:
            self.run_next()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True
