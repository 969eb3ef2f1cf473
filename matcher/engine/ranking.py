"""Rank every posting of a `PostingIndex` for one CV, as arrays, and explain the ones asked for.

All requirement vectors are scored against all quotable CV units in one matrix product; the rest is
array arithmetic plus a memoised check of named skills. Nothing per requirement is built as an
object until someone looks at a posting: `Scored.light()` gives every posting's score, breakdown,
counts and one-line why; `explain` builds the requirement verdicts of the postings asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.domain import RankedMatch, ScoreBreakdown, VerdictCounts
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.engine.explain import requirement_matches, why_line
from matcher.engine.features import CVIndex
from matcher.engine.lexical import cosines
from matcher.engine.posting_index import Origin, PostingIndex
from matcher.engine.requirement_info import verdict_key
from matcher.engine.scoring import (ScoreWeights, combine, coverage, experience_fit, kept_below_top, relevance,
                                    seniority_fit, years_far_above)
from matcher.engine.taxonomy import Taxonomy
from matcher.language import language_name
from matcher.engine.verdicts import MET, MISSING, PARTIAL, Verdicts, judge_all, rejudged

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
    if not len(index):  # no postings yet (an empty index's arrays have no width)
        none = np.zeros(0)
        return Similarities(none, np.zeros(0, dtype=np.int64), none, none, none)
    quotable = np.flatnonzero(cvx.quotable)
    rows = len(index.req_vectors)
    best_sim = np.zeros(rows, dtype=np.float32)
    best_unit = np.full(rows, -1, dtype=np.int64)
    if len(quotable) and rows:
        units = cvx.unit_vectors[quotable].T
        # Requirement vectors are kept as stored, in float16; each batch is widened into one reused
        # buffer for the float32 product (a float32 copy of them all was 150 MB at 10,000 postings).
        widened = np.empty((min(rows, _BATCH_ROWS), units.shape[0]), dtype=np.float32)
        for start in range(0, rows, _BATCH_ROWS):
            stored = index.req_vectors[start:start + _BATCH_ROWS]
            batch = widened[:len(stored)]
            batch[...] = stored
            sims = batch @ units
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
    best_sim: np.ndarray  # (R,) each requirement line's cosine with its best quotable CV unit
    _must_rows: dict[int, list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def light(self, rows: Sequence[int] | None = None, cap: float = 80.0) -> list[RankedMatch]:
        taken = np.arange(len(self.index)) if rows is None else np.asarray(rows, dtype=np.int64)
        # Columns of the rows wanted, as plain Python values: one pass per column, not one per cell.
        parts = zip(*np.round(self.parts[:, taken], 4).tolist())
        counts = zip(*self.counts[:, taken].tolist())
        heads, language = self.index.heads, self.cvx.cv.language
        return [RankedMatch(e.id, e.title, e.company, score, ScoreBreakdown(r, p, s, x, n, cap if capped else None, role),
                            VerdictCounts(*c), "", _notices(e.language, language))
                for e, score, (r, p, s, x, n, role), c, capped in zip(
                    (heads[k] for k in taken.tolist()), self.scores[taken].tolist(), parts, counts,
                    self.capped[taken].tolist())]

    def missing_must(self, posting_id: int) -> list[str]:
        """The must-haves the CV lacks, by name: hard skills named in the posting's title, languages."""
        if self._must_rows is None:  # the few postings with a must-have missing, found once
            self._must_rows = {}
            for i in np.flatnonzero(self.verdicts.must).tolist():
                self._must_rows.setdefault(int(self.index.owner[i]), []).append(i)
        k = self.index.row_of[posting_id]
        names: list[str] = []
        for i in self._must_rows.get(k, []):
            info = self.index.infos[i]
            if info.spoken:
                names += list(self.verdicts.skills[verdict_key(info)].missing)
            else:
                names += [n for n in info.names if n.lower() in self.index.heads[k].title_hard]
        return list(dict.fromkeys(names))


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
        self._judged: tuple[Similarities, Verdicts, PostingIndex] | None = None
        return self

    def similarities(self, index: PostingIndex, version: int = 0) -> Similarities:
        """Cached per (index, version): the caller bumps `version` when the index changes. An index
        updated from the cached one (`index.origin`) computes only its new rows."""
        if self._sims is None or self._sims[0] is not index or self._sims[1] != version:
            prior = self._carried_from(index)
            if prior is None:
                sims = similarities(index, self.cvx_, self.thresholds)
            else:
                origin, old = prior
                fresh = similarities(index.added(), self.cvx_, self.thresholds)
                sims = Similarities(origin.carried(old.best_sim, fresh.best_sim, requirements=True),
                                    origin.carried(old.best_unit, fresh.best_unit, requirements=True),
                                    *(origin.carried(getattr(old, f), getattr(fresh, f)) for f in ("doc", "lexical", "title")))
            self._sims = (index, version, sims)
        return self._sims[2]

    def _carried_from(self, index: PostingIndex) -> tuple[Origin, Similarities] | None:
        """The origin of `index` and the cached similarities of the index it came from."""
        origin = index.origin
        if origin is None or self._sims is None or origin.index() is not self._sims[0]:
            return None
        return origin, self._sims[2]

    def _verdicts(self, index: PostingIndex, sims: Similarities) -> Verdicts:
        """Verdicts depend on the CV and the postings, not on the weights: a weight change re-scores
        only, and an updated index judges only its new rows (a line's verdict is its own)."""
        if self._judged is not None and self._judged[0] is sims:
            return self._judged[1]
        origin, prior = index.origin, self._judged
        cvx, profile = self.cvx_, self.cvx_.profile
        if origin is not None and prior is not None and prior[2] is origin.index():
            lines = origin.requirements < 0
            fresh = judge_all(index.added(), profile, sims.best_sim[lines], sims.best_unit[lines], cvx.years_unit,
                              self.taxonomy, self.thresholds, prior[1].skills)
            old = prior[1]

            def carried(name: str) -> np.ndarray:
                return origin.carried(getattr(old, name), getattr(fresh, name), requirements=True)

            verdicts = Verdicts(carried("code"), carried("credit"), carried("unit"), carried("source"),
                                carried("years_seen"), carried("must"), fresh.skills)
        else:
            verdicts = judge_all(index, profile, sims.best_sim, sims.best_unit, cvx.years_unit, self.taxonomy,
                                 self.thresholds)
        self._judged = (sims, verdicts, index)
        return verdicts

    def score_as_if(self, base: Scored, sims: Similarities) -> Scored:
        """Scores for this ranker's CV — `base`'s CV with skills added (a what-if) — from `base`'s
        similarities and verdicts: only the lines whose skill verdict changes are judged again."""
        verdicts = rejudged(base.index, base.verdicts, self.cvx_.profile, sims.best_sim, sims.best_unit,
                            self.cvx_.years_unit, self.taxonomy, self.thresholds)
        self._judged = (sims, verdicts, base.index)
        return self.score(base.index, sims)

    def score(self, index: PostingIndex, sims: Similarities | None = None) -> Scored:
        sims = sims or self.similarities(index)
        n, owner, w = len(index), index.owner, self.weights
        verdicts = self._verdicts(index, sims)
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
        scores = combine(w, parts[0], parts[1], semantic, experience, seniority, must,
                         kept_below_top(counts[0], counts[1], counts[2]))
        return Scored(index, self.cvx_, verdicts, scores,
                      np.stack([parts[0], parts[1], semantic, experience, seniority, sims.title]), must, counts,
                      sims.best_sim)

    def matches(self, scored: Scored, top: int | None = None) -> list[RankedMatch]:
        """Light matches, best first (ties by posting id); all of them when `top` is None."""
        order = top_rows(scored.scores, scored.index.ids, top)
        out = scored.light(order, self.weights.must_have_cap)
        for m in out:
            m.why = why_line(m, scored.missing_must(m.posting_id))
        return out

    def explain(self, scored: Scored, posting_ids: Sequence[int]) -> list[RankedMatch]:
        """Full matches of these postings (in the given order), each requirement with its evidence."""
        rows = scored.index.rows(posting_ids)
        out = scored.light(rows, self.weights.must_have_cap)
        for k, m in zip(rows, out):
            start, end = int(scored.index.offsets[k]), int(scored.index.offsets[k + 1])
            m.requirements = requirement_matches(scored.index, scored.verdicts, self.cvx_, scored.best_sim,
                                                 range(start, end))
            m.why = why_line(m, scored.missing_must(m.posting_id))
        return out


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
