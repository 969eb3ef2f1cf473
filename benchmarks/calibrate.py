"""Calibrate the similarity thresholds (matcher/engine/calibration.py) and the default weights.

Thresholds, from the dev set (30 CVs × 1,250 postings), without looking at which posting is right:
- requirement vs best CV sentence: over (CV, requirement of a posting from an UNRELATED category)
  pairs, `floor` = median, `partial` = 75th percentile, `met` = 95th percentile, so a requirement
  the CV does not address is judged "met" by meaning alone at most 5% of the time;
- whole posting vs whole CV: `doc_low` = 1st percentile (as dissimilar as dev pairs get),
  `doc_high` = 99th percentile;
- TF-IDF cosine: `lexical_high` = the highest dev pair, so no dev pair saturates.
Then a small grid of weights is scored (nDCG@10, MAP) from the same per-part breakdowns.
Run: `.venv/bin/python -m benchmarks.calibrate`.
"""

from __future__ import annotations

import numpy as np

from benchmarks.quality import evaluate, load_all
from matcher.engine.ranking import Ranker
from matcher.engine.scoring import ScoreWeights, combine

PARTS = ("required", "preferred", "semantic", "experience", "seniority")
GRID = [  # (required, preferred, semantic, experience, seniority)
    (0.0, 0.0, 1.0, 0.0, 0.0), (0.35, 0.10, 0.35, 0.10, 0.10), (0.20, 0.05, 0.55, 0.05, 0.05),
    (0.15, 0.05, 0.55, 0.05, 0.05), (0.10, 0.05, 0.55, 0.05, 0.05), (0.15, 0.05, 0.55, 0.0, 0.0),
]


def thresholds(d: dict) -> None:
    pv = d["posting_vectors"]
    n = len(d["postings"])
    owner = np.repeat(np.arange(n), np.diff(pv.req_offsets))
    unrelated, docs, lex = [], [], []
    for i, cvv in enumerate(d["cv_vectors"]):
        best = (pv.req_vectors @ cvv.sentence_vectors.T).max(axis=1)
        unrelated.append(best[~d["relevant"][i][owner]])
        docs.append(pv.doc_vectors @ cvv.summary_vector)
        lex.append(pv.lexical.scores(d["cvs"][i].cv.text))
    u, dc, lx = np.concatenate(unrelated), np.concatenate(docs), np.concatenate(lex)
    print("requirement vs best CV sentence, unrelated pairs: "
          f"floor(p50)={np.percentile(u, 50):.3f} partial(p75)={np.percentile(u, 75):.3f} met(p95)={np.percentile(u, 95):.3f}")
    print(f"whole posting vs whole CV: doc_low(p1)={np.percentile(dc, 1):.3f} doc_high(p99)={np.percentile(dc, 99):.3f}")
    print(f"TF-IDF cosine: lexical_high(max)={lx.max():.3f}  (p99={np.percentile(lx, 99):.3f})")


def weight_grid(d: dict) -> None:
    parts = []
    for i, dev in enumerate(d["cvs"]):
        ms = sorted(Ranker(None, d["taxonomy"]).fit(dev.cv, d["cv_vectors"][i]).rank(d["postings"], d["posting_vectors"]),
                    key=lambda m: m.posting_id)
        parts.append(np.array([[getattr(m.breakdown, k) for m in ms] for k in PARTS] + [[m.breakdown.cap is not None for m in ms]]))
    print(f"{'required':>8} {'pref':>5} {'sem':>5} {'exp':>5} {'sen':>5} {'nDCG@10':>8} {'MAP':>7}")
    for w in GRID:
        weights = ScoreWeights(*w)
        scores = np.array([combine(weights, *row[:5], row[5].astype(bool)) for row in parts])
        ndcg, mean_ap = evaluate(scores, d["relevant"])
        print(" ".join(f"{x:>{k}.2f}" for x, k in zip(w, (8, 5, 5, 5, 5, 5, 5))) + f" {ndcg:>8.4f} {mean_ap:>7.4f}")


if __name__ == "__main__":
    data = load_all()
    thresholds(data)
    weight_grid(data)
