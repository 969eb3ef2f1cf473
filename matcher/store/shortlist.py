"""The shortlist: starred postings and the applications tracked on them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from matcher.domain import ApplicationStatus, ShortlistEntry
from matcher.store import convert
from matcher.store.base import StoreBase
from matcher.store.reading import load_each
from matcher.store.schema import PostingRow, ShortlistRow


class ShortlistTable(StoreBase):
    """The shortlist: `Store` reads and writes it through this part."""

    def shortlist_add(self, posting_ids: Iterable[int]) -> list[int]:
        """Star postings; returns the ids that do not exist (nothing is added for them)."""
        unknown = []
        with self.writing() as s:
            for posting_id in posting_ids:
                if s.get(PostingRow, posting_id) is None:
                    unknown.append(posting_id)
                elif s.get(ShortlistRow, posting_id) is None:
                    s.add(ShortlistRow(posting_id=posting_id, status="Saved", notes="", added=datetime.now()))
        return unknown

    def shortlist_remove(self, posting_ids: Iterable[int]) -> int:
        with self.writing() as s:
            statement = delete(ShortlistRow).where(ShortlistRow.posting_id.in_(list(posting_ids)))
            return int(cast(CursorResult[Any], s.execute(statement)).rowcount)

    def shortlist(self) -> list[ShortlistEntry]:
        with self.session() as s:
            found = list(s.scalars(select(ShortlistRow.posting_id).join(PostingRow).where(PostingRow.removed_at.is_(None))
                                  .order_by(ShortlistRow.added, ShortlistRow.posting_id)))
        return load_each(found, _load_shortlist, self.session, "shortlist entry", self.damaged)

    def set_application(self, posting_id: int, status: ApplicationStatus | None = None, notes: str | None = None) -> None:
        """Track an application: status and notes; stars the posting if it was not yet."""
        self.shortlist_add([posting_id])
        with self.writing() as s:
            row = s.get(ShortlistRow, posting_id)
            if row is None:
                raise KeyError(posting_id)
            if status is not None:
                row.status = status
            if notes is not None:
                row.notes = notes


def _load_shortlist(s: Session, ids: list[int]) -> list[ShortlistEntry]:
    rows = s.scalars(select(ShortlistRow).where(ShortlistRow.posting_id.in_(ids))
                     .order_by(ShortlistRow.added, ShortlistRow.posting_id))
    return [convert.row_to_entry(row) for row in rows]
