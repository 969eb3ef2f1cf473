"""Ranking metrics with binary relevance."""

from __future__ import annotations

import math
from collections.abc import Sequence


def ndcg_at(ranked_relevance: Sequence[bool], k: int = 10) -> float:
    """nDCG@k: discounted gain of the first k against the best possible order."""
    dcg = sum(1.0 / math.log2(i + 2) for i, rel in enumerate(ranked_relevance[:k]) if rel)
    ideal_hits = min(k, sum(ranked_relevance))
    idcg = sum(1.0 / math.log2(i + 2) for i in range(ideal_hits))
    return dcg / idcg if idcg else 0.0


def average_precision(ranked_relevance: Sequence[bool]) -> float:
    hits, total = 0, 0.0
    for i, rel in enumerate(ranked_relevance, start=1):
        if rel:
            hits += 1
            total += hits / i
    return total / hits if hits else 0.0
