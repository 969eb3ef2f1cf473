"""The score formula, in one place.

    raw   = 100 × (w_req·R + w_pref·P + w_sem·S + w_exp·E + w_sen·N) / (w_req + w_pref + w_sem + w_exp + w_sen)
    score = raw × cap / 100   when a must-have is missing, else raw          (0 ≤ score ≤ 100)

R  required coverage: weighted mean credit of the required requirements (met 1, partial ≤ 1, missing 0);
   a posting that lists none takes S instead, so an empty list is neither a bonus nor a penalty.
P  preferred coverage: the same over preferred requirements.
S  the posting as a whole: (1-λ)·embedding part + λ·lexical part, where the embedding part rescales the
   whole-posting × whole-CV cosine between `Thresholds.doc_low` and `doc_high`, and the lexical part is
   the TF-IDF cosine of CV and posting over `Thresholds.lexical_high` (λ = `lexical_share`). Meaning
   catches paraphrase; words catch specifics ("IFRS", "payroll") that embeddings blur.
E  experience fit: 1 when the CV's years reach the most any required line asks, falling linearly to 0 at
   none; `UNKNOWN_FIT` when either side is unknown.
N  seniority fit: level from the title (intern < junior < mid < senior < lead) against the level the
   CV's years suggest; 1 on the same level, minus `SENIORITY_STEP` per level short of it (or
   `OVERQUALIFIED_STEP` per level above it); `UNKNOWN_FIT` when the title names no level.
Must-have: a required skill named in the title that the CV lacks (even through implication), or
   years asked more than `FAR_YEARS` above the CV's. The cap scales rather than clips, so capped
   postings keep their order among themselves. Worked example: R=0.8, P=0.5, S=0.6, E=1, N=0.65
   with default weights → raw = 100·(0.10·0.8+0.03·0.5+0.60·0.6+0.03·1+0.03·0.65)/0.79 = 63.86;
   with a missing must-have → 63.86 × 0.8 = 51.09.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np

from matcher.domain import ScoreBreakdown

UNKNOWN_FIT = 0.75  # an unknown fit is neither proof of fit nor of misfit; leans to benefit of doubt
SENIORITY_STEP = 0.35  # junior CV for a senior role (2 levels short) → 0.3
OVERQUALIFIED_STEP = 0.1  # a lead applying to a senior role is a smaller misfit than the reverse
FAR_YEARS = 3.0  # "8+ years" against a CV with 4 is a must-have missing; against 6 it is not
LEVELS = ("intern", "junior", "mid", "senior", "lead")
_TITLE_LEVEL = [  # first match wins; checked on the lower-cased title
    (re.compile(r"\b(intern|internship|trainee|apprentice|werkstudent)\b"), 0),
    (re.compile(r"\b(junior|jr\.?|entry[- ]level|graduate|associate)\b"), 1),
    (re.compile(r"\b(head|director|principal|staff|lead|chief|vp|architect)\b"), 4),
    (re.compile(r"\b(senior|sr\.?|experienced|expert)\b"), 3),
    (re.compile(r"\b(mid|intermediate|regular)\b"), 2),
]
_CV_LEVEL_YEARS = (1.0, 3.0, 6.0, 10.0)  # years at which a CV reaches junior, mid, senior, lead


@dataclass
class ScoreWeights:
    """The user-adjustable weights (settings UI); they need not sum to 1."""

    # Chosen on the dev set with `benchmarks/calibrate.py` (its weight grid prints nDCG@10 and MAP
    # per choice): whole-posting similarity carries the ranking, requirement coverage refines and
    # explains it; years and seniority are small nudges (on the dev set they track career length
    # more than relevance). Sum 0.79; only ratios matter.
    required: float = 0.10
    preferred: float = 0.03
    semantic: float = 0.60
    experience: float = 0.03
    seniority: float = 0.03
    lexical_share: float = 0.5  # λ: share of the semantic part taken by word overlap
    must_have_cap: float = 80.0  # the best score a posting with a missing must-have can get

    def to_json(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ScoreWeights:
        """Weights from stored settings; unknown keys are ignored, missing ones take defaults."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in (data or {}).items() if k in names})


def title_level(title: str) -> int | None:
    low = title.lower()
    for pattern, level in _TITLE_LEVEL:
        if pattern.search(low):
            return level
    return None


def cv_level(years: float | None) -> int | None:
    if years is None:
        return None
    return sum(years >= y for y in _CV_LEVEL_YEARS)


def experience_fit(asked: np.ndarray, has: float | None) -> np.ndarray:
    """E per posting from the most years each asks (NaN: nothing asked)."""
    asked = np.asarray(asked, dtype=np.float64)
    if has is None:
        return np.where(asked > 0, UNKNOWN_FIT, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(asked > 0, np.clip(has / asked, 0.0, 1.0), 1.0)


def seniority_fit(levels: np.ndarray, years: float | None) -> np.ndarray:
    """N per posting from its title level (NaN: the title names none)."""
    want = np.asarray(levels, dtype=np.float64)
    have = cv_level(years)
    if have is None:
        return np.full(want.shape, UNKNOWN_FIT)
    step = np.where(have < want, SENIORITY_STEP, OVERQUALIFIED_STEP)
    return np.where(np.isnan(want), UNKNOWN_FIT, np.clip(1.0 - step * np.abs(want - have), 0.0, 1.0))


def years_far_above(asked: np.ndarray, has: float | None) -> np.ndarray:
    asked = np.asarray(asked, dtype=np.float64)
    if has is None:
        return np.zeros(asked.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        return asked - has > FAR_YEARS


def combine(weights: ScoreWeights, required: np.ndarray, preferred: np.ndarray, semantic: np.ndarray,
            experience: np.ndarray, seniority: np.ndarray, must_have_missing: np.ndarray) -> np.ndarray:
    """Scores 0..100 (rounded to 0.01) for arrays of parts; pure and deterministic."""
    w = weights
    total = (w.required + w.preferred + w.semantic + w.experience + w.seniority) or 1.0
    raw = 100.0 * (w.required * np.asarray(required) + w.preferred * np.asarray(preferred)
                   + w.semantic * np.asarray(semantic) + w.experience * np.asarray(experience)
                   + w.seniority * np.asarray(seniority)) / total
    score = np.where(must_have_missing, raw * w.must_have_cap / 100.0, raw)
    return np.round(np.clip(score, 0.0, 100.0), 2)


def combine_one(weights: ScoreWeights, required: float, preferred: float, semantic: float, experience: float,
                seniority: float, must_have_missing: bool) -> tuple[float, ScoreBreakdown]:
    """One posting's score and breakdown (the same formula as `combine`)."""
    score = float(combine(weights, np.array([required]), np.array([preferred]), np.array([semantic]),
                          np.array([experience]), np.array([seniority]), np.array([must_have_missing]))[0])
    breakdown = ScoreBreakdown(round(required, 4), round(preferred, 4), round(semantic, 4), round(experience, 4),
                               round(seniority, 4), weights.must_have_cap if must_have_missing else None)
    return score, breakdown
