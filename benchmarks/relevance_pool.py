"""Build the pool of real postings that people-like judgments of relevance are made on.

`python -m benchmarks.relevance_pool` writes benchmarks/data/relevance/pool.jsonl: every posting of the
sample job-board page (86), the two HTML tables (6) and the single posting (1) of ../shared/samples/jobs,
every posting of the Google dev CSV in a technical or design category (276), and a fixed random sample of
10 from each other Google category, as a person sees them: title, company, locations and the text.
The pool is what the relevance labels in that folder refer to, by `pid`; it is rebuilt the same way
every time (sorted input, fixed seed), so labels never drift from their postings.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from matcher.ingest.postings import read_posting_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "benchmarks" / "data" / "relevance" / "pool.jsonl"
TECH_AND_DESIGN = {"Software Engineering", "Technical Solutions", "Technical Infrastructure", "Network Engineering",
                   "Developer Relations", "Technical Writing", "IT & Data Management", "Data Center & Network",
                   "Hardware Engineering", "User Experience & Design"}
OTHERS_PER_CATEGORY = 10
SEED = 20261130
MAX_WORDS = 450  # what a person reads before deciding; long postings are cut, and say so


def _entry(pid: str, source: str, posting: object, category: str | None = None) -> dict[str, object]:
    p = posting
    words = p.description.split()  # type: ignore[attr-defined]
    text = p.description if len(words) <= MAX_WORDS else " ".join(words[:MAX_WORDS]) + " […]"  # type: ignore[attr-defined]
    return {"pid": pid, "source": source, "title": p.title, "company": p.company,  # type: ignore[attr-defined]
            "locations": p.locations, "category": category, "text": text}  # type: ignore[attr-defined]


def build() -> list[dict[str, object]]:
    pool: list[dict[str, object]] = []
    for path in sorted((SHARED / "samples" / "jobs").iterdir()):
        for i, posting in enumerate(read_posting_file(path).postings):
            pool.append(_entry(f"{path.name[:3]}-{i:03d}", f"samples/jobs/{path.name}", posting))
    csv_path = SHARED / "data" / "dev" / "google_job_skills.csv"
    import csv

    with csv_path.open(encoding="utf-8") as f:
        categories = [row["Category"] for row in csv.DictReader(f)]
    google = read_posting_file(csv_path).postings
    assert len(google) == len(categories)
    rng = random.Random(SEED)
    others: dict[str, list[int]] = {}
    for i, category in enumerate(categories):
        if category not in TECH_AND_DESIGN:
            others.setdefault(category, []).append(i)
    picked = {i for i, c in enumerate(categories) if c in TECH_AND_DESIGN}
    for category in sorted(others):
        picked.update(rng.sample(others[category], min(OTHERS_PER_CATEGORY, len(others[category]))))
    for i in sorted(picked):
        google[i].tags = ()  # the category is a label, never shown as a feature
        pool.append(_entry(f"g-{i + 1:04d}", "data/dev/google_job_skills.csv", google[i], categories[i]))
    return pool


if __name__ == "__main__":
    entries = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for e in entries:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"wrote {len(entries)} postings to {OUT}")
