"""Rebuild resources/samples/vectors.npz: the embedding vectors of the bundled sample postings and
CV, so the app's first run ranks them without loading the model.

Run after changing the samples, the importers or the text the engine embeds:
    .venv/bin/python scripts/build_sample_vectors.py
tests/test_samples.py fails when the shipped vectors no longer cover what the engine asks for.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from matcher import services
from matcher.engine.embeddings import MODEL_ID
from matcher.paths import SAMPLES
from matcher.store.schema import EmbeddingRow
from matcher.store import Store


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(Path(scratch) / "samples.db")
        services.import_postings(store, sorted((SAMPLES / "jobs").iterdir()))
        cv = services.import_cv(store, SAMPLES / "cvs" / services.SAMPLE_CV)
        services.rank(store, cv)  # embeds every text the ranking needs into the store's cache
        with store.session() as session:
            rows = session.query(EmbeddingRow).filter(EmbeddingRow.model == MODEL_ID).order_by(EmbeddingRow.key).all()
            keys = np.array([row.key for row in rows])
            vectors = np.stack([np.frombuffer(row.vector, dtype=np.float32) for row in rows])
        store.close()
    out = SAMPLES / services.SAMPLE_VECTORS
    np.savez_compressed(out, model=np.array(MODEL_ID), keys=keys, vectors=vectors)
    print(f"wrote {len(keys)} vectors ({out.stat().st_size / 1e6:.1f} MB) to {out}")


if __name__ == "__main__":
    main()
