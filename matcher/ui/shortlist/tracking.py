"""Shortlist and export: star, track the application (status, notes), write postings out.

Writes run on the serial pool and read the shortlist back in the same op, so the window always shows
what the database holds. An export explains (verdicts and evidence) only the postings it writes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject

from matcher.domain import CV, ApplicationStatus, Posting, RankedMatch, ShortlistEntry
from matcher.services import RankingSession
from matcher.store import Store
from matcher.ui.runner import OpRunner
from matcher.ui.state import ShortlistState
from matcher.ui.worker import OpContext, OpHandle


@dataclass
class ExportRequest:
    """What to export, captured on the UI thread: the ranking's order, the postings, the shortlist."""

    fmt: str
    out: Path
    cv: CV
    matches: list[RankedMatch]
    postings: dict[int, Posting]
    entries: dict[int, ShortlistEntry] = field(default_factory=dict)
    include_contact: bool = False
    shortlist_only: bool = False
    top: int | None = None


class Tracking(QObject):
    def __init__(self, runner: OpRunner, store: Store, session: RankingSession, shortlist: ShortlistState,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._store, self._session, self._shortlist = runner, store, session, shortlist

    def set_starred(self, posting_id: int, starred: bool) -> OpHandle:
        def write(ctx: OpContext) -> list[ShortlistEntry]:
            if starred:
                self._store.shortlist_add([posting_id])
            else:
                self._store.shortlist_remove([posting_id])
            return self._store.shortlist()

        return self._runner.run("Shortlist", write, self._shortlist.replace, writes=True, quiet=True)

    def toggle_star(self, posting_id: int) -> OpHandle:
        return self.set_starred(posting_id, posting_id not in self._shortlist.entries)

    def set_application(self, posting_id: int, status: ApplicationStatus | None = None,
                        notes: str | None = None) -> OpHandle:
        def write(ctx: OpContext) -> list[ShortlistEntry]:
            self._store.set_application(posting_id, status, notes)
            return self._store.shortlist()

        return self._runner.run("Shortlist", write, self._shortlist.replace, writes=True, quiet=True)

    def export(self, request: ExportRequest) -> OpHandle | None:
        """Write the ranking (or the shortlist, or the best `top`) with each posting's explanation."""
        from matcher.export import ExportOptions, write_export

        chosen = choose_for_export(request.matches, request.entries, request.shortlist_only, request.top)
        if not chosen:
            self._runner.failed.emit("Export", "Nothing to export: star postings first, or export the ranking.")
            return None
        options = ExportOptions(request.include_contact, "Shortlist" if request.shortlist_only else "Ranked postings")
        cv_id = request.cv.id
        assert cv_id is not None

        def write(ctx: OpContext) -> int:
            explained = self._session.explain(cv_id, [m.posting_id for m in chosen])
            write_export(request.fmt, request.out, explained, request.postings, request.entries, request.cv, options)
            return len(explained)

        return self._runner.run("Exporting", write,
                                lambda count: self._runner.message.emit(f"Exported {count} postings to {request.out}"),
                                writes=False)


def choose_for_export(matches: Sequence[RankedMatch], entries: Mapping[int, ShortlistEntry], shortlist_only: bool,
                      top: int | None) -> list[RankedMatch]:
    """The matches an export writes, in ranking order: the starred ones, or the best `top`, or all."""
    return [m for m in matches if not shortlist_only or m.posting_id in entries][:top]
