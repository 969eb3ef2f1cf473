"""Ranking quality as a job seeker judges it: six CVs, 499 real postings each, relevance judged by
reading (benchmarks/data/relevance, built by `benchmarks.relevance_pool`; labels 0/1/2).

Everything goes through the app's services: the postings' source files are imported as the CLI
imports them, the CVs' PDFs likewise, and `RankingSession` ranks. Relevant = label ≥ 1. Reported per
half (constants are chosen on TUNE, figures that count are REPORT), beside a TF-IDF cosine (scikit-
learn, fit on the postings) and a whole-document embedding cosine, and with the score's parts alone
(ablation). Run: `.venv/bin/python -m benchmarks.relevance`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks.harness import (DATA, RELEVANCE_REPORT, RELEVANCE_TUNE, SHARED, Bench, ids_by_fingerprint,
                                model_embedder)
from benchmarks.metrics import average_precision, graded_ndcg_at, roc_auc
from matcher import services
from matcher.domain import CV, Posting, RankedMatch
from matcher.ingest.postings import read_posting_file

POOL = DATA / "relevance" / "pool.jsonl"
CVS = SHARED / "samples" / "cvs"
GOOGLE = SHARED / "data" / "dev" / "google_job_skills.csv"


@dataclass
class RelevanceSet:
    bench: Bench
    pids: list[str]
    posting_ids: list[int]  # store id of each pool posting (duplicates share one)
    postings: dict[int, Posting]
    cvs: dict[str, CV]
    labels: dict[str, np.ndarray]  # cv name → label per pid (0, 1, 2)


def _source_file(source: str) -> object:
    return SHARED / source


def load() -> RelevanceSet:
    bench = Bench.fresh()
    pool = [json.loads(line) for line in POOL.read_text(encoding="utf-8").splitlines()]
    files = sorted({entry["source"] for entry in pool})
    services.import_postings(bench.store, [SHARED / f for f in files])
    by_fp = ids_by_fingerprint(bench.store)
    read = {f: read_posting_file(SHARED / f).postings for f in files}
    posting_ids: list[int] = []
    for entry in pool:
        pid, source = entry["pid"], entry["source"]
        index = int(pid.split("-")[1]) - (1 if pid.startswith("g-") else 0)
        posting_ids.append(by_fp[read[source][index].fingerprint()])
    postings = {p.id: p for p in bench.store.postings() if p.id is not None}
    names = RELEVANCE_TUNE + RELEVANCE_REPORT
    cvs = {name: services.import_cv(bench.store, CVS / f"{name}.pdf") for name in names}
    labels = {}
    for name in names:
        doc = json.loads((DATA / "relevance" / f"labels_{name}.json").read_text(encoding="utf-8"))
        labels[name] = np.array([doc["labels"][e["pid"]] for e in pool], dtype=np.int64)
    return RelevanceSet(bench, [e["pid"] for e in pool], posting_ids, postings, cvs, labels)


def tfidf_scores(cv: CV, docs: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vectorizer.fit_transform(docs)
    return np.asarray((vectorizer.transform([cv.text]) @ matrix.T).todense()).ravel()


def embedding_scores(cv: CV, docs: Sequence[str]) -> np.ndarray:
    embedder = model_embedder()
    return embedder.embed(list(docs)) @ embedder.embed([cv.text])[0]


def posting_document(p: Posting) -> str:
    return f"{p.title}\n{p.description}"


Metric = tuple[float, float, float]  # AP, ROC-AUC, graded nDCG@10


def measure(scores: np.ndarray, labels: np.ndarray) -> Metric:
    order = np.lexsort((np.arange(len(scores)), -scores))
    relevant = labels >= 1
    return (average_precision(relevant[order].tolist()), roc_auc(scores.tolist(), relevant.tolist()),
            graded_ndcg_at(labels[order].astype(float).tolist(), 10))


def systems(data: RelevanceSet, name: str) -> dict[str, np.ndarray]:
    """Every system's score of every pool posting for the CV `name`."""
    cv = data.cvs[name]
    assert cv.id is not None
    docs = [posting_document(data.postings[i]) for i in data.posting_ids]
    by_id: dict[int, RankedMatch] = {m.posting_id: m for m in data.bench.session.rank(cv.id).matches}
    matches = [by_id[i] for i in data.posting_ids]

    def part(get: Callable[[RankedMatch], float]) -> np.ndarray:
        return np.array([get(m) for m in matches], dtype=np.float64)

    return {
        "matcher": part(lambda m: m.score),
        "  R only (required coverage)": part(lambda m: m.breakdown.required),
        "  S only (whole-posting fit)": part(lambda m: m.breakdown.semantic),
        "TF-IDF cosine": tfidf_scores(cv, docs),
        "embedding cosine": embedding_scores(cv, docs),
    }


def report(data: RelevanceSet) -> dict[str, dict[str, Metric]]:
    """{half: {system: mean metric over the half's CVs}}, printed as a table."""
    out: dict[str, dict[str, Metric]] = {}
    for half, names in (("tune", RELEVANCE_TUNE), ("report", RELEVANCE_REPORT)):
        per_system: dict[str, list[Metric]] = {}
        for name in names:
            for system, scores in systems(data, name).items():
                per_system.setdefault(system, []).append(measure(scores, data.labels[name]))
        out[half] = {s: tuple(float(np.nanmean(col)) for col in zip(*ms)) for s, ms in per_system.items()}  # type: ignore[misc]
    return out


def print_table(results: dict[str, dict[str, Metric]]) -> None:
    print("Relevance judged by reading: 6 CVs x 499 real postings (relevant = label >= 1)")
    print(f"{'system':<32} {'half':<7} {'AP':>6} {'ROC-AUC':>8} {'nDCG@10':>8}")
    for half, rows in results.items():
        for system, (ap, auc, ndcg) in rows.items():
            print(f"{system:<32} {half:<7} {ap:>6.3f} {auc:>8.3f} {ndcg:>8.3f}")
    print("target (issue 12): matcher ahead of TF-IDF and of embedding cosine by >= 0.03 in AP and ROC-AUC")


def main() -> None:
    data = load()
    try:
        print_table(report(data))
    finally:
        data.bench.close()


if __name__ == "__main__":
    main()
