"""The one SQLite file that holds a user's postings, CVs, shortlist and vector cache.

One short `Session` per operation; callers get plain dataclasses (`matcher.domain`), never live
ORM rows, so results can cross threads. Each `add_postings` call is one transaction: a failure or a
kill in the middle leaves the file as it was before that call.

Before anything is written the file is recognised (`opening`): another program's file is refused
unchanged, a read-only one is opened read-only. What goes wrong with the file comes out as a
`StoreError` with a sentence for the user (`errors`); a damaged row is skipped and recorded in
`damaged` (`reading`), so one bad row never hides the others.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from matcher.store.postings import AddResult, PostingTable
from matcher.store.cvs import CVTable
from matcher.store.shortlist import ShortlistTable
from matcher.store.ranking_data import RankingData
from matcher.store.user_entries import UserEntries

DB_ENV = "MATCHER_DB"


def default_db_path() -> Path:
    """`MATCHER_DB` when set, else matcher.db in the user's data folder (created on first use)."""
    if env := os.environ.get(DB_ENV):
        return Path(env)
    return Path(user_data_dir("matcher", appauthor=False)) / "matcher.db"


class Store(PostingTable, CVTable, ShortlistTable, RankingData, UserEntries):
    """The whole file, one part per concern (each in its own module); every part shares the
    connection and transactions of `StoreBase`."""


__all__ = ["DB_ENV", "AddResult", "Store", "default_db_path"]
