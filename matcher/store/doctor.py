"""`matcher doctor`: check the database file and say what is damaged.

SQLite's own check (`PRAGMA integrity_check`) finds a broken file structure; it does not find a
row whose bytes were flipped inside its text, which then fails every read of it. So every row
matcher keeps is also read back the way the app reads it, and each one that fails is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text

from matcher.safe_text import file_name
from matcher.store.reading import DAMAGE, Damage
from matcher.store.schema import PostingRow, SettingRow
from matcher.store.settings import problem
from matcher.store.store import Store

MAX_MESSAGES = 20  # integrity_check can list thousands of pages; the first few say enough


@dataclass
class Report:
    path: str
    integrity: list[str] = field(default_factory=list)  # ["ok"] when the structure is sound
    foreign_keys: int = 0  # rows pointing at a posting that is gone
    damaged: list[Damage] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.foreign_keys and not self.damaged

    def summary(self) -> str:
        if self.ok:
            return "no damage found"
        parts = [] if self.integrity == ["ok"] else ["the file's structure is damaged"]
        parts += [f"{len(self.damaged)} damaged record{'s' if len(self.damaged) != 1 else ''}"] if self.damaged else []
        parts += [f"{self.foreign_keys} rows point at missing postings"] if self.foreign_keys else []
        return "; ".join(parts) + ". `matcher backup export FILE` saves everything that can still be read, " \
            "and `matcher --db NEW backup import FILE` puts it in a fresh file"

    def lines(self) -> list[str]:
        found = ", ".join(f"{n:,} {what}" for what, n in self.counts.items())
        lines = [f"{self.path}: {found}", f"structure: {'ok' if self.integrity == ['ok'] else 'DAMAGED'}"]
        lines += [f"  {message}" for message in self.integrity if message != "ok"]
        lines += [f"damaged: {damage.describe()}" for damage in self.damaged]
        lines.append(self.summary())
        return lines

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "path": self.path, "integrity": self.integrity, "foreign_key_errors": self.foreign_keys,
                "damaged": [{"kind": d.kind, "id": d.id, "reason": d.reason} for d in self.damaged],
                "counts": self.counts}


def examine(store: Store) -> Report:
    report = Report(file_name(store.path))
    with store.engine.connect() as conn:
        try:
            report.integrity = [row[0] for row in conn.execute(text(f"PRAGMA integrity_check({MAX_MESSAGES})"))]
            report.foreign_keys = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
        except DAMAGE as error:
            report.integrity = [f"the check itself failed: {type(error).__name__}"]
    store.damaged.clear()
    with store.session() as s:
        posting_ids = list(s.scalars(select(PostingRow.id).order_by(PostingRow.id)))
    report.counts["postings"] = len(store.postings(posting_ids) if posting_ids else [])
    report.counts["CVs"] = len(store.cvs())
    report.counts["shortlist entries"] = len(store.shortlist())
    report.counts["settings"] = _settings(store)
    report.counts["cached vectors"] = _vectors(store)
    report.damaged = list(store.damaged.values())
    store.damaged.clear()  # reported here; the CLI need not list them again
    return report


def _settings(store: Store) -> int:
    with store.session() as s:
        keys = list(s.scalars(select(SettingRow.key)))
    for key in keys:
        try:
            with store.session() as s:
                row = s.get(SettingRow, key)
                reason = problem(key, row.value if row else None)
        except DAMAGE:
            reason = "it cannot be read"
        if reason:
            store.damaged[("setting", len(store.damaged))] = Damage(f"setting {key!r}", None, reason)
    return len(keys)


def _vectors(store: Store) -> int:
    """Cached vectors are a cache: one that is not whole float32 numbers is named (checked in SQL,
    so a damaged key's text is never decoded)."""
    with store.session() as s:
        count = int(s.scalar(text("SELECT count(*) FROM embeddings")) or 0)
        bad = s.execute(text("SELECT rowid FROM embeddings WHERE typeof(vector) != 'blob' OR length(vector) % 4 != 0"))
        for (rowid,) in bad:
            store.damaged[("cached vector", rowid)] = Damage("cached vector", rowid, "not a list of numbers")
    return count
