"""What the user does to CVs: load one, choose which one the ranking is for, edit its skills, delete it.

The chosen CV is stored in the database (`CHOSEN_CV`), beside the CVs it names, so the app reopens
on it — and the shortlist's scores are for it — rather than on whichever CV was loaded last.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from matcher import services
from matcher.domain import CV
from matcher.store import Store
from matcher.ui.runner import OpRunner
from matcher.ui.state import CVState
from matcher.ui.worker import OpContext, OpHandle

CHOSEN_CV = "chosen_cv"  # store setting: id of the CV the user ranks against


class CVActions(QObject):
    def __init__(self, runner: OpRunner, store: Store, session: services.RankingSession, cvs: CVState,
                 rank: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._store, self._session, self._cvs, self._rank = runner, store, session, cvs, rank

    def load(self, path: Path) -> OpHandle:
        def work(ctx: OpContext) -> CV:
            cv = services.import_cv(self._store, path)
            self._store.set_setting(CHOSEN_CV, cv.id)
            return cv

        def loaded(cv: CV) -> None:
            self._runner.message.emit(f"CV loaded: {cv.name} ({len(cv.effective_skills())} skills found)")
            self._cvs.put(cv)
            self._rank()

        return self._runner.run(f"Loading CV {path.name}", work, loaded, writes=True)

    def choose(self, cv_id: int) -> OpHandle | None:
        cv = self._cvs.find(cv_id)
        if cv is None or cv is self._cvs.current:
            return None
        self._cvs.current = cv
        self._cvs.changed.emit()
        self._rank()
        return self._runner.run("Remembering the CV", lambda ctx: self._store.set_setting(CHOSEN_CV, cv_id),
                                lambda _: None, writes=True, quiet=True)

    def delete(self, cv_id: int) -> OpHandle:
        chosen = self._cvs.current.id if self._cvs.current is not None else None

        def work(ctx: OpContext) -> list[CV]:
            self._store.delete_cv(cv_id)
            if chosen == cv_id:
                self._store.set_setting(CHOSEN_CV, None)  # the newest remaining CV takes its place
            return self._store.cvs()

        def deleted(cvs: list[CV]) -> None:
            self._cvs.replace(cvs, None if chosen == cv_id else chosen)
            if chosen == cv_id:
                self._rank()

        return self._runner.run("Deleting CV", work, deleted, writes=True)

    def edit_skills(self, cv_id: int, added: list[str], removed: list[str]) -> OpHandle | None:
        shown = self._cvs.find(cv_id)
        if shown is None:
            return None
        cv = copy.deepcopy(shown)  # the op edits its own copy; the window's stays as shown until saved

        def work(ctx: OpContext) -> CV:
            edited = services.edit_cv_skills(self._store, cv, added, removed)
            self._session.cv_changed(cv_id)
            return edited

        def edited(new: CV) -> None:
            self._cvs.put(new)
            self._rank()

        return self._runner.run("Saving skills", work, edited, writes=True)
