"""The real window, offscreen, driven as a user would: import, load a CV, select, star, filter,
export, cancel, drop files, and see errors in the window. Ranking uses the real model on small inputs."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from matcher.paths import SAMPLES
from matcher.store import Store
from matcher.ui.ranking import model as cols
from matcher.ui.core import AppCore
from matcher.ui.main_window import MainWindow
from matcher.ui.settings import Settings
from matcher.ui.worker import SyncPool, Worker

# The offscreen platform says this when any top-level window is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

JOBS = SAMPLES / "jobs"
SMALL_JOBS = [JOBS / "003_38a88ba91144b235.txt", JOBS / "001_597ea3e9281e08b6.txt"]  # 1 + 3 postings
CV_PDF = SAMPLES / "cvs" / "john_doe.pdf"
POSTING = """Backend Developer {n}

Firm {n} builds payment software for small shops in region {n}. You will design and run the services.

Requirements:
- 3+ years of experience with Python
- Good knowledge of PostgreSQL
"""


def _make_window(qtbot, tmp_path: Path, worker: Worker, samples: Path | None = None) -> MainWindow:
    store = Store(tmp_path / "matcher.db")
    window = MainWindow(AppCore(store, worker, samples=samples), Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    """Ops run at once on the test's thread (SyncPool): no waiting, no races."""
    win = _make_window(qtbot, tmp_path, Worker(SyncPool(), SyncPool()))
    yield win
    win.core.store.close()


@pytest.fixture
def ranked(qtbot, tmp_path: Path, ranked_db: Path) -> Iterator[MainWindow]:
    """A window on a copy of the ranked database, as a user finds it on a later start."""
    shutil.copy(ranked_db, tmp_path / "matcher.db")
    win = _make_window(qtbot, tmp_path, Worker(SyncPool(), SyncPool()))
    win.core.startup.start()
    yield win
    win.core.store.close()


def _titles(window: MainWindow) -> list[str]:
    return [window.model.index(r, cols.TITLE).data() for r in range(window.model.rowCount())]


def test_import_and_load_cv_show_a_ranking_best_first_with_the_top_one_explained(ranked: MainWindow) -> None:
    window = ranked
    assert window.model.rowCount() == 4
    scores = [window.model.index(r, cols.SCORE).data(cols.SORT_ROLE) for r in range(4)]
    assert scores == sorted(scores, reverse=True)
    assert window.table.currentIndex().row() == 0
    assert window.detail.posting_id == window.current_posting_id()
    assert _titles(window)[0] in window.detail.heading.text()
    assert any(line[0] in "✓~✗" for line in window.detail.requirement_lines())  # explained: each line has a verdict
    best = window.core.ranking.matches[0]
    assert best.why and best.why in window.detail.why.text()  # why the score is what it is, in one line
    assert window.tabs.cv.current_cv() is not None and window.tabs.cv.current_cv().name  # type: ignore[union-attr]


def test_arrow_keys_move_the_selection_and_the_detail_follows(ranked: MainWindow, qtbot) -> None:
    window = ranked
    window.table.setFocus()
    second = _titles(window)[1]
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1
    assert second in window.detail.heading.text()


def test_a_landing_ranking_shows_its_best_match_and_a_users_first_move_wins(ranked: MainWindow, qtbot) -> None:
    window = ranked
    best, second = window.core.ranking.matches[:2]
    announced: list[int | None] = []
    window.ranking.currentChanged.connect(lambda _m, posting, _e: announced.append(posting.id if posting else None))

    def land_a_new_ranking() -> None:  # nothing chosen yet, as after a first import
        window.table.selectionModel().clear()
        announced.clear()
        window.core.ranking.replace([replace(m, score=m.score - 1) for m in window.core.ranking.matches],
                                    window.core.ranking.cv_id)

    land_a_new_ranking()
    assert window.table.currentIndex().row() == 0  # chosen at once; the detail pane follows the paint
    qtbot.waitUntil(lambda: window.detail.posting_id == best.posting_id)
    qtbot.wait(20)
    assert announced == [best.posting_id]  # once

    land_a_new_ranking()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # before the best match was shown
    qtbot.wait(20)
    assert window.detail.posting_id == second.posting_id and announced == [second.posting_id]


def test_space_stars_the_selected_posting_and_it_is_kept(ranked: MainWindow, qtbot) -> None:
    window = ranked
    window.table.setFocus()
    posting_id = window.current_posting_id()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert [e.posting_id for e in window.core.store.shortlist()] == [posting_id]
    assert window.model.index(0, cols.STAR).data() == "★"
    assert window.detail.star.isChecked()
    assert window.tabs.tabText(window.tabs.indexOf(window.tabs.shortlist)) == "Shortlist (1)"
    window.detail.star.click()  # unstar from the detail pane
    assert window.core.store.shortlist() == []
    assert window.model.index(0, cols.STAR).data() == "☆"


