"""Upgrades: a database file written by an earlier schema opens with nothing lost."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from matcher.store import upgrades
from matcher.domain import Posting, Salary
from matcher.store.schema import SCHEMA_VERSION
from matcher.store import Store, StoreError

SCHEMA_V0 = Path(__file__).parent / "data" / "schema_v0.sql"


def v0_file(tmp_path: Path, drop: str | None = None) -> Path:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA_V0.read_text(encoding="utf-8"))
        if drop:
            conn.execute(f"DROP TABLE {drop}")
    conn.close()
    return path


def stored_version(path: Path) -> str | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    conn.close()
    return row[0] if row else None


def test_a_version_0_file_opens_with_every_record_and_is_stamped_current(tmp_path: Path) -> None:
    path = v0_file(tmp_path)
    assert stored_version(path) is None
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    [posting] = store.postings()
    assert (posting.title, posting.company, posting.posted) == ("Software Engineer (Java)", "Vonage", date(2026, 11, 20))
    assert [(r.text, r.kind, r.years) for r in posting.requirements] == [("Java", "required", None), ("3+ years of Kotlin", "preferred", 3.0)]
    assert posting.raw.startswith("Software Engineer (Java)\nabout 20 hours ago")
    [cv] = store.cvs()
    assert [e.skill for e in cv.effective_skills()] == ["Java", "Rust"] and cv.removed_skills == ["Excel"]
    assert cv.contact == {"email": "john@example.com"}
    [entry] = store.shortlist()
    assert (entry.posting_id, entry.status, entry.notes) == (posting.id, "Interview", "Second call on Thursday")
    assert store.user_taxonomy() == ([], {"k8s": "Kubernetes"})
    assert store.setting("score_weights") == {"required": 0.5}
    assert store.integrity_ok()
    store.close()
    assert stored_version(path) == str(SCHEMA_VERSION)


def test_after_the_upgrade_the_old_postings_still_deduplicate_and_new_ones_store(tmp_path: Path) -> None:
    store = Store(v0_file(tmp_path))
    # The file holds the fingerprint version 0 computed; importing the same posting again must
    # still find it, whatever the fingerprint has become since (an upgrade must recompute them).
    same = Posting(
        title="Software Engineer (Java)",
        company="Vonage",
        description="Key requirements: Java, Go, Kotlin, Microservices architecture, Spring Boot Reactive, AWS, Docker, Kubernetes.",
        raw="", source="re-import", salary=Salary(94000.0, 118000.0, "EUR", "year"),
    )  # fmt: skip
    other = Posting(title="Data Engineer", company="Acme", description="Spark and SQL.", raw="", source="new")
    result = store.add_postings([same, other])
    # Found again, and from another source: merged into the old row (which gains that source).
    assert (len(result.added_ids), result.merged, result.duplicates) == (1, 1, 0)
    store.close()
    assert Store(tmp_path / "old.db").count_postings() == 2


def test_a_table_added_since_version_0_is_created_on_open(tmp_path: Path) -> None:
    store = Store(v0_file(tmp_path, drop="settings"))
    store.set_setting("score_weights", {"semantic": 0.3})
    assert store.setting("score_weights") == {"semantic": 0.3}
    assert len(store.postings()) == 1
    store.close()


def test_a_failed_upgrade_step_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = v0_file(tmp_path)

    def broken_step(conn: object) -> None:
        conn.execute(upgrades.text("DELETE FROM shortlist"))  # type: ignore[attr-defined]
        raise RuntimeError("disk full halfway through the upgrade")

    monkeypatch.setitem(upgrades.UPGRADES, 0, broken_step)
    with pytest.raises(RuntimeError):
        Store(path)
    monkeypatch.undo()
    assert stored_version(path) is None
    store = Store(path)  # the real upgrade then succeeds on the untouched file
    assert len(store.shortlist()) == 1 and store.schema_version() == SCHEMA_VERSION
    store.close()


def test_a_file_from_a_newer_matcher_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = v0_file(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION + 1),))
    conn.close()
    with pytest.raises(StoreError, match="newer matcher"):
        Store(path)
    assert stored_version(path) == str(SCHEMA_VERSION + 1)


def test_upgraded_postings_are_stamped_and_later_writes_renew_the_stamp(tmp_path: Path) -> None:
    # Version 4 stamps every posting; the saved ranking index compares stamps to find what changed.
    store = Store(v0_file(tmp_path))
    [posting] = store.postings()
    assert posting.id is not None
    before = store.posting_stamps()
    assert set(before) == {posting.id} and len(before[posting.id]) == 8
    store.set_application(posting.id, notes="not a posting write")  # the shortlist is another table
    assert store.posting_stamps() == before
    store.remove_postings([posting.id])
    assert store.posting_stamps()[posting.id] != before[posting.id], "a removal is a change of the posting"
    store.delete_postings([posting.id])
    assert store.posting_stamps() == {}
