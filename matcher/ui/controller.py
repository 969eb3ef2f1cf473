"""The window's state (store, CVs, postings, matches, shortlist) and every user action as an op.

Each action runs `matcher.services` through the `Worker`, then publishes the new state with a
signal; widgets only read `controller.state`. Writes go to the serial pool; ranking does too,
because it stores the embeddings it computes.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from matcher import services
from matcher.store.backup import BackupStats, restore_backup, write_backup
from matcher.domain import CV, Posting, RankedMatch, ShortlistEntry
from matcher.store import Store

if TYPE_CHECKING:
    from matcher.engine.gap import GapItem
from matcher.ui.shortlist.tracking import Tracking
from matcher.ui.worker import OpContext, OpHandle, Worker

CV_SUFFIXES = (".pdf", ".docx")
CV_SECTIONS = {"experience", "education", "skills"}  # a file with one of these reads as a CV
WARM_MODULE = "matcher.engine.gap"  # the skill-gap chart's engine; it pulls in the lexical scorer


@dataclass
class AppState:
    postings: dict[int, Posting] = field(default_factory=dict)
    cvs: list[CV] = field(default_factory=list)
    cv: CV | None = None
    matches: list[RankedMatch] = field(default_factory=list)
    entries: dict[int, ShortlistEntry] = field(default_factory=dict)
    weights: dict[str, float] | None = None  # the user's score weights (ScoreWeights JSON), None: defaults
    gap: list[GapItem] = field(default_factory=list)  # missing skills of the best postings, from the engine


def looks_like_cv(path: Path) -> bool:
    """A dropped PDF/DOCX is a CV when it reads as one: it has experience, education or skills."""
    if path.suffix.lower() not in CV_SUFFIXES:
        return False
    from matcher.ingest.cv import CVReadError, read_cv

    try:
        cv = read_cv(path)
    except CVReadError:
        return False
    return bool(CV_SECTIONS & {s.name for s in cv.sections})


class Controller(QObject):
    postingsChanged = Signal()
    cvsChanged = Signal()
    rankingChanged = Signal()  # matches (and postings) replaced
    shortlistChanged = Signal()
    importFinished = Signal(object)  # services.ImportSummary
    importIssues = Signal(list)  # list[ImportIssue]: the window lists them
    failed = Signal(str, str)  # what failed, why
    message = Signal(str)  # a status-bar line
    whatIfReady = Signal(object)  # list[RankedMatch] | None
    busyChanged = Signal()  # `loading` or `ranking_cv` changed: the window says what it waits for

    def __init__(self, store: Store, worker: Worker, samples: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.worker = worker
        self.state = AppState()
        self._samples = samples  # imported on first run (empty database) so a newcomer sees a ranking
        self._rank_generation = 0  # a newer ranking makes older ones in flight stale
        self._welcome = ""
        self._model_loaded = False  # the first ranking of a session loads the language model
        self.loading = False  # reading the database (and, on first run, importing the samples)
        self.ranking_cv: CV | None = None  # the CV a ranking in flight is for
        self.tracking = Tracking(self)
        self.session = services.RankingSession(store)  # the one ranker of this window

    # -- plumbing -------------------------------------------------------------------------------
    def run(self, label: str, fn: Callable[[OpContext], Any], done: Callable[[Any], object], *,
             writes: bool = True, stopped: Callable[[object], object] | None = None) -> OpHandle:
        """`stopped` is called with the error when the op fails or is cancelled."""
        handle = self.worker.prepare(label)
        handle.succeeded.connect(done)
        handle.failed.connect(lambda error: self._failed(label, error))
        if stopped is not None:  # connected before the start: a synchronous pool finishes within it
            handle.failed.connect(stopped)
        self.worker.start(handle, fn, writes=writes)
        return handle

    def _failed(self, label: str, error: object) -> None:
        if isinstance(error, services.OperationCancelled):  # the user asked for it: not an error
            self.message.emit(f"{label}: cancelled")
        else:
            self.failed.emit(label, str(error) or type(error).__name__)

    def _snapshot(self, _ctx: OpContext | None = None) -> AppState:
        """Everything the window shows, read in one go off the UI thread."""
        cvs = self.store.cvs()
        current = self.state.cv.id if self.state.cv else None
        cv = next((c for c in cvs if c.id == current), cvs[-1] if cvs else None)
        entries = {e.posting_id: e for e in self.store.shortlist()}
        postings = {p.id: p for p in self.store.postings() if p.id is not None}
        weights = self.store.setting("score_weights")
        return AppState(postings, cvs, cv, self.state.matches, entries, weights, self.state.gap)

    def _apply(self, state: AppState, rank: bool = True) -> None:
        self.state = state
        self.cvsChanged.emit()
        self.postingsChanged.emit()
        self.shortlistChanged.emit()
        if rank:
            self.rank()

    # -- start-up -------------------------------------------------------------------------------
    def warm_up(self) -> OpHandle:
        """Import, off the UI thread, the engine modules the panes call when a ranking arrives:
        their first import (scipy and friends) takes a few hundred milliseconds."""
        # On the serial pool: beside an import on another thread, three threads contending for the
        # GIL starve the UI thread for half a second at a time.
        return self.run("Starting", lambda ctx: importlib.import_module(WARM_MODULE), lambda _: None)

    def start(self) -> OpHandle:
        """Read the database; on first run import the samples; then rank."""

        def load(ctx: OpContext) -> tuple[AppState, services.ImportSummary | None]:
            summary = None
            if self._samples is not None and self.store.count_postings() == 0 and not self.store.cvs():
                ctx.progress(0, 2, "First run: importing the sample postings and CV")
                summary = services.import_samples(self.store, self._samples, ctx.progress, ctx.cancelled)
            return self._snapshot(), summary

        def loaded(result: tuple[AppState, services.ImportSummary | None]) -> None:
            state, summary = result
            if summary is not None:  # said once the ranking is shown, so it is not overwritten at once
                self._welcome = (f"Welcome! These are {summary.imported} sample postings ranked for a sample CV. "
                                 "Load your own CV and import postings to begin.")
            self._apply(state)
            self._set_busy(loading=False)

        self._set_busy(loading=True)
        return self.run("Loading", load, loaded, stopped=lambda _error: self._set_busy(loading=False))

    def _set_busy(self, *, loading: bool | None = None, ranking: CV | None | bool = False) -> None:
        """`ranking`: the CV now being ranked, None when done, False to leave it as it is."""
        if loading is not None:
            self.loading = loading
        if ranking is not False:
            self.ranking_cv = ranking if isinstance(ranking, CV) else None
        self.busyChanged.emit()

    def ranking_message(self, cv: CV) -> str:
        """E.g. "Ranking 93 postings against John Doe's CV — the language model loads the first time, …"."""
        whose = f"{cv.name}'s CV" if cv.name else "your CV"
        text = f"Ranking {len(self.state.postings)} postings against {whose}"
        return text + (" — the language model loads the first time, about half a minute" if not self._model_loaded
                       else "")

    # -- postings -------------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> OpHandle:
        paths = list(paths)
        return self.run("Importing postings",
                         lambda ctx: services.import_postings(self.store, paths, ctx.progress, ctx.cancelled),
                         self._imported)

    def import_text(self, text: str) -> OpHandle:
        return self.run("Importing pasted posting", lambda ctx: services.import_posting_text(self.store, text),
                         self._imported)

    def _imported(self, summary: services.ImportSummary) -> None:
        words = [f"{summary.imported} postings imported"]
        if summary.duplicates:
            words.append(f"{summary.duplicates} already there")
        if summary.errors:
            words.append(f"{len(summary.errors)} could not be read")
        if summary.cancelled:
            words.append("cancelled: files finished before that are kept")
        self.message.emit(", ".join(words))
        self.importFinished.emit(summary)
        if summary.errors:
            self.importIssues.emit(list(summary.errors))
        self.refresh()

    def backup(self, path: Path) -> OpHandle:
        def written(stats: BackupStats) -> None:
            self.message.emit(f"Backed up {stats.postings} postings and {stats.cvs} CVs to {path.name}")

        return self.run("Backing up", lambda ctx: write_backup(self.store, path), written)

    def restore(self, path: Path) -> OpHandle:
        """Merge a backup; a damaged or foreign file changes nothing and is reported in the window."""

        def restored(stats: BackupStats) -> None:
            self.message.emit(f"Restored {stats.postings} postings and {stats.cvs} CVs from {path.name}")
            self.refresh()

        return self.run("Restoring", lambda ctx: restore_backup(self.store, path), restored, writes=True)

    def open_paths(self, paths: Sequence[Path]) -> OpHandle:
        """Dropped files and folders: a file that reads as a CV is loaded as the CV, the rest imported."""
        paths = list(paths)

        def route(ctx: OpContext) -> tuple[list[Path], list[Path]]:
            cvs = [p for p in paths if p.is_file() and looks_like_cv(p)]
            return cvs, [p for p in paths if p not in cvs]

        def routed(result: tuple[list[Path], list[Path]]) -> None:
            cvs, postings = result
            for path in cvs:
                self.load_cv(path)
            if postings:
                self.import_paths(postings)

        return self.run("Reading dropped files", route, routed, writes=False)

    def refresh(self, rank: bool = True) -> OpHandle:
        return self.run("Reading the database", self._snapshot, lambda state: self._apply(state, rank), writes=False)

    # -- CVs ------------------------------------------------------------------------------------
    def load_cv(self, path: Path) -> OpHandle:
        def loaded(cv: CV) -> None:
            self.state.cv = cv
            self.message.emit(f"CV loaded: {cv.name} ({len(cv.effective_skills())} skills found)")
            self.refresh()

        return self.run(f"Loading CV {path.name}", lambda ctx: services.import_cv(self.store, path), loaded)

    def select_cv(self, cv_id: int) -> None:
        cv = next((c for c in self.state.cvs if c.id == cv_id), None)
        if cv is not None and cv is not self.state.cv:
            self.state.cv = cv
            self.cvsChanged.emit()
            self.rank()

    def delete_cv(self, cv_id: int) -> OpHandle:
        if self.state.cv is not None and self.state.cv.id == cv_id:
            self.state.cv = None  # the snapshot then picks the latest remaining CV
        return self.run("Deleting CV", lambda ctx: self.store.delete_cv(cv_id), lambda _: self.refresh())

    def edit_skills(self, cv_id: int, added: list[str], removed: list[str]) -> OpHandle | None:
        shown = next((c for c in self.state.cvs if c.id == cv_id), None)
        if shown is None:
            return None
        cv = copy.deepcopy(shown)  # the op edits its own copy; the window's stays as shown until saved

        def edited(new: CV) -> None:
            self.state.cvs = [new if c.id == new.id else c for c in self.state.cvs]
            self.state.cv = new
            self.cvsChanged.emit()
            self.rank()

        return self.run("Saving skills", lambda ctx: services.edit_cv_skills(self.store, cv, added, removed), edited)

    # -- ranking --------------------------------------------------------------------------------
    def rank(self) -> OpHandle | None:
        cv = self.state.cv
        if cv is None:
            self.state.matches = []
            self.rankingChanged.emit()
            return None
        self._rank_generation += 1
        generation = self._rank_generation
        postings = list(self.state.postings.values())

        def ranked(result: tuple[list[RankedMatch], list[GapItem]]) -> None:
            matches, gap = result
            self._model_loaded = True
            if generation == self._rank_generation:  # a newer ranking supersedes this one
                self.state.matches, self.state.gap = matches, gap
                self._set_busy(ranking=None)
                self.message.emit(self._welcome or f"Ranked {len(matches)} postings for {cv.name}")
                self._welcome = ""
                self.rankingChanged.emit()

        message = self.ranking_message(cv)

        def work(ctx: OpContext) -> tuple[list[RankedMatch], list[GapItem]]:
            ctx.progress(0, 0, message)
            # Embedding stops between batches on Cancel; a ranking of cached vectors takes well
            # under a second, and Cancel then keeps the old ranking.
            assert cv.id is not None
            self.session.postings_changed()  # the window re-reads everything it shows: so does the session
            ranking = self.session.rank(cv.id, cancelled=ctx.cancelled, progress=ctx.progress)
            if ctx.cancelled():
                raise services.OperationCancelled
            # Explained in full until the detail pane asks for one posting at a time.
            matches = self.session.explain(cv.id, [m.posting_id for m in ranking.matches])
            return matches, self.session.skill_gap(cv.id)

        def stopped(_error: object) -> None:
            if generation == self._rank_generation:
                self._set_busy(ranking=None)

        self._set_busy(ranking=cv)
        return self.run("Ranking", work, ranked, stopped=stopped)

    def what_if(self, skills: list[str]) -> OpHandle | None:
        """Rank again as if the CV had these skills too; nothing is stored."""
        if self.state.cv is None or not skills:
            self.whatIfReady.emit(None)
            return None
        cv_id = self.state.cv.id
        assert cv_id is not None
        return self.run("What if", lambda ctx: self.session.what_if(cv_id, skills).matches,
                         self.whatIfReady.emit, writes=False)

    def set_weights(self, weights: dict[str, float]) -> OpHandle:
        def saved(_: object) -> None:
            self.state.weights = dict(weights)
            self.rank()

        return self.run("Saving weights", lambda ctx: self.store.set_setting("score_weights", weights), saved)
