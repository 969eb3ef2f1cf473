"""Precision / recall of skill extraction, side by side with an O*NET-names baseline and with the
figures recorded before the last taxonomy change.

    python benchmarks/skill_extraction.py [--shared ../shared] [--errors] [--record]

Sets ("rules" = the curated table or the extractor's rules were written reading it, an optimistic
figure; "held-out" = annotated before the extractor ran on it and never used to write a rule):
  key-requirements    rules     every comma-separated item of the "Key requirements:" lines of
                                ../shared/samples/jobs/000_*.txt, data/key_requirements_gold.json
  composed            rules     posting and CV lines written for this benchmark, data/composed_gold.json
  versions            rules     requirement lines with versions, editions, qualified names and
                                parenthesised alternatives (C++17, .NET 8, Linux kernel, "Rust (Go, C++)"),
                                written for issue 13 before its changes, data/versions_gold.json
  held-out            held-out  qualification lines sampled from the dev postings CSV, data/heldout_gold.json
                                (scripts/mine_aliases.py leaves these lines out of what it mines)
  cv-held-out         held-out  lines of the dev CVs (livecareer PDFs), data/cv_heldout_gold.json
  nontech-held-out    held-out  non-tech requirement and CV lines, data/nontech_heldout_gold.json
  nontech-held-out-2  held-out  a second such set, data/nontech_heldout2_gold.json
  real-world postings held-out  254 requirement lines of real postings (EMSCAD, Remotive / We Work
                                Remotely) and 146 lines of real CVs (Kaggle resume dataset, JSON Resume
  real-world CVs      held-out  files), data/realworld_heldout_gold.json (provenance in its _about)
Baseline: case-insensitive whole-word match of the O*NET tool names only (no curated
aliases, no context rules), mapped to canonical names through the taxonomy so that
both systems are scored against the same gold.
Scores are micro-averaged over (item, skill) pairs. "F1 finer" also accepts a found skill
that implies (strength >= 0.8) a gold skill it missed: "Month-end close" for "Accounting".
"before" is data/skill_extraction_before.json, written by `--record` at the commit it names.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcher.engine.skills import SkillExtractor  # noqa: E402
from matcher.engine.taxonomy import Taxonomy  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
BEFORE = DATA / "skill_extraction_before.json"
Extract = Callable[[str], list[str]]
Gold = list[tuple[str, set[str]]]


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


def annotated_lines(filename: str, kind: str | None = None) -> Gold:
    """The (text, gold skills) lines of a gold file; `kind` keeps only "posting" or "cv" lines."""
    lines = json.loads((DATA / filename).read_text(encoding="utf-8"))["lines"]
    return [(line["text"], set(line["skills"])) for line in lines if kind is None or line.get("kind") == kind]


# (name, how it relates to the rules, loader): see the module docstring.
def benchmark_sets(shared: Path) -> list[tuple[str, str, Gold]]:
    return [
        ("key-requirements", "rules", gold_for_items(key_requirement_items(shared))),
        ("composed", "rules", annotated_lines("composed_gold.json")),
        ("versions", "rules", annotated_lines("versions_gold.json")),
        ("held-out", "held-out", annotated_lines("heldout_gold.json")),
        ("cv-held-out", "held-out", annotated_lines("cv_heldout_gold.json")),
        ("nontech-held-out", "held-out", annotated_lines("nontech_heldout_gold.json")),
        ("nontech-held-out-2", "held-out", annotated_lines("nontech_heldout2_gold.json")),
        ("real-world postings", "held-out", annotated_lines("realworld_heldout_gold.json", "posting")),
        ("real-world CVs", "held-out", annotated_lines("realworld_heldout_gold.json", "cv")),
    ]


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


def commit_id() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list every item scored wrong")
    parser.add_argument("--record", action="store_true",
                        help=f"write these figures to {BEFORE.name} as the new 'before'")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    taxonomy = Taxonomy.load()
    loaded = time.perf_counter()
    extractor = SkillExtractor(taxonomy)
    built = time.perf_counter()
    print(f"taxonomy: {len(taxonomy)} skills, load {loaded - start:.2f} s, extractor {built - loaded:.2f} s")
    baseline = onet_baseline(args.shared, taxonomy)
    before = json.loads(BEFORE.read_text(encoding="utf-8")) if BEFORE.exists() and not args.record else None
    if before:
        print(f"before: figures recorded at commit {before['commit']} by this script")

    figures: dict[str, dict[str, float]] = {}
    print(f"\n{'set':<21}{'use':<10}{'items':>6}  {'system':<10}{'P':>7}{'R':>7}{'F1':>7}{'F1 finer':>10}")
    for name, use, raw in benchmark_sets(args.shared):
        data = canonical_gold(raw, taxonomy)
        errors: list[str] = []
        p, r, f1 = score(data, extractor.skills, errors)
        finer = score(data, extractor.skills, finer=taxonomy)[2]
        figures[name] = {"p": p, "r": r, "f1": f1, "finer": finer}
        rows = [("extractor", p, r, f1, finer)]
        old = (before or {}).get("sets", {}).get(name)
        if old:
            rows.append(("before", old["p"], old["r"], old["f1"], old["finer"]))
        bp, br, bf1 = score(data, baseline)
        rows.append(("baseline", bp, br, bf1, score(data, baseline, finer=taxonomy)[2]))
        for i, (label, *vals) in enumerate(rows):
            head = f"{name:<21}{use:<10}{len(data):>6}" if i == 0 else " " * 37
            print(f"{head}  {label:<10}" + "".join(f"{v:>7.3f}" for v in vals[:3]) + f"{vals[3]:>10.3f}")
        if args.errors:
            print("\n".join(errors), "\n")

    sets = {name: raw for name, _, raw in benchmark_sets(args.shared)}
    lines = [t for t, _ in sets["key-requirements"]] + [t for t, _ in sets["composed"]]
    items_per_s = speed(extractor, lines)
    cv_text = "\n".join(t for t, _ in sets["composed"] + sets["held-out"]) * 20  # ~70 kB, a long CV and then some
    t0 = time.perf_counter()
    extractor.find(cv_text)
    mb_per_s = len(cv_text) / (time.perf_counter() - t0) / 1e6
    # the recorded speed comes from another run: on a shared machine compare runs made side by side
    was = f"  (before, another run: {before['items_per_s']:,.0f})" if before else ""
    print(f"\nspeed: {items_per_s:,.0f} requirement items / s{was}")
    was = f"  (before, another run: {before['mb_per_s']:.2f})" if before else ""
    print(f"speed: {mb_per_s:.2f} MB of text / s{was}")
    if args.record:
        record = {"commit": commit_id(), "sets": figures, "items_per_s": round(items_per_s),
                  "mb_per_s": round(mb_per_s, 2)}
        BEFORE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"recorded in {BEFORE}")


if __name__ == "__main__":
    main()
