"""Ranking metrics: binary relevance (AP, nDCG), graded nDCG, ROC-AUC."""

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


def roc_auc(scores: Sequence[float], relevant: Sequence[bool]) -> float:
    """Probability that a relevant item scores above an irrelevant one (ties count half)."""
    import numpy as np
    from scipy.stats import rankdata

    s = np.asarray(scores, dtype=np.float64)
    r = np.asarray(relevant, dtype=bool)
    pos, neg = int(r.sum()), int((~r).sum())
    if not pos or not neg:
        return float("nan")
    ranks = rankdata(s)  # average ranks for ties
    return float((ranks[r].sum() - pos * (pos + 1) / 2) / (pos * neg))


def graded_ndcg_at(ranked_gains: Sequence[float], k: int = 10) -> float:
    """nDCG@k with graded gains (2 strong fit, 1 plausible, 0 not)."""
    dcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ranked_gains[:k]))
    ideal = sorted(ranked_gains, reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0
