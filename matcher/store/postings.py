"""Stored postings: adding (a posting already stored gains what it lacked), reading back, removing
with undo, and deleting for good."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.domain import Posting, Requirement
from matcher.store import convert
from matcher.store.base import StoreBase, for_ids
from matcher.store.reading import load_each
from matcher.store.schema import PostingRow, RequirementRow
from matcher.store.merge import merge_into, source_file


@dataclass(frozen=True)
class AddResult:
    added_ids: list[int]  # new postings, and removed ones the import brought back
    duplicates: int  # postings already stored or given twice, with nothing new in them
    merged_ids: list[int] = field(default_factory=list)  # postings stored before that gained places, links or sources
    merged: int = 0  # postings given again with something new, merged into the one stored (or just added)


class PostingTable(StoreBase):
    """Postings: `Store` reads and writes them through this part."""

    def add_postings(self, postings: Iterable[Posting]) -> AddResult:
        """Store new postings in one transaction. One already stored (same fingerprint) keeps its row
        and gains the places, links and sources it lacked (`merge_into`); a removed one comes back.
        Re-importing a file therefore changes nothing."""
        added: list[PostingRow] = []
        changed: dict[int, PostingRow] = {}
        fresh: set[int] = set()  # id() of the rows in `added`
        duplicates = merged = 0
        now = datetime.now()
        keyed = [(posting.fingerprint(), posting) for posting in postings]
        with self.writing() as s:
            rows = self._stored_rows(s, [key for key, _ in keyed])
            for fingerprint, posting in keyed:
                row = rows.get(fingerprint)
                if row is None:
                    rows[fingerprint] = row = convert.posting_to_row(posting, fingerprint, now)
                    s.add(row)
                    added.append(row)
                    fresh.add(id(row))
                elif row.removed_at is not None:  # removed by the user, imported again: it is back
                    row.removed_at = None
                    merge_into(row, posting)
                    added.append(row)
                    fresh.add(id(row))
                elif merge_into(row, posting):
                    merged += 1
                    if id(row) not in fresh:  # a row new in this batch is "added", not "changed"
                        changed[id(row)] = row
                else:
                    duplicates += 1
            s.flush()
            return AddResult([row.id for row in added], duplicates, [row.id for row in changed.values()], merged)

    @staticmethod
    def _stored_rows(s: Session, fingerprints: list[str]) -> dict[str, PostingRow]:
        return {row.fingerprint: row for query in for_ids(select(PostingRow), PostingRow.fingerprint, fingerprints)
                for row in s.scalars(query)}

    def postings(self, ids: Iterable[int] | None = None, with_requirements: bool = True) -> list[Posting]:
        """Stored postings (not removed), oldest first; a damaged one is skipped and recorded in
        `damaged`, so one bad row never hides the others. Without requirements (`requirements` left
        empty): what a list of thousands needs; the window holds these and reads the one it shows whole."""
        query = select(PostingRow.id).where(PostingRow.removed_at.is_(None)).order_by(PostingRow.id)
        with self.session() as s:
            found = [posting_id for chunk in for_ids(query, PostingRow.id, ids) for posting_id in s.scalars(chunk)]
        load = _load_postings if with_requirements else _load_listed_postings
        return load_each(found, load, self.session, "posting", self.damaged)

    def posting(self, posting_id: int) -> Posting | None:
        found = self.postings([posting_id])
        return found[0] if found else None

    def count_postings(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.count(PostingRow.id)).where(PostingRow.removed_at.is_(None))) or 0)

    def delete_postings(self, ids: Iterable[int]) -> int:
        with self.writing() as s:
            rows = [row for chunk in for_ids(select(PostingRow), PostingRow.id, ids) for row in s.scalars(chunk)]
            for row in rows:
                s.delete(row)
            return len(rows)

    # -- removing postings, with undo -----------------------------------------------------------
    def remove_postings(self, ids: Iterable[int]) -> list[int]:
        """Mark postings removed (kept for `restore_postings` until `purge_removed`); returns the ids
        that were stored and not removed yet."""
        with self.writing() as s:
            stored = select(PostingRow).where(PostingRow.removed_at.is_(None))
            rows = [row for chunk in for_ids(stored, PostingRow.id, ids) for row in s.scalars(chunk)]
            now = datetime.now()
            for row in rows:
                row.removed_at = now
            return sorted(row.id for row in rows)

    def remove_source(self, path: str) -> list[int]:
        """Remove every posting imported from the file `path` only (one also imported from another
        file stays); returns their ids."""
        with self.session() as s:
            stored = s.execute(select(PostingRow.id, PostingRow.source, PostingRow.sources)
                               .where(PostingRow.removed_at.is_(None)))
            ids = [posting_id for posting_id, source, sources in stored
                   if all(source_file(item) == path for item in [source, *(sources or [])])]
        return self.remove_postings(ids)

    def restore_postings(self, ids: Iterable[int]) -> list[int]:
        """Undo `remove_postings`; returns the ids brought back."""
        with self.writing() as s:
            removed = select(PostingRow).where(PostingRow.removed_at.is_not(None))
            rows = [row for chunk in for_ids(removed, PostingRow.id, ids) for row in s.scalars(chunk)]
            for row in rows:
                row.removed_at = None
            return sorted(row.id for row in rows)

    def removed_postings(self) -> list[tuple[int, str, datetime]]:
        """(id, title, when removed) of the postings removed and not purged yet, newest first."""
        with self.session() as s:
            query = (select(PostingRow.id, PostingRow.title, PostingRow.removed_at)
                     .where(PostingRow.removed_at.is_not(None)).order_by(PostingRow.removed_at.desc(), PostingRow.id))
            return [(posting_id, title, when) for posting_id, title, when in s.execute(query) if when is not None]

    def purge_removed(self, before: datetime) -> int:
        """Delete for good the postings removed before `before`; returns how many."""
        with self.writing() as s:
            rows = list(s.scalars(select(PostingRow).where(PostingRow.removed_at < before)))
            for row in rows:
                s.delete(row)
            return len(rows)


def _load_listed_postings(s: Session, ids: list[int]) -> list[Posting]:
    return _load_postings(s, ids, with_requirements=False)


def _load_postings(s: Session, ids: list[int], with_requirements: bool = True) -> list[Posting]:
    # Plain rows, not ORM instances: reading a few thousand postings back after an import made
    # hundreds of thousands of short-lived ORM objects, enough to set off full garbage collections
    # that paused every thread, the window's included.
    jobs, reqs = PostingRow.__table__, RequirementRow.__table__
    lines = s.execute(select(reqs.c.job_id, reqs.c.text, reqs.c.kind, reqs.c.skills, reqs.c.years)
                      .where(reqs.c.job_id.in_(ids)).order_by(reqs.c.job_id, reqs.c.position)).all() \
        if with_requirements else []
    by_posting: dict[int, list[Requirement]] = {}
    for posting_id, text_, kind, skills, years in lines:
        by_posting.setdefault(posting_id, []).append(convert.requirement(text_, kind, skills, years))
    rows = s.execute(select(jobs).where(jobs.c.id.in_(ids)).order_by(jobs.c.id)).all()
    return [convert.row_to_posting(row, by_posting.get(row.id, [])) for row in rows]
