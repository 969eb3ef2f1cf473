"""The tabs below the ranked table: Your CV, Skill gap and Shortlist. Each pane is its own widget and
knows nothing of the others; `MainWindow` feeds them and acts on what they ask for."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from matcher.ui.cv.pane import CVPane
from matcher.ui.gap.view import SkillGapView
from matcher.ui.shortlist.pane import ShortlistPane


class PaneTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cv = CVPane()
        self.gap = SkillGapView()
        self.shortlist = ShortlistPane()
        self.addTab(self.cv, "Your CV")
        self.addTab(self.gap, "Skill gap")
        self.addTab(self.shortlist, "Shortlist")

    def show_shortlist_count(self, count: int) -> None:
        self.setTabText(self.indexOf(self.shortlist), f"Shortlist ({count})" if count else "Shortlist")

    def shortlist_shown(self) -> bool:
        return self.currentWidget() is self.shortlist
