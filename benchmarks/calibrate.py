"""Re-derive every constant of the score that is chosen from data, on the TUNE halves only.

1. Verdict thresholds (`calibration.Thresholds.met/partial/floor`): on the TUNE CVs' lines of the
   verdict gold set (benchmarks/data/verdicts) that are judged on meaning, the cut points with the best
   3-way accuracy among those where "met" is right at least `MET_PRECISION` of the time.
2. The scales of S's parts (`doc_low/high`, `title_low/high`, `lexical_high`): 1st and 99th
   percentiles of the raw cosines over the relevance pool for the TUNE CVs.
3. The score weights (`scoring.ScoreWeights`, `ROLE_WEIGHT`, `COVERAGE_PRIOR`): a grid, scored by the
   mean of two mean average precisions — the TUNE CVs of the relevance set (benchmarks/data/relevance,
   judged by reading) and the TUNE half of the dev set's CVs (relevant by category) — under the
   constraint that the coverage parts weigh more than S ("S is a relevance part, not the bulk", issue
   12). The one step whose choice the code does not hold today (see `weights`).
4. Where the most-missing ceiling starts squeezing (`scoring.MOST_MISSING_KNEE`): with the weights
   chosen in 3, the knee of best mean AP on the same TUNE sets; when several are as good (within 0.0001),
   the middle one of that plateau.
5. From which cosine a sentence that uses a line's rarest word meets it (`Thresholds.met_same_word`):
   each cut judged through the app's session on the TUNE halves of rjdb and of the verdict gold set;
   among the cuts that lower neither the gold accuracy nor rjdb's removed-skill detection by more than
   0.005 against the rule switched off, the highest (strictest) whose false moves on rjdb are within
   0.005 of the fewest.

Run: `.venv/bin/python -m benchmarks.calibrate`. It prints what it chose beside what the code holds.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, fields, replace

import numpy as np

from benchmarks import devset, relevance, rjdb
from benchmarks.harness import RELEVANCE_TUNE
from benchmarks.metrics import average_precision, roc_auc
from benchmarks.verdicts import judge_cv, scores as verdict_scores
from matcher.engine.calibration import DEFAULT_THRESHOLDS, MET_PRECISION
from matcher.engine.lexical import cosines
from matcher.services import RankingSession
from matcher.engine.scoring import (COVERAGE_PRIOR, MOST_MISSING_KNEE, ROLE_WEIGHT, ScoreWeights, combine,
                                    coverage, kept_below_top, relevance as mix_relevance)

STATUS = {"missing": 0, "partial": 1, "met": 2}


def verdict_thresholds() -> tuple[float, float, float]:
    lines = [j for name in RELEVANCE_TUNE for j in judge_cv(name) if j.match.reason.startswith("meaning")]
    sims = np.array([j.match.similarity for j in lines])
    gold = np.array([STATUS[str(j.gold["status"])] for j in lines])
    # Of the pairs with the best accuracy (a plateau: one line of ~85 moves it), the strictest
    # `partial` — a partial verdict quotes a sentence that is not proof, so it is said only where
    # accuracy asks for it — and the lowest `met` whose precision holds: the most recall at it.
    best: tuple[float, float, float] | None = None
    for partial in np.arange(0.25, 0.61, 0.01):
        for met in np.arange(partial + 0.01, 0.81, 0.01):
            pred = (sims >= partial).astype(int) + (sims >= met)
            said_met = pred == 2
            precision = (gold[said_met] == 2).mean() if said_met.any() else 1.0
            accuracy = float((pred == gold).mean())
            candidate = (accuracy, round(float(partial), 2), round(float(met), 2))
            if precision >= MET_PRECISION and (best is None or accuracy > best[0] + 1e-9
                                               or (accuracy > best[0] - 1e-9 and candidate[1] > best[1])):
                best = candidate
    assert best is not None
    # Partial credit rises linearly from a third at the `partial` cut to 1 at `met`: zero credit sits
    # half the partial band below the cut.
    floor = round(best[1] - (best[2] - best[1]) / 2, 2)
    print(f"verdicts ({len(lines)} lines judged on meaning): accuracy {best[0]:.3f} at partial={best[1]} "
          f"met={best[2]} floor={floor}   [code: partial={DEFAULT_THRESHOLDS.partial} met={DEFAULT_THRESHOLDS.met} "
          f"floor={DEFAULT_THRESHOLDS.floor}]")
    return best[1], best[2], floor


@dataclass
class Parts:
    """Per TUNE CV, per pool posting: the score's parts before weighting, and the label."""

    required_credit: np.ndarray  # Σ weight·credit over required lines
    required_weight: np.ndarray
    preferred_credit: np.ndarray
    preferred_weight: np.ndarray
    doc: np.ndarray  # raw cosines / TF-IDF cosine
    title: np.ndarray
    lexical: np.ndarray
    experience: np.ndarray
    seniority: np.ndarray
    must: np.ndarray
    below_top: np.ndarray
    labels: np.ndarray


