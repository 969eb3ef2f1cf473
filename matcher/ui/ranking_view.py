"""The ranked table with its filter bar: model, sort/filter proxy, score bars, and a selection that
survives a re-rank (the posting you were reading stays selected)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from matcher.domain import JobPosting, RankedMatch, ShortlistEntry
from matcher.ui import ranking_model as cols
from matcher.ui.filter_bar import FilterBar
from matcher.ui.ranking_filter import FilterCriteria, RankingFilter
from matcher.ui.ranking_model import JOB_ID_ROLE, RankingModel
from matcher.ui.score_delegate import ScoreDelegate

# Fixed widths (Title takes the rest): sizing to contents would measure every row on each re-rank.
COLUMN_WIDTHS = ((cols.STAR, 26), (cols.SCORE, 112), (cols.COMPANY, 110), (cols.LOCATIONS, 110),
                 (cols.SALARY, 120), (cols.POSTED, 52), (cols.MET, 36), (cols.MISSING, 56), (cols.STATUS, 66))
ROW_PADDING = 10  # px above the font height: compact rows, still easy to click


class RankingView(QWidget):
    currentChanged = Signal(object, object, object)  # RankedMatch, JobPosting, ShortlistEntry (or all None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RankingModel(self)
        self.proxy = RankingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_bar = FilterBar()
        self.table = table = QTableView()
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(cols.SCORE, ScoreDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(cols.SCORE, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
        table.horizontalHeader().setSectionResizeMode(cols.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS:
            table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(table)
        self.filter_bar.criteriaChanged.connect(self.set_criteria)
        table.selectionModel().currentRowChanged.connect(self._current_changed)

    def show_ranking(self, matches: Sequence[RankedMatch], postings: Mapping[int, JobPosting],
                     entries: Mapping[int, ShortlistEntry]) -> None:
        keep = self.current_job_id()
        self.model.set_data(matches, postings, entries)
        self._update_count()
        if not (keep is not None and self.select_job(keep)) and self.proxy.rowCount():
            self.table.selectRow(0)
        if not self.proxy.rowCount():
            self.currentChanged.emit(None, None, None)

    def set_entries(self, entries: Mapping[int, ShortlistEntry]) -> None:
        self.model.set_entries(entries)

    def set_criteria(self, criteria: FilterCriteria) -> None:
        self.proxy.set_criteria(criteria)
        self._update_count()
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not self.proxy.rowCount():
            self.currentChanged.emit(None, None, None)

    def select_job(self, job_id: int) -> bool:
        """Select the posting's row (if the filter shows it); True when it is now selected."""
        row = self.model.row_of(job_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, cols.TITLE))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def current_job_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(JOB_ID_ROLE)) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.currentChanged.emit(None, None, None)
            return
        row = self.proxy.mapToSource(current).row()
        self.currentChanged.emit(self.model.ranked(row), self.model.posting(row), self.model.entry(row))

    def _update_count(self) -> None:
        self.filter_bar.show_count(self.proxy.rowCount(), self.model.rowCount())
