"""Removing postings (with undo), and duplicates that keep what each copy knew (issue 16, items 2 and 3)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from matcher import services
from matcher.cli import main
from matcher.paths import SAMPLES
from matcher.store import Store
from matcher.store.merge import source_file

JOBS = SAMPLES / "jobs"
# Google's careers CSV lists "Developer Advocate, Partner Engineering" three times, once per city
# (rows 4, 143 and 241 of ../shared/data/dev/google_job_skills.csv).
ONE_POSTING_THREE_CITIES = (3, 142, 240)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "m.db")
    yield s
    s.close()


def google_rows(shared_dir: Path, rows: tuple[int, ...], out: Path) -> Path:
    """A CSV of the given rows of the real Google careers export, header included."""
    with (shared_dir / "data" / "dev" / "google_job_skills.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header, body = next(reader), list(reader)
    text = io.StringIO()
    csv.writer(text).writerows([header, *(body[i] for i in rows)])
    out.write_text(text.getvalue(), encoding="utf-8")
    return out


def test_a_posting_listed_once_per_city_is_one_posting_with_every_city(shared_dir: Path, store: Store,
                                                                          tmp_path: Path) -> None:
    path = google_rows(shared_dir, ONE_POSTING_THREE_CITIES, tmp_path / "google.csv")
    summary = services.import_postings(store, [path])
    assert (summary.imported, summary.merged, summary.duplicates) == (1, 2, 0)
    [posting] = store.postings()
    places = " | ".join(posting.locations)
    for city in ("Mountain View", "London", "New York"):
        assert city in places
    assert {source_file(s) for s in [posting.source, *posting.sources]} == {str(path)}
    assert len(posting.sources) == 2  # the two other rows it was read from
    again = services.import_postings(store, [path])  # nothing new: nothing changes, nothing to re-rank
    assert (again.imported, again.merged, again.duplicates, again.merged_ids) == (0, 0, 3, [])


def test_the_same_posting_from_a_second_file_gains_that_file_and_its_link(store: Store, tmp_path: Path) -> None:
    text = (JOBS / "003_38a88ba91144b235.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text + "\nApply at: https://example.org/jobs/42\n", encoding="utf-8")
    services.import_postings(store, [first])
    summary = services.import_postings(store, [second])
    [posting] = store.postings()
    assert summary.merged == 1 and summary.merged_ids == [posting.id]
    assert posting.sources == (str(second),)
    assert "https://example.org/jobs/42" in [posting.url, *posting.links]


def test_removed_postings_leave_every_list_and_come_back_with_undo(store: Store) -> None:
    services.import_postings(store, [JOBS / "001_597ea3e9281e08b6.txt"])
    ids = [p.id for p in store.postings() if p.id is not None]
    store.shortlist_add(ids[:1])
    assert store.remove_postings(ids[:2]) == sorted(ids[:2])
    assert [p.id for p in store.postings()] == ids[2:] and store.count_postings() == 1
    assert store.shortlist() == []  # a removed posting is not on the shortlist either...
    assert store.restore_postings(ids[:2]) == sorted(ids[:2])
    assert [e.posting_id for e in store.shortlist()] == ids[:1]  # ...and is again after Undo
    assert store.count_postings() == 3


def test_removing_an_import_by_its_file_keeps_postings_also_in_another_file(store: Store, tmp_path: Path) -> None:
    table = JOBS / "001_597ea3e9281e08b6.txt"
    services.import_postings(store, [table, JOBS / "003_38a88ba91144b235.txt"])
    copy = tmp_path / "copy.txt"
    copy.write_text((JOBS / "003_38a88ba91144b235.txt").read_text(encoding="utf-8"), encoding="utf-8")
    services.import_postings(store, [copy])
    removed = store.remove_source(str(table))
    assert len(removed) == 3 and store.count_postings() == 1
    assert store.remove_source(str(copy)) == []  # that one came from two files: it stays


def test_re_importing_a_removed_posting_brings_it_back(store: Store) -> None:
    path = JOBS / "003_38a88ba91144b235.txt"
    services.import_postings(store, [path])
    [posting_id] = store.remove_postings([p.id for p in store.postings() if p.id is not None])
    summary = services.import_postings(store, [path])
    assert summary.imported == 1 and summary.posting_ids == [posting_id]
    assert [p.id for p in store.postings()] == [posting_id]


def test_removed_postings_are_purged_after_a_while(store: Store) -> None:
    services.import_postings(store, [JOBS / "003_38a88ba91144b235.txt"])
    [posting_id] = store.remove_postings([p.id for p in store.postings() if p.id is not None])
    assert store.purge_removed(datetime.now() - timedelta(days=30)) == 0  # removed just now: kept for Undo
    assert [i for i, _, _ in store.removed_postings()] == [posting_id]
    assert store.purge_removed(datetime.now() + timedelta(seconds=1)) == 1
    assert store.restore_postings([posting_id]) == [] and store.removed_postings() == []


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> object:
    code = main(["--db", str(db), *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_cli_removes_by_id_and_by_source_and_restores(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    table, single = JOBS / "001_597ea3e9281e08b6.txt", JOBS / "003_38a88ba91144b235.txt"
    assert run_json(capsys, db, "jobs", "import", str(table), str(single))["merged"] == 0  # type: ignore[index]
    listed = run_json(capsys, db, "jobs", "list")
    assert isinstance(listed, list)
    first = listed[0]["id"]
    assert run_json(capsys, db, "jobs", "remove", str(first)) == {"removed": [first]}
    assert run_json(capsys, db, "jobs", "remove", "--source", str(table))["removed"]  # type: ignore[index]
    assert len(run_json(capsys, db, "jobs", "list")) == 1  # type: ignore[arg-type]
    assert first in {r["id"] for r in run_json(capsys, db, "jobs", "restore")}  # type: ignore[union-attr, index]
    assert run_json(capsys, db, "jobs", "restore", str(first)) == {"restored": [first]}
    assert len(run_json(capsys, db, "jobs", "list")) == 2  # type: ignore[arg-type]
    code = main(["--db", str(db), "jobs", "remove", "999"])
    assert code == 1 and "no posting with id 999" in capsys.readouterr().err


def test_source_file_of_an_item_is_its_file() -> None:
    assert source_file("/data/jobs.csv#row12") == "/data/jobs.csv"
    assert source_file("/data/page.html#3") == "/data/page.html"
    assert source_file("/data/posting #1 draft.txt") == "/data/posting #1 draft.txt"
    assert source_file("pasted text") == "pasted text"
