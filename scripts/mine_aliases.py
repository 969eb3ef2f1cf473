"""Mine names the taxonomy lacks, from data, for a person to review into resources/taxonomy/mined.toml.

    python scripts/mine_aliases.py [--shared ../shared] [--min-count 2]

Two sources, printed as "source  count  candidate  [parent]  example":
  esco    ESCO knowledge descriptions name examples of a concept: "ICT debugging tools ... such as
          GNU Debugger (GDB), Valgrind and WinDbg". Each example is a candidate tool of that concept.
  google  An item of a list in the Google postings' qualifications ("Java, Kotlin, Gradle or Bazel")
          where another item of the same list is a known skill, counted over all postings. The
          held-out lines of benchmarks/data/heldout_gold.json are left out, so that set stays held out.
Candidates already known to the shipped taxonomy are not printed. The output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcher.engine.taxonomy import Taxonomy  # noqa: E402

HELD_OUT = ROOT / "benchmarks" / "data" / "heldout_gold.json"
QUALIFICATION_COLUMNS = ("Minimum Qualifications", "Preferred Qualifications", "Responsibilities")
# "such as A, B and C", "e.g. A, B, C", "including A and B": the examples that follow name members.
_EXAMPLES = re.compile(r"(?:such as|e\.g\.,?|for example|including|like)\s+([^.;:]+)", re.IGNORECASE)
_LIST_SPLIT = re.compile(r",|;|\s+(?:and|or|and/or)\s+|/|\(|\)")
# A name, not a phrase of prose: a capital or digit inside, at most three words ("GNU Debugger").
_NAME = re.compile(r"(?=.*[A-Z0-9])[A-Za-z0-9][\w.+#-]*(?: [A-Za-z0-9][\w.+#-]*){0,2}")
# Words around a name in a list that are not part of it: "e.g. R", "such as Python", "Finnish fluently".
_LEADING = re.compile(r"^(?:(?:experience|familiarity|proficiency|knowledge|fluency) (?:with|in|of)|e\.?g\.?|i\.?e\.?"
                      r"|such as|including|etc\.?|and|or|the|a|an|more of|one or more of)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:etc|fluently|speaking|experience)\.?$", re.IGNORECASE)
MAX_EXAMPLE_CHARS = 90


def list_items(text: str) -> list[str]:
    items = []
    for raw in _LIST_SPLIT.split(text):
        item = _TRAILING.sub("", _LEADING.sub("", raw.strip(" .\t\n\"'"))).strip(" .")
        if item and _NAME.fullmatch(item) and not item.isdigit():
            items.append(item)
    return items


def esco_examples(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(candidate, parent concept, example sentence) from ESCO knowledge descriptions."""
    for item in json.loads((shared / "data/taxonomy/esco-ict/skills.json").read_text(encoding="utf-8")):
        if item["skillType"] != "knowledge":
            continue
        description = item.get("description") or ""
        for match in _EXAMPLES.finditer(description):
            for name in list_items(match.group(1)):
                yield name, item["label"], match.group(0)[:MAX_EXAMPLE_CHARS]


def google_lines(shared: Path) -> Iterator[str]:
    held_out = {line["text"] for line in json.loads(HELD_OUT.read_text(encoding="utf-8"))["lines"]}
    with (shared / "data/dev/google_job_skills.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for column in QUALIFICATION_COLUMNS:
                for line in (row.get(column) or "").splitlines():
                    if line.strip() and line.strip() not in held_out:
                        yield line.strip()


def google_candidates(shared: Path, taxonomy: Taxonomy) -> tuple[Counter[str], dict[str, str]]:
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for line in google_lines(shared):
        items = list_items(line)
        if len(items) < 2 or not any(item in taxonomy for item in items):
            continue
        for item in dict.fromkeys(items):
            if item not in taxonomy:
                counts[item] += 1
                examples.setdefault(item, line[:MAX_EXAMPLE_CHARS])
    return counts, examples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--min-count", type=int, default=2, help="least postings a Google candidate is in")
    args = parser.parse_args(argv)
    taxonomy = Taxonomy.load()

    parents: dict[str, set[str]] = defaultdict(set)
    esco_example: dict[str, str] = {}
    for name, parent, example in esco_examples(args.shared):
        if name not in taxonomy:
            parents[name].add(parent)
            esco_example.setdefault(name, example)
    for name in sorted(parents, key=str.lower):
        print(f"esco\t1\t{name}\t[{'; '.join(sorted(parents[name]))}]\t{esco_example[name]}")

    counts, examples = google_candidates(args.shared, taxonomy)
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower())):
        if count >= args.min_count:
            print(f"google\t{count}\t{name}\t[]\t{examples[name]}")


if __name__ == "__main__":
    main()
