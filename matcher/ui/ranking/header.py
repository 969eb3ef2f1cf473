"""The ranked table's header: columns sized so Title gets the room it needs, and a sort arrow that
points the way the rows run (down when best first, as a reader expects)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication, QHeaderView, QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QTableView, QWidget,
)

from matcher.ui.ranking import model as cols
from matcher.ui.ranking.model import RankingModel

# Columns whose content has one width: the star, the score bar, "de ⚑", "34 w", two small counts.
FIXED_WIDTHS = {cols.STAR: 26, cols.SCORE: 100, cols.LANGUAGE: 46, cols.POSTED: 54, cols.MET: 40, cols.MISSING: 60}
# Columns sized to their text, up to a maximum: the full text is in the cell's tooltip.
FLEX_MAX = {cols.COMPANY: 170, cols.LOCATIONS: 180, cols.SALARY: 180, cols.STATUS: 84}
FLEX_MIN = 48  # px: a few letters and the ellipsis
TITLE_SHARE = 0.35  # Title keeps at least this share of the table's width, e.g. 306 of 875 px
CELL_PADDING = 14  # px around a cell's text, and room for the header's sort arrow
SAMPLE_ROWS = 100  # rows measured to size a column: the top of the ranking is what is read; 10,000 would lag


def fit_widths(available: int, wanted: Mapping[int, int], floors: Mapping[int, int], title_min: int) -> dict[int, int]:
    """Widths for the flexible columns so that Title keeps `title_min` of `available` px: when they
    do not fit, each gives up room in proportion to what it wanted, never below its floor.
    E.g. 500 px, Title 100, wants {a: 300, b: 200} -> {a: 240, b: 160}."""
    budget = available - title_min
    total = sum(wanted.values())
    if total <= budget:
        return dict(wanted)
    scale = max(budget, 0) / total if total else 0.0
    return {column: max(floors[column], int(width * scale)) for column, width in wanted.items()}


def content_widths(table: QTableView, model: RankingModel) -> dict[int, int]:
    """What each flexible column needs for its header and the text of its first rows, up to its maximum."""
    metrics, header = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    rows = min(model.rowCount(), SAMPLE_ROWS)
    wanted = {}
    for column, most in FLEX_MAX.items():
        if table.isColumnHidden(column):
            continue
        widest = header.horizontalAdvance(cols.COLUMNS[column])
        for row in range(rows):
            widest = max(widest, metrics.horizontalAdvance(model.text(row, column)))
        wanted[column] = min(widest + CELL_PADDING, most)
    return wanted


def fit_columns(table: QTableView, model: RankingModel) -> None:
    """Title stretches into what the other columns leave, and they leave it at least `TITLE_SHARE`."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(cols.TITLE, QHeaderView.ResizeMode.Stretch)
    width = table.viewport().width()
    fixed = sum(px for column, px in FIXED_WIDTHS.items() if not table.isColumnHidden(column))
    floors = {c: max(FLEX_MIN, header.fontMetrics().horizontalAdvance(cols.COLUMNS[c]) + CELL_PADDING)
              for c in FLEX_MAX}
    flex = fit_widths(width - fixed, content_widths(table, model), floors, int(width * TITLE_SHARE))
    for column, px in {**FIXED_WIDTHS, **flex}.items():
        if table.isColumnHidden(column):
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, px)


def flipped(indicator: QStyleOptionHeader.SortIndicator) -> QStyleOptionHeader.SortIndicator:
    """Qt asks for an up arrow when the order is descending; we draw the arrow the rows run."""
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    return {up: down, down: up}.get(indicator, indicator)


class SortArrowStyle(QProxyStyle):
    """The application's style with the header's sort arrow turned to point down when best first."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            option = QStyleOptionHeader(option)
            option.sortIndicator = flipped(option.sortIndicator)
        super().drawPrimitive(element, option, painter, widget)


def install_sort_arrow(header: QHeaderView) -> SortArrowStyle:
    app = QApplication.instance()
    base = app.style().name() if isinstance(app, QApplication) else "Fusion"
    style = SortArrowStyle(base)  # its own copy of the style: the app's may be replaced by a theme change
    style.setParent(header)  # setStyle does not take ownership
    header.setStyle(style)
    return style
