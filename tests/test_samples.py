"""The first-run sample data: a newcomer sees ranked matches at once, without waiting for the model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matcher import services
from matcher.engine.embeddings import CachedEmbedder, Cancelled, Progress, shared_embedder
from matcher.engine.encoders import TORCH_MODEL_ID, openvino_model_id
from matcher.paths import SAMPLES
from matcher.store import Store


class ModelNotAllowed:
    """Stands where the model would: the shipped vectors must make it unnecessary."""

    model_id = shared_embedder().model_id  # what the app would embed with on this machine

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
    np.savez_compressed(other, models=np.array(["some-other-model"]), keys=np.array(["k"]), vectors=np.ones((1, 1, 384)))
    store = Store(tmp_path / "m.db")
    model_id = shared_embedder().model_id
    assert services.seed_vectors(store, other) == 0 and store.get_many(model_id, ["k"]) == {}
    assert services.seed_vectors(store, tmp_path / "missing.npz") == 0


def test_shipped_vectors_cover_every_model_the_app_may_embed_with() -> None:
    # OpenVINO bf16 on AMX/AVX512-BF16 processors, float32 elsewhere, PyTorch where OpenVINO cannot run.
    with np.load(SAMPLES / services.SAMPLE_VECTORS) as shipped:
        models = [str(m) for m in shipped["models"]]
        vectors = shipped["vectors"]
    assert set(models) == {TORCH_MODEL_ID, openvino_model_id("f32"), openvino_model_id("bf16")}
    reference = vectors[models.index(TORCH_MODEL_ID)]
    for other in vectors:  # one model run three ways, not three models
        assert np.min(np.sum(other * reference, axis=1)) >= 0.999