def collect(data: relevance.RelevanceSet, names: tuple[str, ...]) -> list[Parts]:
    return [parts_of(data.bench.session, data.cvs[name].id, data.posting_ids, data.labels[name]) for name in names]


def collect_dev(data: devset.DevSet) -> list[Parts]:
    return [parts_of(data.bench.session, data.cvs[k][1].id, data.posting_ids,
                     data.relevant(data.cvs[k][0]).astype(np.int64)) for k in devset.halves(data)["tune"]]


def parts_of(session: RankingSession, cv_id: int | None, posting_ids: list[int], labels: np.ndarray) -> Parts:
    assert cv_id is not None
    ranker, scored = session.scored(cv_id)
    index, v, n = scored.index, scored.verdicts, len(scored.index)
    rows = np.array([index.row_of[i] for i in posting_ids])
    cvx = ranker.cvx_
    weighted = index.weights * v.credit
    sums = [np.bincount(index.owner[m], vals[m], n) for m in (index.required, ~index.required)
            for vals in (weighted, index.weights)]
    titles = (index.title @ cvx.titles.T).max(axis=1) if len(cvx.titles) else np.zeros(n)
    counts = scored.counts
    return Parts(sums[0][rows], sums[1][rows], sums[2][rows], sums[3][rows], (index.doc @ cvx.summary)[rows],
                 titles[rows], cosines(index.lexical, cvx.lexical)[rows], scored.parts[3][rows],
                 scored.parts[4][rows], scored.capped[rows],
                 kept_below_top(counts[0], counts[1], counts[2])[rows], labels)


def scales(parts: list[Parts]) -> dict[str, float]:
    doc = np.concatenate([p.doc for p in parts])
    title = np.concatenate([p.title for p in parts])
    lexical = np.concatenate([p.lexical for p in parts])
    found = {"doc_low": np.percentile(doc, 1), "doc_high": np.percentile(doc, 99),
             "title_low": np.percentile(title, 1), "title_high": np.percentile(title, 99),
             "lexical_high": np.percentile(lexical, 99)}
    found = {k: round(float(v), 2) for k, v in found.items()}
    print("scales:", found, " [code:", {k: getattr(DEFAULT_THRESHOLDS, k) for k in found}, "]")
    return found


@dataclass(frozen=True)
class Choice:
    weights: ScoreWeights
    role_weight: float = ROLE_WEIGHT
    prior: float = COVERAGE_PRIOR
    knee: float = MOST_MISSING_KNEE


def scores(p: Parts, c: Choice, s: dict[str, float]) -> np.ndarray:
    w = c.weights
    doc = np.clip((p.doc - s["doc_low"]) / (s["doc_high"] - s["doc_low"]), 0, 1)
    title = np.clip((p.title - s["title_low"]) / (s["title_high"] - s["title_low"]), 0, 1)
    lexical = np.clip(p.lexical / s["lexical_high"], 0, 1)
    semantic = mix_relevance(w, doc, lexical, title)
    required = coverage(p.required_credit, p.required_weight, semantic, title, c.role_weight, c.prior)
    preferred = coverage(p.preferred_credit, p.preferred_weight, semantic, None, c.role_weight, c.prior)
    return combine(w, required, preferred, semantic, p.experience, p.seniority, p.must, p.below_top, c.knee)


def mean_ap(parts: list[Parts], c: Choice, s: dict[str, float]) -> tuple[float, float]:
    aps, aucs = [], []
    for p in parts:
        sc = scores(p, c, s)
        order = np.lexsort((np.arange(len(sc)), -sc))
        relevant = p.labels >= 1
        aps.append(average_precision(relevant[order].tolist()))
        aucs.append(roc_auc(sc.tolist(), relevant.tolist()))
    return float(np.mean(aps)), float(np.mean(aucs))


GRID = {
    "required": (0.15, 0.25, 0.35, 0.45, 0.55),
    "preferred": (0.05, 0.10, 0.15),
    "semantic": (0.20, 0.30, 0.40),
    "experience": (0.0, 0.05),
    "seniority": (0.05, 0.10, 0.15, 0.20, 0.25),
    "lexical_share": (0.1, 0.2, 0.35, 0.5),
    "title_share": (0.0, 0.15),
}
ROLE_WEIGHTS = (0.0, 2.0, 5.0, 8.0)
PRIORS = (0.25, 0.5, 1.0, 2.0)  # > 0: a posting with no lines still has a coverage


@dataclass(frozen=True)
class GridPoint:
    per_set: tuple[float, ...]  # mean AP on each labelled set
    auc: float  # mean over the sets of their mean ROC-AUC
    choice: Choice

    @property
    def ap(self) -> float:
        """The objective: mean over the labelled sets of their mean AP."""
        return float(np.mean(self.per_set))


