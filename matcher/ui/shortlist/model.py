"""Adapts the shortlist (a list of `ShortlistEntry` with their postings and matches) for a table view.

The status column is editable; an edit updates the entry in place and is announced with
`statusEdited(posting_id, status)` so the pane can save it, and the view never holds its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from matcher.domain import APPLICATION_STATUSES, Posting, RankedMatch, ShortlistEntry
from matcher.ui.ranking.model import score_text, where

COLUMNS = ("Score", "Title", "Company", "Location", "Status", "Added")
SCORE, TITLE, COMPANY, LOCATION, STATUS, ADDED = range(len(COLUMNS))
POSTING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ShortlistRow:
    entry: ShortlistEntry
    posting: Posting | None  # None when the posting was deleted after it was starred
    match: RankedMatch | None  # None until the CV has been ranked against it


class ShortlistModel(QAbstractTableModel):
    statusEdited = Signal(int, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ShortlistRow] = []

    def set_rows(self, rows: list[ShortlistRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, posting_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.entry.posting_id == posting_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == STATUS else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == POSTING_ID_ROLE:
            return row.entry.posting_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE and row.posting is not None:
            return row.posting.source
        if role == Qt.ItemDataRole.ToolTipRole and column in (COMPANY, LOCATION):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != STATUS:
            return False
        if value not in APPLICATION_STATUSES:
            return False
        entry = self.rows[index.row()].entry
        if entry.status == value:
            return True
        entry.status = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.statusEdited.emit(entry.posting_id, value)
        return True

    @staticmethod
    def _text(row: ShortlistRow, column: int) -> str:
        if column == SCORE:
            return score_text(row.match.score) if row.match else "–"
        if column == TITLE:
            return row.posting.title if row.posting else f"(deleted posting #{row.entry.posting_id})"
        if column == COMPANY:
            return (row.posting.company or "") if row.posting else ""
        if column == LOCATION:  # two "Software Engineer — Google" rows differ here
            return where(row.posting) if row.posting else ""
        if column == STATUS:
            return row.entry.status
        return row.entry.added.strftime("%Y-%m-%d") if row.entry.added else ""

    @staticmethod
    def _sort_key(row: ShortlistRow, column: int) -> Any:
        # Numbers and dates sort as such, not as their text ("9" after "10").
        if column == SCORE:
            return row.match.score if row.match else -1.0
        if column == STATUS:
            return APPLICATION_STATUSES.index(row.entry.status)
        if column == ADDED:
            return row.entry.added.timestamp() if row.entry.added else 0.0
        return ShortlistModel._text(row, column).lower()
