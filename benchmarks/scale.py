"""Scale: import rate for 1,000 and 10,000 postings, database size, rank latency and peak memory,
printed beside the targets of issues 7 and 9.

    .venv/bin/python -m benchmarks.scale [--sizes 1000 10000] [--rank 1000] [--no-rank]

Postings are synthesised from the shipped job-board sample (86 real postings a page) with every
title varied per copy, so none is a duplicate. Figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from matcher.paths import SAMPLES

SAMPLE = SAMPLES / "jobs" / "000_7d3acf110e98f847.txt"
TARGETS = {  # issue 7 (speed) and issue 9 (scale), as written there
    "import+embed 1,000 (cold)": "< 60 s",
    "rank 10,000 cached": "< 0.5 s",
    "import 10,000": "with progress and cancel",
}


def write_postings(folder: Path, count: int) -> list[Path]:
    """Copies of the sample page with varied titles, enough to hold `count` postings (86 a page)."""
    from matcher.ingest.postings import read_posting_file

    titles = {p.title for p in read_posting_file(SAMPLE).postings}
    per_file = len(titles)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for batch in range(-(-count // per_file)):
        varied = [f"{line} (copy {batch})" if line.strip() in titles else line for line in lines]
        paths.append(folder / f"page_{batch:04d}.txt")
        paths[-1].write_text("\n".join(varied) + "\n", encoding="utf-8")
    return paths


def import_plain(db: Path, paths: list[Path]) -> tuple[int, float]:
    """Read and store only: no skill extraction."""
    from matcher.ingest.postings import read_posting_file
    from matcher.store import Store

    store = Store(db)
    start = time.perf_counter()
    added = sum(len(store.add_postings(read_posting_file(path).postings).added_ids) for path in paths)
    seconds = time.perf_counter() - start
    store.close()
    return added, seconds


def import_full(db: Path, paths: list[Path]) -> tuple[int, float]:
    """What `matcher jobs import` does: read, extract skills, store, one transaction a file."""
    from matcher import services
    from matcher.store import Store

    store = Store(db)
    start = time.perf_counter()
    summary = services.import_postings(store, paths)
    seconds = time.perf_counter() - start
    store.close()
    return summary.imported, seconds


def rank_latency(db: Path, count: int) -> tuple[float, float]:
    """services.rank over `count` stored postings: first call (embeds what is not cached yet),
    then again with every vector cached. The model is loaded before the clock starts."""
    from matcher import services
    from matcher.engine.embeddings import shared_embedder
    from matcher.store import Store

    store = Store(db)
    cv = store.cv() or services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    postings = store.postings()[:count]
    shared_embedder().embed(["warm the model up"])
    start = time.perf_counter()
    services.rank(store, cv, postings=postings)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    services.rank(store, cv, postings=postings)
    warm = time.perf_counter() - start
    store.close()
    return cold, warm


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rank", type=int, default=1000, help="postings to rank (0: skip)")
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for size in args.sizes:
            paths = write_postings(root / f"in{size}", size)
            plain, plain_s = import_plain(root / f"plain{size}.db", paths)
            full, full_s = import_full(root / f"full{size}.db", paths)
            size_mb = (root / f"full{size}.db").stat().st_size / 1e6
            rows.append((f"import {full:,}, read + store", f"{plain / plain_s:,.0f} postings/s ({plain_s:.1f} s)", ""))
            rows.append((f"import {full:,}, + skill extraction", f"{full / full_s:,.0f} postings/s ({full_s:.1f} s)",
                         TARGETS["import 10,000"] if size >= 10000 else ""))  # fmt: skip
            rows.append((f"database size, {full:,} postings", f"{size_mb:.1f} MB", ""))
            rows.append(("peak memory so far", f"{peak_mb():.0f} MB", ""))
        if args.rank:
            source = root / f"full{args.sizes[0]}.db"
            cold, warm = rank_latency(source, args.rank)
            rows.append((f"rank {args.rank:,}, first (embeds, model warm)", f"{cold:.2f} s", TARGETS["import+embed 1,000 (cold)"]))
            rows.append((f"rank {args.rank:,}, all vectors cached", f"{warm:.2f} s", f"(10,000 target {TARGETS['rank 10,000 cached']})"))
            rows.append(("peak memory", f"{peak_mb():.0f} MB", ""))
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measure':<{width}}  {'figure':<28}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:<28}  {target}")


if __name__ == "__main__":
    main()
