"""Ranking through the app's session: the right posting first, scores that agree with the checklist,
scores that do not move when unrelated postings arrive, deterministic, top-k a prefix."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from matcher import services
from matcher.domain import Role, score_band
from matcher.engine.embeddings import shared_embedder
from matcher.engine.lexical import cosines, default_reference, lexical_vector, stack, tokens
from tests.engine.conftest import World, make_cv, make_posting

pytestmark = pytest.mark.slow  # the real model

CV_TEXT = """Backend engineer with 6 years of experience building payment systems.
Designed and ran Go microservices on Kubernetes serving 20k requests per second.
Modelled data in PostgreSQL and tuned slow queries.
Mentored three junior engineers and led code reviews."""
SECTIONS = [("experience", "Experience", CV_TEXT)]
ROLES = [Role("Backend Engineer, PayCo", date(2020, 11, 1), None, True, CV_TEXT)]
POSTINGS = [
    make_posting("Tax Accountant", ["CPA license", "Prepare corporate tax returns"]),
    make_posting("Senior Go Engineer", ["4+ years of backend development", "Go", "Kubernetes"], ["PostgreSQL"]),
    make_posting("PHP Developer", ["PHP and Laravel", "MySQL", "Symfony", "WordPress"], ["Vue.js"]),
    make_posting("Senior Rust Engineer", ["Rust", "Distributed systems experience"], ["Kubernetes"]),
]


@pytest.fixture
def go_dev(world: Callable[..., World]) -> World:
    return world(make_cv(CV_TEXT, SECTIONS, ROLES, years=6.0), POSTINGS)


def test_best_posting_first_and_explained_on_demand(go_dev: World) -> None:
    ranking = go_dev.session.rank(go_dev.cv_id).matches
    assert ranking[0].posting_id == go_dev.ids["Senior Go Engineer"]
    assert {m.posting_id for m in ranking[-2:]} == {go_dev.ids["Tax Accountant"], go_dev.ids["PHP Developer"]}
    go = go_dev.explain("Senior Go Engineer")
    status = {r.text: r for r in go.requirements}
    assert status["Go"].status == "met" and "Go microservices" in (status["Go"].evidence or "")
    assert status["PostgreSQL"].status == "met"
    assert go.why.startswith("3 of 3 required met")
    json.dumps([asdict(m) for m in ranking])  # plain data all the way down: the CLI prints it


def test_the_score_agrees_with_the_checklist(go_dev: World) -> None:
    go, php = go_dev.explain("Senior Go Engineer"), go_dev.explain("PHP Developer")
    assert go.counts.met == go.counts.required and score_band(go.score) in ("Great", "Good")
    assert php.counts.missing * 2 > php.counts.required and score_band(php.score) != "Great"
    assert "most required lines missing" in php.why or php.breakdown.cap is not None


def test_missing_title_skill_caps_the_score(go_dev: World) -> None:
    rust = go_dev.explain("Senior Rust Engineer")
    assert rust.breakdown.cap is not None and "missing must-have: Rust" in rust.why


def test_a_score_does_not_move_when_unrelated_postings_are_imported(go_dev: World, shared_dir: Path) -> None:
    before = {m.posting_id: m.score for m in go_dev.session.rank(go_dev.cv_id).matches}
    summary = services.import_postings(go_dev.store, [shared_dir / "samples" / "jobs" / "001_597ea3e9281e08b6.txt"])
    assert summary.posting_ids
    go_dev.session.postings_changed(summary.posting_ids)
    after = {m.posting_id: m.score for m in go_dev.session.rank(go_dev.cv_id).matches}
    assert set(summary.posting_ids) <= set(after), "the new postings are ranked"
    assert {i: after[i] for i in before} == before


def test_deterministic_and_top_k_is_a_prefix(go_dev: World) -> None:
    full = go_dev.session.rank(go_dev.cv_id).matches
    again = services.RankingSession(go_dev.store).rank(go_dev.cv_id).matches
    assert [(m.posting_id, m.score) for m in full] == [(m.posting_id, m.score) for m in again]
    assert [m.posting_id for m in go_dev.session.rank(go_dev.cv_id, top=2).matches] == [m.posting_id for m in full[:2]]
    assert all(0 <= m.score <= 100 for m in full)


def test_a_meaning_verdict_states_the_cosine_of_its_line_and_the_sentence_it_quotes(
        world: Callable[..., World]) -> None:
    """"meaning 0.41" beside "Closest in your CV: …" is the cosine of that line and that sentence, for
    every line of every posting explained together (a cosine from another row would still read fine)."""
    w = world(make_cv(CV_TEXT, SECTIONS, ROLES, years=6.0), [*POSTINGS, make_posting("Payments Engineer", [
        "You have run services under heavy traffic", "You tune slow database queries",
        "You enjoy coaching junior engineers", "You design systems that handle many requests",
        "You can prepare corporate tax returns"])])
    explained = w.session.explain(w.cv_id, list(w.ids.values()))
    lines = [r for m in explained for r in m.requirements or [] if r.judged_by == "meaning" and r.evidence]
    assert len({r.text for r in lines}) >= 3
    vectors = np.asarray(shared_embedder().embed([t for r in lines for t in (r.text, r.evidence or "")]))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for r, (line, sentence) in zip(lines, vectors.reshape(len(lines), 2, -1)):
        assert abs(float(line @ sentence) - r.similarity) < 0.01, r
        assert r.reason.startswith(f"meaning {r.similarity:.2f}")


def test_removed_postings_leave_the_ranking(go_dev: World) -> None:
    go_dev.session.rank(go_dev.cv_id)
    gone = go_dev.ids["Tax Accountant"]
    go_dev.store.delete_postings([gone])
    go_dev.session.postings_changed([gone])
    assert gone not in {m.posting_id for m in go_dev.session.rank(go_dev.cv_id).matches}


def test_a_posting_with_no_requirements_still_ranks(world: Callable[..., World]) -> None:
    w = world(make_cv(CV_TEXT, SECTIONS, ROLES, years=6.0), [make_posting("Office Manager", [])])
    [only] = w.session.rank(w.cv_id).matches
    assert 0 <= only.score <= 100 and only.counts.required == 0


def test_word_overlap_keeps_language_names_whole_and_uses_fixed_weights() -> None:
    assert {"c++", "c#", "node.js", ".net"} <= set(tokens("C++, C# and Node.js on .NET."))
    reference = default_reference()
    a = lexical_vector("Senior C++ engineer for trading systems", reference)
    b = lexical_vector("Senior C++ engineer for trading systems", reference)
    assert a[0].tolist() == b[0].tolist() and a[1].tolist() == b[1].tolist()  # no corpus fitted: same vector
    assert reference.rarity("kubernetes") > reference.rarity("experience")


def test_word_overlap_of_many_postings_matches_one_by_one_including_a_posting_with_no_words() -> None:
    reference = default_reference()
    texts = ["Python developer building Django services", "", "Nurse for the night shift in a busy ward",
             "Senior Python and Go engineer, Kubernetes"]
    vectors = [lexical_vector(t, reference) for t in texts]
    rows = stack(vectors)
    query = lexical_vector("Python engineer with Django and Kubernetes", reference)

    def one_by_one(picked: list[tuple[np.ndarray, np.ndarray]]) -> list[float]:
        q = dict(zip(query[0].tolist(), query[1].tolist(), strict=True))
        return [sum(w * q.get(i, 0.0) for i, w in zip(idx.tolist(), val.tolist(), strict=True)) for idx, val in picked]

    assert cosines(rows, query) == pytest.approx(one_by_one(vectors), abs=1e-6)
    assert cosines(rows, query)[1] == 0.0 and cosines(rows, query)[0] > cosines(rows, query)[2]
    order = np.array([3, 1, 0])
    picked = rows.take(order).then(stack(vectors[2:3]))  # as an index update keeps some rows and adds one
    assert cosines(picked, query) == pytest.approx(one_by_one([vectors[3], vectors[1], vectors[0], vectors[2]]), abs=1e-6)
