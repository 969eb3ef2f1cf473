"""The service layer that the CLI and the window share: cancel, progress, and hand edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import services
from matcher.engine.embeddings import shared_embedder, text_key
from matcher.paths import SAMPLES
from matcher.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "m.db")
    summary = services.import_postings(s, [next((SAMPLES / "jobs").glob("003_*.txt"))])
    assert summary.imported == 1
    yield s
    s.close()


@pytest.mark.slow
def test_cancelled_ranking_stores_no_posting_vectors_and_a_later_ranking_completes(store: Store) -> None:
    cv = services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    with pytest.raises(services.OperationCancelled):
        services.rank(store, cv, cancelled=lambda: True)
    requirement_keys = [text_key(r.text) for p in store.postings() for r in p.requirements]
    assert store.get_many(shared_embedder().model_id, requirement_keys) == {}  # nothing half-embedded was kept
    reports: list[tuple[int, int, str]] = []
    [match] = services.rank(store, cv, progress=lambda d, t, m: reports.append((d, t, m)))
    assert 0 <= match.score <= 100
    assert reports and reports[-1][0] == reports[-1][1]  # the last report says it is done
    # "the language model loads" only before anything is embedded: at 936 of 936 it still said so
    embedding = [(done, message) for done, _, message in reports if message.startswith("Embedding")]
    assert embedding and all("loads" not in message for done, message in embedding if done > 0)


def test_hand_edits_add_and_remove_canonical_skills(store: Store) -> None:
    cv = services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    assert "Kubernetes" not in {e.skill for e in cv.effective_skills()}
    services.edit_cv_skills(store, cv, add=["k8s"], remove=["angular"])
    stored = store.cv(cv.id)
    assert stored is not None
    names = {e.skill for e in stored.effective_skills()}
    assert "Kubernetes" in names and "Angular" not in names
    services.edit_cv_skills(store, stored, add=["Angular"])
    assert "Angular" in {e.skill for e in store.cv(cv.id).effective_skills()}  # type: ignore[union-attr]
