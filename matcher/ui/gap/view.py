"""The skill-gap view: the chart of missing skills (how many top postings each blocks, how many it
would lift a band), a "What if I had these?" button, then the what-if ranking beside today's, on a
page of its own."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QStackedWidget, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from matcher.domain import RankedMatch, score_band
from matcher.ui.gap.chart import LIFT_COLOUR, GapChart
from matcher.ui.gap.data import TOP_POSTINGS, Move, compare_rankings, gap_bars


CHANGE, POSTING = 2, 3  # columns of the what-if table
if TYPE_CHECKING:
    from matcher.engine.gap import GapItem

UP_COLOUR = LIFT_COLOUR
DOWN_COLOUR = QColor("#c0392b")  # muted red: readable on light and dark backgrounds


class SkillGapView(QWidget):
    whatIfRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matches: list[RankedMatch] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.chart = GapChart()
        self.legend = QLabel(f"Bar: top postings missing the skill; <span style='color:{LIFT_COLOUR.name()}'>green"
                             "</span>: those it would lift into a better band; pts: their average score gain with "
                             "the skill on your CV. Pick skills (click, or Space), then <i>What if I had these?</i> "
                             "shows how your ranking would change; nothing is saved to your CV.")
        self.legend.setWordWrap(True)
        self.what_if_button = QPushButton("What if I had these?")
        self.clear_button = QPushButton("Clear")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.back_button = QPushButton("◀ Back to the skills")
        self.results = QTreeWidget()
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)  # whole titles, on two lines if need be, never "Software …"
        self.results.setUniformRowHeights(False)
        # The numbers first, at their own width; the posting last, taking the rest and wrapping.
        self.results.setHeaderLabels(["Score", "Rank", "Change", "Posting"])
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.header().setStretchLastSection(False)
        self.results.header().setSectionResizeMode(POSTING, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 2):
            self.results.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QHBoxLayout()
        buttons.addWidget(self.what_if_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        scroll = QScrollArea()  # the tab may be short: the bars scroll, the buttons stay in view
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(self.chart.minimumSizeHint().width())
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_area = scroll
        # Two pages in the one tab: the skills, then the what-if ranking at the tab's full width, so
        # titles have room even on a 1024-px screen (side by side they were cut to "Software …").
        skills_page, results_page = QWidget(), QWidget()
        left = QVBoxLayout(skills_page)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.heading)
        left.addWidget(scroll)
        left.addWidget(self.legend)
        left.addLayout(buttons)
        left.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.result_label, 1)
        right = QVBoxLayout(results_page)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(top)
        right.addWidget(self.results, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(skills_page)
        self.pages.addWidget(results_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.what_if_button.clicked.connect(self._ask_what_if)
        self.clear_button.clicked.connect(self._clear)
        self.chart.selectionChanged.connect(self._update_buttons)
        self.set_ranking([])

    def set_ranking(self, matches: list[RankedMatch], busy: bool = False) -> None:
        """The ranking the gap is about (its titles, and the "before" of a what-if); the bars follow
        with `set_gap`. `busy`: a ranking is running, so say the chart is coming."""
        self._matches = list(matches)
        # Titles for the bars' tooltips: the gap is about the top postings only (10,000 would cost 50 ms).
        self.chart.titles = {m.posting_id: f"{m.title} — {m.company}" if m.company else m.title
                             for m in matches[:TOP_POSTINGS]}  # a ranking comes best first
        self.set_what_if(None)
        if not matches:
            self._show_bars([])
            self.heading.setText("<b>Ranking…</b> The skills missing from your top postings appear when it is done."
                                 if busy else
                                 "<b>No ranking yet.</b> Load your CV and import postings to see which skills hold you back.")
        else:
            self.heading.setText("<b>Finding the skills missing from your top postings…</b>")

    def set_gap(self, items: Sequence[GapItem]) -> None:
        """The bars: each missing skill, the top postings it blocks, and what adding it would change."""
        gains = gap_bars(items)
        self._show_bars(gains)
        top = min(len(self._matches), TOP_POSTINGS)
        if not self._matches:
            return
        if not gains:
            self.heading.setText(f"<b>No missing skills</b> in your top {top} postings.")
        else:
            self.heading.setText(f"<b>Skills missing from your top {top} postings</b>, most blocking first")

    def _show_bars(self, gains: list[GapItem]) -> None:
        self.chart.set_bars(gains, self.chart.titles)
        self.chart_area.setMaximumHeight(self.chart.height() + 2)  # no empty band below the last bar
        for widget in (self.chart_area, self.legend, self.what_if_button, self.clear_button):
            widget.setVisible(bool(gains))
        self.set_what_if(None)

    def picked_skills(self) -> list[str]:
        """The picked skills in chart order (most blocking first)."""
        return [b.skill for b in self.chart.bars if b.skill in self.chart.picked]

    def set_what_if(self, matches: list[RankedMatch] | None) -> None:
        """Show a what-if ranking against the current one; None hides the comparison."""
        self.results.clear()
        self.results.setVisible(matches is not None)
        self.pages.setCurrentIndex(0 if matches is None else 1)
        if matches is None:
            return
        summary = compare_rankings(self._matches, matches)
        skills = ", ".join(self.picked_skills()) or "those skills"
        self.result_label.setText(f"With {skills}: {_postings(summary.moved_up)} move up, "
                                  f"{_postings(summary.band_ups)} reach a better band. Nothing is saved to your CV.")
        for move in summary.moves:
            item = QTreeWidgetItem(_move_cells(move))
            if move.places:
                item.setForeground(CHANGE, UP_COLOUR if move.places > 0 else DOWN_COLOUR)
            self.results.addTopLevelItem(item)

    def _ask_what_if(self) -> None:
        if skills := self.picked_skills():
            self.results.clear()
            self.pages.setCurrentIndex(1)
            self.result_label.setText(f"Ranking again as if your CV had {html.escape(', '.join(skills))}…")
            self.whatIfRequested.emit(skills)

    def _clear(self) -> None:
        self.chart.picked.clear()
        self.chart.update()
        self._update_buttons()
        self.set_what_if(None)

    def _update_buttons(self) -> None:
        self.what_if_button.setEnabled(bool(self.chart.picked))
        self.clear_button.setEnabled(bool(self.chart.picked))


def _postings(count: int) -> str:
    return f"{count} posting" if count == 1 else f"{count} postings"


def _move_cells(move: Move) -> list[str]:
    rank = f"{move.old_rank} → {move.new_rank}" if move.old_rank else f"new → {move.new_rank}"
    change = f"▲ {move.places}" if move.places > 0 else f"▼ {-move.places}" if move.places < 0 else "—"
    # Cut, not rounded, as the ranked table shows them: 74.6 reads "74" in both places.
    old = f"{math.floor(move.old_score)} → " if move.old_score is not None else ""
    band = f" ({score_band(move.new_score)})" if move.band_changed else ""
    title = f"{move.title} — {move.company}" if move.company else move.title
    return [f"{old}{math.floor(move.new_score)}{band}", rank, change, title]
