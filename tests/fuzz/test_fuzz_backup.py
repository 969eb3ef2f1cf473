"""Backup restore under damage: a mutated backup either restores whole or raises BackupError
with the store untouched — never another exception, never half a restore."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.store.backup import BackupError, restore_backup, write_backup
from matcher.domain import CV, Posting, Requirement, Salary
from matcher.store import Store

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("backup")
    store = Store(folder / "m.db")
    ids = store.add_postings([
        Posting(title=f"Engineer {n}", company="Acme", description=f"Build service {n} in Python.", raw="raw",
                   source="test", salary=Salary(1, 2, "EUR", "year"), posted=date(2026, 1, n + 1),
                   requirements=(Requirement("Python", "required", ["Python"]),))
        for n in range(5)
    ]).added_ids  # fmt: skip
    store.add_cv(CV(name="Jane", text="Python for 5 years.", source="cv.pdf", contact={"email": "j@x.org"}))
    store.set_application(ids[2], "Applied", "notes")
    write_backup(store, folder / "b.zip")
    store.close()
    return (folder / "b.zip").read_bytes()


@st.composite
def damaged(draw: st.DrawFn, blob: bytes) -> bytes:
    data = bytearray(blob)
    kind = draw(st.sampled_from(["truncate", "flip", "splice"]))
    at = draw(st.integers(0, len(data) - 1))
    if kind == "truncate":
        return bytes(data[:at])
    if kind == "flip":
        for index in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=16)):
            data[index] ^= draw(st.integers(1, 255))
        return bytes(data)
    return bytes(data[:at]) + draw(st.binary(min_size=1, max_size=64)) + bytes(data[at:])


@FUZZ
@given(data=st.data())
def test_a_damaged_backup_restores_whole_or_not_at_all(tmp_path_factory: pytest.TempPathFactory, good_backup: bytes,
                                                      data: st.DataObject) -> None:  # fmt: skip
    folder = tmp_path_factory.mktemp("restore")
    path = folder / "damaged.zip"
    path.write_bytes(data.draw(damaged(good_backup)))
    store = Store(folder / "m.db")
    try:
        stats = restore_backup(store, path)
    except BackupError as exc:
        assert str(exc).strip()
        assert store.count_postings() == 0 and store.cvs() == [] and store.shortlist() == []
    else:
        assert stats.postings == store.count_postings() == 5 and len(store.shortlist()) == 1
    assert store.integrity_ok()
    store.close()
