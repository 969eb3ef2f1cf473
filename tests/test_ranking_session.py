"""The long-lived ranking session the app and the CLI share: light rankings, explanations on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import services
from matcher.paths import SAMPLES
from matcher.store import Store

pytestmark = pytest.mark.slow  # loads the embedding model

SMALL = [SAMPLES / "jobs" / "003_38a88ba91144b235.txt", SAMPLES / "jobs" / "001_597ea3e9281e08b6.txt"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("session") / "m.db")
    services.import_postings(store, SMALL)
    services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    return store


def test_a_ranking_lists_every_posting_with_counts_and_a_reason_but_no_explanations(store: Store) -> None:
    cv = store.cv()
    assert cv is not None and cv.id is not None
    ranking = services.RankingSession(store).rank(cv.id)
    assert len(ranking.matches) == store.count_postings() == 4
    scores = [m.score for m in ranking.matches]
    assert scores == sorted(scores, reverse=True)
    for m in ranking.matches:
        assert m.requirements is None, "explanations are built only for the rows someone looks at"
        assert m.counts.required + m.counts.preferred > 0 and "required met" in m.why


def test_explain_gives_each_requirement_a_verdict_for_the_chosen_postings_only(store: Store) -> None:
    cv = store.cv()
    assert cv is not None and cv.id is not None
    session = services.RankingSession(store)
    best = session.rank(cv.id).matches[0]
    [explained] = session.explain(cv.id, [best.posting_id])
    assert explained.requirements and {r.status for r in explained.requirements} <= {"met", "partial", "missing"}
    assert explained.counts == best.counts and explained.score == best.score
    assert session.explain(cv.id, [999_999]) == []

