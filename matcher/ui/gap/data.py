"""What the skill-gap view shows, as plain data: which of the ranking session's missing skills make a bar
(`RankingSession.skill_gap` scores the top postings again as if the CV had each one), and how a what-if
ranking differs from the current one. No Qt here, so it is tested directly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from matcher.domain import RankedMatch, score_band

if TYPE_CHECKING:
    from matcher.engine.gap import GapItem

# How many of the best postings the gap looks at: the ones a person would actually apply to.
TOP_POSTINGS = 20
# More bars than this no longer fit a readable chart; the tail blocks one posting each anyway.
MAX_BARS = 12
# Soft skills ("Communication", "Ownership") are read from how the whole CV is written, not added as
# a line to it: a chart led by them would tell the user nothing they can act on.
UNACTIONABLE_CATEGORIES = frozenset({"soft skill"})


@dataclass(frozen=True)
class Move:
    """One posting in a what-if ranking next to where it stands now (ranks start at 1)."""

    posting_id: int
    title: str
    company: str | None
    old_rank: int | None
    new_rank: int
    old_score: float | None
    new_score: float
    band_changed: bool = False

    @property
    def places(self) -> int:
        """Positive when the posting moved up, e.g. from rank 5 to rank 2 gives 3."""
        return 0 if self.old_rank is None else self.old_rank - self.new_rank


@dataclass
class WhatIfSummary:
    moves: list[Move] = field(default_factory=list)

    @property
    def moved_up(self) -> int:
        return sum(m.places > 0 for m in self.moves)

    @property
    def band_ups(self) -> int:
        return sum(m.band_changed and (m.old_score or 0.0) < m.new_score for m in self.moves)


def gap_bars(items: Sequence[GapItem], skip: Callable[[str], bool] | None = None) -> list[GapItem]:
    """The skills to chart, most blocking first, at most `MAX_BARS`; `skip` (default: soft skills) drops some."""
    skip = unactionable if skip is None else skip
    bars = [item for item in items if not skip(item.skill)]
    bars.sort(key=lambda b: (-b.blocked_postings, -b.band_ups, -b.lift, b.skill.lower()))
    return bars[:MAX_BARS]


def unactionable(skill: str) -> bool:
    """A soft skill: read from how the whole CV is written, not added as a line to it."""
    from matcher.engine.taxonomy import default_taxonomy

    known = default_taxonomy().get(skill)
    return known is not None and known.category in UNACTIONABLE_CATEGORIES


def compare_rankings(current: Sequence[RankedMatch], what_if: Sequence[RankedMatch]) -> WhatIfSummary:
    """Each posting of the what-if ranking with its current rank and score, in what-if order."""
    before = {m.posting_id: (rank, m.score) for rank, m in enumerate(_ordered(current), 1)}
    moves = []
    for rank, match in enumerate(_ordered(what_if), 1):
        old_rank, old_score = before.get(match.posting_id, (None, None))
        changed = old_score is not None and score_band(old_score) != score_band(match.score)
        moves.append(Move(match.posting_id, match.title, match.company, old_rank, rank, old_score, match.score, changed))
    return WhatIfSummary(moves)


def _ordered(matches: Sequence[RankedMatch]) -> list[RankedMatch]:
    # Ties keep their given order (sorted is stable), as the ranked list shows them.
    return sorted(matches, key=lambda m: -m.score)
