"""Rebuild resources/samples/vectors.npz: the embedding vectors of the bundled sample postings and
CV, so the app's first run ranks them without loading the model.

One set per model id the app may use (see matcher/engine/encoders.py): OpenVINO in bfloat16 (AMX
or AVX512-BF16 processors) and in float32 (all others), and PyTorch (where OpenVINO cannot run).
Building the bf16 set needs such a processor. Run after changing the samples, the importers, the
model or the text the engine embeds:
    .venv/bin/python scripts/build_sample_vectors.py
tests/test_samples.py fails when the shipped vectors no longer cover what the engine asks for.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from matcher import services
from matcher.engine.embeddings import CachedEmbedder, SentenceEmbedder
from matcher.paths import SAMPLES
from matcher.store import Store
from matcher.store.schema import EmbeddingRow

EMBEDDERS = (SentenceEmbedder(backend="openvino", precision="bf16"),
             SentenceEmbedder(backend="openvino", precision="f32"),
             SentenceEmbedder(backend="torch"))


def vectors_of(embedder: SentenceEmbedder) -> tuple[str, np.ndarray, np.ndarray]:
    """(model id, sorted text keys, their vectors): every text the first ranking embeds."""
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(Path(scratch) / "samples.db")
        services.import_postings(store, sorted((SAMPLES / "jobs").iterdir()))
        cv = services.import_cv(store, SAMPLES / "cvs" / services.SAMPLE_CV)
        assert cv.id is not None
        services.RankingSession(store, CachedEmbedder(embedder, store)).rank(cv.id)
        with store.session() as session:
            rows = (session.query(EmbeddingRow).filter(EmbeddingRow.model == embedder.model_id)
                    .order_by(EmbeddingRow.key).all())
            keys = np.array([row.key for row in rows])
            vectors = np.stack([np.frombuffer(row.vector, dtype=np.float32) for row in rows])
        store.close()
    return embedder.model_id, keys, vectors


def main() -> None:
    built = [vectors_of(embedder) for embedder in EMBEDDERS]
    models = [model for model, _, _ in built]
    if len(set(models)) != len(models):
        raise SystemExit(f"two sets came out under one model id ({models}): this processor has no bf16")
    keys = built[0][1]
    if any(not np.array_equal(k, keys) for _, k, _ in built):
        raise SystemExit("the models were asked for different texts")
    out = SAMPLES / services.SAMPLE_VECTORS
    np.savez_compressed(out, models=np.array(models), keys=keys, vectors=np.stack([v for _, _, v in built]))
    print(f"wrote {len(keys)} vectors of {len(models)} models ({out.stat().st_size / 1e6:.1f} MB) to {out}")


if __name__ == "__main__":
    main()
