"""Rank every posting of a `PostingIndex` for one CV, as arrays, and explain the ones asked for.

All requirement vectors are scored against all quotable CV units in one matrix product; the rest is
array arithmetic plus a memoised check of named skills. Nothing per requirement is built as an
object until someone looks at a posting: `Scored.light()` gives every posting's score, breakdown,
counts and one-line why; `explain` builds the requirement verdicts of the postings asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matcher.domain import RankedMatch, ScoreBreakdown, VerdictCounts
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.engine.explain import requirement_matches, why_line
from matcher.engine.features import CVIndex
from matcher.engine.lexical import cosines
from matcher.engine.posting_index import PostingIndex
from matcher.engine.scoring import (ScoreWeights, combine, coverage, experience_fit, relevance, seniority_fit,
                                    years_far_above)
from matcher.engine.taxonomy import Taxonomy
from matcher.language import language_name
from matcher.engine.verdicts import MET, MISSING, PARTIAL, Verdicts, judge_all, verdict_key

_BATCH_ROWS = 20_000  # requirement rows per matrix product: bounds the (rows × units) temporary


@dataclass
class Similarities:
    """What depends on the vectors only: computed once per (CV, index) and reused by a what-if."""

    best_sim: np.ndarray  # (R,) cosine of each line with its best quotable unit
    best_unit: np.ndarray  # (R,) that unit
    doc: np.ndarray  # (n,) 0..1 embedding part of S
    lexical: np.ndarray  # (n,) 0..1
    title: np.ndarray  # (n,) 0..1


def similarities(index: PostingIndex, cvx: CVIndex, t: Thresholds = DEFAULT_THRESHOLDS) -> Similarities:
    quotable = np.flatnonzero(cvx.quotable)
    rows = len(index.req_vectors)
    best_sim = np.zeros(rows, dtype=np.float32)
    best_unit = np.full(rows, -1, dtype=np.int64)
    if len(quotable) and rows:
        units = cvx.unit_vectors[quotable].T
        for start in range(0, rows, _BATCH_ROWS):
            sims = index.req_vectors[start:start + _BATCH_ROWS] @ units
            arg = sims.argmax(axis=1)
            best_sim[start:start + len(arg)] = sims[np.arange(len(arg)), arg]
            best_unit[start:start + len(arg)] = quotable[arg]
    doc = np.clip((index.doc @ cvx.summary - t.doc_low) / (t.doc_high - t.doc_low), 0.0, 1.0)
    lexical = np.clip(cosines(index.lexical, cvx.lexical) / t.lexical_high, 0.0, 1.0)
    if len(cvx.titles) and len(index):
        title_cos = (index.title @ cvx.titles.T).max(axis=1)
        title = np.clip((title_cos - t.title_low) / (t.title_high - t.title_low), 0.0, 1.0)
    else:
        title = np.zeros(len(index))
    return Similarities(best_sim, best_unit, doc, lexical, title)


@dataclass
class Scored:
    """One ranking as arrays aligned with the index's posting rows."""

    index: PostingIndex
    cvx: CVIndex
    verdicts: Verdicts
    scores: np.ndarray
    parts: np.ndarray  # (6, n): R, P, S, E, N, and the role part of R
    capped: np.ndarray  # (n,) must-have cap applied
    counts: np.ndarray  # (5, n): required met, partial, missing; preferred met, preferred total

    def light(self, rows: Sequence[int] | None = None, cap: float = 80.0) -> list[RankedMatch]:
        rows = range(len(self.index)) if rows is None else rows
        cols = np.round(self.parts, 4).tolist()
        counts, capped, scores = self.counts.tolist(), self.capped.tolist(), self.scores.tolist()
        out = []
        for k in rows:
            e = self.index.heads[k]
            c = VerdictCounts(*(int(counts[j][k]) for j in range(5)))
            b = ScoreBreakdown(cols[0][k], cols[1][k], cols[2][k], cols[3][k], cols[4][k], cap if capped[k] else None,
                               cols[5][k])
            out.append(RankedMatch(e.id, e.title, e.company, scores[k], b, c, "",
                                   _notices(e.language, self.cvx.cv.language)))
        return out


def _notices(posting_language: str | None, cv_language: str | None) -> tuple[str, ...]:
    # A tuple: the empty one is shared, where 10,000 empty lists were 10,000 objects for the collector.
    if posting_language and cv_language and posting_language != cv_language:
        theirs, ours = language_name(posting_language), language_name(cv_language)
        return (f"Posting in {theirs}; your CV is in {ours}: its meaning is compared less reliably",)
    return ()


