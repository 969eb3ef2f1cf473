"""Rank many postings for one CV, fast, with every requirement explained.

All requirement vectors of all postings are scored against all CV sentences in one matrix
product; the rest is array arithmetic plus a memoised skill check. Per-posting facts that do not
depend on the CV (years asked, title level, title skills) are computed once per `PostingVectors`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from matcher.domain import CV, Posting, RankedMatch, Requirement, RequirementMatch, ScoreBreakdown, VerdictCounts
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.engine.embeddings import Cancelled, Embedder, Progress
from matcher.engine.features import CVVectors, PostingVectors, embed_cv, embed_postings
from matcher.engine.lexical import tokens
from matcher.engine.matching import Judged, RequirementFacts, judge_all
from matcher.engine.profile import CVProfile
from matcher.engine.scoring import (ScoreWeights, combine, experience_fit, seniority_fit, title_level,
                                    years_far_above)
from matcher.engine.taxonomy import Taxonomy, default_taxonomy


@dataclass
class _PostingFacts:
    """What ranking needs from postings that no CV changes; cached beside their vectors."""

    requirements: list[Requirement]  # every requirement of every posting, flattened
    req_facts: RequirementFacts
    owner: np.ndarray  # (R,) index of the posting each requirement belongs to
    max_years: np.ndarray  # (n,) most years any required line asks; NaN when none
    title_levels: np.ndarray  # (n,) seniority level named in the title; NaN when none
    title_skills: list[frozenset[str]]  # per requirement: its posting's title skills, lower-case


def _title_skills(posting: Posting) -> frozenset[str]:
    title = posting.title.lower()
    words = set(tokens(title))
    return frozenset(s.lower() for s in posting.skills
                     if (s.lower() in words) or (" " in s and s.lower() in title))


def _facts(postings: Sequence[Posting], vectors: PostingVectors) -> _PostingFacts:
    cached = vectors.derived.get("facts")
    if isinstance(cached, tuple) and cached[0] is postings:
        return cached[1]  # type: ignore[no-any-return]
    reqs = [r for p in postings for r in p.requirements]
    req_facts = RequirementFacts.of(reqs)
    owner = np.repeat(np.arange(len(postings)), np.diff(vectors.req_offsets))
    asked = np.where(req_facts.required, req_facts.years, np.nan)
    max_years = np.full(len(postings), np.nan)
    known = ~np.isnan(asked)
    np.fmax.at(max_years, owner[known], asked[known])
    levels = [title_level(p.title) for p in postings]
    title_skills = [t for p in postings for t in [_title_skills(p)] * len(p.requirements)]
    facts = _PostingFacts(reqs, req_facts, owner, max_years,
                          np.array([np.nan if lv is None else lv for lv in levels]), title_skills)
    vectors.derived["facts"] = (postings, facts)
    return facts


class Ranker:
    """`Ranker(weights, taxonomy).fit(cv, cv_vectors).rank(postings, posting_vectors, top)`."""

    def __init__(self, weights: ScoreWeights | None = None, taxonomy: Taxonomy | None = None,
                 thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        self.weights = weights or ScoreWeights()
        self.taxonomy = taxonomy
        self.thresholds = thresholds

    def fit(self, cv: CV, cv_vectors: CVVectors, extra_skills: Iterable[str] = ()) -> Ranker:
        self.cv_ = cv
        self.cv_vectors_ = cv_vectors
        self.extra_skills_ = list(extra_skills)
        self.profile_ = CVProfile.of(cv, self.taxonomy, self.extra_skills_)
        self.lexical_text_ = cv.text + "\n" + "\n".join(self.extra_skills_)
        # Dense similarities depend only on vectors: a what-if ranker shares them with its parent.
        self._dense: tuple[PostingVectors, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._base: tuple[PostingVectors, Judged] | None = None  # a what-if's parent verdicts
        return self

    def _similarities(self, vectors: PostingVectors) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(best sentence cosine, its index) per requirement; whole-doc and lexical cosine per posting."""
        if self._dense is None or self._dense[0] is not vectors:
            cvv = self.cv_vectors_
            if len(cvv.sentence_vectors) and len(vectors.req_vectors):
                sims = vectors.req_vectors @ cvv.sentence_vectors.T  # (R, S): the one big product
                best = sims.argmax(axis=1)
                best_sim = sims[np.arange(len(best)), best]
            else:
                best = np.zeros(len(vectors.req_vectors), dtype=np.int64)
                best_sim = np.zeros(len(vectors.req_vectors), dtype=np.float32)
            self._dense = (vectors, best_sim, best, vectors.doc_vectors @ cvv.summary_vector)
        _, best_sim, best, doc = self._dense
        # Word overlap is recomputed each time (a sparse product, milliseconds): a what-if skill adds words.
        return best_sim, best, doc, vectors.lexical.scores(self.lexical_text_)

    def semantic_parts(self, doc: np.ndarray, lex: np.ndarray) -> np.ndarray:
        """S per posting (see `scoring`): embedding and lexical similarity, each rescaled to 0..1."""
        t, lam = self.thresholds, self.weights.lexical_share
        emb = np.clip((doc - t.doc_low) / (t.doc_high - t.doc_low), 0.0, 1.0)
        return (1.0 - lam) * emb + lam * np.clip(lex / t.lexical_high, 0.0, 1.0)

    def rank(self, postings: Sequence[Posting], vectors: PostingVectors,
             top: int | None = None) -> list[RankedMatch]:
        """Matches best first (ties by job id); all of them when `top` is None."""
        self.postings_, self.posting_vectors_ = postings, vectors
        if not postings:
            return []
        with _gc_paused():
            return self._rank(postings, vectors, top)

    def _rank(self, postings: Sequence[Posting], vectors: PostingVectors, top: int | None) -> list[RankedMatch]:
        facts = _facts(postings, vectors)
        n = len(postings)
        best_sim, best, doc, lex = self._similarities(vectors)
        semantic = self.semantic_parts(doc, lex)
        base = self._base if self._base is not None and self._base[0] is vectors else None
        judged = judge_all(facts.requirements, facts.req_facts, best_sim, best, self.cv_vectors_.sentences,
                           self.profile_, facts.title_skills, self.thresholds, base[1] if base else None)
        self.judged_ = judged
        owner, weighted = facts.owner, judged.weights * judged.credits
        parts = []
        for mask in (facts.req_facts.required, ~facts.req_facts.required):
            num = np.bincount(owner[mask], weighted[mask], n)
            den = np.bincount(owner[mask], judged.weights[mask], n)
            # No such requirements listed: take S, so an empty list is neither bonus nor penalty.
            parts.append(np.where(den > 0, num / np.maximum(den, 1e-9), semantic))
        years = self.profile_.years
        experience = experience_fit(facts.max_years, years)
        seniority = seniority_fit(facts.title_levels, years)
        must = (np.bincount(owner, judged.must_have, n) > 0) | years_far_above(facts.max_years, years)
        scores = combine(self.weights, parts[0], parts[1], semantic, experience, seniority, must)
        cap = self.weights.must_have_cap
        columns = [np.round(a, 4).tolist() for a in (parts[0], parts[1], semantic, experience, seniority)]
        offsets, musts, score_list = vectors.req_offsets.tolist(), must.tolist(), scores.tolist()
        out = []
        for i, p in enumerate(postings):
            reqs = judged.matches[offsets[i]:offsets[i + 1]]
            breakdown = ScoreBreakdown(columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i],
                                       cap if musts[i] else None)
            counts = counts_of(reqs)
            out.append(RankedMatch(p.id if p.id is not None else i, p.title, p.company, score_list[i], breakdown,
                                   counts, why_line(counts, breakdown), requirements=reqs))
        return top_k(out, top)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building ~100k explanation objects triggers many generational GC passes over the whole heap
    (measured: 0.9 s → 0.4 s for 10,000 postings without them); they form no cycles, so pausing is safe."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def counts_of(reqs: Sequence[RequirementMatch]) -> VerdictCounts:
    required = [r.status for r in reqs if r.kind == "required"]
    preferred = [r.status for r in reqs if r.kind != "required"]
    return VerdictCounts(required.count("met"), required.count("partial"), required.count("missing"),
                         preferred.count("met"), len(preferred))


