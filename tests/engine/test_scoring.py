"""The score formula: bounded, deterministic, monotone in each part, capped for missing must-haves,
never in the top band when most required lines are missing, and safe against bad stored weights."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.domain import score_band
from matcher.engine.scoring import (COVERAGE_PRIOR, UNKNOWN_FIT, ScoreWeights, combine, coverage, cv_level,
                                    experience_fit, seniority_fit, title_level, years_far_above)


def one(w: ScoreWeights, r: float, p: float, s: float, e: float, n: float, must: bool = False,
        below_top: bool = False) -> float:
    return float(combine(w, np.array([r]), np.array([p]), np.array([s]), np.array([e]), np.array([n]),
                         np.array([must]), np.array([below_top]))[0])


def test_bounds_caps_and_monotone() -> None:
    w = ScoreWeights()
    assert one(w, 0, 0, 0, 0, 0) == 0.0 and one(w, 1, 1, 1, 1, 1) == 100.0
    assert one(w, 1, 1, 1, 1, 1, must=True) == w.must_have_cap
    every_part = ScoreWeights(experience=0.05)  # the default gives years no weight of their own
    for k in range(5):
        low, high = [0.5] * 5, [0.5] * 5
        high[k] = 0.6
        assert one(every_part, *high) > one(every_part, *low), f"part {k} must raise the score"


def test_most_required_lines_missing_is_never_in_the_top_band() -> None:
    w = ScoreWeights()
    assert score_band(one(w, 1, 1, 1, 1, 1, below_top=True)) != "Great"
    # ...and such postings keep their order among themselves.
    assert one(w, 0.9, 1, 1, 1, 1, below_top=True) > one(w, 0.8, 1, 1, 1, 1, below_top=True)
    # The ceiling keeps them out of the top band and no further: a strong fit with most lines missing
    # still ranks above a weak fit, and a score under the knee is what it was.
    assert one(w, 1, 1, 1, 1, 1, below_top=True) > one(w, 0.6, 0.6, 0.6, 0.6, 0.6)
    assert one(w, 0.5, 0.5, 0.5, 0.5, 0.5, below_top=True) == one(w, 0.5, 0.5, 0.5, 0.5, 0.5)


def test_coverage_needs_more_than_one_line_to_reach_the_extremes() -> None:
    one_line_met = coverage(np.array([1.0]), np.array([1.0]), np.array([0.2]))[0]
    five_lines_met = coverage(np.array([5.0]), np.array([5.0]), np.array([0.2]))[0]
    assert one_line_met < five_lines_met < 1.0
    assert coverage(np.array([0.0]), np.array([0.0]), np.array([0.37]))[0] == pytest.approx(0.37)  # no lines: S
    assert COVERAGE_PRIOR > 0


def test_coverage_is_the_bulk_of_the_default_weights() -> None:
    w = ScoreWeights()
    assert w.required + w.preferred > w.semantic


def test_weights_round_trip_and_bad_stored_values_fall_back_to_defaults() -> None:
    w = ScoreWeights(required=0.5, must_have_cap=50)
    assert ScoreWeights.from_json(w.to_json()) == w
    assert ScoreWeights.from_json({"semantic": 0.2, "unknown_future_key": 3}).semantic == 0.2
    assert ScoreWeights.from_json(None) == ScoreWeights()
    assert ScoreWeights.from_json({"semantic": "nan"}).semantic == ScoreWeights().semantic
    assert ScoreWeights.from_json({"semantic": "garbage", "required": -1}) == ScoreWeights()
    assert ScoreWeights.from_json("garbage") == ScoreWeights()  # type: ignore[arg-type]


@pytest.mark.parametrize(("title", "level"), [
    ("Senior Backend Engineer (Go)", 3), ("Junior Data Analyst", 1), ("Lead Designer", 4),
    ("Software Engineering Intern", 0), ("Tax Accountant", None), ("Sr. Python Developer", 3),
])
def test_title_level(title: str, level: int | None) -> None:
    assert title_level(title) == level


def test_fits() -> None:
    nan = float("nan")
    assert cv_level(0.5) == 0 and cv_level(7) == 3 and cv_level(None) is None
    senior = np.array([3.0])
    assert seniority_fit(senior, 8)[0] == 1.0  # 8 years: senior
    assert seniority_fit(senior, 1)[0] < seniority_fit(senior, 4)[0] < 1.0
    assert seniority_fit(senior, 15)[0] > seniority_fit(senior, 1)[0]  # over-qualified is the smaller misfit
    assert seniority_fit(np.array([nan]), 5)[0] == UNKNOWN_FIT
    assert experience_fit(np.array([nan, 4, 4]), 2).tolist() == [1.0, 0.5, 0.5]
    assert experience_fit(np.array([4.0]), 9)[0] == 1.0 and experience_fit(np.array([4.0]), None)[0] == UNKNOWN_FIT
    assert years_far_above(np.array([8.0, 5.0, nan]), 4).tolist() == [True, False, False]
    assert not years_far_above(np.array([8.0]), None)[0]


def test_the_docstring_worked_example() -> None:
    w = ScoreWeights()
    assert one(w, 0.8, 0.5, 0.6, 1.0, 0.65) == pytest.approx(67.95, abs=0.005)
    assert one(w, 0.8, 0.5, 0.6, 1.0, 0.65, must=True) == pytest.approx(54.36, abs=0.005)
