"""The shortlist: starred postings with an application status per row and notes for the selected one,
an Unstar button and an Export menu. The pane only announces edits; the caller saves them."""

from __future__ import annotations

from collections import Counter
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QPlainTextEdit, QPushButton, QSplitter,
    QStyledItemDelegate, QStyleOptionViewItem, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from matcher.domain import APPLICATION_STATUSES, Posting, RankedMatch, ShortlistEntry
from matcher.ui.ranking.header import TITLE_SHARE, fit_widths
from matcher.ui.shortlist.model import (
    ADDED, COMPANY, LOCATION, POSTING_ID_ROLE, SCORE, SORT_ROLE, STATUS, TITLE, ShortlistModel, ShortlistRow,
)
from matcher.ui.ranking.header import install_sort_arrow

# Notes are saved this long after the last keystroke (and at once when the box loses focus).
NOTES_IDLE_MS = 800
SIDE_COLUMN_MIN = 64  # px Company and Location keep however narrow the table: a word and "…"
EXPORT_FORMATS = (("CSV", "csv"), ("Markdown", "md"), ("PDF report", "pdf"), ("JSON", "json"))

Index = QModelIndex | QPersistentModelIndex


class StatusDelegate(QStyledItemDelegate):
    """A status combo in every row, committing as soon as a status is picked."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(APPLICATION_STATUSES))
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        index.model().setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class ShortlistPane(QWidget):
    statusChanged = Signal(int, str)
    notesChanged = Signal(int, str)
    unstarRequested = Signal(int)
    exportRequested = Signal(str)
    postingActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ShortlistModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the notes, as in any form
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # best match first
        install_sort_arrow(self.table.horizontalHeader())  # the arrow points down: best first
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.viewport().installEventFilter(self)  # a new width re-divides the columns
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.unstar_button = QPushButton("Unstar")
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for label, fmt in EXPORT_FORMATS:
            menu.addAction(label, partial(self.exportRequested.emit, fmt))
        self.export_button.setMenu(menu)
        self.notes_label = QLabel("Notes")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Notes for the selected posting: contacts, dates, what to mention…")
        self.notes.installEventFilter(self)
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_IDLE_MS)
        self._notes_posting: int | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.unstar_button)
        bar.addWidget(self.export_button)
        notes = QWidget()
        column = QVBoxLayout(notes)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notes_label)
        column.addWidget(self.notes, 1)
        # Notes beside the table: the pane sits in a tab below the ranked list, short but wide.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(notes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.model.statusEdited.connect(self.statusChanged)
        self.model.statusEdited.connect(lambda *_: self._update_summary())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)  # a click shows the posting in the detail pane too
        self.unstar_button.clicked.connect(self._unstar)
        self.notes.textChanged.connect(self._notes_timer.start)
        self._notes_timer.timeout.connect(self.save_notes)
        self.set_data([], {}, {})

    def set_data(self, entries: list[ShortlistEntry], postings: dict[int, Posting], matches: dict[int, RankedMatch]) -> None:
        """Show the shortlist; unsaved notes are saved first and the selected posting stays selected."""
        self.save_notes()
        keep = self.current_posting_id()
        self.model.set_rows([ShortlistRow(e, postings.get(e.posting_id), matches.get(e.posting_id)) for e in entries])
        for row in range(self.proxy.rowCount()):
            self.table.openPersistentEditor(self.proxy.index(row, STATUS))
        self._fit_columns()
        self._update_summary()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_posting(keep)
        elif entries:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self._row_changed(QModelIndex())

    def current_posting_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(POSTING_ID_ROLE)) if index.isValid() else None

    def select_posting(self, posting_id: int) -> None:
        source = self.model.index(self.model.row_of(posting_id), 0)
        self.table.setCurrentIndex(self.proxy.mapFromSource(source))

    def save_notes(self) -> None:
        """Announce the notes of the posting being edited if they differ from what is saved."""
        self._notes_timer.stop()
        row = self.model.row_of(self._notes_posting) if self._notes_posting is not None else -1
        if row < 0:
            return
        entry, text = self.model.rows[row].entry, self.notes.toPlainText()
        if text != entry.notes:
            entry.notes = text
            self.notesChanged.emit(entry.posting_id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.save_notes()
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Score, Status and Added at their content's width; Company and Location give up room so that
        Title keeps at least `TITLE_SHARE` of the table (their full text is in the cell's tooltip)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        width = self.table.viewport().width()
        fixed = sum(self.table.columnWidth(c) for c in (SCORE, STATUS, ADDED))
        wanted = {c: self.table.columnWidth(c) for c in (COMPANY, LOCATION)}
        floors = {c: min(wanted[c], SIDE_COLUMN_MIN) for c in wanted}
        for column, px in fit_widths(width - fixed, wanted, floors, int(width * TITLE_SHARE)).items():
            self.table.setColumnWidth(column, px)

    def _row_changed(self, current: Index, previous: Index = QModelIndex()) -> None:
        self.save_notes()
        posting_id = int(current.data(POSTING_ID_ROLE)) if current.isValid() else None
        row = self.model.rows[self.model.row_of(posting_id)] if posting_id is not None else None
        self._notes_posting = None  # loading the text below is not an edit
        text = row.entry.notes if row else ""
        if text != self.notes.toPlainText():  # a refresh mid-typing must not move the cursor
            self.notes.blockSignals(True)
            self.notes.setPlainText(text)
            self.notes.blockSignals(False)
        self._notes_posting = posting_id
        self.notes.setEnabled(row is not None)
        self.unstar_button.setEnabled(row is not None)
        title = row.posting.title if row and row.posting else None
        self.notes_label.setText(f"Notes — {title}" if title else "Notes")

    def _activated(self, index: QModelIndex) -> None:
        self.postingActivated.emit(int(index.data(POSTING_ID_ROLE)))

    def _unstar(self) -> None:
        if (posting_id := self.current_posting_id()) is not None:
            self.save_notes()
            self.unstarRequested.emit(posting_id)

    def _update_summary(self) -> None:
        counts = Counter(r.entry.status for r in self.model.rows)
        if not self.model.rows:
            self.summary.setText("No starred postings yet. Star postings in the ranked list (click ☆, or press Space) to keep them here.")
            self.export_button.setEnabled(False)
            return
        parts = [f"{counts[s]} {s.lower()}" for s in APPLICATION_STATUSES if counts[s]]
        self.summary.setText(f"<b>{len(self.model.rows)} starred</b> · " + " · ".join(parts))
        self.export_button.setEnabled(True)