def why_line(counts: VerdictCounts, breakdown: ScoreBreakdown) -> str:
    """Why the score is what it is, in one line: "6 of 8 required met; similar work 0.71"."""
    parts = [f"{counts.met} of {counts.required} required met" if counts.required else "no requirements listed"]
    if breakdown.cap is not None:
        parts.append("a must-have is missing")
    parts.append(f"similar work {breakdown.semantic:.2f}")
    return "; ".join(parts)


def top_k(matches: list[RankedMatch], top: int | None) -> list[RankedMatch]:
    """Best first; with `top`, np.partition finds the k-th score so only the best k (and ties) get sorted."""
    scores = np.array([m.score for m in matches])
    ids = np.array([m.posting_id for m in matches])
    idx = np.arange(len(matches))
    if top is not None and top < len(matches):
        if top <= 0:
            return []
        # Keep every posting tied with the k-th score, so ties resolve by job id, not by chance.
        kth = np.partition(-scores, top - 1)[top - 1]
        idx = np.flatnonzero(-scores <= kth)
    order = idx[np.lexsort((ids[idx], -scores[idx]))]
    return [matches[i] for i in order[:top]]


def rank_postings(cv: CV, postings: Sequence[Posting], embedder: Embedder,
                  weights: ScoreWeights | None = None, taxonomy: Taxonomy | None = None,
                  top: int | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> list[RankedMatch]:
    """One call for the service layer: embed what the cache lacks, rank, return best first.

    `progress(done, total)` counts texts embedded; `cancelled()` is polled between batches
    (embedding is the only long part: ranking cached vectors takes well under a second)."""
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    ranker = Ranker(weights, taxonomy).fit(cv, embed_cv(cv, embedder))
    return ranker.rank(postings, embed_postings(postings, embedder, progress, cancelled), top)
