"""Skill gap across the best postings, and what-if re-ranking with an added skill."""

from __future__ import annotations

import pytest

from matcher.domain import Posting
from matcher.engine.embeddings import CachedEmbedder, MemoryVectorCache, shared_embedder
from matcher.engine.features import embed_cv, embed_postings
from matcher.engine.gap import skill_gap, what_if
from matcher.engine.ranking import Ranker
from matcher.engine.taxonomy import Taxonomy, default_taxonomy
from tests.engine.test_ranking import make_cv, posting


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return default_taxonomy()


@pytest.fixture(scope="module")
def setup(taxonomy: Taxonomy) -> tuple[Ranker, list[Posting]]:
    embedder = CachedEmbedder(shared_embedder(), MemoryVectorCache())
    postings = [
        posting(taxonomy, 1, "Senior Rust Engineer", ["Rust", "Kubernetes"], ["Terraform"]),
        posting(taxonomy, 2, "Rust Backend Developer", ["Rust and PostgreSQL"], ["Terraform"]),
        posting(taxonomy, 3, "Go Engineer", ["Go", "Kubernetes"], ["Terraform"]),
        posting(taxonomy, 4, "Tax Accountant", ["CPA license"]),
    ]
    cv = make_cv(taxonomy)
    ranker = Ranker(taxonomy=taxonomy).fit(cv, embed_cv(cv, embedder))
    ranker.rank(postings, embed_postings(postings, embedder))
    return ranker, postings


def test_gap_lists_blocking_skills_most_blocking_first(setup: tuple[Ranker, list[Posting]]) -> None:
    ranker, postings = setup
    matches = ranker.rank(postings, ranker.posting_vectors_)
    gap = skill_gap(matches, postings, top_n=3)
    by_skill = {g.skill: g for g in gap}
    assert "Go" not in by_skill and "Kubernetes" not in by_skill  # the CV has them
    assert by_skill["Terraform"].blocked_postings == 3 and by_skill["Rust"].blocked_postings == 2
    assert sorted(by_skill["Rust"].posting_ids) == [1, 2]
    assert gap[0].skill == "Terraform"
    assert by_skill["Rust"].lift > by_skill["Terraform"].lift > 0  # Rust lifts the cap; Terraform is preferred
    assert [g.blocked_postings for g in gap] == sorted((g.blocked_postings for g in gap), reverse=True)


def test_what_if_adding_a_skill_lifts_the_postings_it_blocked(setup: tuple[Ranker, list[Posting]]) -> None:
    ranker, postings = setup
    before = {m.posting_id: m for m in ranker.rank(postings, ranker.posting_vectors_)}
    after = {m.posting_id: m for m in what_if(ranker, ["rust"])}  # alias case is forgiven: canonical "Rust"
    assert before[1].breakdown.cap is not None and after[1].breakdown.cap is None
    assert after[1].score > before[1].score and after[2].score > before[2].score
    assert after[4].score == pytest.approx(before[4].score, abs=0.5)  # the accountant job barely moves
    rust = next(r for r in after[1].requirements if r.text == "Rust")
    assert rust.status == "met" and "added by you" in (rust.evidence or "")
    # what-if does not change the ranker it started from
    assert {m.posting_id: m.score for m in ranker.rank(postings, ranker.posting_vectors_)} == \
        {k: m.score for k, m in before.items()}
