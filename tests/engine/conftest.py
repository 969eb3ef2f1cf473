"""A small real world for engine tests: a Store, a CV and postings made the way the services make
them (skills found by the shipped taxonomy), ranked by the app's RankingSession with the real model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from matcher import services
from matcher.domain import CV, CVSection, Posting, Requirement, Role
from matcher.store import Store
from matcher.years import years_stated


@dataclass
class World:
    store: Store
    session: services.RankingSession
    cv_id: int
    ids: dict[str, int]  # posting title → id

    def explain(self, title: str, cv_id: int | None = None):  # type: ignore[no-untyped-def]
        [match] = self.session.explain(cv_id or self.cv_id, [self.ids[title]])
        return match

    def line(self, title: str, text: str):  # type: ignore[no-untyped-def]
        return next(r for r in self.explain(title).requirements if r.text == text)


def make_cv(text: str, sections: Sequence[tuple[str, str, str]] = (), roles: Sequence[Role] = (),
            years: float | None = None, contact: dict[str, str] | None = None, language: str | None = "en") -> CV:
    return CV(name="Test Person", text=text, source="test", sections=[CVSection(*s) for s in sections],
              roles=list(roles), years_experience=years, contact=contact or {}, language=language,
              as_of=date(2026, 11, 1))


def make_posting(title: str, required: Sequence[str], preferred: Sequence[str] = ()) -> Posting:
    reqs = [Requirement(t, "required", years=years_stated(t)) for t in required]
    reqs += [Requirement(t, "preferred", years=years_stated(t)) for t in preferred]
    description = "\n".join(f"- {r.text}" for r in reqs)
    return Posting(title=title, description=description, raw=description, source="test", requirements=tuple(reqs))


@pytest.fixture
def world(tmp_path: Path) -> Callable[..., World]:
    def build(cv: CV, postings: Sequence[Posting]) -> World:
        store = Store(tmp_path / f"world-{len(list(tmp_path.iterdir()))}.db")
        extractor = services.skill_extractor(store)
        cv = services.annotate_cv(cv, extractor)
        cv_id = store.add_cv(cv)
        ids = store.add_postings([services.annotate_posting(p, extractor) for p in postings]).added_ids
        return World(store, services.RankingSession(store), cv_id, {p.title: i for p, i in zip(postings, ids)})

    return build
