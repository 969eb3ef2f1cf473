"""The skill-gap view: which missing skills block the most top postings, and the what-if comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from matcher.domain import Posting, RankedMatch, score_band
from matcher.ui.gap.chart import ROW_HEIGHT
from matcher.ui.gap.data import MAX_BARS, compare_rankings, gap_bars
from matcher.ui.gap.view import SkillGapView
from tests.ui.pane_data import ranked, sample_store, stored_postings


@pytest.fixture
def data(tmp_path: Path) -> tuple[list[RankedMatch], dict[int, Posting]]:
    store, postings = stored_postings(tmp_path / "matcher.db")
    store.close()
    return ranked(postings), postings


def test_gap_counts_blocked_postings_and_band_ups(data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    bars = gap_bars(matches, postings)
    assert bars[0].skill == "Kubernetes"  # missing from three of the four postings
    assert bars[0].blocked == 3 and len(bars[0].posting_ids) == 3
    assert bars[0].gain > 0 and 0 <= bars[0].band_ups <= bars[0].blocked
    assert {b.skill for b in bars} >= {"Apache Spark", "AWS", "React", "TypeScript"}
    assert "Python" not in {b.skill for b in bars}  # the CV has it


def test_gap_band_ups_count_postings_crossing_a_band(data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    from matcher.engine.gap import estimated_lift
    from matcher.engine.scoring import ScoreWeights

    by_id = {m.posting_id: m for m in matches}
    for bar in gap_bars(matches, postings):
        crossing = [i for i in bar.posting_ids if score_band(by_id[i].score + estimated_lift(by_id[i], bar.skill, ScoreWeights()))
                    != score_band(by_id[i].score)]
        assert bar.band_ups == len(crossing)


def test_gap_only_looks_at_the_top_postings(data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    best = gap_bars(matches, postings, top_n=1)
    assert [b.skill for b in best] == ["Kubernetes"]  # the best posting (Platform Engineer) misses only that


def test_compare_rankings_reports_moves_and_band_changes(data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    summary = compare_rankings(matches, ranked(postings, {"Python", "SQL", "Docker", "Kubernetes"}))
    by_title = {m.title: m for m in summary.moves}
    assert by_title["Platform Engineer"].new_score == 100.0
    assert by_title["Frontend Developer"].places < 0  # others passed it
    assert summary.moved_up >= 1
    assert summary.band_ups >= 1


def test_clicking_bars_picks_skills_for_what_if(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_data(matches, postings)
    assert not view.what_if_button.isEnabled()  # nothing picked yet
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(40, 2 + ROW_HEIGHT // 2))
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(40, 2 + ROW_HEIGHT + ROW_HEIGHT // 2))
    assert view.picked_skills() == ["Kubernetes", view.chart.bars[1].skill]
    with qtbot.waitSignal(view.whatIfRequested) as signal:
        qtbot.mouseClick(view.what_if_button, Qt.MouseButton.LeftButton)
    assert signal.args == [view.picked_skills()]


def test_keyboard_picks_a_skill(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.set_data(matches, postings)
    qtbot.keyClick(view.chart, Qt.Key.Key_Down)
    qtbot.keyClick(view.chart, Qt.Key.Key_Space)
    assert view.picked_skills() == [view.chart.bars[1].skill]


def test_what_if_table_shows_new_ranking(qtbot, tmp_path: Path, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.set_data(matches, postings)
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


def test_empty_and_gapless_states(qtbot, data: tuple[list[RankedMatch], dict[int, Posting]]) -> None:
    matches, postings = data
    view = SkillGapView()
    qtbot.addWidget(view)
    assert "No ranking yet" in view.heading.text()
    everything = {s for p in postings.values() for r in p.requirements for s in r.skills}
    view.set_data(ranked(postings, everything), postings)
    assert "No missing skills" in view.heading.text()
    assert view.chart_area.isHidden() and view.what_if_button.isHidden()


def test_real_samples_chart_counts_and_hides_soft_skills(qtbot, tmp_path: Path) -> None:
    store, postings = sample_store(tmp_path / "matcher.db")
    store.close()
    matches = ranked(postings, {"Ruby", "PostgreSQL", "SQL", "React", "Backend development"})
    view = SkillGapView()
    qtbot.addWidget(view)
    view.resize(1100, 420)
    view.set_data(matches, postings)
    bars = view.chart.bars
    assert 0 < len(bars) <= MAX_BARS
    assert "Communication" not in {b.skill for b in bars}  # a soft skill: nothing to add to a CV
    # The first bar is the skill that the most postings miss, counted from their requirements.
    missing = [{s for r in m.requirements if r.status == "missing" for s in r.missing_skills} for m in matches]
    assert bars[0].blocked == sum(bars[0].skill in skills for skills in missing)
    assert all(a.blocked >= b.blocked for a, b in zip(bars, bars[1:]))
    view.grab().save(str(tmp_path / "gap_real.png"))
