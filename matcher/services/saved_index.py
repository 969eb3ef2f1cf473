"""The ranking session's index saved beside the database, and which postings changed since.

A new process (a reopened app, the next `matcher` command) ranks from the saved index and reads
again only the postings whose stamp differs from the one they were read at. The stamps are renewed
by SQLite triggers on every write to a posting or its requirements (`store.schema.PostingStampRow`),
so a write by another process, a restore or a file copied over is seen whatever wrote it. The file
is keyed by what its arrays were computed with (`key`); a file for another key, or one that cannot
be read, is ignored and written again (`engine/index_snapshot`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import logging
from pathlib import Path

from matcher.engine import index_snapshot
from matcher.engine.features import POSTING_OPENING_WORDS, REQUIREMENT_BLEND
from matcher.engine.lexical import SCHEME
from matcher.engine.posting_index import PostingIndex
from matcher.store import Store

log = logging.getLogger(__name__)
SAVED_INDEX_SUFFIX = ".ranking-index"  # beside the database: matcher.db → matcher.db.ranking-index
# Postings read again since the index was saved (or loaded) before it is saved anew: below it, a new
# process reads them again (100 postings: ~30 ms); saving 10,000 postings' index takes ~0.3 s.
SAVE_AFTER_CHANGES = 100


def key(model_id: str, taxonomy_version: str) -> str:
    """What a saved index depends on besides the postings themselves."""
    return "|".join((model_id, taxonomy_version, SCHEME, str(POSTING_OPENING_WORDS), str(REQUIREMENT_BLEND),
                     _code_digest()))


# The code a saved index's rows were computed with (requirement weights, names, title facts); the
# taxonomy has its own version in the key, and the domain classes are data.
INDEX_MODULES = ("matcher.engine.posting_index", "matcher.engine.requirement_info", "matcher.engine.unknown_names",
                 "matcher.engine.lexical", "matcher.engine.scoring", "matcher.years", "matcher.engine.features",
                 "matcher.engine.degrees")


@functools.cache
def _code_digest() -> str:
    """The code and data a saved index's rows were computed with."""
    from matcher.paths import REFERENCE

    h = hashlib.sha1()
    for name in INDEX_MODULES:
        h.update(Path(importlib.import_module(name).__file__ or "").read_bytes())
    h.update(REFERENCE.read_bytes())
    return h.hexdigest()


class SavedIndex:
    def __init__(self, store: Store, keeps: bool = True) -> None:
        """`keeps`: False for a session that must not use one (other reference statistics than the shipped)."""
        self.store = store
        self.path = store.path.with_name(store.path.name + SAVED_INDEX_SUFFIX)
        self._keeps = keeps
        self._key: str | None = None
        self._stamps: dict[int, bytes] = {}  # each posting's stamp when it was last read
        self._unsaved = 0  # postings read again since the index was saved or loaded

    def open(self, key: str) -> tuple[PostingIndex, list[int]] | None:
        """The saved index for `key` and the postings changed since (to read again), or None when
        every posting must be read. Every stamp is read first: a write after this is seen next time."""
        self._key, self._unsaved = (key if self._keeps else None), 0
        saved = index_snapshot.load(self.path, self._key) if self._key else None
        self._stamps = self.store.posting_stamps()
        if saved is None:
            return None
        index, stamps = saved
        changed = {i for i, s in self._stamps.items() if stamps.get(i) != s} | (stamps.keys() - self._stamps.keys())
        if len(changed) > len(self._stamps) // 2:  # reading everything is as quick
            return None
        return index, sorted(changed)

    def reading(self, ids: list[int]) -> None:
        """These postings are about to be read again: their stamps now, before they are read."""
        wanted = set(ids)
        self._stamps = {i: s for i, s in self._stamps.items() if i not in wanted} | self.store.posting_stamps(ids)
        self._unsaved += len(ids)

    def derived_written(self, stamps: dict[int, tuple[bytes, bytes]]) -> None:
        """This session wrote what it derived from these postings (skills found again), which renewed
        their stamps (before, after): the index holds what was written, so a posting stays current
        unless another write came between its reading and this one."""
        for posting_id, (before, after) in stamps.items():
            if self._stamps.get(posting_id) == before:
                self._stamps[posting_id] = after

    def save(self, index: PostingIndex, when_due: bool = False) -> None:
        """Write `index` with the stamps its postings were read at; `when_due`: only once
        SAVE_AFTER_CHANGES postings were read again since the last save."""
        if self._key is None or (when_due and self._unsaved < SAVE_AFTER_CHANGES):
            return
        try:
            # Only postings in the index: one left out (unreadable, no vectors) is tried again next time.
            stamps = {i: s for i, s in self._stamps.items() if i in index.row_of}
            index_snapshot.save(self.path, index, self._key, stamps)
            self._unsaved = 0
        except OSError as exc:  # a read-only folder or a full disk: ranking goes on without it
            log.warning("could not save the ranking index: %s", exc)
