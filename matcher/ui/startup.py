"""Opening the app: warm up the engine modules, read the database (on first run, import the samples
first), fill the state holders, then rank once.

The whole read is one op on the serial pool: it may write (the samples, the purge of postings
removed long ago), and it must not interleave with an import started meanwhile.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from matcher import services
from matcher.domain import CV, Posting, ShortlistEntry
from matcher.store import Store
from matcher.ui.cv.actions import CHOSEN_CV
from matcher.ui.runner import OpRunner
from matcher.ui.state import CVState, PostingsState, ShortlistState, WeightsState
from matcher.ui.worker import OpContext, OpHandle

WARM_MODULE = "matcher.engine.gap"  # the skill-gap chart's engine; it pulls in the lexical scorer
# Removed postings stay this long for Undo (and `matcher jobs restore`), then go for good.
KEEP_REMOVED = timedelta(days=30)


@dataclass
class Snapshot:
    """Everything the window shows, read in one go by the op."""

    postings: list[Posting]
    cvs: list[CV]
    chosen_cv: int | None
    entries: list[ShortlistEntry]
    weights: dict[str, float] | None
    samples: services.ImportSummary | None = None  # first run: what the sample import did


def read_snapshot(store: Store) -> Snapshot:
    chosen = store.setting(CHOSEN_CV)
    return Snapshot(store.postings(with_requirements=False), store.cvs(), int(chosen) if chosen is not None else None, store.shortlist(),
                    store.setting("score_weights"))


class Startup(QObject):
    welcomed = Signal(str)  # first run: what the newcomer sees and what to do next

    def __init__(self, runner: OpRunner, store: Store, samples: Path | None, postings: PostingsState, cvs: CVState,
                 shortlist: ShortlistState, weights: WeightsState, rank: Callable[[], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._store, self._samples = runner, store, samples
        self._postings, self._cvs, self._shortlist, self._weights = postings, cvs, shortlist, weights
        self._rank = rank

    def warm_up(self) -> OpHandle:
        """Import, off the UI thread, the engine modules the panes call when a ranking arrives:
        their first import (scipy and friends) takes a few hundred milliseconds."""
        # On the serial pool: beside an import on another thread, three threads contending for the
        # GIL starve the UI thread for half a second at a time.
        return self._runner.run("Starting", lambda ctx: importlib.import_module(WARM_MODULE), lambda _: None,
                                writes=True, quiet=True)

    def start(self) -> OpHandle:
        """Read the database; on first run import the samples; then rank."""
        samples = self._samples

        def load(ctx: OpContext) -> Snapshot:
            summary = None
            if samples is not None and self._store.count_postings() == 0 and not self._store.cvs():
                ctx.progress(0, 2, "First run: importing the sample postings and CV")
                summary = services.import_samples(self._store, samples, ctx.progress, ctx.cancelled)
            self._store.purge_removed(datetime.now() - KEEP_REMOVED)
            snapshot = read_snapshot(self._store)
            snapshot.samples = summary
            return snapshot

        self._postings.set_loading(True)
        return self._runner.run("Loading", load, self._loaded, writes=True,
                                stopped=lambda _error: self._postings.set_loading(False))

    def reload(self) -> OpHandle:
        """Read everything again (after a restore) and rank."""
        return self._runner.run("Reading the database", lambda ctx: read_snapshot(self._store), self._loaded,
                                writes=False)

    def _loaded(self, snapshot: Snapshot) -> None:
        if snapshot.samples is not None:
            self.welcomed.emit(f"<b>Welcome!</b> These are {snapshot.samples.imported} sample postings ranked for a "
                               "sample CV. Load your own CV and import postings to begin: the toolbar's first two "
                               "buttons, or drop files on this window.")
        self._weights.replace(snapshot.weights)
        self._shortlist.replace(snapshot.entries)
        self._cvs.replace(snapshot.cvs, snapshot.chosen_cv)
        self._postings.replace(snapshot.postings)
        self._postings.set_loading(False)
        self._rank()
