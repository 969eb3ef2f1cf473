"""The SQLite store: one file, WAL, versioned schema, transactions that keep data whole."""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import fields
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from matcher.domain import CV, Posting, ParseReport, Requirement, Salary, SkillEvidence
from matcher.store.schema import SCHEMA_VERSION
from matcher.store import Store, StoreError


def posting(title: str = "Backend Engineer", company: str = "Acme", body: str = "Build APIs in Python.") -> Posting:
    return Posting(
        title=title,
        company=company,
        description=body,
        raw=f"{title}\n{company}\n{body}",
        source="test",
        locations=("Spain", "Worldwide"),
        remote=True,
        salary=Salary(94000, 118000, "EUR", "year"),
        posted=date(2026, 11, 20),
        requirements=(Requirement("3+ years of Python", "required", ["Python"], 3), Requirement("Go", "preferred", ["Go"])),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "m.db")
    yield s
    s.close()


def test_new_file_uses_wal_and_records_its_schema_version(tmp_path: Path) -> None:
    Store(tmp_path / "m.db").close()
    with sqlite3.connect(tmp_path / "m.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_posting_round_trips_with_every_field(store: Store) -> None:
    original = posting()
    [posting_id] = store.add_postings([original]).added_ids
    loaded = store.posting(posting_id)
    assert loaded is not None
    original.id = posting_id
    assert loaded == original


def test_reimport_is_idempotent_and_counts_duplicates(store: Store) -> None:
    first = store.add_postings([posting(), posting("Data Engineer")])
    again = store.add_postings([posting(), posting("Data Engineer"), posting("Data Engineer")])
    assert len(first.added_ids) == 2
    assert again.added_ids == [] and again.duplicates == 3
    assert store.count_postings() == 2


def test_whitespace_and_case_differences_are_the_same_posting(store: Store) -> None:
    store.add_postings([posting()])
    result = store.add_postings([posting("backend  engineer", "ACME", "Build APIs   in Python.")])
    assert result.duplicates == 1


def test_failed_transaction_leaves_earlier_data_untouched(store: Store) -> None:
    store.add_postings([posting()])
    broken = posting("Broken")
    broken.requirements[0].kind = None  # type: ignore[assignment]  # violates NOT NULL
    with pytest.raises(Exception):
        store.add_postings([posting("Fine"), broken])
    assert [p.title for p in store.postings()] == ["Backend Engineer"]
    assert store.integrity_ok()


def test_deleting_a_posting_removes_its_requirements_and_star(store: Store) -> None:
    [posting_id] = store.add_postings([posting()]).added_ids
    store.shortlist_add([posting_id])
    store.delete_postings([posting_id])
    assert store.shortlist() == [] and store.postings() == []
    assert store.integrity_ok()


def test_shortlist_tracks_status_and_notes_and_rejects_unknown_ids(store: Store) -> None:
    [posting_id] = store.add_postings([posting()]).added_ids
    assert store.shortlist_add([posting_id, 999]) == [999]
    store.set_application(posting_id, "Applied", "Sent on Monday")
    [entry] = store.shortlist()
    assert (entry.posting_id, entry.status, entry.notes) == (posting_id, "Applied", "Sent on Monday")
    assert store.shortlist_remove([posting_id]) == 1 and store.shortlist() == []


def test_cv_round_trip_keeps_skills_edits_and_report(store: Store) -> None:
    cv = CV(
        name="Ada",
        text="I write Python.",
        source="ada.pdf",
        skills=[SkillEvidence("Python", "I write Python.")],
        years_experience=4.5,
        report=ParseReport(1, 15, ["experience"], 1, ["very little text"]),
        contact={"email": "ada@example.org"},
    )
    cv_id = store.add_cv(cv)
    loaded = store.cv(cv_id)
    assert loaded is not None and loaded.skills == cv.skills and loaded.report == cv.report
    loaded.removed_skills = ["Python"]
    store.update_cv_skills(loaded)
    assert store.cv().effective_skills() == []  # type: ignore[union-attr]


def test_vector_cache_round_trip(store: Store) -> None:
    vectors = {"k1": np.arange(4, dtype=np.float32), "k2": np.ones(4, dtype=np.float32)}
    store.put_many("model-a", vectors)
    found = store.get_many("model-a", ["k1", "k2", "k3"])
    assert set(found) == {"k1", "k2"} and np.array_equal(found["k1"], vectors["k1"])
    assert store.get_many("model-b", ["k1"]) == {}


def test_file_from_a_newer_matcher_is_refused_untouched(tmp_path: Path) -> None:
    Store(tmp_path / "m.db").close()
    with sqlite3.connect(tmp_path / "m.db") as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer matcher"):
        Store(tmp_path / "m.db")


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a matcher database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_file_without_version_row_is_upgraded_keeping_its_postings(tmp_path: Path) -> None:
    s = Store(tmp_path / "m.db")
    s.add_postings([posting()])
    s.close()
    with sqlite3.connect(tmp_path / "m.db") as conn:
        conn.execute("DELETE FROM meta")
    reopened = Store(tmp_path / "m.db")
    assert reopened.schema_version() == SCHEMA_VERSION
    assert [p.title for p in reopened.postings()] == ["Backend Engineer"]


def test_same_role_listed_with_two_pay_ranges_is_two_postings(store: Store) -> None:
    senior, other_band = posting(), posting()
    other_band.salary = Salary(80571, 100713, "EUR", "year")
    assert len(store.add_postings([senior, other_band]).added_ids) == 2


def test_postings_read_for_the_window_give_the_collector_nothing_to_walk_but_themselves(store: Store) -> None:
    """The window holds every posting (10,000 and more): each list in one was an object every full
    garbage collection walked, six per posting, and such a collection pauses the window."""
    store.add_postings([posting(), posting(title="Data Engineer")])
    listed = store.postings(with_requirements=False)
    gc.collect()  # a tuple of strings leaves the collector's count once a collection has seen it
    parts = [getattr(p, f.name) for p in listed for f in fields(p)]
    assert len(listed) == 2 and any(p.locations for p in listed)
    assert not [part for part in parts if isinstance(part, (list, tuple)) and gc.is_tracked(part)]
    assert not [p for p in listed if hasattr(p, "__dict__")]  # slots: no dict beside each posting
