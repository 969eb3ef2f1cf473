"""Python's cyclic garbage collector, run on the UI thread only.

Left automatic, a collection runs on whichever thread happens to allocate — during an import,
the worker. There it may free Qt wrappers that belong to the UI thread, which crashed the app
(a segfault inside a worker building the skill extractor), and it holds the interpreter lock
for 60–200 ms while the window waits. So automatic collection is switched off once the first
`Worker` exists, and a timer on the UI thread collects the young generations when Python's own
thresholds say so. What would reach the oldest generation — the app's long-lived state — is
frozen rather than walked again and again (a walk over 10,000 postings is a visible freeze).

The price: cyclic garbage that is frozen is never collected. The app's state (dataclasses, lists)
holds no reference cycles and is freed by reference counting when replaced, so this stays small.
"""

from __future__ import annotations

import gc
import sys
import time

from PySide6.QtCore import QObject, QTimer

UI_SWITCH_INTERVAL_S = 0.001
BULK_YOUNG_OBJECTS = 100_000  # more young objects than this are a delivered result, not churn
FULL_PASS_EVERY_S = 300.0  # at most one full pass (over what is not frozen) in this many seconds
CHECK_INTERVAL_MS = 20  # small slices: a worker can allocate ~100,000 objects in 250 ms, a 60+ ms gen-0 pass

_installed: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        self._last_full = time.monotonic()
        gc.disable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns it, or -1."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] > BULK_YOUNG_OBJECTS:
            # A worker's result just arrived (10,000 ranked postings are ~10^6 objects): walking
            # them is a 70-100 ms pass, and they are the app's new state, not garbage. Freeze them.
            gc.freeze()
            return -1
        due = -1
        for generation in range(3):
            if counts[generation] > thresholds[generation]:
                due = generation
        if due == 2 and time.monotonic() - self._last_full < FULL_PASS_EVERY_S:
            # A full pass walks every object the app holds (10,000 postings: 100-300 ms, a visible
            # freeze). What reaches the oldest generation is long-lived state (postings, rankings),
            # so it is frozen instead of walked; a real full pass runs at most every few minutes.
            gc.collect(1)
            gc.freeze()
        elif due >= 0:
            gc.collect(due)
            if due == 2:
                self._last_full = time.monotonic()
                gc.freeze()
        return due


def settle_heap() -> None:
    """Once the window is up: collect, then freeze what survived (modules, taxonomy, widgets) so
    no later full pass walks it again. The app calls this at start-up; tests that measure stalls
    call it too, so they measure what the app does rather than the test session's whole heap."""
    gc.collect()
    gc.freeze()


def install_main_thread_collector() -> MainThreadCollector:
    """Idempotent; call on the UI thread after the QApplication exists."""
    global _installed
    if _installed is None:
        _installed = MainThreadCollector()
        # A worker running Python keeps the GIL for the whole switch interval each time it gets it;
        # at the default 5 ms the UI thread queued behind it (and behind other threads) waited
        # 100+ ms in a row during an import. 1 ms hands the GIL back five times as often.
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    return _installed