def grid_point(sets: list[list[Parts]], c: Choice, s: dict[str, float]) -> GridPoint:
    found = [mean_ap(parts, c, s) for parts in sets]
    return GridPoint(tuple(f[0] for f in found), float(np.mean([f[1] for f in found])), c)


def weights(sets: list[list[Parts]], s: dict[str, float]) -> Choice:
    """The grid point of best mean AP, printed beside the code's with each set's mean AP.

    The code does not hold this choice: at the tenth stop's code the best (required 0.35, preferred
    0.15, seniority 0.20, role 2, prior 1) gained +0.039 on the three relevance TUNE CVs and lost
    0.007 on the dev TUNE CVs; tried, it lost 0.043 AP on the relevance REPORT CVs (README)."""
    best = code = grid_point(sets, Choice(ScoreWeights()), s)
    names = list(GRID)
    for values in itertools.product(*(GRID[k] for k in names)):
        w = ScoreWeights(**dict(zip(names, values)))
        if w.required + w.preferred <= w.semantic:
            continue  # S must not be the bulk
        for role_weight, prior in itertools.product(ROLE_WEIGHTS, PRIORS):
            found = grid_point(sets, Choice(w, role_weight, prior), s)
            if found.ap > best.ap + 1e-9:
                best = found
    print(f"weights: mean AP {best.ap:.3f} (relevance / dev: {_aps(best)}), ROC-AUC {best.auc:.3f} on the "
          f"TUNE halves at {_described(best.choice)}")
    print(f"   [code: mean AP {code.ap:.3f} (relevance / dev: {_aps(code)}) at {_described(code.choice)}]")
    return best.choice


def _aps(found: GridPoint) -> str:
    return " / ".join(f"{a:.3f}" for a in found.per_set)


def _described(c: Choice) -> str:
    chosen = {f.name: getattr(c.weights, f.name) for f in fields(ScoreWeights)}
    return f"{chosen}, ROLE_WEIGHT={c.role_weight}, COVERAGE_PRIOR={c.prior}"


KNEES = (55.0, 60.0, 65.0, 70.0, 72.0, 74.0)


def knee(sets: list[list[Parts]], s: dict[str, float], weighted: Choice) -> float:
    found = {k: grid_point(sets, Choice(weighted.weights, weighted.role_weight, weighted.prior, k), s).ap
             for k in KNEES}
    best = max(found.values())
    plateau = [k for k in KNEES if found[k] >= best - 1e-4]
    picked = plateau[(len(plateau) - 1) // 2]
    print(f"most-missing knee: {picked:g} (mean AP {found[picked]:.4f}; "
          + ", ".join(f"{k:g}: {ap:.4f}" for k, ap in found.items()) + f")  [code: {MOST_MISSING_KNEE:g}]")
    return picked


SAME_WORD_CUTS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
SAME_WORD_TOLERANCE = 0.005


def same_word_cut() -> float:
    bench, triples = rjdb.load()
    try:
        tune = triples[:len(triples) // 2]
        rows: dict[float, tuple[float, float, float]] = {}
        for cut in (1.0, *SAME_WORD_CUTS):  # 1.0: no cosine reaches it, the rule is off
            thresholds = replace(DEFAULT_THRESHOLDS, met_same_word=cut)
            bench.session.thresholds_changed(thresholds)
            found = rjdb.evaluate(bench, tune)
            gold = verdict_scores([j for name in RELEVANCE_TUNE for j in judge_cv(name, thresholds)])
            rows[cut] = (float(found["false moves (all)"]), float(found["detected (all)"]), gold["accuracy"])
            print(f"  met_same_word {cut}: rjdb false moves {rows[cut][0]:.3f} detected {rows[cut][1]:.3f}; "
                  f"gold accuracy {rows[cut][2]:.3f}")
    finally:
        bench.close()
    _, detected_off, accuracy_off = rows[1.0]
    allowed = [c for c in SAME_WORD_CUTS if rows[c][1] >= detected_off - SAME_WORD_TOLERANCE
               and rows[c][2] >= accuracy_off - SAME_WORD_TOLERANCE]
    fewest = min((rows[c][0] for c in allowed), default=0.0)
    # Moves within the tolerance of the fewest are the same (4 lines of ~850): the strictest such cut.
    chosen = max((c for c in allowed if rows[c][0] <= fewest + SAME_WORD_TOLERANCE), default=1.0)
    print(f"met_same_word: {chosen}   [code: {DEFAULT_THRESHOLDS.met_same_word}]")
    return chosen


def main() -> None:
    verdict_thresholds()
    same_word_cut()
    data = relevance.load()
    dev = devset.load()
    try:
        parts = collect(data, RELEVANCE_TUNE)
        sets, found = [parts, collect_dev(dev)], scales(parts)
        knee(sets, found, weights(sets, found))
    finally:
        data.bench.close()
        dev.bench.close()


if __name__ == "__main__":
    main()
