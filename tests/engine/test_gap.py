"""Skill gap and what-if: which missing skills block the best postings, and what adding one does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher.domain import Role
from tests.engine.conftest import World, make_cv, make_posting

pytestmark = pytest.mark.slow  # the real model

CV_TEXT = """Backend developer.
Built Python services with Django and PostgreSQL for an online shop.
Wrote unit tests with Pytest."""
ROLES = [Role("Backend developer, Shop", date(2019, 1, 1), None, True, CV_TEXT)]


@pytest.fixture
def dev(world: Callable[..., World]) -> World:
    cv = make_cv(CV_TEXT, [("experience", "Experience", CV_TEXT)], ROLES, years=7.0)
    return world(cv, [
        make_posting("Python Backend Engineer", ["Python", "Django", "Kubernetes", "PostgreSQL"]),
        make_posting("Platform Engineer", ["Kubernetes", "Terraform", "Python"]),
        make_posting("Data Engineer", ["Python", "Kubernetes", "Airflow"]),
        make_posting("Pastry Chef", ["Croissants and laminated doughs", "Food safety certificate"]),
    ])


def test_the_most_blocking_skill_comes_first_with_what_adding_it_would_change(dev: World) -> None:
    items = dev.session.skill_gap(dev.cv_id)
    top = items[0]
    assert top.skill == "Kubernetes" and top.blocked_postings == 3
    assert top.lift > 0, "adding the skill that blocks most postings must be worth points"
    assert set(top.posting_ids) == {dev.ids[t] for t in ("Python Backend Engineer", "Platform Engineer", "Data Engineer")}
    assert all(item.lift >= 0 for item in items)


def test_what_if_adds_points_only_where_the_skill_is_asked(dev: World) -> None:
    before = {m.posting_id: m.score for m in dev.session.rank(dev.cv_id).matches}
    after = {m.posting_id: m.score for m in dev.session.what_if(dev.cv_id, ["kubernetes"]).matches}
    assert after[dev.ids["Platform Engineer"]] > before[dev.ids["Platform Engineer"]]
    assert after[dev.ids["Pastry Chef"]] == before[dev.ids["Pastry Chef"]]
    [explained] = dev.session.explain(dev.cv_id, [dev.ids["Platform Engineer"]], ["Kubernetes"])
    line = next(r for r in explained.requirements or [] if r.text == "Kubernetes")
    assert line.status == "met" and line.evidence is None and line.evidence_kind == "manual"
    # Nothing is stored: the CV's own ranking is unchanged.
    assert {m.posting_id: m.score for m in dev.session.rank(dev.cv_id).matches} == before
