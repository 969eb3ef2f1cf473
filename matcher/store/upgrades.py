"""Schema upgrade steps: `UPGRADES[n]` takes a file from schema version n to n + 1.

Each step runs inside the transaction that opens the file, so a failed upgrade leaves the file
as it was. Version 0 is a file whose `meta` table has no version row (never written by a release).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text

from matcher.domain import Posting, Salary


def _stamp_version(conn: Connection) -> None:
    conn.execute(text("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '0')"))


def _fingerprints_with_salary(conn: Connection) -> None:
    """Version 2 counts the salary in a posting's fingerprint (two pay bands are two postings).

    Stored fingerprints are recomputed, or re-importing a file would no longer recognise its own
    postings. The new key only splits old ones, so unique fingerprints stay unique.
    """
    rows = conn.execute(text("SELECT id, title, company, description, salary_min, salary_max FROM jobs")).fetchall()
    for posting_id, title, company, description, low, high in rows:
        salary = Salary(low, high, None, None) if low is not None or high is not None else None
        posting = Posting(title=title, company=company, description=description, raw="", source="", salary=salary)
        conn.execute(text("UPDATE jobs SET fingerprint = :f WHERE id = :i"), {"f": posting.fingerprint(), "i": posting_id})


UPGRADES: dict[int, Callable[[Connection], None]] = {
    0: _stamp_version,
    1: _fingerprints_with_salary,
}
