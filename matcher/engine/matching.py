"""Per requirement: met, partial or missing, with its evidence, reason, weight and credit.

Evidence, in order of trust: (1) the CV names the skill (exact or alias, already canonical),
(2) the CV names a skill that implies it (taxonomy: Django ⇒ Python), (3) a CV sentence says
something close (cosine against calibrated thresholds), and then (4) years asked vs the CV's
years of experience can only lower the verdict. Requirements that name no skill ("Ownership",
"Excellent communication") are judged on meaning alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.domain import MatchStatus, Requirement, RequirementMatch
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.engine.lexical import tokens
from matcher.engine.profile import CREDIT, CVProfile, SkillVerdict, is_any_of, judge_skills
from matcher.years import without_years, years_of_experience, years_stated

YEARS_PARTIAL_RATIO = 0.6  # 3 years against "5+ years" is partial; 2 years is missing
TITLE_SKILL_WEIGHT = 2.0  # a skill named in the title ("Senior Go Engineer") is a must-have
LOW_INFO_WEIGHT = 0.5  # "Ownership": few content words, no skill; counts, but half
LOW_INFO_TOKENS = 3
BASE_WEIGHT = 1.0


def requirement_years(req: Requirement) -> float | None:
    """Years the requirement asks for: the importer's value, else read from its text."""
    return req.years if req.years is not None else years_stated(req.text)


# Words that say nothing beyond the years in "5+ years of relevant professional experience".
_YEARS_FILLER = {"of", "experience", "relevant", "professional", "work", "working", "industry", "at", "least",
                 "minimum", "min", "in", "the", "a", "an", "total", "overall", "with", "proven", "year", "years"}


def is_years_only(req: Requirement) -> bool:
    """"5 years of experience": nothing to judge but the years (meaning would match any heading)."""
    if req.skills or requirement_years(req) is None:
        return False
    rest = [w for w in tokens(without_years(req.text)) if not w.isdigit() and w not in _YEARS_FILLER]
    return not rest


def is_low_information(req: Requirement) -> bool:
    return not req.skills and len(tokens(req.text)) <= LOW_INFO_TOKENS


STATUSES: tuple[MatchStatus, ...] = ("missing", "partial", "met")  # index = ordinal code
_CODE: dict[MatchStatus, int] = {"missing": 0, "partial": 1, "met": 2}
_CREDIT_BY_CODE = np.array([CREDIT[s] for s in STATUSES])


@dataclass
class RequirementFacts:
    """What requirements say whatever the CV: computed once per list of postings, reused per CV."""

    years: np.ndarray  # (R,) years asked, NaN when none
    low_info: np.ndarray  # (R,) bool
    years_only: np.ndarray  # (R,) bool: judged on years alone when the CV's years are known
    required: np.ndarray  # (R,) bool
    with_skills: list[int]  # indexes of requirements naming skills: the only ones judged one by one
    any_of: list[bool]  # for each of `with_skills`: one of its skills is enough ("Java or Go")

    @classmethod
    def of(cls, reqs: Sequence[Requirement]) -> RequirementFacts:
        years = [requirement_years(r) for r in reqs]
        return cls(np.array([np.nan if y is None else y for y in years], dtype=np.float64),
                   np.array([is_low_information(r) for r in reqs], dtype=bool),
                   np.array([is_years_only(r) for r in reqs], dtype=bool),
                   np.array([r.kind == "required" for r in reqs], dtype=bool),
                   with_skills := [i for i, r in enumerate(reqs) if r.skills],
                   [is_any_of(reqs[i]) for i in with_skills])


@dataclass
class Judged:
    """Verdicts for many requirements at once, aligned with the input list."""

    matches: list[RequirementMatch]
    credits: np.ndarray  # (R,) 0..1
    weights: np.ndarray  # (R,)
    must_have: np.ndarray  # (R,) bool: a missing must-have (a title skill the CV lacks)
    verdicts: dict[tuple[tuple[str, ...], bool], SkillVerdict] = field(default_factory=dict)


