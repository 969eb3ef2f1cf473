"""Ranking in the window: the app's one `RankingSession`, asked on the worker's READ pool, so a star,
a note or a weight change (serial write pool) never waits behind a ranking.

Each query captures its inputs (the CV id, the skills) on the UI thread and hands back a plain result:
the light ranking, one posting's explanation, the skill gap or a what-if ranking. A newer ranking
cancels the one in flight; an answer that arrives for a CV or posting no longer shown is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from matcher.domain import CV, RankedMatch
from matcher.services import OperationCancelled, Ranking, RankingSession
from matcher.store import Store
from matcher.ui.gap.data import TOP_POSTINGS
from matcher.ui.runner import OpRunner
from matcher.ui.state import CVState, PostingsState, RankingState, WeightsState
from matcher.ui.worker import OpContext, OpHandle

if TYPE_CHECKING:
    from matcher.engine.gap import GapItem


def ranking_message(cv: CV, postings: int, model_loaded: bool) -> str:
    """E.g. "Ranking 93 postings against John Doe's CV — the language model loads the first time, …"."""
    whose = f"{cv.name}'s CV" if cv.name else "your CV"
    text = f"Ranking {postings:,} postings against {whose}"
    return text + ("" if model_loaded else " — the language model loads the first time, about half a minute")


class Ranker(QObject):
    explained = Signal(object)  # RankedMatch with its requirements: the one the detail pane asked for
    gapReady = Signal(object)  # list[GapItem] of the current ranking (engine.gap)
    whatIfReady = Signal(object)  # list[RankedMatch] | None

    def __init__(self, runner: OpRunner, store: Store, session: RankingSession, postings: PostingsState,
                 cvs: CVState, ranking: RankingState, weights: WeightsState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._store, self._session = runner, store, session
        self._postings, self._cvs, self._ranking, self._weights = postings, cvs, ranking, weights
        self._in_flight: OpHandle | None = None
        self._generation = 0  # a newer ranking makes older answers stale
        self._asked_posting: int | None = None

    # -- the ranking ----------------------------------------------------------------------------
    def message(self, cv: CV) -> str:
        return ranking_message(cv, len(self._postings.postings), self._ranking.model_loaded)

    def rank(self) -> OpHandle | None:
        """Rank every posting for the chosen CV; the one in flight, if any, is cancelled."""
        if self._in_flight is not None:  # superseded, not cancelled by the user: it ends without a word
            self._in_flight.failed.disconnect()
            self._in_flight.succeeded.disconnect()
            self._in_flight.cancel()
        self._generation += 1
        generation = self._generation
        cv = self._cvs.current
        if cv is None or cv.id is None:
            self._ranking.set_busy(None)
            self._ranking.replace([], None)
            return None
        cv_id, message = cv.id, self.message(cv)

        def work(ctx: OpContext) -> tuple[Ranking, dict[int, RankedMatch]]:
            ctx.progress(0, 0, message)
            ranking = self._session.rank(cv_id, progress=ctx.progress, cancelled=ctx.cancelled)
            if ctx.cancelled():
                raise OperationCancelled
            return ranking, {m.posting_id: m for m in ranking.matches}

        def ranked(result: tuple[Ranking, dict[int, RankedMatch]]) -> None:
            ranking, by_id = result
            self._ranking.model_loaded = True
            if ranking.refound_cv is not None:  # handed out once, so shown even by a superseded ranking
                self._cvs.refresh(ranking.refound_cv)
            if generation != self._generation:
                return
            self._in_flight = None
            self._ranking.set_busy(None)
            self._runner.message.emit(f"Ranked {len(ranking.matches):,} postings for {cv.name}")
            self._ranking.replace(ranking.matches, cv_id, by_id)
            self._ask_gap(cv_id, generation)

        def stopped(_error: object) -> None:
            if generation == self._generation:
                self._in_flight = None
                self._ranking.set_busy(None)

        self._ranking.set_busy(cv)
        handle = self._runner.run("Ranking", work, ranked, writes=False, stopped=stopped)
        self._in_flight = None if handle.done else handle  # a synchronous pool has finished it already
        return handle

    # -- queries on the current ranking ---------------------------------------------------------
    def explain(self, posting_id: int) -> OpHandle | None:
        """Each requirement's verdict and evidence for one posting, announced on `explained`."""
        cv_id = self._ranking.cv_id
        self._asked_posting = posting_id
        if cv_id is None:
            return None

        def shown(matches: list[RankedMatch]) -> None:
            if matches and self._asked_posting == posting_id and self._ranking.cv_id == cv_id:
                self.explained.emit(matches[0])

        return self._runner.run("Explaining", lambda ctx: self._session.explain(cv_id, [posting_id]), shown,
                                writes=False, quiet=True)

    def _ask_gap(self, cv_id: int, generation: int) -> None:
        def found(items: list[GapItem]) -> None:
            if generation == self._generation:
                self.gapReady.emit(items)

        self._runner.run("Finding the skill gap", lambda ctx: self._session.skill_gap(cv_id, TOP_POSTINGS), found,
                         writes=False, quiet=True)

    def what_if(self, skills: list[str]) -> OpHandle | None:
        """Rank again as if the CV had these skills too; nothing is stored."""
        cv_id = self._ranking.cv_id
        if cv_id is None or not skills:
            self.whatIfReady.emit(None)
            return None
        wanted = list(skills)
        return self._runner.run("What if", lambda ctx: self._session.what_if(cv_id, wanted).matches,
                                self.whatIfReady.emit, writes=False)

    # -- what the score is made of --------------------------------------------------------------
    def set_weights(self, weights: dict[str, float]) -> OpHandle:
        def save(ctx: OpContext) -> dict[str, float]:
            self._store.set_setting("score_weights", weights)
            self._session.weights_changed()
            return weights

        def saved(stored: dict[str, float]) -> None:
            self._weights.replace(stored)
            self.rank()

        return self._runner.run("Saving weights", save, saved, writes=True)

