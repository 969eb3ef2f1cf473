"""What tripped a new user up (issue 16), each as the window does it now: the chosen CV kept, postings
removed with undo, an import summary that stays, a ☆ that stars, Tab out of the table, the detail pane
following the list in view, help in the app, and ranking that never holds up a star."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from matcher.paths import SAMPLES
from tests.ui.held_pool import HeldPool
from matcher.store import Store
from matcher.ui.core import AppCore
from matcher.ui.main_window import MainWindow
from matcher.ui.ranking import model as cols
from matcher.ui.settings import LAST_FOLDER, Settings
from matcher.ui.worker import SyncPool, Worker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CV_PDF = SAMPLES / "cvs" / "john_doe.pdf"
SMALL_JOBS = [SAMPLES / "jobs" / "003_38a88ba91144b235.txt", SAMPLES / "jobs" / "001_597ea3e9281e08b6.txt"]


def open_window(qtbot, folder: Path, reads: object = None) -> MainWindow:
    """The app as a user reopens it on the database in `folder`."""
    store = Store(folder / "matcher.db")
    worker = Worker(reads if reads is not None else SyncPool(), SyncPool())
    window = MainWindow(AppCore(store, worker), Settings.at(folder / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.core.startup.start()
    return window


@pytest.fixture
def ranked(qtbot, tmp_path: Path, ranked_db: Path) -> Iterator[MainWindow]:
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    window = open_window(qtbot, tmp_path)
    yield window
    window.core.store.close()


def ranking_ops(window: MainWindow) -> list[str]:
    started: list[str] = []
    window.core.worker.opStarted.connect(lambda handle: started.append(handle.label))
    return started


def test_the_chosen_cv_is_kept_across_restarts_and_the_shortlist_is_scored_for_it(
        qtbot, tmp_path: Path, ranked_db: Path) -> None:
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    window = open_window(qtbot, tmp_path)
    first = window.core.cvs.current
    window.core.cv_actions.load(CV_PDF)  # a second CV, loaded last
    assert first is not None and first.id is not None and window.core.cvs.current is not first
    window.tabs.cv.cvSelected.emit(first.id)  # the user goes back to the first one
    starred = window.core.ranking.matches[0].posting_id
    window.core.tracking.set_starred(starred, True)
    window.close()
    window.core.store.close()

    again = open_window(qtbot, tmp_path)
    assert again.core.cvs.current is not None and again.core.cvs.current.id == first.id
    assert again.core.ranking.cv_id == first.id
    assert again.tabs.cv.current_cv() is not None and again.tabs.cv.current_cv().id == first.id  # type: ignore[union-attr]
    row = again.tabs.shortlist.model.rows[0]
    assert row.match is not None and row.match.score == again.core.ranking.by_id()[starred].score
    again.core.store.close()


def test_delete_removes_the_selected_postings_and_undo_brings_them_back(ranked: MainWindow, qtbot) -> None:
    window = ranked
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = window.ranking.selected_ids()
    assert len(chosen) == 2
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.core.store.count_postings() == 2 and window.model.rowCount() == 2
    assert not set(chosen) & set(window.core.postings.postings)
    assert "Removed 2 postings" in window.notice.text()
    [undo] = [b for b in window.notice.buttons if b.text() == "Undo"]
    undo.click()
    assert window.core.store.count_postings() == 4 and window.model.rowCount() == 4


def test_a_whole_import_is_removed_from_the_table_menu_and_undone_from_the_edit_menu(ranked: MainWindow) -> None:
    window = ranked
    table_file = SMALL_JOBS[1]
    row = next(r for r in range(window.model.rowCount()) if window.model.posting(r).source.startswith(str(table_file)))
    window.select_posting(window.model.posting_id_at(row))
    window.menu_actions.remove_source.trigger()
    assert window.core.store.count_postings() == 1  # the three postings of that file are gone
    assert f"the import of {table_file.name}" in window.notice.text()
    assert window.menu_actions.undo_remove.isEnabled()
    window.menu_actions.undo_remove.trigger()
    assert window.core.store.count_postings() == 4


def test_the_import_summary_stays_until_dismissed_and_nothing_new_re_ranks_nothing(ranked: MainWindow) -> None:
    window = ranked
    started = ranking_ops(window)
    window.core.posting_actions.import_paths(SMALL_JOBS)  # the same files again
    assert "Ranking" not in started
    assert "Imported 0 new postings" in window.notice.text() and "nothing new" in window.notice.text()
    window.core.ranker.rank()  # a ranking lands and says so in the status bar...
    assert window.notice.isVisible() and "Imported 0" in window.notice.text()  # ...the summary stays
    window.notice.close_button.click()
    assert not window.notice.isVisible()


def test_clicking_the_star_cell_stars_the_posting(ranked: MainWindow, qtbot) -> None:
    window = ranked
    index = window.model.index(2, cols.STAR)
    posting_id = int(index.data(cols.POSTING_ID_ROLE))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=window.table.visualRect(index).center())
    assert [e.posting_id for e in window.core.store.shortlist()] == [posting_id]
    assert window.model.index(2, cols.STAR).data() == "★"
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=window.table.visualRect(index).center())
    assert window.core.store.shortlist() == []


def test_tab_leaves_the_table(ranked: MainWindow, qtbot) -> None:
    window = ranked
    window.activateWindow()
    window.table.setFocus()
    assert window.table.hasFocus()
    row = window.table.currentIndex().row()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert not window.table.hasFocus()
    assert window.table.currentIndex().row() == row


def test_the_detail_pane_follows_the_list_in_view(ranked: MainWindow) -> None:
    window = ranked
    first, last = window.model.posting_id_at(0), window.model.posting_id_at(3)
    window.core.tracking.set_starred(last, True)
    window.select_posting(first)
    assert window.detail.posting_id == first
    window.tabs.setCurrentWidget(window.tabs.shortlist)  # its one row is selected: the pane shows it
    assert window.detail.posting_id == last
    window.filter_bar.score.setValue(100)  # the table now shows nothing...
    window.tabs.setCurrentWidget(window.tabs.cv)
    window.tabs.setCurrentWidget(window.tabs.shortlist)
    assert window.detail.posting_id == last  # ...yet the shortlisted posting is shown, not a stale one
    window.filter_bar.score.setValue(0)


def test_a_star_is_saved_while_a_ranking_runs(qtbot, tmp_path: Path, ranked_db: Path) -> None:
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    reads = HeldPool()
    window = open_window(qtbot, tmp_path, reads)
    reads.run_all()
    window.core.ranker.rank()  # held on the read pool, as a long ranking on its worker thread
    assert window.core.ranking.ranking_cv is not None
    posting_id = window.model.posting_id_at(0)
    window.core.tracking.set_starred(posting_id, True)
    assert [e.posting_id for e in window.core.store.shortlist()] == [posting_id]  # not behind the ranking
    assert window.model.index(0, cols.STAR).data() == "★"
    reads.run_all()
    window.core.store.close()


def test_cancel_is_not_an_error_and_prints_no_traceback(ranked: MainWindow, caplog: pytest.LogCaptureFixture) -> None:
    window = ranked
    caplog.set_level(logging.INFO)
    window.core.worker.opStarted.connect(lambda handle: handle.cancel())
    window.core.ranker.rank()
    assert "Ranking: cancelled" in window.statusBar().currentMessage()
    assert window.error_box is None
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


def test_help_explains_the_score_and_about_speaks_to_users(ranked: MainWindow) -> None:
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.text())  # type: ignore[union-attr]
        dialog.reject()  # type: ignore[union-attr]

    QTimer.singleShot(0, read_and_close)
    ranked.menu_actions.score_help.trigger()
    for words in ("Great", "must-have", "✓", "Skill gap", "Importing or removing", "under way", "what was weighed"):
        assert words in seen[0]
    assert "_share" not in seen[0] and "_cap" not in seen[0]  # no setting's code name shown as a part
    QTimer.singleShot(0, read_and_close)
    ranked.menu_actions.about.trigger()
    for developer_words in ("scripts/", ".py", "rebuild", "curated.toml", "pip "):
        assert developer_words not in seen[1]


def test_load_cv_offers_text_cvs() -> None:
    from matcher.ui.dialogs.files import CV_FILES

    assert "*.txt" in CV_FILES and "*.pdf" in CV_FILES and "*.docx" in CV_FILES


def test_a_pasted_posting_gets_company_and_place_from_its_byline_and_is_selected(ranked: MainWindow) -> None:
    from tests.ingest.test_plain_posting import PASTED_WITH_BYLINE

    window = ranked
    window.core.posting_actions.import_text(PASTED_WITH_BYLINE)
    posting_id = window.current_posting_id()
    assert posting_id is not None and window.detail.posting_id == posting_id
    row = window.table.currentIndex().row()
    assert window.model.index(row, cols.COMPANY).data() == "Acme Payments"
    assert window.model.index(row, cols.LOCATIONS).data() == "Berlin"
    assert "Acme Payments" in window.detail.heading.text()


def test_export_proposes_the_documents_folder_and_from_the_shortlist_tab_the_shortlist(ranked: MainWindow) -> None:
    from matcher.ui.dialogs.export import ExportDialog
    from matcher.ui.dialogs.files import documents_folder

    window = ranked
    window.settings.set(LAST_FOLDER, str(SAMPLES / "jobs"))  # postings were opened from here
    seen: list[tuple[Path, bool]] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen.append((Path(dialog.path_edit.text()).parent, dialog.shortlist_radio.isChecked()))
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    window.menu_actions.export.trigger()
    window.tabs.setCurrentWidget(window.tabs.shortlist)
    QTimer.singleShot(0, look_and_cancel)
    window.menu_actions.export.trigger()
    assert seen == [(documents_folder(), False), (documents_folder(), True)]  # not the folder postings came from


def test_a_posting_in_another_language_is_flagged_in_the_detail_pane(qtbot) -> None:
    from matcher.domain import Posting
    from matcher.ui.detail.pane import DetailPane

    pane = DetailPane()
    qtbot.addWidget(pane)
    posting = Posting("Backend-Entwickler", "Wir suchen…", "raw", "jobs.txt", company="Acme", language="de", id=7)
    pane.show_match(None, posting, None, cv_language="en")
    assert not pane.notices.isHidden() and "Posting in German; your CV is in English" in pane.notices.text()
    assert "German" in pane.text.toPlainText()  # the language among the posting's facts
    pane.show_match(None, posting, None, cv_language="de")
    assert pane.notices.isHidden()


def test_a_newer_ranking_replaces_the_one_in_flight_without_a_word(qtbot, tmp_path: Path, ranked_db: Path) -> None:
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    reads = HeldPool()
    window = open_window(qtbot, tmp_path, reads)
    reads.run_all()
    first = window.core.ranker.rank()
    second = window.core.ranker.rank()  # e.g. an import landed meanwhile
    assert first is not None and first.is_cancelled() and second is not None and not second.is_cancelled()
    reads.run_all()
    assert "cancelled" not in window.statusBar().currentMessage() and window.error_box is None
    assert window.core.ranking.ranking_cv is None and len(window.core.ranking.matches) == 4
    window.core.store.close()
