"""The default layout at the two screen sizes a new user may have (1280 x 800, 1024 x 700): nothing a
person needs is cut, evidence wraps, and the keyboard's place is visible in the dark theme too."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from matcher.store import Store
from matcher.ui.core import AppCore
from matcher.ui.main_window import MainWindow
from matcher.ui.ranking import model as cols
from matcher.ui.settings import Settings
from matcher.ui.theme import apply_theme
from matcher.ui.worker import SyncPool, Worker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Window sizes: the screens less a desktop's panel and the title bar.
SCREENS = [(1280, 770), (1024, 670)]


@pytest.fixture
def window(qtbot, tmp_path: Path, ranked_db: Path) -> Iterator[MainWindow]:
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    store = Store(tmp_path / "matcher.db")
    win = MainWindow(AppCore(store, Worker(SyncPool(), SyncPool())), Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    win.core.startup.start()
    yield win
    store.close()


def squeezed(widget: QWidget) -> bool:
    """Narrower than the least it needs to show its text: Qt then cuts it ("L…")."""
    return widget.isVisible() and widget.width() < widget.minimumSizeHint().width()


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_important_is_cut(window: MainWindow, qtbot, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.wait(20)
    assert (window.width(), window.height()) == size
    bar = window.filter_bar
    for widget in (bar.search, bar.location, bar.remote, bar.starred, bar.salary, bar.posted, bar.score, bar.status):
        assert not squeezed(widget), widget
    location = bar.location
    assert location.width() >= location.fontMetrics().horizontalAdvance("Location") + 20  # never "L…"
    table = window.table
    assert table.columnWidth(cols.TITLE) >= 0.3 * table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()  # every shown column is on screen
    checklist = window.detail.requirements
    assert window.detail.requirement_lines() and not checklist.horizontalScrollBar().isVisible()  # it wraps
    assert window.detail.width() >= 300  # the detail pane stays readable beside the table


def test_the_focus_ring_shows_in_the_dark_theme(window: MainWindow, qtbot, qapp: QApplication) -> None:
    try:
        apply_theme(qapp, "dark")
        window.resize(1024, 670)
        window.activateWindow()
        window.table.setFocus()
        qtbot.waitUntil(window.table.hasFocus)
        image = window.table.grab().toImage()
        edge = QColor(image.pixel(0, image.height() // 2))
        highlight = qapp.palette().highlight().color()
        assert abs(edge.hue() - highlight.hue()) < 20 and edge.saturation() > 80, edge.name()
        window.filter_bar.search.setFocus()
        qtbot.waitUntil(window.filter_bar.search.hasFocus)
        image = window.table.grab().toImage()
        assert QColor(image.pixel(0, image.height() // 2)).saturation() < 80  # the ring follows the focus
    finally:
        apply_theme(qapp, "system")