def test_filters_narrow_the_table_and_ctrl_f_goes_to_search(ranked: MainWindow, qtbot) -> None:
    window = ranked
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, "rust")  # applied after a pause in typing
    qtbot.waitUntil(lambda: _titles(window) == ["Senior Backend Engineer (Rust)"])
    assert window.detail.posting_id == window.current_posting_id()  # the one row left is shown
    assert window.filter_bar.count.text() == "1 of 4"
    window.filter_bar.search.clear()
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Return)  # Enter applies at once
    assert window.model.rowCount() == 4
    window.filter_bar.score.setValue(100)
    assert window.model.rowCount() == 0
    window.filter_bar.score.setValue(0)
    window.filter_bar.starred.setChecked(True)
    assert window.model.rowCount() == 0


def test_export_from_the_dialog_writes_the_file(ranked: MainWindow, tmp_path: Path) -> None:
    window = ranked
    from matcher.ui.dialogs.export import ExportDialog

    out = tmp_path / "ranked.csv"

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        next(b for b in dialog.format_group.buttons() if b.property("format") == "csv").setChecked(True)
        dialog.path_edit.setText(str(out))
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.ask_export("csv", shortlist_only=False)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 4
    assert rows[0]["title"] == _titles(window)[0]
    assert "Exported 4 postings" in window.statusBar().currentMessage()


def test_cancel_during_a_long_import_keeps_the_files_finished(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(30):
        (folder / f"posting_{n:02}.txt").write_text(POSTING.format(n=n), encoding="utf-8")
    summaries: list[object] = []
    window.core.posting_actions.importFinished.connect(summaries.append)

    def press_cancel_after_three(handle: object) -> None:
        press = window.op_status.cancel.click
        handle.progressed.connect(lambda done, total, message: done == 3 and press())  # type: ignore[attr-defined]

    window.core.worker.opStarted.connect(press_cancel_after_three)
    window.core.posting_actions.import_paths([folder])
    summary = summaries[0]
    assert summary.cancelled  # type: ignore[attr-defined]
    # The file in flight when Cancel was pressed finishes; nothing after it starts.
    assert window.core.store.count_postings() == summary.imported in (3, 4)  # type: ignore[attr-defined]
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.op_status.isVisible()


def test_a_broken_file_is_listed_in_the_window(window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 not a posting \xff\xfe")
    window.core.posting_actions.import_paths([broken, SMALL_JOBS[0]])
    assert window.core.store.count_postings() == 1  # the good file still went in
    assert "1 could not be read" in window.notice.text()
    [show] = [b for b in window.notice.buttons if b.text() == "Show problems"]
    show.click()
    dialog = window.issues_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == str(broken)
    assert dialog.table.item(0, 2).text()  # the reason, in words


def test_a_file_that_is_not_a_cv_shows_an_error_in_the_window(window: MainWindow, tmp_path: Path) -> None:
    not_cv = tmp_path / "cv.pdf"
    not_cv.write_bytes(b"%PDF-1.4 this is not really a pdf")
    window.core.cv_actions.load(not_cv)
    assert window.error_box is not None and window.error_box.isVisible()
    assert "failed" in window.statusBar().currentMessage()
    assert window.core.store.cvs() == []


def test_dropping_a_cv_and_a_posting_file_routes_each(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(CV_PDF)), QUrl.fromLocalFile(str(SMALL_JOBS[0]))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert len(window.core.store.cvs()) == 1
    assert window.core.store.count_postings() == 1
    assert window.model.rowCount() == 1


def test_first_run_imports_the_samples_and_shows_them_ranked(qtbot, tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    (samples / "jobs").mkdir(parents=True)
    (samples / "cvs").mkdir()
    shutil.copy(SMALL_JOBS[0], samples / "jobs")
    shutil.copy(CV_PDF, samples / "cvs")
    window = _make_window(qtbot, tmp_path, Worker(SyncPool(), SyncPool()), samples=samples)
    window.core.startup.start()
    assert window.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.detail.posting_id is not None)  # once the table has painted
    assert "Welcome" in window.notice.text() and window.notice.isVisible()  # stays until dismissed
    window.core.store.close()


def test_settings_weights_are_stored_and_re_rank(ranked: MainWindow, qtbot) -> None:
    from matcher.ui.dialogs.settings import SettingsDialog

    window = ranked
    dialog = SettingsDialog(window.core.weights.weights, window.core.ranker.set_weights, window.settings, window)
    from PySide6.QtWidgets import QLabel

    named = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Role share" in named and not any("_" in text for text in named)  # no code names shown
    dialog.weights["semantic"].setValue(0.0)
    dialog.weights["required"].setValue(1.0)
    with qtbot.waitSignal(window.core.ranking.changed, timeout=60000):
        dialog.accept()
    stored = window.core.store.setting("score_weights")
    assert stored["semantic"] == 0.0 and stored["required"] == 1.0


def test_real_threads_keep_the_window_answering_and_deliver_the_ranking(qtbot, tmp_path: Path) -> None:
    window = _make_window(qtbot, tmp_path, Worker())
    with qtbot.waitSignal(window.core.postings.changed, timeout=60000):
        window.core.posting_actions.import_paths(SMALL_JOBS[:1])
    with qtbot.waitSignal(window.core.ranking.changed, timeout=120000):
        window.core.cv_actions.load(CV_PDF)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.detail.posting_id is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.core.worker.running() == [], timeout=10000)
    window.close()
    window.core.store.close()


def test_a_pasted_posting_is_imported(window: MainWindow) -> None:
    from matcher.ui.dialogs.issues import PasteDialog

    def paste() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasteDialog)
        dialog.edit.setPlainText(POSTING.format(n=7))
        dialog.accept()

    QTimer.singleShot(0, paste)
    window.menu_actions.paste.trigger()
    [posting] = window.core.store.postings()
    assert posting.title == "Backend Developer 7"
    assert "Imported 1 new posting" in window.notice.text()
    assert window.current_posting_id() == posting.id == window.detail.posting_id  # selected, there to read


