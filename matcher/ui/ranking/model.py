"""A table model adapting the ranked matches (plain dataclasses) for the view (Anki browser style).

The rows are posting ids: each row's match (if ranked yet), posting and shortlist entry are looked up
by it. Every column has a sort value of a real type (number, date ordinal), so sorting by "Posted" or
"Salary" sorts by time or money, not by the text shown. The model sorts and filters itself, each in
one pass of Python over its list of ids, and the view shows it with no proxy between: a
QSortFilterProxyModel calls back into Python for every row at every sort, filter or reset (10,000
calls, about 35 ms on two slow cores, on top of its own remapping), and sorting through one
compared rows by a Python call each time, about 300,000 of them for 10,000 postings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from matcher.domain import Posting, RankedMatch, ShortlistEntry, format_salary, score_band
from matcher.ui.languages import language_differs, language_name, language_notice
from matcher.ui.ranking.filter import FilterCriteria, RowFilter, yearly_salary
from matcher.ui.theme import NOTICE_COLOUR

COLUMNS = ("★", "Score", "Title", "Company", "Locations", "Lang", "Salary", "Posted", "Met", "Missing", "Status")
STAR, SCORE, TITLE, COMPANY, LOCATIONS, LANGUAGE, SALARY, POSTED, MET, MISSING, STATUS = range(len(COLUMNS))

# The columns that sort by a match's own numbers, and the number each reads.
MATCH_SORT_KEYS = {SCORE: attrgetter("score"), MET: attrgetter("counts.met"), MISSING: attrgetter("counts.missing")}

# Search texts lower-cased per turn of the event loop while the window is idle: about 4 ms of work
# each, so 10,000 postings are searchable at once within a second, never in one 80 ms block.
HAYSTACKS_PER_TURN = 500

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
POSTING_ID_ROLE = Qt.ItemDataRole.UserRole + 2

HEADER_TIPS = {
    STAR: "Shortlisted: click ☆, or press Space, to star",
    LANGUAGE: "The posting's language; ⚑ when it is not your CV's",
    SCORE: "How well your CV fits the posting, 0–100: Great ≥ 75, Good ≥ 60, Fair ≥ 45",
    SALARY: "As the posting states it; sorts by the amount per year",
    POSTED: "How long ago it was posted (d: days, w: weeks)",
    MET: "Requirements your CV meets",
    MISSING: "Requirements your CV does not show",
    STATUS: "Your application status (Shortlist tab)",
}

Index = QModelIndex | QPersistentModelIndex


def score_text(score: float) -> str:
    """E.g. "74 Good" for 74.6: the number is cut, not rounded, so it never shows "75" beside the
    band of a score below 75 (bands start at 75, 60, 45)."""
    return f"{math.floor(score)} {score_band(score)}"


def where(posting: Posting) -> str:
    """E.g. "Remote · Poland", "Mountain View, New York", "Remote", or ""."""
    places = ", ".join(posting.locations)
    return f"Remote · {places}" if posting.remote and places else ("Remote" if posting.remote else places)


def age_text(posted: date | None, today: date) -> str:
    """E.g. "3 d", "5 w", "" when unknown."""
    if posted is None:
        return ""
    days = max((today - posted).days, 0)
    return f"{days} d" if days < 60 else f"{days // 7} w"


class RankingModel(QAbstractTableModel):
    """Rows are postings: the ranked ones in ranking order, then any not ranked yet (while the
    first ranking runs, or just imported), whose score cells stay empty until the ranking lands.
    Only the postings the filter keeps are rows; `total` counts them all."""

    def __init__(self, parent: Any = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []  # every posting id, in display order
        self._rows: list[int] = []  # the ones the filter keeps, in that order
        self._filter = RowFilter(today)
        self._kept: set[int] | None = None  # the filter's answer for the current data; None: every posting
        self._matches: Mapping[int, RankedMatch] = {}  # best first
        self._postings: dict[int, Posting] = {}
        self._entries: dict[int, ShortlistEntry] = {}
        self._today = today or date.today()
        self._sort_column = SCORE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._haystacks: dict[int, str] = {}
        self._preparing = False  # search texts are being lower-cased on idle turns (`_prepare_haystacks`)
        self._cv_language: str | None = None

    # -- data in --------------------------------------------------------------------------------
    def set_data(
        self,
        matches: Mapping[int, RankedMatch],
        postings: Mapping[int, Posting],
        entries: Mapping[int, ShortlistEntry],
    ) -> None:
        """`matches`: the ranking by posting id, best first (`RankingState.by_id`), kept as it is
        rather than copied: a ranking arrives on the UI thread, and each pass over 10,000 matches
        there costs 3-7 ms on two slow cores."""
        self.beginResetModel()
        ranked = [posting_id for posting_id in matches if posting_id in postings]
        # A posting deleted while the ranking ran is not shown (rare: only then is a copy made).
        self._matches = matches if len(ranked) == len(matches) else {j: matches[j] for j in ranked}
        self._order = [*ranked, *(posting_id for posting_id in postings if posting_id not in self._matches)]
        # A re-rank (a what-if, a weight change) hands over the same postings: their search texts stay.
        self._haystacks = {i: text for i, text in self._haystacks.items() if postings.get(i) is self._postings[i]}
        self._postings = dict(postings)
        self._entries = dict(entries)
        if not self._preparing and len(self._haystacks) < len(self._postings):
            self._preparing = True  # one chain of idle turns at a time, however often the data comes
            QTimer.singleShot(0, self._prepare_haystacks)
        self._sort_all()
        self._rows = self._kept_rows(refilter=True)
        self.endResetModel()

    def set_entries(self, entries: Mapping[int, ShortlistEntry]) -> None:
        """Star and status changed: only those two columns repaint, the selection stays (a row that
        no longer passes a star or status filter leaves the table)."""
        self._entries = dict(entries)
        if self._filter.reads_entries:
            self._relayout(resort=False, refilter=True)
        if self._rows:
            self.dataChanged.emit(self.index(0, STAR), self.index(len(self._rows) - 1, STATUS))

    def set_criteria(self, criteria: FilterCriteria) -> None:
        """Show only the postings these criteria keep; the selection stays on the rows still shown."""
        if criteria == self._filter.criteria:
            return
        self._filter.criteria = criteria
        self._relayout(resort=False, refilter=True)

    def set_cv_language(self, language: str | None) -> None:
        """The CV's language: postings in another one are flagged in the Lang column."""
        self._cv_language = language
        if self._rows:
            self.dataChanged.emit(self.index(0, LANGUAGE), self.index(len(self._rows) - 1, LANGUAGE))

    def empty_columns(self) -> set[int]:
        """Columns with nothing to tell in any row (no posting states a salary, nothing is starred, every
        posting is in the CV's language…)."""
        postings = self._postings.values()
        empty = set()
        languages = {p.language for p in postings if p.language}
        if len(languages | ({self._cv_language} if self._cv_language else set())) <= 1:
            empty.add(LANGUAGE)  # one language throughout, the CV's: the column would flag nothing
        if not any(p.salary for p in postings):
            empty.add(SALARY)
        if not self._entries:
            empty.add(STATUS)
        return empty

    # -- data out -------------------------------------------------------------------------------
    @property
    def ranked_count(self) -> int:
        return len(self._matches)

    @property
    def total(self) -> int:
        """Every posting, whether the filter shows it or not."""
        return len(self._order)

    def ranked(self, row: int) -> RankedMatch | None:
        """The row's match, or None while the posting is not ranked yet."""
        return self._matches.get(self._rows[row])

    def posting(self, row: int) -> Posting:
        return self._postings[self._rows[row]]

    def entry(self, row: int) -> ShortlistEntry | None:
        return self._entries.get(self._rows[row])

    def posting_id_at(self, row: int) -> int:
        return self._rows[row]

    def _all_items(self) -> Iterator[tuple[int, RankedMatch | None, Posting, ShortlistEntry | None]]:
        """(posting id, match, posting, entry) of every posting, shown or not: one pass for the filter."""
        matches, postings, entries = self._matches, self._postings, self._entries
        for posting_id in self._order:
            yield posting_id, matches.get(posting_id), postings[posting_id], entries.get(posting_id)

    def haystack(self, posting_id: int) -> str:
        """The lower-cased text a search looks in: title, company, tags, description."""
        text = self._haystacks.get(posting_id)
        if text is None:
            p = self._postings[posting_id]
            text = self._haystacks[posting_id] = " ".join([p.title, p.company or "", *p.tags, p.description]).lower()
        return text

    def _prepare_haystacks(self) -> None:
        """Lower-case the next postings' search texts, and come back on the next turn for more."""
        missing = (posting_id for posting_id in self._postings if posting_id not in self._haystacks)
        for _, posting_id in zip(range(HAYSTACKS_PER_TURN), missing):
            self.haystack(posting_id)
        self._preparing = len(self._haystacks) < len(self._postings)
        if self._preparing:
            QTimer.singleShot(0, self._prepare_haystacks)

    def row_of(self, posting_id: int) -> int | None:
        return next((i for i, row_id in enumerate(self._rows) if row_id == posting_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        match = self.ranked(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == POSTING_ID_ROLE:
            return self._rows[row]
        if role == Qt.ItemDataRole.ToolTipRole and column == SCORE:
            return f"{match.score:.1f} / 100 — {score_band(match.score)}" if match else "Not ranked yet"
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, COMPANY, LOCATIONS, SALARY):
            return self.text(row, column) or None  # the full text of a cell the column cuts
        if column == LANGUAGE and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            language = self.posting(row).language
            if role == Qt.ItemDataRole.ToolTipRole:
                return language_notice(language, self._cv_language) or language_name(language) or None
            return QColor(NOTICE_COLOUR) if language_differs(language, self._cv_language) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (STAR, SCORE, LANGUAGE, POSTED, MET, MISSING):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def text(self, row: int, column: int) -> str:
        """What a cell shows (`data`'s display role, without the trip through Qt)."""
        match, posting, entry = self.ranked(row), self.posting(row), self.entry(row)
        if column == STAR:
            return "★" if entry else "☆"
        if column == TITLE:
            return posting.title
        if column == COMPANY:
            return posting.company or ""
        if column == LOCATIONS:
            return where(posting)
        if column == LANGUAGE:
            code = posting.language or ""
            return f"{code} ⚑" if language_differs(code, self._cv_language) else code
        if column == SALARY:
            return format_salary(posting.salary)
        if column == POSTED:
            return age_text(posting.posted, self._today)
        if column == STATUS:
            return entry.status if entry else ""
        if match is None:
            return ""  # score, met, missing: not known until the ranking lands
        if column == SCORE:
            return score_text(match.score)
        return str(match.met if column == MET else match.missing)

    def _sort_value(self, row: int, column: int) -> Any:
        return self._sort_key(column)(self._rows[row])

    def _sort_key(self, column: int) -> Callable[[int], Any]:
        """The real value a column sorts by, straight from the dataclasses: no text is formatted."""
        posting, entries, matches = self._postings, self._entries, self._matches
        keys: dict[int, Callable[[int], Any]] = {
            STAR: lambda j: j in entries,
            SCORE: lambda j: matches[j].score if j in matches else None,
            TITLE: lambda j: posting[j].title.lower(),
            COMPANY: lambda j: (posting[j].company or "").lower(),
            LOCATIONS: lambda j: ", ".join(posting[j].locations).lower(),
            LANGUAGE: lambda j: posting[j].language or "",
            SALARY: lambda j: yearly_salary(posting[j].salary) or 0.0,
            POSTED: lambda j: posting[j].posted.toordinal() if posting[j].posted else 0,  # type: ignore[union-attr]
            MET: lambda j: matches[j].met if j in matches else None,
            MISSING: lambda j: matches[j].missing if j in matches else None,
            STATUS: lambda j: entries[j].status if j in entries else "",
        }
        return keys[column]

    # -- sorting --------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's real value; the selection and other persistent indexes follow."""
        if not 0 <= column < len(COLUMNS) or (column, order) == (self._sort_column, self._sort_order):
            return  # the view asks twice for one header click; the rows are already in this order
        self._sort_column, self._sort_order = column, order
        self._relayout(resort=True, refilter=False)

    def _relayout(self, resort: bool, refilter: bool) -> None:
        """Rows re-sorted or re-filtered in place: persistent indexes (the view's selection and
        current row) follow their posting, and those of postings the filter now hides are dropped."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()] for index in before]
        if resort:
            self._sort_all()
        self._rows = self._kept_rows(refilter)
        rows = {posting_id: row for row, posting_id in enumerate(self._rows)}
        after = [self.index(rows[i], index.column()) if i in rows else QModelIndex() for i, index in zip(ids, before)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _kept_rows(self, refilter: bool) -> list[int]:
        """The shown rows in display order; `refilter`: the data or the criteria changed, not just the order."""
        if refilter:
            self._kept = self._filter.kept(self._all_items(), self.haystack)
        kept = self._kept
        return list(self._order) if kept is None else [j for j in self._order if j in kept]

    def _sort_all(self) -> None:
        # Ranked rows first, whichever the order: a posting not ranked yet has no score to sort by.
        # Stable: rows that tie keep their ranking order.
        column, reverse = self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder
        matches = self._matches
        waiting = [j for j in self._order if j not in matches]
        if column == SCORE and reverse:  # best first is the ranking's own order (ties by posting id)
            ranked = list(matches)
        elif column in MATCH_SORT_KEYS:  # the matches in ranking order, sorted by a key read in C
            ranked = [m.posting_id for m in sorted(matches.values(), key=MATCH_SORT_KEYS[column], reverse=reverse)]
        else:
            key = self._sort_key(column)
            ranked = sorted((j for j in self._order if j in matches), key=key, reverse=reverse)
            waiting.sort(key=key, reverse=reverse)
        self._order = ranked + waiting
