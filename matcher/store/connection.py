"""Connections to the database file: how each is opened, and how a transaction begins.

Transactions are begun here, not by the driver (`isolation_level=None`): a write takes the write
lock at its start (BEGIN IMMEDIATE), waiting up to WRITE_WAIT_MS for another matcher; a read
begins a plain snapshot. The journal mode (WAL) is only ever set on a file recognised as matcher's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from matcher.store.opening import sqlite_uri
from matcher.store.schema import SCHEMA_VERSION, STAMP_TRIGGERS, Base

# How long a write waits for another matcher's write to finish before saying so. Long writes
# (a backup restore) commit in batches of well under a second, so this is only ever reached
# when the other process hangs.
WRITE_WAIT_MS = 20_000
# The vector cache is a nicety: a ranking does not wait for it, it skips caching.
CACHE_WAIT_MS = 1_000
READ_WAIT_MS = 5_000  # reads of a WAL file wait only while another process recovers it



def _connect(uri: str, read_only: bool) -> sqlite3.Connection:
    # isolation_level=None: transactions are begun by `_begin` below, not by the driver, so a
    # write can take the lock up front (BEGIN IMMEDIATE) instead of failing half-way through.
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    cursor = connection.cursor()
    if read_only:
        cursor.execute("PRAGMA query_only=ON")
    else:
        # WAL lets the UI read while a worker writes; only ever set on a file known to be matcher's.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    # Foreign keys keep requirements and shortlist entries from outliving their posting.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    return connection


def _begin(conn: Any) -> None:
    options = conn.get_execution_options()
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(options.get('wait_ms', READ_WAIT_MS))}")
    # IMMEDIATE takes the write lock now: a deferred transaction that reads first and writes
    # later fails at once (SQLITE_BUSY_SNAPSHOT) when another process wrote in between.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("write") else "BEGIN")


def engine_for(path: Path, read_only: bool, immutable: bool = False) -> Engine:
    uri = sqlite_uri(path, "ro" if read_only else "rw", immutable)  # never "rwc": the file exists, or it is gone
    engine = create_engine("sqlite://", creator=lambda: _connect(uri, read_only), poolclass=QueuePool)
    event.listen(engine, "begin", _begin)
    return engine


def build_schema(path: Path) -> None:
    engine = engine_for(path, read_only=False)
    try:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            for statement in STAMP_TRIGGERS:
                conn.execute(text(statement))
            conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', :v)"), {"v": str(SCHEMA_VERSION)})
    finally:
        engine.dispose()
