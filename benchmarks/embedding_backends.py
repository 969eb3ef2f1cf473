"""Embedding speed and agreement of every backend in benchmarks/embedding_candidates.py, on the
texts the app embeds: requirement lines, posting openings and titles as the importers make them
(the Google CSV's first postings and the sample job board of ../shared), and CV sentences as the
CV reader and `cv_units` make them (../shared/samples/cvs).

Speed: each round runs every candidate once over all texts, in turn, so a busy spell on the
shared machine hits them alike; reported are the median texts/s (wall clock), the median CPU
seconds per 1,000 texts (all threads; less sensitive to other processes), and the speed-up as the
median of the per-round ratios to PyTorch. Load: a fresh interpreter imports matcher, loads the
candidate and embeds one text, three times (median); exports are made before and not counted.
Agreement with PyTorch's vectors: cosine per text (min, mean), and for each CV sentence the
overlap of its 10 nearest requirement lines (mean share) and whether the nearest one is the same.

Run: `.venv/bin/python -m benchmarks.embedding_backends [--rounds N] [--only NAME ...]`.
Matcher's own figures for a candidate: `MATCHER_BENCH_EMBEDDER="openvino bf16" .venv/bin/python
-m benchmarks.verdicts` (and `benchmarks.relevance`); see benchmarks/harness.py.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from benchmarks.embedding_candidates import CANDIDATES, REFERENCE, available
from benchmarks.harness import SHARED

GOOGLE_POSTINGS = 150  # the CSV's first postings; with the board's postings and the CVs' sentences, 2,066 texts
NEIGHBOURS = 10
LOAD_RUNS = 3


def app_texts() -> tuple[list[str], list[str]]:
    """(every text, the CV sentences among them), each text once, in a fixed order."""
    from matcher.engine.evidence import cv_units
    from matcher.engine.features import posting_text
    from matcher.ingest.cv import read_cv
    from matcher.ingest.postings import read_posting_file

    postings = read_posting_file(SHARED / "data" / "dev" / "google_job_skills.csv").postings[:GOOGLE_POSTINGS]
    for board in sorted((SHARED / "samples" / "jobs").iterdir()):
        postings += read_posting_file(board).postings
    posting_texts = [r.text for p in postings for r in p.requirements]
    posting_texts += [posting_text(p) for p in postings] + [p.title for p in postings]
    cv_sentences = [u.text for pdf in sorted((SHARED / "samples" / "cvs").glob("*.pdf")) for u in cv_units(read_cv(pdf))]
    return list(dict.fromkeys(posting_texts + cv_sentences)), list(dict.fromkeys(cv_sentences))


def requirement_lines() -> set[str]:
    from matcher.ingest.postings import read_posting_file

    postings = read_posting_file(SHARED / "data" / "dev" / "google_job_skills.csv").postings[:GOOGLE_POSTINGS]
    return {r.text for p in postings for r in p.requirements}


@dataclass
class Result:
    name: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    vectors: np.ndarray | None = None
    load: float = float("nan")


def load_seconds(name: str) -> float:
    """Median over fresh interpreters of: import, load the model, embed one text."""
    runs = []
    for _ in range(LOAD_RUNS):
        out = subprocess.run([sys.executable, "-m", "benchmarks.embedding_backends", "--load", name],
                             capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
        runs.append(float(out.stdout.split()[-1]))
    return statistics.median(runs)


def _load_once(name: str) -> None:
    start = time.perf_counter()
    CANDIDATES[name]().embed(["Experience with Python web frameworks"])
    print(f"{time.perf_counter() - start:.3f}")


def agreement(vectors: np.ndarray, reference: np.ndarray, queries: np.ndarray, corpus: np.ndarray) -> tuple[float, ...]:
    cos = np.sum(vectors * reference, axis=1)
    top = np.argsort(-(vectors[queries] @ vectors[corpus].T), axis=1)[:, :NEIGHBOURS]
    ref_top = np.argsort(-(reference[queries] @ reference[corpus].T), axis=1)[:, :NEIGHBOURS]
    overlap = np.mean([len(set(a) & set(b)) / NEIGHBOURS for a, b in zip(top, ref_top)])
    first = np.mean(top[:, 0] == ref_top[:, 0])
    return float(cos.min()), float(cos.mean()), float(overlap), float(first)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None, help="candidate names (the reference always runs)")
    parser.add_argument("--load", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        return _load_once(args.load)
    names = [n for n in CANDIDATES if (args.only is None or n in args.only or n == REFERENCE) and available(n)]
    skipped = [n for n in CANDIDATES if n not in names and args.only is None]
    texts, cv_sentences = app_texts()
    lines = requirement_lines()
    queries = np.array([i for i, t in enumerate(texts) if t in set(cv_sentences)])
    corpus = np.array([i for i, t in enumerate(texts) if t in lines])
    print(f"{len(texts)} texts ({len(corpus)} requirement lines, {len(queries)} CV sentences), "
          f"{args.rounds} rounds; the machine is shared, so every figure is a median")
    embedders = {n: CANDIDATES[n]() for n in names}
    results = {n: Result(n) for n in names}
    for name, embedder in embedders.items():  # exports and first loads happen here, untimed
        embedder.embed(texts[:2])
    for _ in range(args.rounds):
        for name, embedder in embedders.items():
            wall, cpu = time.perf_counter(), time.process_time()
            vectors = embedder.embed(texts)
            results[name].walls.append(time.perf_counter() - wall)
            results[name].cpus.append(time.process_time() - cpu)
            results[name].vectors = vectors if results[name].vectors is None else results[name].vectors
    for name in names:
        results[name].load = load_seconds(name)
    report(results, len(texts), queries, corpus)
    for name in skipped:
        print(f"skipped {name}: pip install -e '.[bench]'")


def report(results: dict[str, Result], n: int, queries: np.ndarray, corpus: np.ndarray) -> None:
    ref = results[REFERENCE]
    assert ref.vectors is not None
    print(f"{'backend':<26}{'load s':>8}{'texts/s':>9}{'CPU s/1k':>10}{'speed-up':>9}"
          f"{'min cos':>10}{'mean cos':>11}{'top-10':>8}{'top-1':>7}")
    for r in results.values():
        assert r.vectors is not None
        speedup = statistics.median(a / b for a, b in zip(ref.walls, r.walls))
        low, mean, overlap, first = agreement(r.vectors, ref.vectors, queries, corpus)
        print(f"{r.name:<26}{r.load:>8.2f}{n / statistics.median(r.walls):>9.1f}"
              f"{1000 * statistics.median(r.cpus) / n:>10.2f}{speedup:>8.2f}x"
              f"{low:>10.6f}{mean:>11.7f}{overlap:>8.3f}{first:>7.3f}")


if __name__ == "__main__":
    main()
