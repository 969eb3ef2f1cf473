"""The shipped model loads offline, gives unit vectors, and the cache spares repeated work."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from matcher.engine.embeddings import (DIM, MODEL_ID, CachedEmbedder, MemoryVectorCache, SentenceEmbedder,
                                       model_folder, text_key)


@pytest.fixture(scope="module")
def model() -> SentenceEmbedder:
    return SentenceEmbedder()


class CountingEmbedder:
    """Wraps the real model and counts the texts it was asked to embed."""

    def __init__(self, inner: SentenceEmbedder) -> None:
        self.inner, self.model_id, self.seen = inner, inner.model_id, []

    def embed(self, texts, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return self.inner.embed(texts, progress, cancelled)


def test_model_ships_inside_the_package() -> None:
    assert (model_folder() / "model.safetensors").is_file()


def test_importing_the_engine_does_not_load_torch() -> None:
    code = "import sys, matcher.engine.embeddings, matcher.engine.ranking; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_vectors_are_normalised_and_meaningful(model: SentenceEmbedder) -> None:
    vecs = model.embed(["Experience with Python web frameworks", "Built REST APIs in Django",
                        "Prepared quarterly tax returns for clients"])
    assert vecs.shape == (3, DIM) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


def test_cache_embeds_each_text_once(model: SentenceEmbedder) -> None:
    counting = CountingEmbedder(model)
    cache = MemoryVectorCache()
    embedder = CachedEmbedder(counting, cache)
    first = embedder.embed(["SQL", "Go", "SQL"])
    again = embedder.embed(["Go", "Kubernetes", "SQL"])
    assert counting.seen == ["SQL", "Go", "Kubernetes"]
    assert np.allclose(first[0], again[2]) and np.allclose(first[1], again[0])
    assert set(cache.get_many(MODEL_ID, [text_key("SQL"), text_key("nope")])) == {text_key("SQL")}


def test_cancel_stops_between_batches(model: SentenceEmbedder) -> None:
    with pytest.raises(InterruptedError):
        model.embed(["a"] * 10, cancelled=lambda: True)
