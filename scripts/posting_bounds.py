"""Measure the real postings in ../shared, to choose the posting bounds in `matcher.limits`.

Reads the four sample boards, the 1,250-row Google careers CSV and the 500 job descriptions of
the rjdb set with the app's own reader, and prints the longest description and title, the most
requirements, the largest file in rows, and each limit with how many times the largest it is.

    .venv/bin/python scripts/posting_bounds.py

Printed when the limits were set (1,843 postings): description 4,570 characters (limit 100,000:
22x), requirements 21 (200: 10x), title 94 (300: 3x), rows 1,250 (20,000: 16x).
"""

from __future__ import annotations

import json
from pathlib import Path

from matcher import limits
from matcher.ingest.postings import read_posting_file, read_posting_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    files = [*sorted((SHARED / "samples" / "jobs").iterdir()), SHARED / "data" / "dev" / "google_job_skills.csv"]
    postings = []
    rows = 0
    for path in files:
        found = read_posting_file(path).postings
        rows = max(rows, len(found))
        postings += found
    with (SHARED / "data" / "dev" / "rjdb" / "triples.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            postings += read_posting_text(json.loads(line)["Job-Description"]).postings
    measured = {
        "description characters": (max(len(p.description) for p in postings), limits.MAX_DESCRIPTION_CHARS),
        "requirements": (max(len(p.requirements) for p in postings), limits.MAX_REQUIREMENTS),
        "title characters": (max(len(p.title) for p in postings), limits.MAX_TITLE_CHARS),
        "postings in one file": (rows, limits.MAX_RECORDS_PER_FILE),
    }
    print(f"{len(postings):,} postings")
    for name, (largest, limit) in measured.items():
        print(f"{name:>24}: largest {largest:>7,}   limit {limit:>8,} ({limit / largest:.0f}x)")


if __name__ == "__main__":
    main()
