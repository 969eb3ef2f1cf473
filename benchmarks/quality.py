"""Every quality figure of issue 12, one command, side by side in one run:
`.venv/bin/python -m benchmarks.quality`.

1. Relevance judged by reading (6 CVs x 499 real postings): matcher beside TF-IDF and embedding
   cosine, and the ablations R only and S only, per half (TUNE chose the constants; REPORT counts).
2. The dev set (30 CVs x 1,250 Google postings), the same way.
3. rjdb triples: matched above weakened, removed-skill lines that get worse, other lines that move.
4. Requirement verdicts against the gold set judged by reading: precision and recall of met and missing.
5. Flattened text: the same requirements from real postings with their line breaks gone.
The first run embeds everything (tens of minutes on 2 cores) into benchmarks/.cache/; later runs reuse it.
"""

from __future__ import annotations

from benchmarks import devset, flattened, relevance, rjdb, verdicts


def main() -> None:
    for title, run in (("Relevance judged by reading", relevance.main), ("Dev set", devset.main),
                       ("rjdb", rjdb.main), ("Verdicts", verdicts.main), ("Flattened text", flattened.main)):
        print(f"\n== {title} ==", flush=True)
        run()


if __name__ == "__main__":
    main()
