"""Speed: cold import+embed rate, rank and what-if latency on 1,000 and 10,000 cached postings, memory.

10,000 postings are synthesised from the 1,250 real dev postings by varying them (seniority prefix
on the title, requirement order, one requirement dropped); their vectors are the originals' (a
cache hit is a cache hit), so only ranking is timed. Run: `.venv/bin/python -m benchmarks.speed`.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from benchmarks.devset import DiskVectorCache, annotate, load_cvs, load_postings, load_taxonomy
from matcher.domain import Posting
from matcher.engine.embeddings import CachedEmbedder, MemoryVectorCache, SentenceEmbedder
from matcher.engine.features import PostingVectors, embed_cv, embed_postings, posting_lexical_text
from matcher.engine.gap import what_if
from matcher.engine.lexical import LexicalIndex
from matcher.engine.ranking import Ranker

TARGETS = {"import+embed 1,000 postings (s)": 60.0, "rank 10,000 cached, all explained (s)": 0.5,
           "what-if re-rank 10,000 (s)": 0.2}
COLD_POSTINGS = 1000
SEED = 7  # the synthetic set is the same every run


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def synthesise(postings: list[Posting], vectors: PostingVectors, n: int) -> tuple[list[Posting], PostingVectors]:
    """`n` postings varied from real ones, with the originals' vectors rearranged to match."""
    rng = random.Random(SEED)
    prefixes = ["", "Senior ", "Junior ", "Lead ", "Staff ", "Associate "]
    out: list[Posting] = []
    req_rows: list[int] = []
    doc_rows: list[int] = []
    for k in range(n):
        src = k % len(postings)
        p = postings[src]
        order = list(range(len(p.requirements)))
        rng.shuffle(order)
        if len(order) > 2 and k >= len(postings):
            order.pop()
        out.append(replace(p, id=k + 1, title=prefixes[k // len(postings) % len(prefixes)] + p.title,
                           requirements=[p.requirements[i] for i in order]))
        req_rows.extend(int(vectors.req_offsets[src]) + i for i in order)
        doc_rows.append(src)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum([len(p.requirements) for p in out], out=offsets[1:])
    lexical = LexicalIndex().fit([posting_lexical_text(p) for p in out])
    return out, PostingVectors(vectors.req_vectors[req_rows], offsets, vectors.doc_vectors[doc_rows], lexical)


def main() -> None:
    figures: dict[str, float] = {}
    taxonomy = load_taxonomy()
    model = SentenceEmbedder()
    model.embed(["warm-up"])  # model load is a one-off per process; reported apart
    t0 = time.perf_counter()
    from benchmarks.devset import DEV
    from matcher.ingest.postings import read_posting_file

    cold = read_posting_file(DEV / "google_job_skills.csv").postings[:COLD_POSTINGS]
    annotate(cold, [], taxonomy)
    figures["  of which import + skill extraction (s)"] = time.perf_counter() - t0
    embed_postings(cold, CachedEmbedder(model, MemoryVectorCache()))
    figures["import+embed 1,000 postings (s)"] = time.perf_counter() - t0
    figures["postings imported+embedded per second (cold)"] = COLD_POSTINGS / figures["import+embed 1,000 postings (s)"]

    disk = CachedEmbedder(model, DiskVectorCache())
    postings, _ = load_postings()
    dev_cv = next(d for d in load_cvs() if d.folder == "INFORMATION-TECHNOLOGY")
    annotate(postings, [dev_cv.cv], taxonomy)
    vectors = embed_postings(postings, disk)
    cv_vectors = embed_cv(dev_cv.cv, disk)
    for n in (1000, 10000):
        synth, synth_vectors = synthesise(postings, vectors, n)
        ranker = Ranker(taxonomy=taxonomy).fit(dev_cv.cv, cv_vectors)
        ranker.rank(synth, synth_vectors)  # first call computes per-posting facts once, like a warm app
        figures[f"rank {n:,} cached, all explained (s)"] = timed(
            lambda: Ranker(taxonomy=taxonomy).fit(dev_cv.cv, cv_vectors).rank(synth, synth_vectors))
        figures[f"rank {n:,} cached, top 20 (s)"] = timed(
            lambda: Ranker(taxonomy=taxonomy).fit(dev_cv.cv, cv_vectors).rank(synth, synth_vectors, top=20))
        figures[f"what-if re-rank {n:,} (s)"] = timed(lambda: what_if(ranker, ["Kubernetes"]))
    figures["peak memory (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["load average while measuring (1 min)"] = os.getloadavg()[0]  # 2 cores: above 2 means sharing
    print(f"{'figure':<46} {'measured':>10} {'target':>8}")
    for name, value in figures.items():
        target = TARGETS.get(name)
        flag = "" if target is None else ("  ok" if value < target else "  MISSED")
        print(f"{name:<46} {value:>10.3f} {'' if target is None else f'< {target:g}':>8}{flag}")


if __name__ == "__main__":
    main()
