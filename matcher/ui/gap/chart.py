"""The skill-gap chart: horizontal bars painted with QPainter (PySide6-Essentials has no QtCharts),
one per missing skill; a click, or Space on the focused row, picks the skill for a what-if."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matcher.engine.gap import GapItem

ROW_HEIGHT = 26
LABEL_WIDTH = 150  # room for "Google Cloud Platform" at the default font
CHECK_SIZE = 14
COUNT_WIDTH = 250  # "12 postings · +1.4 pts · 3 to a better band"
MIN_TRACK = 60  # the shortest full-length bar that still compares at a glance
LIFT_COLOUR = QColor("#2e9d5b")  # green reads as "gain" in both light and dark themes


def points_text(points: float) -> str:
    """E.g. "+1.4 pts", "+12 pts": tenths while small, so a real gain never reads "+0"."""
    return f"+{points:.1f} pts" if points < 10 else f"+{points:.0f} pts"


def band_text(band_ups: int) -> str:
    """E.g. "3 of them would reach a better band"."""
    if not band_ups:
        return "none would reach a better band"
    return f"{band_ups} of them would reach a better band"


def bar_text(bar: GapItem) -> str:
    """What a bar says beside it, e.g. "4 postings · +1.4 pts · 2 to a better band"."""
    blocked = bar.blocked_postings
    bands = f"{bar.band_ups} to a better band" if bar.band_ups else "no band change"
    return f"{blocked} posting{'s' if blocked != 1 else ''} · {points_text(bar.lift)} · {bands}"


class GapChart(QWidget):
    """Horizontal bars painted with QPainter; a click (or Space on the focused row) picks a skill."""

    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[GapItem] = []
        self.picked: set[str] = set()
        self.titles: dict[int, str] = {}
        self._focus_row = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[GapItem], titles: dict[int, str]) -> None:
        self.bars, self.titles = bars, titles
        self.picked &= {b.skill for b in bars}
        self._focus_row = min(self._focus_row, max(len(bars) - 1, 0))
        self.setFixedHeight(max(len(bars), 1) * ROW_HEIGHT + 4)
        self.update()
        self.selectionChanged.emit()

    def sizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + COUNT_WIDTH + 240, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + COUNT_WIDTH + MIN_TRACK, self.height())

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.bars):
            self.picked ^= {self.bars[row].skill}
            self._focus_row = row
            self.update()
            self.selectionChanged.emit()

    def row_at(self, point: QPoint) -> int:
        row = (point.y() - 2) // ROW_HEIGHT
        return row if 0 <= row < len(self.bars) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.toggle(self.row_at(event.position().toPoint()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row < 0:
            QToolTip.hideText()
            return
        bar = self.bars[row]
        names = [self.titles.get(i, f"#{i}") for i in bar.posting_ids]
        text = (f"{bar.skill}: missing from {bar.blocked_postings} of your top postings. With it on your CV they "
                f"would score {points_text(bar.lift)} on average, and {band_text(bar.band_ups)}."
                + "".join(f"\n• {n}" for n in names))
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.bars:
            step = -1 if key == Qt.Key.Key_Up else 1
            self._focus_row = max(0, min(len(self.bars) - 1, self._focus_row + step))
            self.update()
        elif key == Qt.Key.Key_Space:
            self.toggle(self._focus_row)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        most = max((b.blocked_postings for b in self.bars), default=1)
        track = max(self.width() - LABEL_WIDTH - COUNT_WIDTH - 8, MIN_TRACK)
        for row, bar in enumerate(self.bars):
            top = 2 + row * ROW_HEIGHT
            picked = bar.skill in self.picked
            if self.hasFocus() and row == self._focus_row:
                painter.fillRect(QRect(0, top, self.width(), ROW_HEIGHT), palette.color(QPalette.ColorRole.AlternateBase))
            check = QRect(4, top + (ROW_HEIGHT - CHECK_SIZE) // 2, CHECK_SIZE, CHECK_SIZE)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight) if picked else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(check, 3, 3)
            if picked:
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                painter.drawText(check, Qt.AlignmentFlag.AlignCenter, "✓")
                painter.setPen(palette.color(QPalette.ColorRole.Text))
            label = QRect(CHECK_SIZE + 10, top, LABEL_WIDTH - CHECK_SIZE - 14, ROW_HEIGHT)
            name = painter.fontMetrics().elidedText(bar.skill, Qt.TextElideMode.ElideRight, label.width())
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
            length = max(int(track * bar.blocked_postings / most), 4)
            body = QRect(LABEL_WIDTH, top + 5, length, ROW_HEIGHT - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight).lighter(100 if picked else 135))
            painter.drawRoundedRect(body, 3, 3)
            if bar.band_ups:  # the share of postings it would lift a band, drawn over the bar's start
                painter.setBrush(LIFT_COLOUR)
                share = max(length * bar.band_ups // bar.blocked_postings, 4)
                painter.drawRoundedRect(QRect(body.left(), body.top(), share, body.height()), 3, 3)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRect(body.right() + 8, top, COUNT_WIDTH, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                             bar_text(bar))
        painter.end()
