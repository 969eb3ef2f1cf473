"""The skill-gap view: bars that say what adding each skill would change, picking skills, what-if.

The bars' numbers come from the ranking session (tests/test_ranking_session.py checks them against
real what-if rankings in tests/engine/test_gap.py); here the view is fed `GapItem`s as the session returns them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from matcher.domain import Posting, RankedMatch
from matcher.engine.gap import GapItem
from matcher.ui.gap.chart import ROW_HEIGHT, bar_text, points_text
from matcher.ui.gap.data import compare_rankings, unactionable
from matcher.ui.gap.view import SkillGapView
from tests.ui.pane_data import ranked, stored_postings


@pytest.fixture
def data(tmp_path: Path) -> tuple[list[RankedMatch], dict[int, Posting]]:
    store, postings = stored_postings(tmp_path / "matcher.db")
    store.close()
    return ranked(postings), postings


def gains(matches: list[RankedMatch]) -> list[GapItem]:
    ids = [m.posting_id for m in matches]
    return [GapItem("Kubernetes", 3, 14.2, 2, ids[:3]), GapItem("Apache Spark", 1, 0.4, 0, [ids[1]]),
            GapItem("AWS", 1, 3.0, 1, [ids[0]]), GapItem("Communication", 4, 1.0, 0, ids)]


def test_every_bar_says_points_and_band_moves_and_a_small_gain_never_reads_zero() -> None:
    assert bar_text(GapItem("Kubernetes", 3, 14.2, 2, [1, 2, 3])) == "3 postings · +14 pts · 2 to a better band"
    assert bar_text(GapItem("Apache Spark", 1, 0.4, 0, [4])) == "1 posting · +0.4 pts · no band change"
    assert points_text(0.04) == "+0.0 pts" and points_text(9.96) == "+10.0 pts"


def test_the_view_charts_the_gains_it_is_given(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, _ = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.set_ranking(matches)
    assert "Finding" in view.heading.text()  # the gap is computed off the UI thread after a ranking
    view.set_gap(gains(matches))
    # Most blocking first, then the bigger gain; a soft skill is no bar (nothing to add to a CV).
    assert [b.skill for b in view.chart.bars] == ["Kubernetes", "AWS", "Apache Spark"]
    assert "most blocking first" in view.heading.text()


def test_clicking_bars_picks_skills_for_what_if(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, _ = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_ranking(matches)
    view.set_gap(gains(matches))
    assert not view.what_if_button.isEnabled()  # nothing picked yet
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(40, 2 + ROW_HEIGHT // 2))
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(40, 2 + ROW_HEIGHT + ROW_HEIGHT // 2))
    assert view.picked_skills() == ["Kubernetes", "AWS"]
    with qtbot.waitSignal(view.whatIfRequested) as signal:
        qtbot.mouseClick(view.what_if_button, Qt.MouseButton.LeftButton)
    assert signal.args == [view.picked_skills()]


def test_keyboard_picks_a_skill(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, _ = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.set_ranking(matches)
    view.set_gap(gains(matches))
    qtbot.keyClick(view.chart, Qt.Key.Key_Down)
    qtbot.keyClick(view.chart, Qt.Key.Key_Space)
    assert view.picked_skills() == ["AWS"]


def test_compare_rankings_reports_moves_and_band_changes(data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    summary = compare_rankings(matches, ranked(postings, {"Python", "SQL", "Docker", "Kubernetes"}))
    by_title = {m.title: m for m in summary.moves}
    assert by_title["Platform Engineer"].new_score == 100.0
    assert by_title["Frontend Developer"].places < 0  # others passed it
    assert summary.moved_up >= 1
    assert summary.band_ups >= 1


def test_what_if_table_shows_whole_titles(qtbot, tmp_path: Path, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.show()
    view.set_ranking(matches)
    view.set_gap(gains(matches))
    view.chart.toggle(0)
    view.set_what_if(ranked(postings, {"Python", "SQL", "Docker", "Kubernetes"}))
    assert not view.results.isHidden()
    first = view.results.topLevelItem(0)
    assert first.text(3) == "Platform Engineer — Cloudy"
    assert "100" in first.text(0)
    assert "Kubernetes" in view.result_label.text()
    # Titles wrap instead of ending in "…": a narrow tab gives a long title two lines.
    view.resize(560, 360)
    qtbot.wait(10)
    metrics, width = view.results.fontMetrics(), view.results.columnWidth(3)
    assert view.results.textElideMode() == Qt.TextElideMode.ElideNone
    for row in range(view.results.topLevelItemCount()):
        item = view.results.topLevelItem(row)
        needed = metrics.boundingRect(0, 0, width - 12, 10_000, Qt.TextFlag.TextWordWrap, item.text(3)).height()
        assert view.results.visualItemRect(item).height() >= needed
    view.set_what_if(None)
    assert view.results.isHidden()


def test_empty_and_gapless_states(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, _ = data
    view = SkillGapView()
    qtbot.addWidget(view)
    assert "No ranking yet" in view.heading.text()
    view.set_ranking([], busy=True)
    assert "Ranking…" in view.heading.text()
    view.set_ranking(matches)
    view.set_gap([])
    assert "No missing skills" in view.heading.text()
    assert view.chart_area.isHidden() and view.what_if_button.isHidden()


def test_soft_skills_are_left_off_the_chart() -> None:
    assert unactionable("Communication")  # read from how the whole CV is written, not added as a line
    assert not unactionable("Kubernetes")