class Ranker:
    """`Ranker(weights, taxonomy).fit(cv_index).score(posting_index)`; `explain` for a few rows."""

    def __init__(self, weights: ScoreWeights | None = None, taxonomy: Taxonomy | None = None,
                 thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        self.weights = weights or ScoreWeights()
        self.taxonomy = taxonomy
        self.thresholds = thresholds

    def fit(self, cvx: CVIndex) -> Ranker:
        self.cvx_ = cvx
        self._sims: tuple[PostingIndex, int, Similarities] | None = None
        self._verdicts: tuple[Similarities, Verdicts] | None = None
        return self

    def similarities(self, index: PostingIndex, version: int = 0) -> Similarities:
        """Cached per (index, version): the caller bumps `version` when the index changes."""
        if self._sims is None or self._sims[0] is not index or self._sims[1] != version:
            self._sims = (index, version, similarities(index, self.cvx_, self.thresholds))
        return self._sims[2]

    def score(self, index: PostingIndex, sims: Similarities | None = None) -> Scored:
        sims = sims or self.similarities(index)
        n, owner, w = len(index), index.owner, self.weights
        # Verdicts depend on the CV and the postings, not on the weights: a weight change re-scores only.
        if self._verdicts is not None and self._verdicts[0] is sims:
            verdicts = self._verdicts[1]
        else:
            verdicts = judge_all(index, self.cvx_.profile, sims.best_sim, sims.best_unit, self.cvx_.years_unit,
                                 self.taxonomy, self.thresholds)
            self._verdicts = (sims, verdicts)
        semantic = relevance(w, sims.doc, sims.lexical, sims.title)
        weighted = index.weights * verdicts.credit
        parts = []
        for mask, role in ((index.required, sims.title), (~index.required, None)):
            num = np.bincount(owner[mask], weighted[mask], n)
            den = np.bincount(owner[mask], index.weights[mask], n)
            parts.append(coverage(num, den, semantic, role))
        years = self.cvx_.profile.years
        experience = experience_fit(index.max_years, years)
        seniority = seniority_fit(index.levels, years)
        must = (np.bincount(owner, verdicts.must, n) > 0) | years_far_above(index.max_years, years)
        code, req = verdicts.code, index.required
        counts = np.stack([np.bincount(owner[req & (code == s)], minlength=n) for s in (MET, PARTIAL, MISSING)]
                          + [np.bincount(owner[~req & (code == MET)], minlength=n), np.bincount(owner[~req], minlength=n)])
        most_missing = counts[2] * 2 > counts[0] + counts[1] + counts[2]
        scores = combine(w, parts[0], parts[1], semantic, experience, seniority, must, most_missing)
        return Scored(index, self.cvx_, verdicts, scores,
                      np.stack([parts[0], parts[1], semantic, experience, seniority, sims.title]), must, counts)

    def matches(self, scored: Scored, top: int | None = None) -> list[RankedMatch]:
        """Light matches, best first (ties by posting id); all of them when `top` is None."""
        order = top_rows(scored.scores, scored.index.ids, top)
        out = scored.light(order, self.weights.must_have_cap)
        for m in out:
            m.why = why_line(m, self._missing_must(scored, m.posting_id))
        return out

    def explain(self, scored: Scored, posting_ids: Sequence[int]) -> list[RankedMatch]:
        """Full matches of these postings (in the given order), each requirement with its evidence."""
        rows = scored.index.rows(posting_ids)
        out = scored.light(rows, self.weights.must_have_cap)
        for k, m in zip(rows, out):
            start, end = int(scored.index.offsets[k]), int(scored.index.offsets[k + 1])
            m.requirements = requirement_matches(scored.index, scored.verdicts, self.cvx_, range(start, end))
            m.why = why_line(m, self._missing_must(scored, m.posting_id))
        return out

    def _missing_must(self, scored: Scored, posting_id: int) -> list[str]:
        k = scored.index.row_of[posting_id]
        start, end = int(scored.index.offsets[k]), int(scored.index.offsets[k + 1])
        names: list[str] = []
        for i in range(start, end):
            if scored.verdicts.must[i]:
                info = scored.index.infos[i]
                if info.spoken:
                    names += list(scored.verdicts.skills[verdict_key(info)].missing)
                else:
                    names += [n for n in info.names if n.lower() in scored.index.heads[k].title_hard]
        return list(dict.fromkeys(names))


def top_rows(scores: np.ndarray, ids: np.ndarray, top: int | None) -> list[int]:
    """Rows best first; with `top`, np.partition finds the k-th score so only the best k (and ties) get sorted."""
    idx = np.arange(len(scores))
    if top is not None and top < len(scores):
        if top <= 0:
            return []
        kth = np.partition(-scores, top - 1)[top - 1]
        idx = np.flatnonzero(-scores <= kth)  # every posting tied with the k-th: ties resolve by id
    order = idx[np.lexsort((ids[idx], -scores[idx]))]
    chosen: list[int] = (order[:top] if top is not None else order).tolist()
    return chosen
