"""The dev set of ../shared/data/dev, through the app's services: 30 livecareer CVs rank the 1,250
Google postings; a posting is relevant when its category maps to the CV's folder (dev README).

Postings are imported from the CSV as the CLI imports it (the Category column is the label: the
importer keeps it as a tag, which the engine never reads); CVs from their PDFs. The CVs are split in
two halves (alternately, in file order): constants are chosen on TUNE, figures reported on REPORT.
Run: `.venv/bin/python -m benchmarks.devset`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

import numpy as np

from benchmarks.harness import DEV, Bench, ids_by_fingerprint
from benchmarks.metrics import average_precision, ndcg_at, roc_auc
from benchmarks.relevance import embedding_scores, posting_document, tfidf_scores
from matcher import services
from matcher.domain import CV, Posting
from matcher.ingest.postings import read_posting_file

CSV = DEV / "google_job_skills.csv"
RELEVANT: dict[str, set[str]] = {
    "FINANCE": {"Finance"}, "ACCOUNTANT": {"Finance"}, "BANKING": {"Finance"},
    "HR": {"People Operations"},
    "SALES": {"Sales & Account Management", "Sales Operations"},
    "PUBLIC-RELATIONS": {"Marketing & Communications"},
    "DESIGNER": {"User Experience & Design"},
    "INFORMATION-TECHNOLOGY": {"Software Engineering", "Technical Infrastructure", "IT & Data Management",
                               "Network Engineering", "Data Center & Network", "Technical Solutions"},
    "ENGINEERING": {"Hardware Engineering", "Manufacturing & Supply Chain"},
    "ADVOCATE": {"Legal & Government Relations"},
}


@dataclass
class DevSet:
    bench: Bench
    posting_ids: list[int]  # store id per CSV row (rows listed once per city share one posting)
    postings: dict[int, Posting]
    cvs: list[tuple[str, CV]]  # (folder, CV), file order
    categories: list[str]  # per CSV row

    def relevant(self, folder: str) -> np.ndarray:
        return np.array([c in RELEVANT[folder] for c in self.categories])


def load() -> DevSet:
    bench = Bench.fresh()
    services.import_postings(bench.store, [CSV])
    by_fp = ids_by_fingerprint(bench.store)
    posting_ids = [by_fp[p.fingerprint()] for p in read_posting_file(CSV).postings]
    with CSV.open(encoding="utf-8", newline="") as f:
        categories = [row["Category"] for row in csv.DictReader(f)]
    postings = {p.id: p for p in bench.store.postings() if p.id is not None}
    cvs = [(pdf.parent.name, services.import_cv(bench.store, pdf)) for pdf in sorted((DEV / "livecareer").glob("*/*.pdf"))]
    return DevSet(bench, posting_ids, postings, cvs, categories)


def halves(data: DevSet) -> dict[str, list[int]]:
    return {"tune": list(range(0, len(data.cvs), 2)), "report": list(range(1, len(data.cvs), 2))}


def _metrics(scores: np.ndarray, relevant: np.ndarray) -> tuple[float, float, float]:
    order = np.lexsort((np.arange(len(scores)), -scores))
    ranked = relevant[order].tolist()
    return ndcg_at(ranked, 10), average_precision(ranked), roc_auc(scores.tolist(), relevant.tolist())


def report(data: DevSet) -> dict[str, dict[str, tuple[float, float, float]]]:
    docs = [posting_document(data.postings[i]) for i in data.posting_ids]
    out: dict[str, dict[str, tuple[float, float, float]]] = {}
    for half, members in halves(data).items():
        rows: dict[str, list[tuple[float, float, float]]] = {}
        for k in members:
            folder, cv = data.cvs[k]
            assert cv.id is not None
            relevant = data.relevant(folder)
            by_id = {m.posting_id: m for m in data.bench.session.rank(cv.id).matches}
            matches = [by_id[i] for i in data.posting_ids]
            systems = {
                "matcher": np.array([m.score for m in matches]),
                "  R only": np.array([m.breakdown.required for m in matches]),
                "  S only": np.array([m.breakdown.semantic for m in matches]),
                "TF-IDF cosine": tfidf_scores(cv, docs),
                "embedding cosine": embedding_scores(cv, docs),
            }
            for name, scores in systems.items():
                rows.setdefault(name, []).append(_metrics(scores, relevant))
        out[half] = {name: tuple(float(np.mean(col)) for col in zip(*ms)) for name, ms in rows.items()}  # type: ignore[misc]
    return out


def print_table(results: dict[str, dict[str, tuple[float, float, float]]]) -> None:
    print("Dev set: 30 livecareer CVs x 1,250 Google postings, relevant = category of the CV's field")
    print(f"{'system':<20} {'half':<7} {'nDCG@10':>8} {'MAP':>7} {'ROC-AUC':>8}")
    for half, rows in results.items():
        for name, (ndcg, mean_ap, auc) in rows.items():
            print(f"{name:<20} {half:<7} {ndcg:>8.3f} {mean_ap:>7.3f} {auc:>8.3f}")


def main() -> None:
    data = load()
    try:
        print_table(report(data))
    finally:
        data.bench.close()


if __name__ == "__main__":
    main()
