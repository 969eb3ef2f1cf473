"""Schema upgrade steps: `UPGRADES[n]` takes a file from schema version n to n + 1.

Each step runs inside the transaction that opens the file, so a failed upgrade leaves the file
as it was. Version 0 is a file whose `meta` table has no version row (never written by a release).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text


def _stamp_version(conn: Connection) -> None:
    conn.execute(text("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '0')"))


UPGRADES: dict[int, Callable[[Connection], None]] = {
    0: _stamp_version,
}
