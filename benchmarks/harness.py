"""What every quality benchmark shares: data loaded through the app's own services into a fresh
Store, ranked by the app's `RankingSession`, with vectors kept between runs.

The only difference from the app is where vectors are cached: besides the fresh Store, a persistent
file under benchmarks/.cache (gitignored) remembers every text ever embedded, so reruns embed
nothing new. The embedder is injected, as the app's own tests inject theirs; scores are the same.
By default it is the app's own (`SentenceEmbedder()`); MATCHER_BENCH_EMBEDDER names another of
benchmarks/embedding_candidates.py, e.g. "torch (before)", to measure its effect on the figures.
Each has its own model id, so the persistent cache never mixes their vectors.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from matcher import services
from matcher.engine.embeddings import DIM, CachedEmbedder, SentenceEmbedder, VectorCache
from matcher.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
CACHE_DIR = ROOT / "benchmarks" / ".cache"
DATA = ROOT / "benchmarks" / "data"

# The halves of every labelled set: constants are chosen on TUNE and reported on REPORT.
RELEVANCE_TUNE = ("john_doe", "harvey_dent_mle", "alfred_pennyworth_pm")
RELEVANCE_REPORT = ("bruce_wayne_fullstack", "resume_1", "barry_allen_fe")


class DiskVectorCache:
    """Every vector the benchmarks ever computed, in one SQLite file (model, sha1 of text) → float32."""

    def __init__(self, path: Path = CACHE_DIR / "vectors.db") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS v (model TEXT, key TEXT, vector BLOB, PRIMARY KEY (model, key))")

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(f"SELECT key, vector FROM v WHERE model = ? AND key IN ({marks})",
                                              [model, *chunk]):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO v VALUES (?, ?, ?)",
                             [(model, k, np.asarray(v, np.float32).tobytes()) for k, v in vectors.items()])
        self._db.commit()


class TwoLevelCache:
    """The Store's own cache first, then the persistent one; new vectors go to both."""

    def __init__(self, store: Store, disk: DiskVectorCache) -> None:
        self.store, self.disk = store, disk

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        found = self.store.get_many(model, keys)
        missing = [k for k in keys if k not in found]
        if missing:
            from_disk = self.disk.get_many(model, missing)
            if from_disk:
                self.store.put_many(model, from_disk)
            found.update(from_disk)
        return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        self.store.put_many(model, vectors)
        self.disk.put_many(model, vectors)


EMBEDDER_ENV = "MATCHER_BENCH_EMBEDDER"
_MODEL: SentenceEmbedder | None = None
_DISK: DiskVectorCache | None = None


def _embedder() -> SentenceEmbedder:
    if name := os.environ.get(EMBEDDER_ENV):
        from benchmarks.embedding_candidates import CANDIDATES

        print(f"embedder: {name}")
        return CANDIDATES[name]()
    return SentenceEmbedder()


def embedder_for(store: Store) -> CachedEmbedder:
    global _MODEL, _DISK
    _MODEL = _MODEL or _embedder()
    _DISK = _DISK or DiskVectorCache()
    cache: VectorCache = TwoLevelCache(store, _DISK)
    return CachedEmbedder(_MODEL, cache)


@dataclass
class Bench:
    """A fresh Store under a temporary folder and the app's ranking session over it."""

    store: Store
    session: services.RankingSession
    folder: tempfile.TemporaryDirectory  # type: ignore[type-arg]

    @classmethod
    def fresh(cls) -> Bench:
        folder = tempfile.TemporaryDirectory(prefix="matcher-bench-")
        store = Store(Path(folder.name) / "bench.db")
        return cls(store, services.RankingSession(store, embedder_for(store)), folder)

    def close(self) -> None:
        self.store.close()
        self.folder.cleanup()

    def scores(self, cv_id: int, posting_ids: Sequence[int]) -> np.ndarray:
        """The app's score of each posting for the CV (NaN for ids the ranking does not hold)."""
        by_id = {m.posting_id: m.score for m in self.session.rank(cv_id).matches}
        return np.array([by_id.get(i, np.nan) for i in posting_ids], dtype=np.float64)

    def parts(self, cv_id: int, posting_ids: Sequence[int], part: Callable[[object], float]) -> np.ndarray:
        """One number per posting read off each match (a breakdown part, for ablations)."""
        by_id = {m.posting_id: m for m in self.session.rank(cv_id).matches}
        return np.array([part(by_id[i]) if i in by_id else np.nan for i in posting_ids], dtype=np.float64)


def ids_by_fingerprint(store: Store) -> dict[str, int]:
    from sqlalchemy import select

    from matcher.store.schema import PostingRow

    with store.session() as s:
        return {fp: i for fp, i in s.execute(select(PostingRow.fingerprint, PostingRow.id))}


def model_embedder() -> CachedEmbedder:
    """The model behind the persistent cache alone, for the baselines' whole-document vectors."""
    global _MODEL, _DISK
    _MODEL = _MODEL or _embedder()
    _DISK = _DISK or DiskVectorCache()
    return CachedEmbedder(_MODEL, _DISK)


def zero_vectors(n: int) -> np.ndarray:
    return np.zeros((n, DIM), dtype=np.float32)
