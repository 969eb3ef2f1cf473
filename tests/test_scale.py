"""Scale: a large import reports progress file by file, can be cancelled between files (what
finished is kept, nothing of the rest), resumes, and leaves the store consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import services
from matcher.ingest import postings as posting_files
from matcher.paths import SAMPLES
from matcher.store import Store


SAMPLE = SAMPLES / "jobs" / "000_7d3acf110e98f847.txt"  # a real job-board page of 86 postings
LARGE = 10_000


def write_pages(folder: Path, postings: int) -> tuple[list[Path], dict[Path, int]]:
    """Copies of the sample page with every title varied, holding at least `postings` distinct
    postings, and how many new postings each page adds when imported in order."""
    titles = {p.title for p in posting_files.read_posting_file(SAMPLE).postings}
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    folder.mkdir()
    paths: list[Path] = []
    adds: dict[Path, int] = {}
    seen: set[str] = set()
    while sum(adds.values()) < postings:
        copy = len(paths)
        path = folder / f"page_{copy:04d}.txt"
        path.write_text("\n".join(f"{line} (copy {copy})" if line.strip() in titles else line for line in lines))
        fingerprints = {p.fingerprint() for p in posting_files.read_posting_file(path).postings} - seen
        seen |= fingerprints
        paths.append(path)
        adds[path] = len(fingerprints)
    return paths, adds


class Recorder:
    """A progress reporter and cancel check, as the UI's worker passes them in."""

    def __init__(self, cancel_after_files: int | None = None) -> None:
        self.calls: list[tuple[int, int, str]] = []
        self.cancel_after_files = cancel_after_files

    def progress(self, done: int, total: int, message: str) -> None:
        self.calls.append((done, total, message))

    def cancelled(self) -> bool:
        started = sum(message.startswith("Reading") for _, _, message in self.calls)
        return self.cancel_after_files is not None and started >= self.cancel_after_files


def assert_progress_is_sane(calls: list[tuple[int, int, str]], files: int) -> None:
    assert calls, "no progress was reported"
    assert {total for _, total, _ in calls} == {files}
    done = [d for d, _, _ in calls]
    assert done == sorted(done) and 0 <= done[0] and done[-1] <= files


def stored_per_page(store: Store, paths: list[Path]) -> dict[Path, int]:
    sources = [p.source for p in store.postings()]
    return {path: sum(source.startswith(str(path)) for source in sources) for path in paths}


def cancel_then_resume(tmp_path: Path, postings: int, cancel_after: int) -> None:
    paths, adds = write_pages(tmp_path / "pages", postings)
    store = Store(tmp_path / "m.db")

    first = Recorder(cancel_after_files=cancel_after)
    summary = services.import_postings(store, [tmp_path / "pages"], first.progress, first.cancelled)
    assert summary.cancelled
    assert_progress_is_sane(first.calls, len(paths))
    kept = stored_per_page(store, paths)
    assert all(kept[p] == adds[p] for p in paths[:cancel_after]), "a finished file was not kept whole"
    assert all(kept[p] == 0 for p in paths[cancel_after:]), "a file after the cancel was imported"
    assert summary.imported == store.count_postings() == sum(adds[p] for p in paths[:cancel_after])
    assert store.integrity_ok()

    second = Recorder()
    summary = services.import_postings(store, [tmp_path / "pages"], second.progress, second.cancelled)
    assert not summary.cancelled and summary.errors == []
    assert_progress_is_sane(second.calls, len(paths))
    assert second.calls[-1][0] == len(paths)
    assert summary.imported == sum(adds[p] for p in paths[cancel_after:])
    assert store.count_postings() == sum(adds.values()) >= postings
    assert stored_per_page(store, paths) == adds
    assert store.integrity_ok()
    store.close()


def test_cancel_keeps_the_finished_files_and_a_rerun_completes(tmp_path: Path) -> None:
    cancel_then_resume(tmp_path, postings=600, cancel_after=3)


@pytest.mark.slow  # 1-2 minutes on 2 cores: 10,000 postings read, skills extracted, stored
def test_ten_thousand_postings_import_with_progress_and_cancel(tmp_path: Path) -> None:
    cancel_then_resume(tmp_path, postings=LARGE, cancel_after=40)
