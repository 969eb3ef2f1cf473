"""The main window: ranked table (left, top), detail pane (right), CV / skill gap / shortlist tabs
(left, bottom), menu and toolbar, drag and drop, and a status bar with progress and Cancel.

It only arranges widgets and asks the user for files; what happens is the controller's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QWidget

from matcher.domain import ImportIssue
from matcher.ui.actions import build_actions
from matcher.ui.controller import Controller
from matcher.ui.detail.pane import DetailPane
from matcher.ui.hints import waiting_hint
from matcher.ui.dialogs.issues import ImportIssuesDialog, PasteDialog
from matcher.ui.panes import PaneTabs
from matcher.ui.ranking.view import RankingView
from matcher.ui.settings import GEOMETRY, LAST_FOLDER, SPLITTER, Settings
from matcher.ui.status import OpStatus

POSTING_FILES = "Postings (*.txt *.html *.htm *.csv *.json *.jsonl *.xml *.md);;All files (*)"
CV_FILES = "CVs (*.pdf *.docx);;All files (*)"
MESSAGE_MS = 10000  # how long a status-bar message stays
DEFAULT_SIZE = (1440, 900)


class MainWindow(QMainWindow):
    def __init__(self, controller: Controller, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setWindowTitle("matcher — rank job postings against your CV")
        self.setAcceptDrops(True)
        self.issues_dialog: ImportIssuesDialog | None = None
        self.error_box: QMessageBox | None = None

        self.ranking = RankingView()
        # Short names the window's own code and tests use.
        self.model, self.proxy, self.table, self.filter_bar = (
            self.ranking.model, self.ranking.proxy, self.ranking.table, self.ranking.filter_bar)
        self.detail = DetailPane()
        self.tabs = PaneTabs(controller, self.ask_load_cv, self.ask_export_shortlist, self.select_job)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.ranking)
        left.addWidget(self.tabs)
        left.setSizes([480, 320])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([960, 480])  # the table first: it has ten columns
        self.setCentralWidget(self.splitter)

        self.menu_actions = build_actions(self, self.table, {
            "load_cv": self.ask_load_cv, "import_files": self.ask_import_files,
            "import_folder": self.ask_import_folder, "paste": self.ask_paste, "export": self.ask_export,
            "settings": self.open_settings, "quit": self.close, "find": self.focus_search, "star": self.toggle_star,
            "about": self.show_about, "backup": self.ask_backup, "restore": self.ask_restore,
        })
        self.op_status = OpStatus(controller.worker)
        self.statusBar().addPermanentWidget(self.op_status)

        self.ranking.currentChanged.connect(self.detail.show_match)
        self.ranking.currentChanged.connect(self._current_changed)
        self.detail.starToggled.connect(controller.tracking.set_starred)
        controller.rankingChanged.connect(self._show_ranking)
        controller.postingsChanged.connect(self._show_ranking)  # listed at once, scored when ranked
        controller.busyChanged.connect(self._show_hint)
        controller.shortlistChanged.connect(self._show_shortlist)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
        controller.failed.connect(self.show_error)
        controller.importIssues.connect(self.show_import_issues)
        self._restore()
        self._show_ranking()
        controller.warm_up()

    # -- showing state --------------------------------------------------------------------------
    def _show_ranking(self) -> None:
        state = self.controller.state
        self.ranking.show_ranking(state.matches, state.postings, state.entries)
        self._show_hint()

    def _current_changed(self, _match: object, posting: object, _entry: object) -> None:
        if posting is None:  # no row left (a filter hid them all): say why the pane is empty
            self._show_hint()

    def _show_hint(self) -> None:
        """With no posting in the detail pane, say what the window waits for, or what to do next."""
        if self.detail.posting_id is None:
            self.detail.show_hint(waiting_hint(self.controller, self.proxy.rowCount()))

    def _show_shortlist(self) -> None:
        self.ranking.set_entries(self.controller.state.entries)
        if self.detail.posting_id is not None:
            self.detail.set_starred(self.detail.posting_id in self.controller.state.entries)

    def select_job(self, posting_id: int) -> bool:
        return self.ranking.select_job(posting_id)

    def current_job_id(self) -> int | None:
        return self.ranking.current_job_id()

    def show_error(self, what: str, why: str) -> None:
        self.statusBar().showMessage(f"{what} failed: {why}", MESSAGE_MS)
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, f"{what} failed", why, parent=self)
        self.error_box.open()  # not exec(): the window keeps answering while it is shown

    def show_import_issues(self, issues: list[ImportIssue]) -> None:
        self.issues_dialog = ImportIssuesDialog(issues, self)
        self.issues_dialog.show()

    # -- user actions ---------------------------------------------------------------------------
    def toggle_star(self) -> None:
        posting_id = self.current_job_id()
        if posting_id is not None:
            self.controller.tracking.toggle_star(posting_id)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def _folder(self) -> str:
        return self.settings.get(LAST_FOLDER) or str(Path.home())

    def _remember(self, path: Path) -> None:
        self.settings.set(LAST_FOLDER, str(path if path.is_dir() else path.parent))

    def ask_load_cv(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Load your CV", self._folder(), CV_FILES)
        if name:
            self._remember(Path(name))
            self.controller.load_cv(Path(name))

    def ask_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import postings", self._folder(), POSTING_FILES)
        if names:
            self._remember(Path(names[0]))
            self.controller.import_paths([Path(n) for n in names])

    def ask_import_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import every posting in a folder", self._folder())
        if name:
            self._remember(Path(name))
            self.controller.import_paths([Path(name)])

    def ask_paste(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() and dialog.text():
            self.controller.import_text(dialog.text())

    def ask_export(self, fmt: str = "pdf", shortlist_only: bool = False) -> None:
        from matcher.ui.dialogs.export import ask_export

        choice = ask_export(self, fmt, shortlist_only, Path(self._folder()))
        if choice is not None:
            self._remember(choice.path)
            self.controller.tracking.export(choice.format, choice.path, choice.include_contact, choice.shortlist_only,
                                   choice.top_n)

    def ask_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Back up all data", str(Path(self._folder()) / "matcher-backup.zip"),
                                              "matcher backup (*.zip)")
        if name:
            self.controller.backup(Path(name))

    def ask_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Restore from backup", self._folder(), "matcher backup (*.zip)")
        if name:
            self.controller.restore(Path(name))

    def ask_export_shortlist(self, fmt: str) -> None:
        self.ask_export(fmt, shortlist_only=True)

    def show_about(self) -> None:
        from matcher.ui.dialogs.about import AboutDialog

        AboutDialog(self.controller.store.path, self).exec()

    def open_settings(self) -> None:
        from matcher.ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.controller, self.settings, self).exec()

    # -- drag and drop, geometry ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def open_paths(self, paths: Sequence[Path]) -> None:
        self.statusBar().showMessage(f"Reading {len(paths)} dropped item(s)…", MESSAGE_MS)
        self.controller.open_paths(paths)

    def _restore(self) -> None:
        if not self.restoreGeometry(self.settings.get(GEOMETRY)):
            screen = self.screen().availableSize()
            # First start: roomy, yet never larger than the screen (a laptop's 1366 x 768).
            width, height = DEFAULT_SIZE
            self.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))
        self.splitter.restoreState(self.settings.get(SPLITTER))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(GEOMETRY, self.saveGeometry())
        self.settings.set(SPLITTER, self.splitter.saveState())
        self.settings.sync()
        self.tabs.shortlist.save_notes()
        self.controller.worker.cancel_all()
        self.controller.worker.wait()
        super().closeEvent(event)
