"""What a new user sees: the postings listed while the first ranking runs, a detail pane that says
what it waits for, a table whose titles can be read, a sort arrow that points best-first, the
shortlist leading to its postings, and Help ▸ About with the data file and the credits."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory, QStyleOptionHeader, QWidget

from matcher.paths import SAMPLES
from tests.ui.held_pool import HeldPool
from matcher.store import Store
from matcher.ui.ranking import model as cols
from matcher.ui.core import AppCore
from matcher.ui.gap.data import Move
from matcher.ui.gap.view import _move_cells
from matcher.ui.main_window import MainWindow
from matcher.ui.ranking.header import FLEX_MAX, fit_widths, flipped
from matcher.ui.settings import Settings
from matcher.ui.shortlist.model import POSTING_ID_ROLE as SHORTLIST_JOB_ID
from matcher.ui.worker import SyncPool, Worker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

JOBS = SAMPLES / "jobs"
SMALL_JOBS = [JOBS / "003_38a88ba91144b235.txt", JOBS / "001_597ea3e9281e08b6.txt"]  # 1 + 3 postings


def _window(qtbot, tmp_path: Path, ranked_db: Path, pool: object) -> MainWindow:
    """`pool` runs reads and writes alike."""
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    store = Store(tmp_path / "matcher.db")
    window = MainWindow(AppCore(store, Worker(pool, pool)), Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def ranked(qtbot, tmp_path: Path, ranked_db: Path) -> Iterator[MainWindow]:
    window = _window(qtbot, tmp_path, ranked_db, SyncPool())
    window.core.startup.start()
    yield window
    window.core.store.close()


def test_while_the_first_ranking_runs_the_postings_are_listed_and_the_wait_is_explained(
        qtbot, tmp_path: Path, ranked_db: Path) -> None:
    held = HeldPool()
    window = _window(qtbot, tmp_path, ranked_db, held)
    window.core.startup.start()
    held.run_next()  # the window's warm-up of the engine modules
    assert "Reading your postings" in window.detail.text.toPlainText()
    held.run_next()  # the database is read; the ranking is now waiting in the (read) pool
    assert window.core.ranking.ranking_cv is not None
    assert window.model.rowCount() == 4 and window.filter_bar.count.text() == "4 postings"
    assert [window.model.index(r, cols.SCORE).data() for r in range(4)] == [""] * 4  # no score yet
    assert all(window.model.index(r, cols.TITLE).data() for r in range(4))
    waiting = window.detail.text.toPlainText()
    assert "Ranking 4 postings against John Doe's CV" in waiting and "language model" in waiting

    window.table.selectRow(2)  # a posting can be read while the ranking runs
    assert "not ranked yet" in window.detail.heading.text()
    assert window.model.posting(window.table.currentIndex().row()).title \
        in window.detail.text.toPlainText()

    held.run_next()  # the ranking lands
    assert window.core.ranking.ranking_cv is None
    scores = [window.model.index(r, cols.SCORE).data(cols.SORT_ROLE) for r in range(4)]
    assert None not in scores and scores == sorted(scores, reverse=True)
    assert "not ranked yet" not in window.detail.heading.text()
    window.core.store.close()


def test_a_second_ranking_does_not_promise_the_model_load_again(ranked: MainWindow) -> None:
    cv = ranked.core.cvs.current
    assert cv is not None
    assert "language model" not in ranked.core.ranker.message(cv)


def test_with_no_cv_the_postings_are_listed_and_the_pane_says_load_your_cv(qtbot, tmp_path: Path) -> None:
    store = Store(tmp_path / "matcher.db")
    window = MainWindow(AppCore(store, Worker(SyncPool(), SyncPool())), Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert "Import job postings to begin" in window.detail.text.toPlainText()
    window.core.posting_actions.import_paths(SMALL_JOBS)
    assert window.model.rowCount() == 4 and window.filter_bar.count.text() == "4 postings"
    assert "Load your CV to rank 4 postings" in window.detail.text.toPlainText()
    store.close()


def test_an_empty_filter_result_says_how_to_get_the_postings_back(ranked: MainWindow) -> None:
    ranked.filter_bar.score.setValue(100)
    assert ranked.model.rowCount() == 0
    assert "No posting passes the filters" in ranked.detail.text.toPlainText()


def test_title_gets_the_room_and_cut_cells_show_their_full_text(ranked: MainWindow) -> None:
    view = ranked.ranking
    view.resize(900, 400)
    view.show()
    table, width = view.table, view.table.viewport().width()
    assert table.columnWidth(cols.TITLE) >= 0.3 * width
    for column in (cols.COMPANY, cols.LOCATIONS, cols.SALARY, cols.STATUS):
        assert table.columnWidth(column) <= FLEX_MAX[column] < table.columnWidth(cols.TITLE)
    for row in range(ranked.model.rowCount()):
        for column in (cols.TITLE, cols.COMPANY, cols.LOCATIONS):
            index = ranked.model.index(row, column)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == (index.data() or None)


def test_fit_widths_worked_example() -> None:
    assert fit_widths(500, {1: 300, 2: 200}, {1: 50, 2: 50}, title_min=100) == {1: 240, 2: 160}
    assert fit_widths(900, {1: 300, 2: 200}, {1: 50, 2: 50}, title_min=100) == {1: 300, 2: 200}
    assert fit_widths(120, {1: 300, 2: 200}, {1: 50, 2: 50}, title_min=100) == {1: 50, 2: 50}


def arrow(style: QStyle, indicator: QStyleOptionHeader.SortIndicator, header: QWidget) -> QImage:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.rect, option.sortIndicator = QRect(0, 0, 16, 16), indicator
    painter = QPainter(image)
    try:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter, header)
    finally:
        painter.end()
    return image


def test_best_first_shows_a_down_arrow(ranked: MainWindow) -> None:
    header = ranked.table.horizontalHeader()
    assert header.sortIndicatorSection() == cols.SCORE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # Qt asks the style for an up arrow (SortUp) when descending; ours draws it pointing down. Drawn
    # through whatever style the header has: with a theme's style sheet, Qt wraps ours in its own.
    base = QStyleFactory.create("Fusion")  # the style of every theme (matcher.ui.theme)
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    assert arrow(header.style(), up, header) == arrow(base, down, header) != arrow(base, up, header)
    assert flipped(QStyleOptionHeader.SortIndicator.SortUp) == QStyleOptionHeader.SortIndicator.SortDown
    assert flipped(QStyleOptionHeader.SortIndicator.None_) == QStyleOptionHeader.SortIndicator.None_


def test_clicking_a_shortlisted_posting_shows_it_in_the_detail_pane(ranked: MainWindow, qtbot) -> None:
    window = ranked
    first, last = window.model.posting_id_at(0), window.model.posting_id_at(3)
    window.core.tracking.set_starred(first, True)
    window.core.tracking.set_starred(last, True)
    pane = window.tabs.shortlist
    row = next(r for r in range(pane.proxy.rowCount()) if pane.proxy.index(r, 1).data(SHORTLIST_JOB_ID) == last)
    rect = pane.table.visualRect(pane.proxy.index(row, 1))
    window.tabs.setCurrentWidget(pane)
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_posting_id() == last == window.detail.posting_id


def test_what_if_scores_read_as_the_table_reads_them() -> None:
    cells = _move_cells(Move(1, "Backend Engineer", "SportyBet", 2, 1, 74.6, 75.2, band_changed=True))
    assert cells == ["74 → 75 (Great)", "2 → 1", "▲ 1", "Backend Engineer — SportyBet"]


def test_settings_has_a_shortcut_on_every_platform(ranked: MainWindow) -> None:
    assert not ranked.menu_actions.settings.shortcut().isEmpty()


def test_about_names_version_data_file_and_credits(ranked: MainWindow) -> None:
    from matcher.ui.dialogs.about import AboutDialog, version

    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    ranked.menu_actions.about.trigger()
    text = seen[0]
    assert version() != "unknown" and version() in text
    assert str(ranked.core.store.path) in text
    for credit in ("CC BY 4.0", "Employment and Training Administration", "European Union", "Resume-Matcher",
                   "Apache-2.0"):
        assert credit in text