def test_settings_are_typed_and_the_window_remembers_its_size(qtbot, tmp_path: Path) -> None:
    from matcher.ui.settings import THEME

    settings = Settings.at(tmp_path / "settings.ini")
    assert settings.get(THEME) == "system"  # dark follows the system unless the user says otherwise
    with pytest.raises(TypeError):
        settings.set(THEME, 3)  # type: ignore[arg-type]
    first = _make_window(qtbot, tmp_path, Worker(SyncPool(), SyncPool()))
    first.resize(790, 590)  # within the offscreen screen (800 x 600): restoring clamps to the screen
    size = (first.width(), first.height())
    first.close()
    first.core.store.close()
    again = _make_window(qtbot, tmp_path, Worker(SyncPool(), SyncPool()))
    assert (again.width(), again.height()) == size != (1440, 900)
    again.core.store.close()


def test_dark_theme_darkens_the_palette_and_system_restores_it(qapp: QApplication) -> None:
    from matcher.ui.theme import apply_theme

    try:
        apply_theme(qapp, "dark")
        assert qapp.palette().window().color().lightness() < 80
        apply_theme(qapp, "light")
        assert qapp.palette().window().color().lightness() > 180
    finally:
        apply_theme(qapp, "system")


def test_editing_cv_skills_saves_them_and_re_ranks(ranked: MainWindow, qtbot) -> None:
    window = ranked
    cv = window.core.cvs.current
    assert cv is not None and cv.id is not None
    with qtbot.waitSignal(window.core.ranking.changed, timeout=60000):
        window.tabs.cv.skillsEdited.emit(cv.id, ["Kubernetes"], [])
    stored = window.core.store.cv(cv.id)
    assert stored is not None
    assert "Kubernetes" in {e.skill for e in stored.effective_skills()}


def test_skills_found_again_by_a_ranking_show_in_the_cv_pane(ranked: MainWindow) -> None:
    # A newer taxonomy (here: a skill the user added with `matcher skills add`) reaches the CV when
    # the ranking finds its skills again; the CV pane shows them then, not at the next start.
    window = ranked
    assert "Developer" not in window.tabs.cv.skills.skill_names()
    window.core.store.add_user_skill("Developer")
    window.core.ranker.rank()
    assert "Developer" in window.tabs.cv.skills.skill_names()
    current = window.core.cvs.current
    assert current is not None and "Developer" in [s.skill for s in current.effective_skills()]


def test_what_if_ranks_with_extra_skills_without_storing_them(ranked: MainWindow, qtbot) -> None:
    window = ranked
    cv = window.core.cvs.current
    assert cv is not None and cv.id is not None
    before = {e.skill for e in cv.effective_skills()}
    with qtbot.waitSignal(window.core.ranker.whatIfReady, timeout=60000) as blocker:
        window.tabs.gap.whatIfRequested.emit(["Rust", "Kubernetes"])
    what_if = blocker.args[0]
    assert len(what_if) == 4
    rust = next(m for m in what_if if "Rust" in m.title)
    now = next(m for m in window.core.ranking.matches if m.posting_id == rust.posting_id)
    assert rust.score >= now.score  # having the skill never lowers a posting
    stored = window.core.store.cv(cv.id)
    assert stored is not None and {e.skill for e in stored.effective_skills()} == before


def test_backup_and_restore_from_the_file_menu(ranked: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    backup = tmp_path / "all.zip"
    starred = ranked.core.ranking.matches[0].posting_id
    ranked.core.tracking.set_application(starred, "Applied", "Called on Monday")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup), ""))
    ranked.menu_actions.backup.trigger()
    assert backup.is_file() and "Backed up 4 postings" in ranked.statusBar().currentMessage()

    empty = _make_window(qtbot, tmp_path / "other", Worker(SyncPool(), SyncPool()))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    empty.menu_actions.restore.trigger()
    assert len(empty.core.postings.postings) == 4
    [entry] = empty.core.store.shortlist()
    assert (entry.status, entry.notes) == ("Applied", "Called on Monday")

    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    empty.menu_actions.restore.trigger()
    assert len(empty.core.postings.postings) == 4  # nothing changed
    assert empty.error_box is not None and empty.error_box.isVisible()
    assert "Restoring failed" in empty.error_box.windowTitle()
