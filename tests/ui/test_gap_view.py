"""The skill-gap view: which missing skills block the most top postings, and the what-if comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from matcher.domain import Posting, RankedMatch
from matcher.ui.gap.chart import ROW_HEIGHT
from matcher.ui.gap.data import MAX_BARS, compare_rankings, gap_bars
from matcher.ui.gap.view import SkillGapView
from matcher.engine.gap import GapItem
from tests.ui.pane_data import gap_items, ranked, sample_store, stored_postings


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[RankedMatch], dict[int, Posting], list[GapItem]]:
    store, postings = stored_postings(tmp_path_factory.mktemp("gap") / "matcher.db")
    items = gap_items(store)  # the real engine: which skills block these postings, and what adding one does
    store.close()
    return ranked(postings), postings, items


Data = tuple[list[RankedMatch], dict[int, Posting], list[GapItem]]


@pytest.mark.slow
def test_bars_follow_the_engine_most_blocking_first(data: Data) -> None:
    _, _, items = data
    bars = gap_bars(items)
    assert bars[0].skill == "Kubernetes"  # missing from three of the four postings
    assert bars[0].blocked == 3 and len(bars[0].posting_ids) == 3 and bars[0].gain > 0
    assert all(a.blocked >= b.blocked for a, b in zip(bars, bars[1:]))
    assert "Python" not in {b.skill for b in bars}  # the CV has it


@pytest.mark.slow
def test_soft_skills_are_not_bars(data: Data) -> None:
    _, _, items = data
    soft = GapItem("Communication", 9, 5.0, 1, [1])
    assert "Communication" not in {b.skill for b in gap_bars([soft, *items])}


def test_compare_rankings_reports_moves_and_band_changes(data: Data) -> None:
    matches, postings, _ = data
    summary = compare_rankings(matches, ranked(postings, {"Python", "SQL", "Docker", "Kubernetes"}))
    by_title = {m.title: m for m in summary.moves}
    assert by_title["Platform Engineer"].new_score == 100.0
    assert by_title["Frontend Developer"].places < 0  # others passed it
    assert summary.moved_up >= 1
    assert summary.band_ups >= 1


@pytest.mark.slow
def test_clicking_bars_picks_skills_for_what_if(qtbot, data: Data) -> None:
    matches, postings, items = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_data(matches, items)
    assert not view.what_if_button.isEnabled()  # nothing picked yet
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(40, 2 + ROW_HEIGHT // 2))
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(40, 2 + ROW_HEIGHT + ROW_HEIGHT // 2))
    assert view.picked_skills() == ["Kubernetes", view.chart.bars[1].skill]
    with qtbot.waitSignal(view.whatIfRequested) as signal:
        qtbot.mouseClick(view.what_if_button, Qt.MouseButton.LeftButton)
    assert signal.args == [view.picked_skills()]


@pytest.mark.slow
def test_keyboard_picks_a_skill(qtbot, data: Data) -> None:
    matches, postings, items = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.set_data(matches, items)
    qtbot.keyClick(view.chart, Qt.Key.Key_Down)
    qtbot.keyClick(view.chart, Qt.Key.Key_Space)
    assert view.picked_skills() == [view.chart.bars[1].skill]


@pytest.mark.slow
def test_what_if_table_shows_new_ranking(qtbot, tmp_path: Path, data: Data) -> None:
    matches, postings, items = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.set_data(matches, items)
    view.chart.toggle(0)
    view.set_what_if(ranked(postings, {"Python", "SQL", "Docker", "Kubernetes"}))
    assert not view.results.isHidden()
    first = view.results.topLevelItem(0)
    assert first.text(0) == "Platform Engineer — Cloudy"
    assert "100" in first.text(3)
    assert "Kubernetes" in view.result_label.text()
    view.grab().save(str(tmp_path / "gap_view.png"))
    view.set_what_if(None)
    assert view.results.isHidden()


def test_empty_and_gapless_states(qtbot, data: Data) -> None:
    matches, postings, _ = data
    view = SkillGapView()
    qtbot.addWidget(view)
    assert "No ranking yet" in view.heading.text()
    everything = {s for p in postings.values() for r in p.requirements for s in r.skills}
    view.set_data(ranked(postings, everything), [])
    assert "No missing skills" in view.heading.text()
    assert view.chart_area.isHidden() and view.what_if_button.isHidden()


@pytest.mark.slow
def test_real_samples_chart(qtbot, tmp_path: Path) -> None:
    store, postings = sample_store(tmp_path / "matcher.db")
    items = gap_items(store)
    store.close()
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(1100, 420)
    view.set_data(ranked(postings), items)
    bars = view.chart.bars
    assert 0 < len(bars) <= MAX_BARS
    assert all(a.blocked >= b.blocked for a, b in zip(bars, bars[1:]))
    view.grab().save(str(tmp_path / "gap_real.png"))
