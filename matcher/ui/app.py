"""Start the desktop app: `matcher gui [--screenshot PNG] [--size WxH]`.

The window shows before any heavy work: the database is read, the samples imported (first run)
and the model loaded in workers, so the window appears at once and keeps answering.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from matcher.desktop import APP_ID
from matcher.paths import ICON, SAMPLES
from matcher.store import Store, StoreError, default_db_path
from matcher.ui.core import AppCore
from matcher.ui.main_window import MainWindow
from matcher.ui.settings import DATA_FILE, THEME, Settings
from matcher.ui.theme import apply_theme
from matcher.ui.worker import Worker

SCREENSHOT_TIMEOUT_S = 180  # the first ranking loads the model: seconds on a laptop, more on a busy CI box
SETTLE_MS = 300  # let the last layout and paint land before the grab


def run_app(db_path: Path | None = None, screenshot: Path | None = None, size: tuple[int, int] | None = None) -> int:
    """`size`: the window's size in pixels (else the one it had last, or one that fits the screen)."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("matcher")
    app.setOrganizationName("matcher")
    app.setDesktopFileName(APP_ID)  # the desktop shows the menu entry's icon and name for the window
    # A screenshot run must neither read nor change the user's own window settings.
    scratch = tempfile.TemporaryDirectory() if screenshot else None
    settings = Settings.at(Path(scratch.name) / "settings.ini") if scratch else Settings()
    apply_theme(app, settings.get(THEME))
    path = db_path or (Path(settings.get(DATA_FILE)) if settings.get(DATA_FILE) else default_db_path())
    try:
        store = Store(path)
    except StoreError as exc:
        print(f"matcher: {exc}", file=sys.stderr)
        if not screenshot:
            QMessageBox.critical(None, "matcher cannot open its data file", str(exc))
        return 1

    core = AppCore(store, Worker(), samples=SAMPLES)
    window = MainWindow(core, settings)
    app.setWindowIcon(QIcon(str(ICON)))
    if size:
        window.resize(*size)
    window.show()
    print(f"matcher: window shown in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    QTimer.singleShot(0, core.startup.start)  # after the first paint
    if screenshot:
        _arm_screenshot(app, window, screenshot, started)
    code = app.exec()
    store.close()
    if scratch:
        scratch.cleanup()
    return code


def _arm_screenshot(app: QApplication, window: MainWindow, out: Path, started: float) -> None:
    """Grab the window once the first ranking is shown (first row selected), then quit. Says how long
    the ranked table took to appear (benchmarks/speed.py reads it)."""

    def finish(code: int, message: str) -> None:
        print(f"matcher: {message}", file=sys.stderr)
        window.close()
        app.exit(code)

    def grab() -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        if window.grab().save(str(out)):
            finish(0, f"screenshot written to {out}")
        else:
            finish(1, f"could not write the screenshot to {out}")

    shown: list[float] = []  # when the ranked table first appeared

    def ranked() -> None:
        if window.model.rowCount() and not shown:
            shown.append(time.perf_counter() - started)
            print(f"matcher: ranked table shown {shown[0]:.2f} s after start", file=sys.stderr)
        # Once the ranking, the first posting's checklist and the skill gap have landed.
        if window.core.worker.running():
            QTimer.singleShot(SETTLE_MS, ranked)
        elif window.model.rowCount() and window.table.currentIndex().isValid() or window.core.cvs.current is None:
            QTimer.singleShot(SETTLE_MS, grab)  # with no CV, nothing is ranked: the empty window is the picture

    window.core.ranking.changed.connect(ranked)
    window.core.runner.failed.connect(lambda what, why: finish(1, f"{what} failed: {why}"))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_S * 1000,
                      lambda: finish(1, f"no ranking shown within {SCREENSHOT_TIMEOUT_S} s; no screenshot written"))
