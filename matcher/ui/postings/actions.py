"""What the user does to postings: import files, folders, dropped items or pasted text; remove postings
(selected, or a whole import by its file) and undo that; back up and restore.

Each write runs on the serial pool, tells the ranking session which postings changed, and reads
back those postings, so the UI thread only merges a plain `PostingsChange` into `PostingsState`.
Nothing re-ranks when nothing changed (a re-import of the same file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from matcher import services
from matcher.domain import Posting, ShortlistEntry
from matcher.store import Store
from matcher.store.backup import BackupStats, restore_backup, write_backup
from matcher.ui.runner import OpRunner
from matcher.ui.state import PostingsState, ShortlistState
from matcher.ui.worker import OpContext, OpHandle

CV_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
CV_SECTIONS = {"experience", "education", "skills"}  # a file with one of these reads as a CV


@dataclass
class PostingsChange:
    """What a write did to the postings: those now stored (new or merged) and those removed."""

    upserted: list[Posting] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    shortlist: list[ShortlistEntry] | None = None  # the shortlist read back, when it may have changed

    @property
    def ids(self) -> list[int]:
        return [p.id for p in self.upserted if p.id is not None] + self.removed


@dataclass
class Removal:
    """Postings the user removed, kept so Undo can bring them back; `what` says which, in words."""

    ids: list[int]
    what: str


def looks_like_cv(path: Path) -> bool:
    """A dropped file is a CV when it reads as one: it has experience, education or skills."""
    if path.suffix.lower() not in CV_SUFFIXES:
        return False
    from matcher.ingest.cv import CVReadError, read_cv

    try:
        cv = read_cv(path)
    except CVReadError:
        return False
    return bool(CV_SECTIONS & {s.name for s in cv.sections})


class PostingActions(QObject):
    importFinished = Signal(object)  # services.ImportSummary
    removed = Signal(object)  # Removal: the window offers Undo

    def __init__(self, runner: OpRunner, store: Store, session: services.RankingSession, postings: PostingsState,
                 shortlist: ShortlistState, rank: Callable[[], object], load_cv: Callable[[Path], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._store, self._session = runner, store, session
        self._postings, self._shortlist = postings, shortlist
        self._rank, self._load_cv = rank, load_cv

    # -- import ---------------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> OpHandle:
        paths = list(paths)
        return self._import("Importing postings",
                            lambda ctx: services.import_postings_in_child(self._store, paths, ctx.progress, ctx.cancelled))

    def import_text(self, text: str) -> OpHandle:
        return self._import("Importing pasted posting", lambda ctx: services.import_posting_text(self._store, text))

    def _import(self, label: str, read: Callable[[OpContext], services.ImportSummary]) -> OpHandle:
        def work(ctx: OpContext) -> tuple[services.ImportSummary, PostingsChange]:
            summary = read(ctx)
            return summary, self._changed(summary.posting_ids + summary.merged_ids)

        def done(result: tuple[services.ImportSummary, PostingsChange]) -> None:
            summary, change = result
            self._apply(change)
            self.importFinished.emit(summary)

        return self._runner.run(label, work, done, writes=True)

    def open_paths(self, paths: Sequence[Path]) -> OpHandle:
        """Dropped files and folders: a file that reads as a CV is loaded as the CV, the rest imported."""
        paths = list(paths)

        def route(ctx: OpContext) -> tuple[list[Path], list[Path]]:
            cvs = [p for p in paths if p.is_file() and looks_like_cv(p)]
            return cvs, [p for p in paths if p not in cvs]

        def routed(result: tuple[list[Path], list[Path]]) -> None:
            cvs, postings = result
            for path in cvs:
                self._load_cv(path)
            if postings:
                self.import_paths(postings)

        return self._runner.run("Reading dropped files", route, routed, writes=False)

    # -- remove and undo ------------------------------------------------------------------------
    def remove(self, posting_ids: Sequence[int]) -> OpHandle | None:
        ids = list(posting_ids)
        if not ids:
            return None
        what = f"{len(ids):,} posting{'s' if len(ids) != 1 else ''}"
        return self._remove(lambda: self._store.remove_postings(ids), what)

    def remove_source(self, source_file: str) -> OpHandle:
        """Every posting imported from that file (those also imported from another file stay)."""
        return self._remove(lambda: self._store.remove_source(source_file), f"the import of {Path(source_file).name}")

    def _remove(self, write: Callable[[], list[int]], what: str) -> OpHandle:
        def work(ctx: OpContext) -> PostingsChange:
            ids = write()
            self._session.postings_changed(ids)
            return PostingsChange(removed=ids, shortlist=self._store.shortlist())

        def done(change: PostingsChange) -> None:
            self._apply(change)
            if change.removed:
                self.removed.emit(Removal(change.removed, what))

        return self._runner.run("Removing postings", work, done, writes=True)

    def undo_remove(self, removal: Removal) -> OpHandle:
        def work(ctx: OpContext) -> PostingsChange:
            return self._changed(self._store.restore_postings(removal.ids))

        def done(change: PostingsChange) -> None:
            self._apply(change)
            self._runner.message.emit(f"Brought back {len(change.upserted):,} postings")

        return self._runner.run("Undoing the removal", work, done, writes=True)

    # -- backup ---------------------------------------------------------------------------------
    def backup(self, path: Path) -> OpHandle:
        def written(stats: BackupStats) -> None:
            self._runner.message.emit(f"Backed up {stats.postings} postings and {stats.cvs} CVs to {path.name}")

        return self._runner.run("Backing up", lambda ctx: write_backup(self._store, path), written, writes=False)

    def restore(self, path: Path, reload: Callable[[], object]) -> OpHandle:
        """Merge a backup, then `reload` everything; a damaged or foreign file changes nothing."""

        def work(ctx: OpContext) -> BackupStats:
            stats = restore_backup(self._store, path)
            self._session.postings_changed()
            return stats

        def restored(stats: BackupStats) -> None:
            self._runner.message.emit(f"Restored {stats.postings} postings and {stats.cvs} CVs from {path.name}")
            reload()

        return self._runner.run("Restoring", work, restored, writes=True)

    # -- inside ---------------------------------------------------------------------------------
    def _changed(self, ids: list[int]) -> PostingsChange:
        """Runs in the op: tell the session, read the changed postings back."""
        if not ids:
            return PostingsChange()
        self._session.postings_changed(ids)
        # Listed, not whole: thousands of postings' requirement objects held by the window made every
        # full garbage collection long enough to freeze it; the detail pane reads the one it shows.
        return PostingsChange(upserted=self._store.postings(ids, with_requirements=False),
                              shortlist=self._store.shortlist())

    def _apply(self, change: PostingsChange) -> None:
        if not change.ids:
            return  # nothing changed: no refresh, no ranking
        self._postings.update(change.upserted, change.removed)
        if change.shortlist is not None:
            self._shortlist.replace(change.shortlist)
        self._rank()

