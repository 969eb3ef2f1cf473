"""The skill-gap view: the chart of missing skills (how many top postings each blocks, how many it
would lift a band), a "What if I had these?" button, then the what-if ranking beside today's."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from matcher.domain import RankedMatch, score_band
from matcher.ui.gap.chart import LIFT_COLOUR, GapChart
from matcher.ui.gap.data import TOP_POSTINGS, Move, compare_rankings, gap_bars

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
                             "</span>: those it would lift into a better band; pts: average score gain. "
                             "Click bars (or Space) to pick skills.")
        self.legend.setWordWrap(True)
        self.what_if_button = QPushButton("What if I had these?")
        self.clear_button = QPushButton("Clear")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.results = QTreeWidget()
        self.results.setRootIsDecorated(False)
        self.results.setHeaderLabels(["Posting", "Rank", "Change", "Score"])
        self.results.header().setStretchLastSection(False)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
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
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(scroll)
        left.addWidget(self.legend)
        left.addLayout(buttons)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.result_label)
        right.addWidget(self.results, 1)
        right.addStretch()  # takes the slack while the what-if table is hidden
        # Side by side: the panes sit in a tab below the ranked list, where width is cheap and height is not.
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.what_if_button.clicked.connect(self._ask_what_if)
        self.clear_button.clicked.connect(self._clear)
        self.chart.selectionChanged.connect(self._update_buttons)
        self.set_data([])

    def set_data(self, matches: list[RankedMatch], items: Sequence[GapItem] = ()) -> None:
        """Chart the engine's gap `items` over the ranking `matches`."""
        self._matches = list(matches)
        bars = gap_bars(items) if matches else []
        titles = {m.posting_id: f"{m.title} — {m.company}" if m.company else m.title for m in matches}
        self.chart.set_bars(bars, titles)
        self.chart_area.setMaximumHeight(self.chart.height() + 2)  # no empty band below the last bar
        top = min(len(matches), TOP_POSTINGS)
        if not matches:
            self.heading.setText("<b>No ranking yet.</b> Load your CV and import postings to see which skills hold you back.")
        elif not bars:
            self.heading.setText(f"<b>No missing skills</b> in your top {top} postings.")
        else:
            self.heading.setText(f"<b>Skills missing from your top {top} postings</b>, most blocking first")
        self.chart_area.setVisible(bool(bars))
        self.legend.setVisible(bool(bars))
        self.what_if_button.setVisible(bool(bars))
        self.clear_button.setVisible(bool(bars))
        self.set_what_if(None)

    def picked_skills(self) -> list[str]:
        """The picked skills in chart order (most blocking first)."""
        return [b.skill for b in self.chart.bars if b.skill in self.chart.picked]

    def set_what_if(self, matches: list[RankedMatch] | None) -> None:
        """Show a what-if ranking against the current one; None hides the comparison."""
        self.results.clear()
        self.results.setVisible(matches is not None)
        self.result_label.setVisible(bool(self.chart.bars))
        if matches is None:
            self.result_label.setText("Pick skills on the left, then press <i>What if I had these?</i> to see how "
                                      "your ranking would change. Nothing is saved to your CV.")
            return
        summary = compare_rankings(self._matches, matches)
        skills = ", ".join(self.picked_skills()) or "those skills"
        self.result_label.setText(f"With {skills}: {_postings(summary.moved_up)} move up, "
                                  f"{_postings(summary.band_ups)} reach a better band. Nothing is saved to your CV.")
        for move in summary.moves:
            item = QTreeWidgetItem(_move_cells(move))
            item.setToolTip(0, item.text(0))  # the column is narrow: the full title and company on hover
            if move.places:
                item.setForeground(2, UP_COLOUR if move.places > 0 else DOWN_COLOUR)
            self.results.addTopLevelItem(item)

    def _ask_what_if(self) -> None:
        if skills := self.picked_skills():
            self.result_label.setText(f"Ranking again as if your CV had {', '.join(skills)}…")
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
    return [title, rank, change, f"{old}{math.floor(move.new_score)}{band}"]
