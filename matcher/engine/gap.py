"""Which missing skills hold the user back most, and by how much.

A skill "blocks" one of the best postings when a line of it names the skill and the CV lacks it.
What adding it would change is computed, not guessed: the best postings are scored again with the
same formula as if the CV had the skill (`Ranker` on a small index of just those postings, reusing
their vectors), so each item says how many points it is worth and how many postings it would move
into a better band. Soft skills are left out: they are shown by what one did, not added to a CV.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.domain import score_band
from matcher.engine.ranking import Ranker, Scored, top_rows
from matcher.engine.requirement_info import verdict_key
from matcher.engine.verdicts import BY_SKILL, MET

MAX_CANDIDATES = 15  # skills tried by a what-if each; the most blocking first


@dataclass
class GapItem:
    skill: str
    blocked_postings: int  # best postings with a line naming it that the CV does not meet
    lift: float  # mean score gain (0..100 points) over those postings if the CV had it
    band_ups: int = 0  # how many of them would move into a better band
    posting_ids: list[int] = field(default_factory=list)


def _blocking(scored: Scored, rows: Sequence[int]) -> dict[str, list[int]]:
    """Missing hard skill → the rows (of `rows`) with a line naming it that is not met."""
    index, verdicts = scored.index, scored.verdicts
    out: dict[str, list[int]] = {}
    for k in rows:
        names: set[str] = set()
        for i in range(int(index.offsets[k]), int(index.offsets[k + 1])):
            info = index.infos[i]
            if info.hard and verdicts.code[i] < MET and verdicts.source[i] == BY_SKILL:
                names.update(verdicts.skills[verdict_key(info)].missing)
        for name in names:
            out.setdefault(name, []).append(k)
    return out


def skill_gap(ranker: Ranker, scored: Scored, with_skill: Callable[[str], Ranker], top_n: int = 20) -> list[GapItem]:
    """The skills missing from the `top_n` best postings, most blocking first, each with its worth.

    `with_skill(name)`: a ranker fitted to the same CV as if it had that skill (the session builds it).
    """
    rows = top_rows(scored.scores, scored.index.ids, top_n)
    blocking = _blocking(scored, rows)
    ranked = sorted(blocking.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))[:MAX_CANDIDATES]
    sub = scored.index.subset(rows)
    before = {int(scored.index.ids[k]): float(scored.scores[k]) for k in rows}
    items = []
    for skill, blocked in ranked:
        other = with_skill(skill)
        after = other.score(sub)
        new = dict(zip(sub.ids.tolist(), after.scores.tolist()))
        ids = [int(scored.index.ids[k]) for k in blocked]
        gains = [new[i] - before[i] for i in ids]
        band_ups = sum(_band_rank(new[i]) > _band_rank(before[i]) for i in ids)
        items.append(GapItem(skill, len(ids), round(float(np.mean(gains)), 1), band_ups, ids))
    return sorted(items, key=lambda g: (-g.blocked_postings, -g.lift, g.skill.lower()))


_BANDS = ("Poor", "Fair", "Good", "Great")


def _band_rank(score: float) -> int:
    return _BANDS.index(score_band(score))
