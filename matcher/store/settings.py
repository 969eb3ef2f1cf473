"""The settings the database keeps, and what a valid value of each looks like.

A backup or an old bug could store `score_weights` as "garbage" or {"semantic": "nan"}: then every
ranking crashed, or every score was NaN and `rank --top 2` returned nothing. Each setting is
checked when it is written (and when a backup brings it); one that is stored but not valid is
ignored with a notice, and `matcher settings reset` clears it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

# The engine's weights are a handful of non-negative numbers (`ScoreWeights`); the largest is the
# must-have cap of 80 points. Unknown names are ignored by the engine, so a newer matcher's
# extra weight does no harm; a value beyond this is a typo or an attack.
MAX_WEIGHT = 1_000.0
MAX_WEIGHT_NAMES = 64


def _score_weights(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "it is not a set of named weights"
    if len(value) > MAX_WEIGHT_NAMES:
        return "it has too many weights"
    for name, weight in value.items():
        if not isinstance(name, str) or isinstance(weight, bool) or not isinstance(weight, (int, float)):
            return f"weight {name!r} is not a number"
        if not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
            return f"weight {name!r} is {weight}, not a number from 0 to {MAX_WEIGHT:.0f}"
    return None


def _chosen_cv(value: Any) -> str | None:
    """The id of the CV the user ranks against, or None: the newest (a removed CV is not found)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "it is not the id of a CV"
    return None


# Setting name → a check that returns what is wrong with a value, or None when it is fine.
SETTINGS: dict[str, Callable[[Any], str | None]] = {"score_weights": _score_weights, "chosen_cv": _chosen_cv}


def problem(key: object, value: Any) -> str | None:
    """What is wrong with storing `value` under `key`; None when nothing is."""
    check = SETTINGS.get(key) if isinstance(key, str) else None
    if check is None:
        return f"{key!r} is not a setting matcher knows"
    reason = check(value)
    return f"setting {key!r} is not valid: {reason}" if reason else None
