"""Requirement extraction on flattened text: does a description whose line breaks a scraper lost
give the same requirements as the structured original? And how close is the extractor to the
items a person lists (the gold set, `benchmarks/requirements_gold.py`)?

    .venv/bin/python -m benchmarks.flattened [--examples N]

Sources (../shared): the job-board page samples/jobs/000_*, the HTML tables 001_* and 002_*, the
plain posting 003_*, and the Google CSV data/dev/google_job_skills.csv. Each posting is read by
the importer the CLI uses; its text is then flattened (all whitespace → one space) and imported
again, through the same `read_posting_file` / `read_posting_text` the CLI calls:
  cells      the Google CSV written back with every cell flattened (its columns kept);
  jobspy     a JobSpy-style CSV (title, company, location, description = the flattened text);
  pasted     the flattened text alone, as a user pastes it (no company, no title).
The flattened text is the posting's description (the plain posting: its whole file) with its
line breaks and "- " list markers gone.
A posting agrees when its list of (text up to whitespace, kind, skills) is the same; skills come
from the app's extractor (`matcher.services.annotate_posting`). Target: 90% of postings agree.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from benchmarks import requirements_gold
from benchmarks.requirements_gold import flatten
from matcher.domain import Posting
from matcher.ingest.postings import read_posting_file, read_posting_text
from matcher.services import annotate_posting
from matcher.text import collapse_spaces

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
JOBS = SHARED / "samples" / "jobs"
GOOGLE = SHARED / "data" / "dev" / "google_job_skills.csv"
NOW = datetime(2025, 1, 31)
TARGET_AGREEMENT = 0.90
Item = tuple[str, str, tuple[str, ...]]


def items(posting: Posting) -> list[Item]:
    return [(collapse_spaces(r.text), r.kind, tuple(r.skills)) for r in posting.requirements]


def structured_sources() -> dict[str, list[Posting]]:
    """Each source's postings as the CLI imports the original file."""
    found = {}
    for label, pattern in (("board 000", "000_*"), ("html 001", "001_*"), ("html 002", "002_*"), ("plain 003", "003_*")):
        found[label] = read_posting_file(next(JOBS.glob(pattern)), now=NOW).postings
    found["google csv"] = read_posting_file(GOOGLE, now=NOW).postings
    return found


def flattened_text(posting: Posting, label: str) -> str:
    """The posting's text as a scraper delivers it: no line breaks, no list markers."""
    return flatten(posting.raw if label == "plain 003" else posting.description)


def via_jobspy_csv(postings: Sequence[Posting], label: str) -> list[Posting]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["site", "title", "company", "location", "description"])
    for p in postings:
        writer.writerow(["", p.title if not p.title_derived else "", p.company or "", ", ".join(p.locations),
                         flattened_text(p, label)])
    return _import_file(out.getvalue(), "jobspy.csv")


def via_paste(postings: Sequence[Posting], label: str) -> list[Posting]:
    """Each flattened text pasted; one the importer refuses counts as a posting without requirements."""
    out = []
    for p in postings:
        read = read_posting_text(flattened_text(p, label), now=NOW).postings
        out.append(read[0] if read else Posting(title="(refused)", description="", raw="", source="pasted"))
    return out


def via_flattened_cells() -> list[Posting]:
    with GOOGLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    out = io.StringIO()
    csv.writer(out).writerows([[collapse_spaces(cell) for cell in row] for row in rows])
    return _import_file(out.getvalue(), "google_flat.csv")


def _import_file(text: str, name: str) -> list[Posting]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        return read_posting_file(path, now=NOW).postings


def compare(label: str, variant: str, originals: list[Posting], flat: list[Posting], annotate: Callable[[Posting], None],
            examples: int) -> tuple[int, int]:
    for posting in flat:
        annotate(posting)
    if len(flat) != len(originals):
        print(f"  {label:<11} {variant:<7} read {len(flat)} postings of {len(originals)}: not comparable")
        return 0, len(originals)
    agree = [items(a) == items(b) for a, b in zip(originals, flat)]
    per_a = sum(len(p.requirements) for p in originals) / max(1, len(originals))
    per_b = sum(len(p.requirements) for p in flat) / max(1, len(flat))
    print(f"  {label:<11} {variant:<7} {sum(agree):>5}/{len(agree):<5} {sum(agree) / len(agree):6.1%}   "
          f"requirements per posting: structured {per_a:4.1f}, flattened {per_b:4.1f}")
    shown = 0
    for ok, a, b in zip(agree, originals, flat):
        if not ok and shown < examples:
            shown += 1
            only_a = [t for t in items(a) if t not in items(b)][:3]
            only_b = [t for t in items(b) if t not in items(a)][:3]
            print(f"      differs: {a.title[:60]!r}\n        structured only: {_short(only_a)}\n        flattened only:  {_short(only_b)}")
    return sum(agree), len(agree)


def _short(found: list[Item]) -> str:
    return "; ".join(f"{t[:70]} ({k})" for t, k, _ in found) or "-"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=2, help="disagreements shown per source and variant")
    args = parser.parse_args(argv)
    from matcher.engine.skills import SkillExtractor
    from matcher.engine.taxonomy import default_taxonomy

    extractor = SkillExtractor(default_taxonomy())  # what services.skill_extractor builds with no user entries

    def annotate(posting: Posting) -> None:
        annotate_posting(posting, extractor)

    sources = structured_sources()
    for postings in sources.values():
        for posting in postings:
            annotate(posting)
    print("== Flattened text: the same requirements as the structured original? ==")
    totals = {"jobspy": [0, 0], "pasted": [0, 0], "cells": [0, 0]}
    for label, postings in sources.items():
        variants: list[tuple[str, Callable[[], list[Posting]]]] = [
            ("jobspy", lambda: via_jobspy_csv(postings, label)), ("pasted", lambda: via_paste(postings, label))]
        if label == "google csv":
            variants.insert(0, ("cells", via_flattened_cells))
        for variant, make in variants:
            agreed, total = compare(label, variant, postings, make(), annotate, args.examples)
            totals[variant][0] += agreed
            totals[variant][1] += total
    for variant, (agreed, total) in totals.items():
        print(f"  overall {variant:<7} {agreed}/{total} agree = {agreed / max(1, total):.1%}   (target >= {TARGET_AGREEMENT:.0%})")
    print("\n  sample of requirements (flattened, pasted):")
    for label, postings in sources.items():
        sample = via_paste(postings[:1], label)[0]
        print(f"    {label}: " + " | ".join(r.text[:60] for r in sample.requirements[:5]))
    print("\n== Gold set: extracted items vs the items a person lists ==")
    requirements_gold.report(SHARED, NOW, annotate)


if __name__ == "__main__":
    main()
