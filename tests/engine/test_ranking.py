"""Ranking: the right posting first, every requirement explained, deterministic, top-k consistent."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from matcher.domain import CV, Posting, Requirement, SkillEvidence
from matcher.engine.embeddings import CachedEmbedder, MemoryVectorCache, shared_embedder
from matcher.engine.features import embed_cv, embed_postings
from matcher.engine.ranking import Ranker, rank_postings
from matcher.engine.scoring import ScoreWeights
from matcher.engine.skills import SkillExtractor
from matcher.engine.taxonomy import Taxonomy, default_taxonomy

CV_TEXT = """Backend engineer with 6 years of experience building payment systems.
Designed and ran Go microservices on Kubernetes serving 20k requests per second.
Modelled data in PostgreSQL and tuned slow queries.
Mentored three junior engineers and led code reviews."""


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return default_taxonomy()


@pytest.fixture(scope="module")
def embedder() -> CachedEmbedder:
    return CachedEmbedder(shared_embedder(), MemoryVectorCache())


def make_cv(taxonomy: Taxonomy, text: str = CV_TEXT, years: float | None = 6.0) -> CV:
    """A CV with skills filled the way the service fills them."""
    extractor = SkillExtractor(taxonomy)
    skills = [SkillEvidence(s, line) for line in text.splitlines() for s in extractor.skills(line)]
    return CV(name="Test", text=text, source="test", skills=skills, years_experience=years)


def posting(taxonomy: Taxonomy, posting_id: int, title: str, required: list[str], preferred: list[str] = ()) -> Posting:
    extractor = SkillExtractor(taxonomy)
    reqs = [Requirement(t, "required", extractor.skills(t)) for t in required]
    reqs += [Requirement(t, "preferred", extractor.skills(t)) for t in preferred]
    description = "\n".join(f"- {t}" for t in [*required, *preferred])
    return Posting(title=title, description=description, raw=description, source="test", id=posting_id,
                      requirements=reqs, skills=extractor.skills(f"{title}\n{description}"))


@pytest.fixture(scope="module")
def postings(taxonomy: Taxonomy) -> list[Posting]:
    return [
        posting(taxonomy, 1, "Tax Accountant", ["CPA license", "Prepare corporate tax returns"]),
        posting(taxonomy, 2, "Senior Go Engineer", ["4+ years of backend development", "Go", "Kubernetes"],
                ["PostgreSQL"]),
        posting(taxonomy, 3, "PHP Developer", ["PHP and Laravel", "MySQL"], ["Vue.js"]),
        posting(taxonomy, 4, "Senior Rust Engineer", ["Rust", "Distributed systems experience"], ["Kubernetes"]),
    ]


def test_best_posting_first_and_explained(taxonomy: Taxonomy, embedder: CachedEmbedder,
                                          postings: list[Posting]) -> None:
    ranked = rank_postings(make_cv(taxonomy), postings, embedder, taxonomy=taxonomy)
    assert [m.posting_id for m in ranked][0] == 2
    assert {m.posting_id for m in ranked[-2:]} == {1, 3}  # accountant and PHP jobs trail for a Go engineer
    go = ranked[0]
    assert go.score > 60 and go.breakdown.cap is None
    status = {r.text: r for r in go.requirements}
    assert status["Go"].status == "met" and "Go microservices" in (status["Go"].evidence or "")
    assert status["PostgreSQL"].status == "met"
    json.dumps([asdict(m) for m in ranked])  # plain data all the way down: the CLI prints it


def test_missing_title_skill_caps_the_score(taxonomy: Taxonomy, embedder: CachedEmbedder,
                                            postings: list[Posting]) -> None:
    ranked = {m.posting_id: m for m in rank_postings(make_cv(taxonomy), postings, embedder, taxonomy=taxonomy)}
    rust = ranked[4]
    assert rust.breakdown.cap == ScoreWeights().must_have_cap and rust.score <= rust.breakdown.cap
    assert any(r.missing_skills == ["Rust"] for r in rust.requirements)


def test_deterministic_and_top_k_is_a_prefix(taxonomy: Taxonomy, embedder: CachedEmbedder,
                                             postings: list[Posting]) -> None:
    cv = make_cv(taxonomy)
    ranker = Ranker(taxonomy=taxonomy).fit(cv, embed_cv(cv, embedder))
    vectors = embed_postings(postings, embedder)
    full = ranker.rank(postings, vectors)
    again = Ranker(taxonomy=taxonomy).fit(cv, embed_cv(cv, embedder)).rank(postings, vectors)
    assert [(m.posting_id, m.score) for m in full] == [(m.posting_id, m.score) for m in again]
    assert [m.posting_id for m in ranker.rank(postings, vectors, top=2)] == [m.posting_id for m in full[:2]]
    assert ranker.rank(postings, vectors, top=0) == []
    assert all(0 <= m.score <= 100 for m in full)


def test_real_board_export_ranks_with_full_explanations(shared_dir: Path, taxonomy: Taxonomy,
                                                        embedder: CachedEmbedder) -> None:
    from matcher.ingest.postings import read_posting_file

    board = read_posting_file(shared_dir / "samples" / "jobs" / "000_7d3acf110e98f847.txt").postings[:12]
    extractor = SkillExtractor(taxonomy)
    for i, p in enumerate(board):
        p.id = i + 1
        p.skills = extractor.skills(f"{p.title}\n{p.description}")
        for r in p.requirements:
            r.skills = extractor.skills(r.text)
    ranked = rank_postings(make_cv(taxonomy), board, embedder, taxonomy=taxonomy)
    assert sorted(m.posting_id for m in ranked) == list(range(1, 13))
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)
    for m, p in ((m, board[m.posting_id - 1]) for m in ranked):
        assert [r.text for r in m.requirements] == [r.text for r in p.requirements]
        assert all(r.status in ("met", "partial", "missing") for r in m.requirements)
        assert all(r.evidence is None or r.evidence in CV_TEXT for r in m.requirements)


def test_empty_inputs(taxonomy: Taxonomy, embedder: CachedEmbedder) -> None:
    cv = make_cv(taxonomy)
    assert rank_postings(cv, [], embedder, taxonomy=taxonomy) == []
    bare = Posting(title="Office Manager", description="Run our office.", raw="", source="t", id=9)
    (only,) = rank_postings(cv, [bare], embedder, taxonomy=taxonomy)
    assert only.requirements == [] and 0 <= only.score <= 100


def test_lexical_part_keeps_language_names_whole() -> None:
    from matcher.engine.lexical import LexicalIndex, tokens

    assert {"c++", "c#", "node.js", ".net"} <= set(tokens("C++, C# and Node.js on .NET."))
    index = LexicalIndex().fit(["Senior C++ engineer for trading systems", "C# developer for .NET services",
                                "Tax accountant for corporate returns"])
    scores = index.scores("Ten years of C++ in low-latency trading")
    assert scores.argmax() == 0 and scores[2] == 0.0
