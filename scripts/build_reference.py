"""Build resources/reference/reference.json: fixed corpus statistics the score uses.

A posting's score must not change when unrelated postings are imported (issue 12), so word and skill
rarities come from this fixed reference instead of the user's own postings. The reference is every
posting of ../shared's job-board samples (93) and the Google careers CSV (1,250): for each word, in
how many postings it appears (words seen once are left out: rare is what they are either way), and
for each canonical skill of the shipped taxonomy, in how many postings it is named. Only counts are
shipped, never text.

Run: `.venv/bin/python scripts/build_reference.py` (deterministic; a test rebuilds it and compares).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcher.engine.lexical import tokens  # noqa: E402
from matcher.engine.skills import SkillExtractor  # noqa: E402
from matcher.engine.taxonomy import default_taxonomy  # noqa: E402
from matcher.ingest.postings import read_posting_file  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "resources" / "reference" / "reference.json"
MIN_DF = 2  # a word in one posting only is as rare as an unseen one


def corpus() -> list[str]:
    files = sorted((SHARED / "samples" / "jobs").iterdir()) + [SHARED / "data" / "dev" / "google_job_skills.csv"]
    texts: list[str] = []
    for path in files:
        texts.extend(f"{p.title}\n{p.description}" for p in read_posting_file(path).postings)
    return texts


def build(texts: list[str]) -> dict[str, object]:
    extractor = SkillExtractor(default_taxonomy())
    words: Counter[str] = Counter()
    skills: Counter[str] = Counter()
    for text in texts:
        words.update(set(tokens(text)))
        skills.update(set(extractor.skills(text)))
    return {
        "about": "Document frequencies of words and skills over the reference postings; see scripts/build_reference.py",
        "documents": len(texts),
        "words": {w: n for w, n in sorted(words.items()) if n >= MIN_DF},
        "skills": dict(sorted(skills.items())),
    }


def main() -> None:
    data = build(corpus())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {data['documents']} postings, {len(data['words'])} words, {len(data['skills'])} skills")


if __name__ == "__main__":
    main()
