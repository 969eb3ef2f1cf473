"""The score formula: bounded, deterministic, monotone in each part, capped for missing must-haves."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.engine.scoring import (UNKNOWN_FIT, ScoreWeights, combine, combine_one, cv_level, experience_fit,
                                    seniority_fit, title_level, years_far_above)


def test_docstring_worked_example() -> None:
    score, breakdown = combine_one(ScoreWeights(), 0.8, 0.5, 0.6, 1.0, 0.65, False)
    assert score == pytest.approx(63.86)
    capped, capped_breakdown = combine_one(ScoreWeights(), 0.8, 0.5, 0.6, 1.0, 0.65, True)
    assert capped == pytest.approx(51.09, abs=0.01) and capped_breakdown.cap == 80.0 and breakdown.cap is None


def test_bounds_and_monotone() -> None:
    w = ScoreWeights()
    assert combine_one(w, 0, 0, 0, 0, 0, False)[0] == 0.0
    assert combine_one(w, 1, 1, 1, 1, 1, False)[0] == 100.0
    assert combine_one(w, 1, 1, 1, 1, 1, True)[0] == w.must_have_cap
    assert combine_one(w, 0.6, 0.5, 0.5, 1, 1, False)[0] > combine_one(w, 0.5, 0.5, 0.5, 1, 1, False)[0]


def test_weights_round_trip_through_settings_json() -> None:
    w = ScoreWeights(required=0.5, must_have_cap=50)
    assert ScoreWeights.from_json(w.to_json()) == w
    assert ScoreWeights.from_json({"semantic": 0.2, "unknown_future_key": 3}).semantic == 0.2
    assert ScoreWeights.from_json(None) == ScoreWeights()


def test_only_semantic_weight_means_score_is_semantic() -> None:
    w = ScoreWeights(required=0, preferred=0, semantic=1, experience=0, seniority=0)
    assert combine_one(w, 0.1, 0.9, 0.42, 0.0, 1.0, False)[0] == pytest.approx(42.0)


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


def test_vectorised_and_single_agree() -> None:
    w = ScoreWeights()
    many = combine(w, np.array([0.8, 0.2]), np.array([0.5, 0.1]), np.array([0.6, 0.3]), np.array([1.0, 0.5]),
                   np.array([0.65, 1.0]), np.array([False, True]))
    assert many.tolist() == [combine_one(w, 0.8, 0.5, 0.6, 1.0, 0.65, False)[0],
                             combine_one(w, 0.2, 0.1, 0.3, 0.5, 1.0, True)[0]]
