"""Shortlist and export: star, track the application (status, notes), write the ranking out.

Writes go through the controller's worker like every other op; the new shortlist is read back in
the same op, so the window always shows what the database holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from matcher.domain import ApplicationStatus, ShortlistEntry
from matcher.ui.worker import OpContext, OpHandle

if TYPE_CHECKING:
    from matcher.ui.controller import Controller


class Tracking:
    def __init__(self, controller: Controller) -> None:
        self._c = controller

    def set_starred(self, posting_id: int, starred: bool) -> OpHandle:
        store = self._c.store

        def write(ctx: OpContext) -> dict[int, ShortlistEntry]:
            if starred:
                store.shortlist_add([posting_id])
            else:
                store.shortlist_remove([posting_id])
            return {e.posting_id: e for e in store.shortlist()}

        return self._c.run("Shortlist", write, self._entries)

    def toggle_star(self, posting_id: int) -> OpHandle:
        return self.set_starred(posting_id, posting_id not in self._c.state.entries)

    def set_application(self, posting_id: int, status: ApplicationStatus | None = None,
                        notes: str | None = None) -> OpHandle:
        store = self._c.store

        def write(ctx: OpContext) -> dict[int, ShortlistEntry]:
            store.set_application(posting_id, status, notes)
            return {e.posting_id: e for e in store.shortlist()}

        return self._c.run("Shortlist", write, self._entries)

    def _entries(self, entries: dict[int, ShortlistEntry]) -> None:
        self._c.state.entries = entries
        self._c.shortlistChanged.emit()

    def export(self, fmt: str, out: Path, include_contact: bool = False, shortlist_only: bool = False,
               top: int | None = None) -> OpHandle | None:
        """Write the ranking (or the shortlist, or the best `top`) with its explanations."""
        from matcher.export import ExportOptions, write_export

        state = self._c.state
        cv = state.cv
        if cv is None:
            self._c.failed.emit("Export", "Load a CV first: the export explains each posting against it.")
            return None
        matches = [m for m in state.matches if not shortlist_only or m.posting_id in state.entries][:top]
        if not matches:
            self._c.failed.emit("Export", "Nothing to export: star postings first, or export the ranking.")
            return None
        options = ExportOptions(include_contact, "Shortlist" if shortlist_only else "Ranked postings")
        postings, entries = dict(state.postings), dict(state.entries)  # the op gets its own copies

        def write(ctx: OpContext) -> Path:
            write_export(fmt, out, matches, postings, entries, cv, options)
            return out

        return self._c.run("Exporting", write,
                           lambda path: self._c.message.emit(f"Exported {len(matches)} postings to {path}"),
                           writes=False)
