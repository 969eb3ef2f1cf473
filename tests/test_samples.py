"""The first-run sample data: a newcomer sees ranked matches at once, without waiting for the model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matcher import services
from matcher.engine.embeddings import MODEL_ID, CachedEmbedder, Cancelled, Progress
from matcher.paths import SAMPLES
from matcher.store import Store


class ModelNotAllowed:
    """Stands where the model would: the shipped vectors must make it unnecessary."""

    model_id = MODEL_ID

    def embed(self, texts: Sequence[str], progress: Progress | None = None, cancelled: Cancelled | None = None) -> np.ndarray:
        raise AssertionError(f"{len(texts)} texts had to be embedded, e.g. {texts[0]!r}")


def test_first_run_samples_rank_from_shipped_vectors_without_the_model(tmp_path: Path) -> None:
    store = Store(tmp_path / "first-run.db")
    summary = services.import_samples(store, SAMPLES)
    assert summary.imported == 93 and not summary.errors
    cv = store.cv()
    assert cv is not None and cv.name == "John Doe"
    assert cv.id is not None
    session = services.RankingSession(store, CachedEmbedder(ModelNotAllowed(), store))
    matches = session.rank(cv.id).matches
    assert len(matches) == 93 and matches[0].score >= matches[-1].score
    [explained] = session.explain(cv.id, [matches[0].posting_id])  # the detail pane's first posting
    assert explained.requirements


def test_vectors_of_another_model_are_not_seeded(tmp_path: Path) -> None:
    other = tmp_path / "vectors.npz"
    np.savez_compressed(other, model=np.array("some-other-model"), keys=np.array(["k"]), vectors=np.ones((1, 384)))
    store = Store(tmp_path / "m.db")
    assert services.seed_vectors(store, other) == 0 and store.get_many(MODEL_ID, ["k"]) == {}
    assert services.seed_vectors(store, tmp_path / "missing.npz") == 0
