"""Paints the score as a bar with its band, so the eye reads "Good" before "63"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from matcher.domain import score_band
from matcher.ui.ranking.model import SORT_ROLE, score_text

# One colour per band (domain.SCORE_BANDS), readable on light and dark backgrounds alike.
BAND_COLOURS = {"Great": "#2e9d4f", "Good": "#6aa84f", "Fair": "#d9a21b", "Poor": "#c8553d"}
BAR_MARGIN = 3  # px around the bar inside the cell
BAR_WIDTH_SHARE = 0.35  # of the cell; the rest holds the number and band, e.g. "74 Good"


def band_colour(score: float) -> QColor:
    return QColor(BAND_COLOURS[score_band(score)])


class ScoreDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        score = index.data(SORT_ROLE)
        if not isinstance(score, (int, float)):
            super().paint(painter, option, index)
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        elif style is not None:
            # The plain background (alternating rows included) without the text.
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        rect = option.rect.adjusted(BAR_MARGIN, BAR_MARGIN, -BAR_MARGIN, -BAR_MARGIN)
        bar_width = int(rect.width() * BAR_WIDTH_SHARE)
        track = QRect(rect.left(), rect.top() + rect.height() // 4, bar_width, rect.height() // 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track_colour = option.palette.mid().color()
        track_colour.setAlpha(90)
        painter.setBrush(track_colour)
        painter.drawRoundedRect(track, 3, 3)
        filled = QRect(track)
        filled.setWidth(max(int(track.width() * max(min(score, 100.0), 0.0) / 100.0), 2))
        painter.setBrush(band_colour(score))
        painter.drawRoundedRect(filled, 3, 3)
        text_rect = QRect(track.right() + 6, rect.top(), rect.width() - bar_width - 6, rect.height())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         score_text(score))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 100), hint.height())
