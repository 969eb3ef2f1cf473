"""The parts the window works with, built once per app: the store, the worker, the one ranking
session, the state holders and the actions on them. It holds no state and does nothing itself;
it only says which action re-ranks (each is handed `ranker.rank`). `MainWindow` wires the panes.
"""

from __future__ import annotations

from pathlib import Path

from matcher.services import RankingSession
from matcher.store import Store
from matcher.ui.cv.actions import CVActions
from matcher.ui.postings.actions import PostingActions
from matcher.ui.ranking.ranker import Ranker
from matcher.ui.runner import OpRunner
from matcher.ui.shortlist.tracking import Tracking
from matcher.ui.startup import Startup
from matcher.ui.state import CVState, PostingsState, RankingState, ShortlistState, WeightsState
from matcher.ui.worker import Worker


class AppCore:
    def __init__(self, store: Store, worker: Worker, samples: Path | None = None,
                 session: RankingSession | None = None) -> None:
        self.store = store
        self.worker = worker
        self.session = session or RankingSession(store)
        self.runner = OpRunner(worker)
        self.postings = PostingsState()
        self.cvs = CVState()
        self.ranking = RankingState()
        self.shortlist = ShortlistState()
        self.weights = WeightsState()
        self.ranker = Ranker(self.runner, store, self.session, self.postings, self.cvs, self.ranking, self.weights)
        rank = self.ranker.rank
        self.cv_actions = CVActions(self.runner, store, self.session, self.cvs, rank)
        self.posting_actions = PostingActions(self.runner, store, self.session, self.postings, self.shortlist, rank,
                                              self.cv_actions.load)
        self.tracking = Tracking(self.runner, store, self.session, self.shortlist)
        self.startup = Startup(self.runner, store, samples, self.postings, self.cvs, self.shortlist, self.weights, rank)
