"""The ranked table with its filter bar: the model (which sorts and filters itself), score bars, and a
selection that survives a re-rank (the posting you were reading stays selected)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from matcher.domain import Posting, RankedMatch, ShortlistEntry
from matcher.ui.ranking import model as cols
from matcher.ui.ranking.filter_bar import FilterBar
from matcher.ui.ranking.header import fit_columns, install_sort_arrow
from matcher.ui.ranking.filter import FilterCriteria
from matcher.ui.ranking.model import POSTING_ID_ROLE, RankingModel
from matcher.ui.ranking.score_delegate import ScoreDelegate

ROW_PADDING = 10  # px above the font height: compact rows, still easy to click


class RankingView(QWidget):
    # RankedMatch (None while not ranked yet), Posting, ShortlistEntry; all None when no row is current.
    currentChanged = Signal(object, object, object)
    starClicked = Signal(int)  # posting id: its ☆ cell was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RankingModel(self)
        self.filter_bar = FilterBar()
        self.table = table = QTableView()
        table.setModel(self.model)
        table.setItemDelegateForColumn(cols.SCORE, ScoreDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several, to remove them
        table.setTabKeyNavigation(False)  # Tab leaves the table, as in any form; arrows move inside it
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(cols.SCORE, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
        install_sort_arrow(table.horizontalHeader())
        table.viewport().installEventFilter(self)  # a new width re-divides the columns
        self._fitted_width = -1
        self._shown: tuple[Mapping[int, RankedMatch], Mapping[int, Posting], Mapping[int, ShortlistEntry]] | None = None
        # The row chosen for the user when a ranking lands is announced on the next turn, after the
        # table has painted: the detail pane's work and paint in the same turn held the window for
        # ~50 ms at 10,000 postings. A zero-interval timer, unlike a queued call, waits for that paint.
        self._announce_later = QTimer(self, singleShot=True, interval=0)
        self._announce_later.timeout.connect(self._announce_current)
        self._choosing_first = False
        fit_columns(table, self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(table)
        self.filter_bar.criteriaChanged.connect(self.set_criteria)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.clicked.connect(self._clicked)

    def show_ranking(self, matches: Mapping[int, RankedMatch], postings: Mapping[int, Posting],
                     entries: Mapping[int, ShortlistEntry]) -> None:
        """`matches`: the ranking by posting id, best first (`RankingState.by_id`)."""
        # The postings are shown when read, then again when ranked: when nothing changed between the
        # two (no CV, so no ranking), a second reset of thousands of rows would only stall the window.
        shown = (matches, postings, entries)
        if self._shown is not None and shown[1] is self._shown[1] and shown[2] is self._shown[2] \
                and shown[0] == self._shown[0]:
            return
        self._shown = shown
        keep = self.current_posting_id()
        self.model.set_data(matches, postings, entries)
        self._update_count()
        self._hide_empty_columns()
        if keep is not None and self.select_posting(keep):
            return
        # The best match is chosen at once; a list not ranked yet waits for a click (or the ranking).
        if self.model.rowCount() and self.model.ranked_count:
            self._choosing_first = True
            try:
                self.table.selectRow(0)
            finally:
                self._choosing_first = False
        else:
            self.currentChanged.emit(None, None, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            if self.table.viewport().width() != self._fitted_width:
                self._fitted_width = self.table.viewport().width()
                fit_columns(self.table, self.model)
        return super().eventFilter(watched, event)

    def _hide_empty_columns(self) -> None:
        """A column nobody has data for (no salary anywhere, nothing starred) gives Title its room."""
        empty = self.model.empty_columns()
        for column in (cols.LANGUAGE, cols.SALARY, cols.STATUS):
            self.table.setColumnHidden(column, column in empty)
        fit_columns(self.table, self.model)

    def set_cv_language(self, language: str | None) -> None:
        """Postings in another language than the CV's are flagged; the Lang column shows when any is."""
        self.model.set_cv_language(language)
        self._hide_empty_columns()

    def set_entries(self, entries: Mapping[int, ShortlistEntry]) -> None:
        self.model.set_entries(entries)
        if self.table.isColumnHidden(cols.STATUS) == bool(entries):
            self._hide_empty_columns()
        if self._shown is not None:
            self._shown = (self._shown[0], self._shown[1], entries)

    def set_criteria(self, criteria: FilterCriteria) -> None:
        self.model.set_criteria(criteria)
        self._update_count()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not self.model.rowCount():
            self.currentChanged.emit(None, None, None)

    def select_posting(self, posting_id: int) -> bool:
        """Select the posting's row (if the filter shows it); True when it is now selected."""
        row = self.model.row_of(posting_id)
        if row is None:
            return False
        index = self.model.index(row, cols.TITLE)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def selected_ids(self) -> list[int]:
        """The selected postings, in table order (the current one when none is selected)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [self.model.posting_id_at(row) for row in rows]
        current = self.current_posting_id()
        return ids or ([current] if current is not None else [])

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == cols.STAR:
            self.starClicked.emit(int(index.data(POSTING_ID_ROLE)))

    def current_posting_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(POSTING_ID_ROLE)) if index.isValid() else None

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self._choosing_first:
            self._announce_later.start()
        else:
            self._announce_current()

    def _announce_current(self) -> None:
        self._announce_later.stop()  # the user moved first: announced now, and once
        current = self.table.currentIndex()
        if not current.isValid():
            self.currentChanged.emit(None, None, None)
            return
        row = current.row()
        self.currentChanged.emit(self.model.ranked(row), self.model.posting(row), self.model.entry(row))

    def _update_count(self) -> None:
        self.filter_bar.show_count(self.model.rowCount(), self.model.total)
