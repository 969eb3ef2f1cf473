"""Item precision and recall of requirement extraction against benchmarks/data/requirements_gold.json
(36 real postings, their items listed by a person before the segmenter was tuned; see the file).

Each gold posting is imported the way the CLI imports it (shared files through `read_posting_file`,
copied texts through `read_posting_text`), once as given and once flattened (line breaks and list
markers gone). An extracted item matches a gold item when their words agree (token F1 at least
MATCH_F1 after lower-casing and dropping punctuation), one to one, in order of similarity.
Run through `python -m benchmarks.flattened`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from matcher.domain import Posting
from matcher.ingest.postings import read_posting_file, read_posting_text
from matcher.text import collapse_spaces

GOLD = Path(__file__).resolve().parent / "data" / "requirements_gold.json"
MATCH_F1 = 0.8  # "Strong SQL knowledge required" vs "Strong SQL knowledge": same item; a shared word or two: not


def flatten(text: str) -> str:
    """What a scraper delivers: no line breaks, no list markers."""
    return collapse_spaces(re.sub(r"^\s*-\s+", "", text, flags=re.M))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    common = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    return 0.0 if common == 0 else 2 * common / (len(wa) + len(wb))


def match(found: list[tuple[str, str]], gold: list[tuple[str, str]]) -> tuple[int, int]:
    """(matched items, matched items whose kind agrees), greedy one-to-one by similarity."""
    pairs = sorted(((token_f1(f[1], g[1]), i, j) for i, f in enumerate(found) for j, g in enumerate(gold)), reverse=True)
    used_f: set[int] = set()
    used_g: set[int] = set()
    matched = kinds = 0
    for score, i, j in pairs:
        if score < MATCH_F1:
            break
        if i in used_f or j in used_g:
            continue
        used_f.add(i)
        used_g.add(j)
        matched += 1
        kinds += found[i][0] == gold[j][0]
    return matched, kinds


def gold_postings(shared: Path, now: datetime) -> list[tuple[dict[str, object], Posting, str]]:
    """(gold entry, the posting as imported, its text to flatten)."""
    loaded: dict[str, list[Posting]] = {}
    out = []
    for entry in json.loads(GOLD.read_text(encoding="utf-8"))["postings"]:
        if "text" in entry:
            text = str(entry["text"])
            out.append((entry, read_posting_text(text, now=now).postings[0], text))
            continue
        path = shared / str(entry["shared"])
        if str(path) not in loaded:
            loaded[str(path)] = read_posting_file(path, now=now).postings
        index = int(entry.get("row", entry.get("posting", 0)))  # type: ignore[call-overload]
        posting = loaded[str(path)][index]
        out.append((entry, posting, posting.raw if "posting" not in entry and "row" not in entry else posting.description))
    return out


def report(shared: Path, now: datetime, annotate: Callable[[Posting], None]) -> None:
    rows = gold_postings(shared, now)
    for variant in ("as given", "flattened"):
        totals = {"all": [0, 0, 0, 0], "en": [0, 0, 0, 0], "other languages": [0, 0, 0, 0]}
        for entry, posting, text in rows:
            if variant == "flattened":
                posting = read_posting_text(flatten(text), now=now).postings[0]
            found = [(r.kind, r.text) for r in posting.requirements]
            gold = [(str(k), str(t)) for k, t in entry["items"]]  # type: ignore[union-attr]
            matched, kinds = match(found, gold)
            for key in ("all", "en" if entry["language"] == "en" else "other languages"):
                for n, value in enumerate((len(found), len(gold), matched, kinds)):
                    totals[key][n] += value
        for key, (n_found, n_gold, matched, kinds) in totals.items():
            precision, recall = matched / max(1, n_found), matched / max(1, n_gold)
            print(f"  {variant:<9} {key:<16} precision {precision:.2f}  recall {recall:.2f}  "
                  f"(found {n_found}, gold {n_gold}, matched {matched}; kind right {kinds / max(1, matched):.0%})")
