"""The shipped model loads offline, gives unit vectors, agrees with the PyTorch reference, and the
cache spares repeated work."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from matcher.engine.embeddings import (DIM, CachedEmbedder, MemoryVectorCache, SentenceEmbedder, default_backend,
                                       model_folder, text_key)
from matcher.engine.encoders import TORCH_MODEL_ID, openvino_model_id
from matcher.engine.evidence import cv_units
from matcher.ingest.cv import read_cv
from matcher.ingest.postings import read_posting_file
from matcher.paths import SAMPLES

# The bar an export must clear to count as the same model (issue 14's "loses no quality"); OpenVINO
# bf16, the furthest from PyTorch of the shipped backends, measured ≥ 0.99996 on 2,066 of the app's
# texts (benchmarks/embedding_backends.py). A broken export lands far below (unrelated texts: ~0.1).
SAME_MODEL_MIN_COSINE = 0.999


@pytest.fixture(scope="module")
def model() -> SentenceEmbedder:
    return SentenceEmbedder()


@pytest.fixture(scope="module")
def reference() -> SentenceEmbedder:
    return SentenceEmbedder(backend="torch")


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    """Requirement lines and titles of the shipped job board, sentences of the shipped CV: short and
    long texts, so batches are padded as in the app."""
    postings = read_posting_file(SAMPLES / "jobs" / "000_7d3acf110e98f847.txt").postings[:6]
    lines = [r.text for p in postings for r in p.requirements] + [p.title for p in postings]
    return lines + [u.text for u in cv_units(read_cv(SAMPLES / "cvs" / "john_doe.pdf"))][:30]


class CountingEmbedder:
    """Wraps the real model and counts the texts it was asked to embed."""

    def __init__(self, inner: SentenceEmbedder) -> None:
        self.inner, self.model_id, self.seen = inner, inner.model_id, []

    def embed(self, texts, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return self.inner.embed(texts, progress, cancelled)


def test_model_ships_inside_the_package() -> None:
    assert (model_folder() / "model.safetensors").is_file()


def test_importing_the_engine_loads_no_model_library() -> None:
    code = ("import sys, matcher.engine.embeddings, matcher.engine.ranking; "
            "print(sorted({'torch', 'openvino', 'tokenizers'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_model_id_is_known_before_the_model_loads() -> None:
    # The cache is asked before anything loads: the id must not need the model.
    assert SentenceEmbedder(backend="openvino", precision="f32").model_id == openvino_model_id("f32")
    assert SentenceEmbedder(backend="torch").model_id == TORCH_MODEL_ID
    assert default_backend() == "openvino"  # a dependency: installed wherever matcher is


@pytest.mark.slow
def test_vectors_are_normalised_and_meaningful(model: SentenceEmbedder) -> None:
    vecs = model.embed(["Experience with Python web frameworks", "Built REST APIs in Django",
                        "Prepared quarterly tax returns for clients"])
    assert vecs.shape == (3, DIM) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


@pytest.mark.slow
def test_the_app_model_agrees_with_the_pytorch_reference(model: SentenceEmbedder, reference: SentenceEmbedder,
                                                         real_texts: list[str]) -> None:
    fast, ref = model.embed(real_texts), reference.embed(real_texts)
    assert model.model_id.startswith(f"{TORCH_MODEL_ID}+openvino-") and reference.model_id == TORCH_MODEL_ID
    assert np.min(np.sum(fast * ref, axis=1)) >= SAME_MODEL_MIN_COSINE
    # Each text's nearest other text is the same under both.
    np.fill_diagonal(sims := fast @ fast.T, -1)
    np.fill_diagonal(ref_sims := ref @ ref.T, -1)
    assert np.array_equal(sims.argmax(axis=1), ref_sims.argmax(axis=1))


@pytest.mark.slow
def test_batches_and_order_do_not_change_a_vector(model: SentenceEmbedder, real_texts: list[str]) -> None:
    alone = np.stack([model.embed([t])[0] for t in real_texts[:8]])
    batched = SentenceEmbedder(batch_size=3).embed(real_texts[:8][::-1])[::-1]
    assert np.min(np.sum(alone * batched, axis=1)) >= 0.9999  # padding is masked out, not averaged in


@pytest.mark.slow
def test_cache_embeds_each_text_once(model: SentenceEmbedder) -> None:
    counting = CountingEmbedder(model)
    cache = MemoryVectorCache()
    embedder = CachedEmbedder(counting, cache)
    first = embedder.embed(["SQL", "Go", "SQL"])
    again = embedder.embed(["Go", "Kubernetes", "SQL"])
    assert counting.seen == ["SQL", "Go", "Kubernetes"]
    assert np.allclose(first[0], again[2]) and np.allclose(first[1], again[0])
    assert set(cache.get_many(model.model_id, [text_key("SQL"), text_key("nope")])) == {text_key("SQL")}


@pytest.mark.slow
def test_cancel_stops_between_batches() -> None:
    embedder = SentenceEmbedder(batch_size=2)
    done: list[int] = []
    with pytest.raises(InterruptedError):
        embedder.embed(["a", "b", "c", "d", "e"], progress=lambda n, total: done.append(n), cancelled=lambda: bool(done))
    assert done == [2]  # the first batch finished, the second never started
