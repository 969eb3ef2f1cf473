"""Choose the words that open a requirement item, for cutting run-together lists ("…subsystems
Strong experience with Rails…") back into items: `matcher.ingest.runin.ITEM_OPENERS`.

Data: the qualification cells of ../shared/data/dev/google_job_skills.csv, one item per line.
A word is an opener when it starts at least MIN_STARTS lines and, written capitalised after a
lower-case word inside a line, makes up at most MAX_INSIDE_SHARE of its capitalised uses (so
"Python" or "Google", capitalised everywhere, are not openers; "Strong" and "Ability" are).

    .venv/bin/python scripts/item_openers.py
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev" / "google_job_skills.csv"
COLUMNS = ("Minimum Qualifications", "Preferred Qualifications")
MIN_STARTS = 5
MAX_INSIDE_SHARE = 0.1
WORD = re.compile(r"[A-Z][\w'’/.+-]*")
# After these a capitalised word continues the sentence ("degree in Computer Science", "or Master's"):
# the cut never happens there, so such uses do not count against a word.
FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to for with from by as such like than including e.g. i.e. e.g., i.e., via "
    "least minimum min. about into over under within across between per using".split())


def main() -> None:
    starts: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for column in COLUMNS:
                for line in row[column].splitlines():
                    words = line.split()
                    if not words:
                        continue
                    if WORD.fullmatch(words[0]):
                        starts[words[0]] += 1
                    for before, word in zip(words, words[1:]):
                        continues = before[:1].islower() and before[-1:].isalnum() and before.lower() not in FUNCTION_WORDS
                        if WORD.fullmatch(word) and continues:
                            inside[word] += 1
    chosen = sorted(w for w, n in starts.items()
                    if len(w) > 1 and n >= MIN_STARTS and inside[w] <= MAX_INSIDE_SHARE * (n + inside[w]))
    print(f"{len(chosen)} openers from {sum(starts.values())} line starts:")
    print(" ".join(chosen))


if __name__ == "__main__":
    main()
