"""Python's cyclic garbage collector, run on the UI thread only.

Left automatic, a collection runs on whichever thread happens to allocate — during an import,
the worker. There it may free Qt wrappers that belong to the UI thread, which crashed the app
(a segfault inside a worker building the skill extractor), and it holds the interpreter lock
for 60–200 ms while the window waits. So automatic collection is switched off once the first
`Worker` exists, and a timer on the UI thread collects the generations that are due, with the
same thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 20  # small slices: a worker can allocate ~100,000 objects in 250 ms, a 60+ ms gen-0 pass

_installed: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        gc.disable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns it, or -1."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] > thresholds[generation]:
                due = generation
        if due >= 0:
            gc.collect(due)
        if due == 2:
            # What survived a full pass is the app's long-lived state (postings, rankings): freezing
            # it keeps later full passes to what is new since, so none of them stalls the window.
            gc.freeze()
        return due


def install_main_thread_collector() -> MainThreadCollector:
    """Idempotent; call on the UI thread after the QApplication exists."""
    global _installed
    if _installed is None:
        _installed = MainThreadCollector()
    return _installed
