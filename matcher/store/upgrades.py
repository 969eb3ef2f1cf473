"""Schema upgrade steps: `UPGRADES[n]` takes a file from schema version n to n + 1.

Each step runs inside the transaction that opens the file, so a failed upgrade leaves the file
as it was. Version 0 is a file whose `meta` table has no version row (never written by a release).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text

from matcher.domain import Posting, Salary
from matcher.store.schema import STAMP_TRIGGERS, Base, PostingStampRow


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


# Version 3: a posting's language, every link and source of merged duplicates, the taxonomy version
# its skills came from, and a removal time (delete with undo); a CV's language, dated roles, the
# date "Present" means, and its skills' taxonomy version. All nullable or empty: old rows stay valid
# and their skills are found again with the current taxonomy the first time they are read.
_V3_COLUMNS = (
    ("jobs", "language", "VARCHAR(8)"), ("jobs", "links", "JSON DEFAULT '[]'"),
    ("jobs", "sources", "JSON DEFAULT '[]'"), ("jobs", "skills_version", "VARCHAR(64)"),
    ("jobs", "removed_at", "DATETIME"),
    ("cvs", "language", "VARCHAR(8)"), ("cvs", "roles", "JSON DEFAULT '[]'"), ("cvs", "as_of", "DATE"),
    ("cvs", "skills_version", "VARCHAR(64)"),
)


def _languages_links_roles_and_versions(conn: Connection) -> None:
    for table, column, kind in _V3_COLUMNS:
        # A file that lost its version row may already have them: add only what is missing.
        have = {row[1] for row in conn.execute(text(f"PRAGMA table_info({table})"))}
        if column not in have:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_jobs_removed_at ON jobs (removed_at)"))


def _posting_stamps(conn: Connection) -> None:
    """Version 4: a stamp per posting, renewed by triggers on every write (`schema.PostingStampRow`)."""
    Base.metadata.create_all(conn, tables=[PostingStampRow.__table__])  # type: ignore[list-item]
    for statement in STAMP_TRIGGERS:
        conn.execute(text(statement))
    conn.execute(text("INSERT OR IGNORE INTO posting_stamps (posting_id, stamp) SELECT id, randomblob(8) FROM jobs"))


UPGRADES: dict[int, Callable[[Connection], None]] = {
    0: _stamp_version,
    1: _fingerprints_with_salary,
    2: _languages_links_roles_and_versions,
    3: _posting_stamps,
}
