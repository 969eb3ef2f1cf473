"""Precision / recall of skill extraction, side by side with an O*NET-names baseline.

    python benchmarks/skill_extraction.py [--shared ../shared] [--errors]

Sets:
  key-requirements  every comma-separated item of the "Key requirements:" lines of
                    ../shared/samples/jobs/000_*.txt, gold in data/key_requirements_gold.json
  composed          posting and CV lines written for this benchmark, data/composed_gold.json
  held-out          qualification lines sampled from the dev postings CSV, annotated before
                    the extractor ever saw them, data/heldout_gold.json. The curated table was
                    written while reading the first two sets, so this one is the honest figure.
  cv-held-out       lines of the dev CVs (livecareer PDFs), annotated the same way,
                    data/cv_heldout_gold.json.
  nontech-held-out  requirement and CV lines of accounting, HR, sales, marketing, design,
                    engineering, legal, office and healthcare-admin jobs, composed and
                    annotated before the second curated pass, data/nontech_heldout_gold.json.
  nontech-held-out-2  a second such set, written after the first set's first run and before
                    any curated entry of that pass, data/nontech_heldout2_gold.json.
Baseline: case-insensitive whole-word match of the O*NET tool names only (no curated
aliases, no context rules), mapped to canonical names through the taxonomy so that
both systems are scored against the same gold.
Scores are micro-averaged over (item, skill) pairs. "F1 finer" also accepts a found skill
that implies (strength >= 0.8) a gold skill it missed: "Month-end close" for "Accounting".
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcher.engine.skills import SkillExtractor  # noqa: E402
from matcher.engine.taxonomy import Taxonomy  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
Extract = Callable[[str], list[str]]


def key_requirement_items(shared: Path) -> list[str]:
    """Items of every "Key requirements:" line, split on commas outside brackets."""
    items: list[str] = []
    for path in sorted((shared / "samples" / "jobs").glob("000_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("Key requirements:"):
                items.extend(split_items(line.removeprefix("Key requirements:")))
    return items


def split_items(body: str) -> list[str]:
    items, depth, current = [], 0, ""
    for ch in body:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += ch
    return [i for i in (*items, current.strip()) if i]


def gold_for_items(items: Iterable[str]) -> list[tuple[str, set[str]]]:
    gold = json.loads((DATA / "key_requirements_gold.json").read_text(encoding="utf-8"))["items"]
    out: list[tuple[str, set[str]]] = []
    for item in items:
        if re.fullmatch(r"[\d.]+ years of experience", item):
            out.append((item, set()))
        else:
            out.append((item, set(gold[item])))  # KeyError = an item nobody annotated
    return out


def annotated_lines(filename: str) -> list[tuple[str, set[str]]]:
    lines = json.loads((DATA / filename).read_text(encoding="utf-8"))["lines"]
    return [(line["text"], set(line["skills"])) for line in lines]


def canonical_gold(data: list[tuple[str, set[str]]], taxonomy: Taxonomy) -> list[tuple[str, set[str]]]:
    """Gold written as an alias ("Postgres") counts as its canonical name."""
    return [(text, {taxonomy.canonical(s) or s for s in gold}) for text, gold in data]


def onet_baseline(shared: Path, taxonomy: Taxonomy) -> Extract:
    with (shared / "data/taxonomy/onet/technology_skills.tsv").open(encoding="utf-8") as f:
        names = sorted({row["Example"] for row in csv.DictReader(f, delimiter="\t")}, key=len, reverse=True)
    regex = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE)
    lookup = {n.lower(): n for n in names}

    def extract(text: str) -> list[str]:
        found = (lookup[m.group().lower()] for m in regex.finditer(text))
        return list(dict.fromkeys(taxonomy.canonical(n) or n for n in found))
    return extract


# "F1 finer": a found skill that implies a missed gold skill this strongly counts as naming it
# ("Month-end close" where the gold says "Accounting"): the matcher follows implications anyway.
FINER_MIN = 0.8


def finer_names(got: set[str], gold: set[str], taxonomy: Taxonomy) -> set[str]:
    """`got`, with each extra skill replaced by the missed gold skill it implies (if any)."""
    out = set(got & gold)
    missed = gold - got
    for skill in got - gold:
        hit = next((g for g in sorted(missed) if taxonomy.implied(skill).get(g, 0.0) >= FINER_MIN), None)
        out.add(hit or skill)
        missed.discard(hit or "")
    return out


def score(data: list[tuple[str, set[str]]], extract: Extract, errors: list[str] | None = None,
          finer: Taxonomy | None = None) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for text, gold in data:
        got = set(extract(text))
        if finer is not None:
            got = finer_names(got, gold, finer)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        if errors is not None and got != gold:
            errors.append(f"{text!r}\n    missed {sorted(gold - got)}  extra {sorted(got - gold)}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speed(extractor: SkillExtractor, lines: list[str], repeat: int = 5) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for line in lines:
            extractor.skills(line)
    return repeat * len(lines) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list every item scored wrong")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    taxonomy = Taxonomy.load()
    loaded = time.perf_counter()
    extractor = SkillExtractor(taxonomy)
    built = time.perf_counter()
    print(f"taxonomy: {len(taxonomy)} skills, load {loaded - start:.2f} s, extractor {built - loaded:.2f} s")
    baseline = onet_baseline(args.shared, taxonomy)

    sets = {name: canonical_gold(data, taxonomy) for name, data in (
        ("key-requirements", gold_for_items(key_requirement_items(args.shared))),
        ("composed", annotated_lines("composed_gold.json")),
        ("held-out", annotated_lines("heldout_gold.json")),
        ("cv-held-out", annotated_lines("cv_heldout_gold.json")),
        ("nontech-held-out", annotated_lines("nontech_heldout_gold.json")),
        ("nontech-held-out-2", annotated_lines("nontech_heldout2_gold.json")))}
    print(f"\n{'set':<20}{'items':>6}  {'system':<10}{'P':>7}{'R':>7}{'F1':>7}{'F1 finer':>10}")
    for name, data in sets.items():
        errors: list[str] = []
        for label, fn in (("extractor", extractor.skills), ("baseline", baseline)):
            p, r, f1 = score(data, fn, errors if label == "extractor" else None)
            f1_finer = score(data, fn, finer=taxonomy)[2]
            print(f"{name:<20}{len(data):>6}  {label:<10}{p:>7.3f}{r:>7.3f}{f1:>7.3f}{f1_finer:>10.3f}")
        if args.errors:
            print("\n".join(errors), "\n")

    lines = [t for t, _ in sets["key-requirements"]] + [t for t, _ in sets["composed"]]
    print(f"\nspeed: {speed(extractor, lines):,.0f} requirement items / s")
    cv_text = "\n".join(t for t, _ in sets["composed"] + sets["held-out"]) * 20  # ~70 kB, a long CV and then some
    t0 = time.perf_counter()
    extractor.find(cv_text)
    print(f"speed: {len(cv_text) / (time.perf_counter() - t0) / 1e6:.2f} MB of text / s")


if __name__ == "__main__":
    main()
