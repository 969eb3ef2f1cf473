"""The main window: ranked table (left, top), detail pane (right), CV / skill gap / shortlist tabs
(left, bottom), a notice bar for news that must not flash by, menu and toolbar, drag and drop, and a
status bar with progress and Cancel.

It arranges the widgets and wires them: each state holder of `AppCore` to the panes that show it, each
pane's request to the action that does it. What happens is the actions' job.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QSplitter, QVBoxLayout, QWidget

from matcher.domain import Posting, RankedMatch
from matcher.services import ImportSummary
from matcher.store.merge import source_file
from matcher.ui.actions import build_actions
from matcher.ui.core import AppCore
from matcher.ui.detail.pane import DetailPane
from matcher.ui.dialogs.files import FileChooser, documents_folder
from matcher.ui.dialogs.issues import ImportIssuesDialog, PasteDialog
from matcher.ui.hints import waiting_hint
from matcher.ui.module_sources import release_module_sources
from matcher.ui.notice_bar import Button, NoticeBar
from matcher.ui.panes import PaneTabs
from matcher.ui.postings.actions import Removal
from matcher.ui.postings.summary import import_summary_text
from matcher.ui.ranking.view import RankingView
from matcher.ui.settings import EXPORT_FOLDER, GEOMETRY, SPLITTER, Settings
from matcher.ui.status import OpStatus
from matcher.ui.window_wiring import wire

MESSAGE_MS = 10000  # how long a status-bar message stays
# The first start fits a 1280 x 800 laptop screen whole (less the desktop's panels); larger screens
# get the same size, which leaves the table its ten columns and the detail pane a readable width.
DEFAULT_SIZE = (1260, 740)


class MainWindow(QMainWindow):
    def __init__(self, core: AppCore, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.settings = settings
        self.files = FileChooser(self, settings)
        self.setWindowTitle("matcher — rank job postings against your CV")
        self.setAcceptDrops(True)
        self.issues_dialog: ImportIssuesDialog | None = None
        self.error_box: QMessageBox | None = None
        self.last_removal: Removal | None = None

        self.ranking = RankingView()
        # Short names the window's own code and tests use.
        self.model, self.table, self.filter_bar = self.ranking.model, self.ranking.table, self.ranking.filter_bar
        self.detail = DetailPane()
        self.tabs = PaneTabs()
        self.notice = NoticeBar()

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.ranking)
        left.addWidget(self.tabs)
        left.setSizes([520, 240])  # the ranked table first; the tabs below scroll
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([820, 440])  # the table first: it has up to eleven columns
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 0)
        column.addWidget(self.notice)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.menu_actions = build_actions(self, self.table, {
            "load_cv": self.ask_load_cv, "import_files": self.ask_import_files,
            "import_folder": self.ask_import_folder, "paste": self.ask_paste, "export": self.ask_export,
            "settings": self.open_settings, "quit": self.close, "find": self.focus_search, "star": self.toggle_star,
            "remove": self.remove_selected, "remove_source": self.remove_current_source,
            "undo_remove": self.undo_remove, "score_help": self.show_score_help,
            "about": self.show_about, "backup": self.ask_backup, "restore": self.ask_restore,
        })
        self.op_status = OpStatus(core.worker)
        self.statusBar().addPermanentWidget(self.op_status)
        self.table.customContextMenuRequested.connect(self._table_menu)
        wire(self)
        self._restore()
        self.show_ranking()
        release_module_sources()  # the window's modules are in: see module_sources
        core.startup.warm_up()

    # -- showing state --------------------------------------------------------------------------
    def show_ranking(self) -> None:
        core = self.core
        self.ranking.show_ranking(core.ranking.by_id(), core.postings.postings, core.shortlist.entries)
        self.show_hint()

    def show_hint(self) -> None:
        """With no posting in the detail pane, say what the window waits for, or what to do next."""
        if self.detail.posting_id is None:
            core = self.core
            busy = core.ranking.ranking_cv
            self.detail.show_hint(waiting_hint(
                loading=core.postings.loading, ranking=core.ranker.message(busy) if busy else None,
                total=len(core.postings.postings), has_cv=core.cvs.current is not None, shown=self.model.rowCount()))

    def show_posting(self, posting_id: int) -> None:
        """Show a posting in the detail pane (selected in the table when the filters show it)."""
        if self.ranking.select_posting(posting_id):
            return
        posting = self.core.postings.postings.get(posting_id)
        match = self.core.ranking.by_id().get(posting_id)
        self.show_detail(match, posting)

    def show_detail(self, match: RankedMatch | None, posting: Posting | None) -> None:
        """The detail pane shows this posting; its requirements are explained off the UI thread."""
        entry = self.core.shortlist.entries.get(posting.id) if posting is not None and posting.id is not None else None
        if posting is not None and posting.id is not None and (match is None or match.requirements is None):
            # The window holds postings without their requirements (see PostingActions._changed); until
            # the verdicts arrive the pane lists them, so the one shown is read whole: ~2 ms, one posting.
            posting = self.core.store.posting(posting.id) or posting
        cv = self.core.cvs.current
        self.detail.show_match(match, posting, entry, cv.language if cv else None)
        if posting is None:
            self.show_hint()
        elif match is not None and match.requirements is None:
            self.core.ranker.explain(match.posting_id)

    def show_import(self, summary: ImportSummary) -> None:
        buttons: list[Button] = []
        if summary.errors:
            buttons.append(("Show problems", lambda: self.show_import_issues(summary)))
        if summary.posting_ids:
            ids = list(summary.posting_ids)
            buttons.append(("Remove these", lambda: self.core.posting_actions.remove(ids)))
        if len(summary.posting_ids) == 1:
            self.show_posting(summary.posting_ids[0])  # e.g. the posting just pasted: there it is
        self.notice.show_notice(import_summary_text(summary), buttons)
        self.statusBar().showMessage(import_summary_text(summary), MESSAGE_MS)

    def show_removal(self, removal: Removal) -> None:
        self.last_removal = removal
        self.menu_actions.undo_remove.setEnabled(True)
        self.notice.show_notice(f"Removed {removal.what}.", [("Undo", self.undo_remove)])

    def show_error(self, what: str, why: str) -> None:
        self.statusBar().showMessage(f"{what} failed: {why}", MESSAGE_MS)
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, f"{what} failed", why, parent=self)
        self.error_box.open()  # not exec(): the window keeps answering while it is shown

    def show_import_issues(self, summary: ImportSummary) -> None:
        self.issues_dialog = ImportIssuesDialog(summary.errors, self)
        self.issues_dialog.show()

    # -- user actions ---------------------------------------------------------------------------
    def current_posting_id(self) -> int | None:
        return self.ranking.current_posting_id()

    def select_posting(self, posting_id: int) -> bool:
        return self.ranking.select_posting(posting_id)

    def toggle_star(self) -> None:
        if (posting_id := self.current_posting_id()) is not None:
            self.core.tracking.toggle_star(posting_id)

    def remove_selected(self) -> None:
        self.core.posting_actions.remove(self.ranking.selected_ids())

    def remove_current_source(self) -> None:
        posting = self.core.postings.postings.get(self.current_posting_id() or -1)
        if posting is not None:
            self.core.posting_actions.remove_source(source_file(posting.source))

    def undo_remove(self) -> None:
        if self.last_removal is not None:
            self.core.posting_actions.undo_remove(self.last_removal)
            self.last_removal = None
            self.menu_actions.undo_remove.setEnabled(False)
            self.notice.dismiss()

    def _table_menu(self, point: QPoint) -> None:
        ids = self.ranking.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        actions = self.menu_actions
        actions.remove.setText(f"Remove {len(ids)} selected postings" if len(ids) > 1 else "Remove this posting")
        posting = self.core.postings.postings.get(self.current_posting_id() or -1)
        if posting is not None:
            source = source_file(posting.source)
            same = sum(source_file(p.source) == source for p in self.core.postings.postings.values())
            actions.remove_source.setText(f"Remove the whole import of {Path(source).name} ({same} postings)")
        for action in (actions.star, actions.remove, actions.remove_source):
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def ask_load_cv(self) -> None:
        if path := self.files.cv():
            self.core.cv_actions.load(path)

    def ask_import_files(self) -> None:
        if paths := self.files.postings():
            self.core.posting_actions.import_paths(paths)

    def ask_import_folder(self) -> None:
        if folder := self.files.folder():
            self.core.posting_actions.import_paths([folder])

    def ask_paste(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() and dialog.text():
            self.core.posting_actions.import_text(dialog.text())

    def ask_export(self, fmt: str = "pdf", shortlist_only: bool | None = None) -> None:
        """Opened from the Shortlist tab (or its Export button) it proposes the shortlist."""
        from matcher.ui.dialogs.export import ask_export
        from matcher.ui.shortlist.tracking import ExportRequest

        cv = self.core.cvs.current
        if cv is None:
            self.show_error("Export", "Load a CV first: the export explains each posting against it.")
            return
        shortlist = self.tabs.shortlist_shown() if shortlist_only is None else shortlist_only
        choice = ask_export(self, fmt, shortlist, Path(self.settings.get(EXPORT_FOLDER) or documents_folder()))
        if choice is not None:
            self.settings.set(EXPORT_FOLDER, str(choice.path.parent))
            core = self.core
            self.core.tracking.export(ExportRequest(
                choice.format, choice.path, cv, list(core.ranking.matches), dict(core.postings.postings),
                dict(core.shortlist.entries), choice.include_contact, choice.shortlist_only, choice.top_n))

    def ask_backup(self) -> None:
        if path := self.files.backup_target():
            self.core.posting_actions.backup(path)

    def ask_restore(self) -> None:
        if path := self.files.backup_source():
            self.core.posting_actions.restore(path, self.core.startup.reload)

    def show_about(self) -> None:
        from matcher.ui.dialogs.about import AboutDialog

        AboutDialog(self.core.store.path, self).exec()

    def show_score_help(self) -> None:
        from matcher.ui.dialogs.score_help import ScoreHelpDialog

        ScoreHelpDialog(self.core.weights.weights, self).exec()

    def open_settings(self) -> None:
        from matcher.ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.core.weights.weights, self.core.ranker.set_weights, self.settings, self).exec()

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
        self.core.posting_actions.open_paths(paths)

    def _restore(self) -> None:
        if not self.restoreGeometry(self.settings.get(GEOMETRY)):
            screen = self.screen().availableSize()
            width, height = DEFAULT_SIZE  # never larger than the screen, e.g. a 1024 x 700 one
            self.resize(min(width, screen.width()), min(height, screen.height()))
        self.splitter.restoreState(self.settings.get(SPLITTER))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(GEOMETRY, self.saveGeometry())
        self.settings.set(SPLITTER, self.splitter.saveState())
        self.settings.sync()
        self.tabs.shortlist.save_notes()
        self.core.worker.cancel_all()
        self.core.worker.wait()
        super().closeEvent(event)
