"""The ranking index saved beside the database: a new process (a reopened app, the next CLI command)
ranks from it, reads again only the postings that changed since, whoever changed them, and ranks
exactly as if it had read every posting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from matcher import services
from matcher.paths import SAMPLES
from matcher.services.ranking import SNAPSHOT_SUFFIX, RankingSession
from matcher.store import Store

pytestmark = pytest.mark.slow  # loads the embedding model

SMALL = [SAMPLES / "jobs" / "003_38a88ba91144b235.txt", SAMPLES / "jobs" / "001_597ea3e9281e08b6.txt"]
PASTED = "Platform Engineer\nAcme Payments - Berlin\nRequirements:\n- 5+ years of Go\n- Kubernetes in production\n- PostgreSQL"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "m.db"
    store = Store(path)
    services.import_postings(store, SMALL)
    services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    _rank(store)
    store.close()
    yield path


def _cv_id(store: Store) -> int:
    cv = store.cv()
    assert cv is not None and cv.id is not None
    return cv.id


def _rank(store: Store) -> list[tuple[int, float, str]]:
    return [(m.posting_id, m.score, m.why) for m in RankingSession(store).rank(_cv_id(store)).matches]


def _from_every_posting(path: Path) -> list[tuple[int, float, str]]:
    """The ranking a session gives with no saved index: every posting read and indexed."""
    snapshot = path.with_name(path.name + SNAPSHOT_SUFFIX)
    saved = snapshot.read_bytes()
    snapshot.unlink()
    store = Store(path)
    try:
        return _rank(store)
    finally:
        store.close()
        snapshot.write_bytes(saved)


class ReadPostings:
    """Which postings a session reads from the database (the ids it asks `posting_facts` for)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[list[int] | None] = []
        real = Store.posting_facts

        def recording(store: Store, ids: object = None):  # type: ignore[no-untyped-def]
            self.asked.append(None if ids is None else sorted(ids))  # type: ignore[call-overload]
            return real(store, ids)  # type: ignore[arg-type]

        monkeypatch.setattr(Store, "posting_facts", recording)


def test_a_new_session_ranks_from_the_saved_index_without_reading_the_postings(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.with_name(db.name + SNAPSHOT_SUFFIX).stat().st_size > 0
    expected = _from_every_posting(db)
    read = ReadPostings(monkeypatch)
    store = Store(db)
    assert _rank(store) == expected
    assert read.asked == [], "nothing changed: no posting is read again"
    store.close()


def test_postings_changed_by_another_process_are_read_again_and_only_they(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = Store(db)  # another process's connection: this session is never told what it did
    added = services.import_posting_text(other, PASTED).posting_ids
    first, second = sorted(m[0] for m in _from_every_posting(db) if m[0] not in added)[:2]
    other.remove_postings([first])
    services.import_posting_text(other, PASTED.replace("Platform Engineer", "Platform Engineer II"))
    other.close()
    expected = _from_every_posting(db)
    assert {m[0] for m in expected} >= set(added) and first not in {m[0] for m in expected}
    read = ReadPostings(monkeypatch)
    store = Store(db)
    assert _rank(store) == expected
    [asked] = read.asked
    assert asked is not None and first in asked and set(added) <= set(asked) and second not in asked
    store.close()


def test_a_damaged_saved_index_is_ignored_and_written_again(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = db.with_name(db.name + SNAPSHOT_SUFFIX)
    expected = _from_every_posting(db)
    snapshot.write_bytes(snapshot.read_bytes()[: snapshot.stat().st_size // 2])
    store = Store(db)
    assert _rank(store) == expected
    read = ReadPostings(monkeypatch)
    assert _rank(store) == expected
    assert read.asked == [], "the next session ranks from the index written whole again"
    store.close()


def test_a_taxonomy_change_makes_the_saved_index_stale(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db)
    store.add_user_skill("Acme Payments")  # a user's skill: what postings name may change
    read = ReadPostings(monkeypatch)
    _rank(store)
    assert read.asked == [None], "every posting is read again with the new taxonomy"
    store.close()