def judge_all(reqs: Sequence[Requirement], facts: RequirementFacts, similarity: np.ndarray, best: np.ndarray,
              sentences: Sequence[str], profile: CVProfile, title_skills: Sequence[frozenset[str]],
              t: Thresholds = DEFAULT_THRESHOLDS, previous: Judged | None = None) -> Judged:
    """Judge requirements against one CV: meaning and years as arrays; named skills one by one, memoised.

    `similarity[i]` is requirement i's cosine with its best CV sentence `sentences[best[i]]`;
    `title_skills[i]` the lower-cased skills named in the title of requirement i's posting.
    `previous`: the same CV's verdicts before skills were added (what-if); only requirements whose
    skill verdict changed are rebuilt, the other explanations are reused.
    """
    sim = np.asarray(similarity, dtype=np.float64)
    sem_code = (sim >= t.partial).astype(np.int64) + (sim >= t.met)
    sem_credit = np.where(sem_code == 2, 1.0,
                          np.where(sem_code == 1, np.clip((sim - t.floor) / (t.met - t.floor), 0, 1), 0.0))
    # Plain lists while judging one by one: numpy element access costs ~10x a list's.
    codes, credits = sem_code.tolist(), sem_credit.tolist()
    wts = np.where(facts.low_info, LOW_INFO_WEIGHT, BASE_WEIGHT).tolist()
    must = [False] * len(reqs)
    by_skill: dict[int, tuple[str | None, list[str], str]] = {}  # i -> (evidence, missing, reason)
    memo: dict[tuple[tuple[str, ...], bool], SkillVerdict] = {}
    required = facts.required.tolist()
    changed: list[int] = []
    changed_keys: dict[tuple[tuple[str, ...], bool], bool] = {}
    for i, any_of in zip(facts.with_skills, facts.any_of):
        req = reqs[i]
        key = (tuple(req.skills), any_of)
        sv = memo.get(key)
        if sv is None:
            sv = memo[key] = judge_skills(req.skills, any_of, profile)
            changed_keys[key] = previous is None or previous.verdicts.get(key) != sv
        if changed_keys[key]:
            changed.append(i)
        if sv.status == "missing" and codes[i] == 2:
            # Close in meaning but the named skill is absent: the CV is near, not there.
            codes[i], credits[i] = 1, CREDIT["partial"]
            by_skill[i] = (sentences[best[i]] if sentences else None, sv.missing,
                           f"semantic {sim[i]:.2f}; {sv.reason}")
        else:
            codes[i], credits[i] = _CODE[sv.status], sv.credit
            by_skill[i] = (sv.evidence, sv.missing, sv.reason)
        if sv.missing and required[i] and title_skills[i] and not title_skills[i].isdisjoint(sv.missing_lower):
            # Capping is severe, so only when the CV does not even name the skill.
            if not any(profile.mentions(m) for m in sv.missing_lower & title_skills[i]):
                must[i], wts[i] = True, TITLE_SKILL_WEIGHT
    code, credit = np.array(codes, dtype=np.int64), np.array(credits, dtype=np.float64)
    lowered = np.zeros(len(reqs), dtype=bool)
    by_years = np.zeros(len(reqs), dtype=bool)
    if profile.years is not None:
        asked = facts.years
        with np.errstate(invalid="ignore"):
            yv = np.where(profile.years >= asked, 2, np.where(profile.years >= YEARS_PARTIAL_RATIO * asked, 1, 0))
            by_years = facts.years_only & (asked > 0)
            lowered = (asked > 0) & (yv < code) & ~by_years
        code = np.where(lowered | by_years, yv, code)
        credit = np.where(lowered, np.minimum(credit, _CREDIT_BY_CODE[yv]), credit)
        credit = np.where(by_years, _CREDIT_BY_CODE[yv], credit)
    sims, codes, low, only_years = np.round(sim, 4).tolist(), code.tolist(), lowered.tolist(), by_years.tolist()
    # For a years-only requirement the evidence is the CV's own statement of its years, if it makes one.
    years_sentence = next((s for s in sentences if years_of_experience(s)), None) if any(only_years) else None
    evid = [sentences[b] if c and sentences else None for b, c in zip(np.asarray(best).tolist(), codes)]
    matches: list[RequirementMatch] = list(previous.matches) if previous is not None else [None] * len(reqs)  # type: ignore[list-item]
    for i in changed if previous is not None else range(len(reqs)):
        req = reqs[i]
        if i in by_skill:
            evidence, missing, reason = by_skill[i]
            missing = list(missing)
        elif only_years[i]:
            evidence, missing = (years_sentence if codes[i] else None), []
            reason = f"{facts.years[i]:g} years asked, CV shows {profile.years:g} (from its dates)"
        else:
            evidence, missing, reason = evid[i], [], f"semantic {sims[i]:.2f}"
        if low[i]:
            reason += f"; {facts.years[i]:g} years asked, CV shows {profile.years:g}"
        matches[i] = RequirementMatch(req.text, req.kind, STATUSES[codes[i]], evidence, wts[i],
                                      list(req.skills), missing, sims[i], reason)
    return Judged(matches, credit, np.array(wts), np.array(must, dtype=bool), memo)


def judge(req: Requirement, similarity: float, sentence: str | None, profile: CVProfile,
          title_skills: frozenset[str] = frozenset(), t: Thresholds = DEFAULT_THRESHOLDS,
          ) -> tuple[RequirementMatch, float, bool]:
    """(match, credit 0..1, is_missing_must_have) for one requirement."""
    judged = judge_all([req], RequirementFacts.of([req]), np.array([similarity]), np.array([0]),
                       [sentence] if sentence else [], profile, [title_skills], t)
    return judged.matches[0], float(judged.credits[0]), bool(judged.must_have[0])
