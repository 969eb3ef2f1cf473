"""Stored CVs, with the user's hand edits of their skills."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from matcher.domain import CV
from matcher.store import convert
from matcher.store.base import StoreBase
from matcher.store.errors import StoreDamaged
from matcher.store.reading import load_each
from matcher.store.schema import CVRow


class CVTable(StoreBase):
    """CVs: `Store` reads and writes them through this part."""

    def add_cv(self, cv: CV) -> int:
        with self.writing() as s:
            row = convert.cv_to_row(cv, datetime.now())
            s.add(row)
            s.flush()
            return row.id

    def cvs(self) -> list[CV]:
        """Every stored CV; a damaged one is skipped and recorded in `damaged`."""
        with self.session() as s:
            found = list(s.scalars(select(CVRow.id).order_by(CVRow.id)))
        return load_each(found, _load_cvs, self.session, "CV", self.damaged)

    def cv(self, cv_id: int | None = None) -> CV | None:
        """The CV with that id, or the latest one when `cv_id` is None; raises StoreDamaged
        when that CV cannot be read."""
        with self.session() as s:
            if cv_id is None:
                cv_id = s.scalar(select(func.max(CVRow.id)))
            elif s.scalar(select(CVRow.id).where(CVRow.id == cv_id)) is None:
                return None
        if cv_id is None:
            return None
        found = load_each([cv_id], _load_cvs, self.session, "CV", self.damaged)
        if not found:
            raise StoreDamaged(f"CV {cv_id} is damaged and cannot be read; import it again "
                               "(`matcher doctor` says what else is damaged)")
        return found[0]

    def update_cv_skills(self, cv: CV) -> None:
        """Save the CV's skills: the user's hand edits (added skills, source="manual", and removed
        ones), and those found again with a newer taxonomy (with its version, and each role's)."""
        with self.writing() as s:
            row = s.get(CVRow, cv.id)
            if row is None:
                raise KeyError(cv.id)
            row.skills = [convert.evidence_to_json(e) for e in cv.skills]
            row.removed_skills = list(cv.removed_skills)
            row.skills_version = cv.skills_version
            row.roles = [convert.role_to_json(r) for r in cv.roles]

    def delete_cv(self, cv_id: int) -> bool:
        with self.writing() as s:
            result = cast(CursorResult[Any], s.execute(delete(CVRow).where(CVRow.id == cv_id)))
            return bool(result.rowcount)


def _load_cvs(s: Session, ids: list[int]) -> list[CV]:
    return [convert.row_to_cv(row) for row in s.scalars(select(CVRow).where(CVRow.id.in_(ids)).order_by(CVRow.id))]
