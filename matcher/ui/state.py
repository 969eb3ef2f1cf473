"""What the window shows, kept in small holders, each with its own signal.

Ops never write here: they return plain results, and the action that started one applies the
result on the UI thread (Anki's `OpChanges`). Panes never read a holder: `MainWindow` connects
each holder's signal to the panes that show it and hands them the values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from matcher.domain import CV, Posting, RankedMatch, ShortlistEntry


class PostingsState(QObject):
    """The stored postings (removed ones left out), by id."""

    changed = Signal()
    loadingChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.postings: dict[int, Posting] = {}
        self.loading = False  # the database is being read (on first run: the samples imported)

    def replace(self, postings: Iterable[Posting]) -> None:
        self.postings = {p.id: p for p in postings if p.id is not None}
        self.changed.emit()

    def update(self, upserted: Sequence[Posting], removed: Iterable[int] = ()) -> None:
        """New or changed postings in, removed ones out. A new dict, so a view that compares
        the dict it showed last sees the change."""
        postings = dict(self.postings)
        for posting_id in removed:
            postings.pop(posting_id, None)
        postings.update({p.id: p for p in upserted if p.id is not None})
        self.postings = postings
        self.changed.emit()

    def set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.loadingChanged.emit()


class CVState(QObject):
    """The stored CVs and the one the user chose (the ranking is for it)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cvs: list[CV] = []
        self.current: CV | None = None

    def replace(self, cvs: Sequence[CV], current_id: int | None) -> None:
        """`current_id` gone or None: the newest CV."""
        self.cvs = list(cvs)
        self.current = next((c for c in self.cvs if c.id == current_id), self.cvs[-1] if self.cvs else None)
        self.changed.emit()

    def find(self, cv_id: int) -> CV | None:
        return next((c for c in self.cvs if c.id == cv_id), None)

    def refresh(self, cv: CV) -> None:
        """The same CV read again (its skills found again with a newer taxonomy): shown as it is now,
        the choice kept."""
        self.cvs = [cv if c.id == cv.id else c for c in self.cvs]
        if self.current is not None and self.current.id == cv.id:
            self.current = cv
        self.changed.emit()

    def put(self, cv: CV) -> None:
        """A CV added or edited becomes the current one."""
        self.cvs = [c for c in self.cvs if c.id != cv.id] + [cv]
        self.cvs.sort(key=lambda c: c.id or 0)
        self.current = cv
        self.changed.emit()


class RankingState(QObject):
    """The current ranking (light matches, best first) and what the ranker is busy with."""

    changed = Signal()
    busyChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matches: list[RankedMatch] = []
        self.cv_id: int | None = None  # whose ranking `matches` is
        self.ranking_cv: CV | None = None  # the CV a ranking in flight is for
        self.model_loaded = False  # the first ranking of a session may load the language model
        self._by_id: tuple[list[RankedMatch], dict[int, RankedMatch]] = (self.matches, {})

    def replace(self, matches: Sequence[RankedMatch], cv_id: int | None,
                by_id: dict[int, RankedMatch] | None = None) -> None:
        """`by_id`: the same matches by posting id, best first, when the worker built it: 10,000 of
        them take 5-30 ms, better spent off the UI thread, which is busy enough as a ranking lands."""
        self.matches, self.cv_id = list(matches), cv_id
        if by_id is not None:
            self._by_id = (self.matches, by_id)
        self.changed.emit()

    def set_busy(self, cv: CV | None) -> None:
        self.ranking_cv = cv
        self.busyChanged.emit()

    def by_id(self) -> dict[int, RankedMatch]:
        """The matches by posting id, best first, built once per ranking."""
        if self._by_id[0] is not self.matches:
            self._by_id = (self.matches, {m.posting_id: m for m in self.matches})
        return self._by_id[1]


class ShortlistState(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: dict[int, ShortlistEntry] = {}

    def replace(self, entries: Iterable[ShortlistEntry]) -> None:
        self.entries = {e.posting_id: e for e in entries}
        self.changed.emit()


class WeightsState(QObject):
    """The user's score weights (`ScoreWeights` JSON), None for the defaults."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.weights: dict[str, float] | None = None

    def replace(self, weights: dict[str, float] | None) -> None:
        self.weights = dict(weights) if weights else None
        self.changed.emit()
