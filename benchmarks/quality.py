"""Ranking quality on ../shared/data/dev: mean nDCG@10 and MAP of matcher and both baselines.

Protocol (dev README): each of the 30 CVs ranks all 1,250 postings; a posting is relevant when its
category maps to the CV's folder. Run: `.venv/bin/python -m benchmarks.quality`.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from benchmarks.baselines import embedding_scores, tfidf_scores
from benchmarks.devset import RELEVANT, DiskVectorCache, annotate, load_cvs, load_postings, load_taxonomy
from benchmarks.metrics import average_precision, ndcg_at
from matcher.engine.embeddings import CachedEmbedder, SentenceEmbedder
from matcher.engine.features import embed_cv, embed_postings
from matcher.engine.ranking import Ranker
from matcher.engine.scoring import ScoreWeights


def evaluate(scores: np.ndarray, relevant: list[np.ndarray]) -> tuple[float, float]:
    """Mean nDCG@10 and MAP; ties broken by posting order, as every system's ranking is."""
    ndcgs, aps = [], []
    for row, rel in zip(scores, relevant):
        order = np.lexsort((np.arange(len(row)), -row))
        ranked = rel[order].tolist()
        ndcgs.append(ndcg_at(ranked, 10))
        aps.append(average_precision(ranked))
    return float(np.mean(ndcgs)), float(np.mean(aps))


def matcher_scores(weights: ScoreWeights | None = None, data: dict | None = None) -> np.ndarray:
    d = data or load_all()
    out = np.zeros((len(d["cvs"]), len(d["postings"])))
    for i, dev in enumerate(d["cvs"]):
        ranker = Ranker(weights, d["taxonomy"]).fit(dev.cv, d["cv_vectors"][i])
        for m in ranker.rank(d["postings"], d["posting_vectors"]):
            out[i, m.posting_id - 1] = m.score
    return out


def load_all() -> dict:
    cache = DiskVectorCache()
    embedder = CachedEmbedder(SentenceEmbedder(), cache)
    postings, categories = load_postings()
    cvs = load_cvs()
    taxonomy = load_taxonomy()
    annotate(postings, [d.cv for d in cvs], taxonomy)
    data = {
        "cache": cache, "embedder": embedder, "postings": postings, "cvs": cvs, "taxonomy": taxonomy,
        "posting_vectors": embed_postings(postings, embedder),
        "cv_vectors": [embed_cv(d.cv, embedder) for d in cvs],
        "relevant": [np.array([c in RELEVANT[d.folder] for c in categories]) for d in cvs],
    }
    cache.save()
    return data


def main() -> None:
    t0 = time.perf_counter()
    d = load_all()
    cvs = [x.cv for x in d["cvs"]]
    systems = {
        "matcher": matcher_scores(data=d),
        "TF-IDF cosine": tfidf_scores(cvs, d["postings"]),
        "embedding cosine": embedding_scores(cvs, d["postings"], d["embedder"]),
    }
    d["cache"].save()
    print(f"{'system':<18} {'nDCG@10':>8} {'MAP':>8}")
    for name, scores in systems.items():
        ndcg, mean_ap = evaluate(scores, d["relevant"])
        print(f"{name:<18} {ndcg:>8.4f} {mean_ap:>8.4f}")
    skills = "with taxonomy" if d["taxonomy"] is not None else "WITHOUT taxonomy (not built yet)"
    print(f"({len(cvs)} CVs x {len(d['postings'])} postings, {skills}, {time.perf_counter() - t0:.0f}s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
