"""The CV, skill-gap and shortlist panes, wired to the controller in one place.

The panes are their own widgets (cv_pane, gap_view, shortlist_pane); this module feeds them the
controller's state when it changes and turns their signals into controller actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from matcher.ui.controller import Controller
from matcher.ui.cv.pane import CVPane
from matcher.ui.gap.view import SkillGapView
from matcher.ui.shortlist.pane import ShortlistPane


class PaneTabs(QTabWidget):
    """Tabs below the ranking: CV, Skill gap, Shortlist."""

    def __init__(self, controller: Controller, ask_load_cv: Callable[[], object], ask_export_shortlist:
                 Callable[[str], object], select_job: Callable[[int], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.cv = CVPane()
        self.gap = SkillGapView()
        self.shortlist = ShortlistPane()
        self.addTab(self.cv, "Your CV")
        self.addTab(self.gap, "Skill gap")
        self.addTab(self.shortlist, "Shortlist")

        self.cv.cvSelected.connect(controller.select_cv)
        self.cv.skillsEdited.connect(controller.edit_skills)
        self.cv.loadCvRequested.connect(ask_load_cv)
        self.cv.deleteRequested.connect(controller.delete_cv)
        self.gap.whatIfRequested.connect(controller.what_if)
        controller.whatIfReady.connect(self.gap.set_what_if)
        tracking = controller.tracking
        self.shortlist.statusChanged.connect(lambda posting_id, status: tracking.set_application(posting_id, status=status))
        self.shortlist.notesChanged.connect(lambda posting_id, notes: tracking.set_application(posting_id, notes=notes))
        self.shortlist.unstarRequested.connect(lambda posting_id: controller.tracking.set_starred(posting_id, False))
        self.shortlist.exportRequested.connect(ask_export_shortlist)
        self.shortlist.postingActivated.connect(select_job)

        controller.cvsChanged.connect(self._show_cvs)
        controller.rankingChanged.connect(self._show_ranking)
        controller.shortlistChanged.connect(self._show_shortlist)
        controller.busyChanged.connect(self._show_busy)

    def _show_cvs(self) -> None:
        state = self._controller.state
        self.cv.set_cvs(state.cvs, state.cv.id if state.cv else None)

    def _show_ranking(self) -> None:
        state = self._controller.state
        self.gap.set_data(state.matches, state.gap)
        self._show_shortlist()

    def _show_busy(self) -> None:
        """While the first ranking runs, the skill gap says it is coming rather than "no ranking"."""
        c = self._controller
        if not c.state.matches and (c.loading or c.ranking_cv is not None):
            self.gap.heading.setText("<b>Ranking…</b> The skills missing from your top postings appear when it is done.")

    def _show_shortlist(self) -> None:
        state = self._controller.state
        self.shortlist.set_data(list(state.entries.values()), state.postings, {m.posting_id: m for m in state.matches})
        count = len(state.entries)
        self.setTabText(self.indexOf(self.shortlist), f"Shortlist ({count})" if count else "Shortlist")

