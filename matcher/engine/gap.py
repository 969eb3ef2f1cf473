"""Which missing skills block the user's best postings, and what-if: add a skill, re-rank at once.

`skill_gap` reads only the explanations already computed (no model, no re-ranking): a skill
"blocks" a posting when a requirement of it names the skill and the CV lacks it. Its `lift` is
the mean score gain over those postings if the CV had it, estimated with the same formula
(`scoring.combine_one`): the requirements naming it count as met, and a cap it caused is lifted.
`what_if` re-ranks exactly, reusing every vector and similarity of the last ranking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from matcher.domain import Posting, RankedMatch, RequirementMatch
from matcher.engine.matching import TITLE_SKILL_WEIGHT
from matcher.engine.profile import CREDIT
from matcher.engine.ranking import Ranker
from matcher.engine.scoring import ScoreWeights, combine_one
from matcher.engine.taxonomy import Taxonomy


@dataclass
class GapItem:
    skill: str
    blocked_postings: int  # top postings with a requirement naming it that the CV does not meet
    lift: float  # mean estimated score gain (0..100 points) over those postings
    posting_ids: list[int] = field(default_factory=list)


def _coverage(reqs: list[RequirementMatch], kind: str, skill: str | None, fallback: float) -> float:
    """Weighted mean credit of `kind` requirements, counting those missing `skill` as met."""
    num = den = 0.0
    for r in reqs:
        if r.kind != kind:
            continue
        fixed = skill is not None and skill in r.missing_skills and len(r.missing_skills) == 1
        num += r.weight * (1.0 if fixed else CREDIT[r.status])
        den += r.weight
    return num / den if den else fallback


def estimated_lift(match: RankedMatch, skill: str, weights: ScoreWeights) -> float:
    """Score points `match` would gain if the CV had `skill` (statuses as credits: an estimate)."""
    b = match.breakdown
    must = [r for r in (match.requirements or []) if r.weight == TITLE_SKILL_WEIGHT and r.missing_skills]
    still_capped = b.cap is not None and (not must or any(skill not in r.missing_skills for r in must))
    before, _ = combine_one(weights, _coverage(match.requirements or [], "required", None, b.semantic),
                        _coverage(match.requirements or [], "preferred", None, b.semantic),
                        b.semantic, b.experience, b.seniority, b.cap is not None)
    after, _ = combine_one(weights, _coverage(match.requirements or [], "required", skill, b.semantic),
                       _coverage(match.requirements or [], "preferred", skill, b.semantic),
                       b.semantic, b.experience, b.seniority, still_capped)
    return max(0.0, after - before)


def skill_gap(matches: Sequence[RankedMatch], postings: Sequence[Posting] | None = None, top_n: int = 20,
              weights: ScoreWeights | None = None) -> list[GapItem]:
    """Missing skills across the `top_n` best matches, those blocking most postings first.

    `postings` is accepted so callers can pass what they ranked; explanations carry all it needs.
    """
    weights = weights or ScoreWeights()
    best = sorted(matches, key=lambda m: (-m.score, m.posting_id))[:top_n]
    blocked: dict[str, list[RankedMatch]] = {}
    for m in best:
        for skill in sorted({s for r in m.requirements or [] if r.status != "met" for s in r.missing_skills}):
            blocked.setdefault(skill, []).append(m)
    items = [GapItem(skill, len(ms), round(sum(estimated_lift(m, skill, weights) for m in ms) / len(ms), 2),
                     [m.posting_id for m in ms]) for skill, ms in blocked.items()]
    return sorted(items, key=lambda g: (-g.blocked_postings, -g.lift, g.skill.lower()))


def what_if(ranker: Ranker, added_skills: Iterable[str], top: int | None = None) -> list[RankedMatch]:
    """The ranking `ranker` last produced, as if the CV also had `added_skills`."""
    added = [_canonical(ranker.taxonomy, s) for s in added_skills]
    fresh = Ranker(ranker.weights, ranker.taxonomy, ranker.thresholds)
    fresh.fit(ranker.cv_, ranker.cv_vectors_, [*ranker.extra_skills_, *added])
    fresh._dense = ranker._dense  # adding a skill moves no vector: reuse the big matrix product
    if ranker._dense is not None:  # ...nor any verdict on a requirement that names no skill
        fresh._base = (ranker.posting_vectors_, ranker.judged_)
    return fresh.rank(ranker.postings_, ranker.posting_vectors_, top)


def _canonical(taxonomy: Taxonomy | None, skill: str) -> str:
    found = taxonomy.canonical(skill) if taxonomy is not None else None
    return found or skill.strip()
