"""The entry point the service layer calls: files, folders, pasted text, and bad input."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.ingest.postings import FileResult, expand_paths, read_posting_file, read_posting_text

from .conftest import NOW


def test_the_four_samples_give_86_3_3_1(jobs_dir: Path) -> None:
    files, issues = expand_paths([jobs_dir])
    assert issues == []
    counts = [len(read_posting_file(f, now=NOW).postings) for f in files]
    assert counts == [86, 3, 3, 1]


def test_ages_default_to_the_file_time(tmp_path: Path, jobs_dir: Path) -> None:
    copy = tmp_path / "page.txt"
    copy.write_bytes(next(jobs_dir.glob("000_*")).read_bytes())
    stamp = datetime(2024, 3, 10, 12).timestamp()
    os.utime(copy, (stamp, stamp))
    first = read_posting_file(copy).postings
    again = read_posting_file(copy).postings
    assert first[2].posted == date(2024, 3, 6) == again[2].posted  # "4 days ago", same on re-import


def test_expand_paths_recurses_sorts_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("x")
    (tmp_path / "a.csv").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    files, issues = expand_paths([tmp_path, tmp_path / "missing.txt"])
    assert files == [tmp_path / "a.csv", tmp_path / "b" / "two.txt"]
    assert [(i.path, i.reason) for i in issues] == [(str(tmp_path / "missing.txt"), "no such file or folder")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (bytes(range(256)) * 40, "binary data, not a posting"),
        (b"hello", "no job posting found in this file (too little text)"),
        (b"[1, 2, 3]", "JSON holds no list or object of job postings"),
        (b"%PDF-1.4 broken", "cannot read this pdf"),
    ],
)
def test_bad_files_become_issues(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = read_posting_file(path, now=NOW)
    assert result.postings == []
    assert len(result.issues) == 1 and result.issues[0].reason.startswith(reason)
    assert result.issues[0].path == str(path)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_bytes(b"title,description\n" + b"x,y\n" * 1000)
    result = read_posting_file(path, now=NOW, max_bytes=1000)
    assert result.postings == [] and "too big" in result.issues[0].reason


def test_unreadable_path(tmp_path: Path) -> None:
    result = read_posting_file(tmp_path / "gone.txt", now=NOW)
    assert result.postings == [] and result.issues[0].reason.startswith("cannot read file")


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "cp1252"])
def test_other_encodings(tmp_path: Path, jobs_dir: Path, encoding: str) -> None:
    text = next(jobs_dir.glob("003_*")).read_text(encoding="utf-8").replace("’", "'").replace("…", "...")
    path = tmp_path / "posting.txt"
    path.write_bytes(("Développeur Backend Senior\n\n" + text).encode(encoding))
    [posting] = read_posting_file(path, now=NOW).postings
    assert posting.title == "Développeur Backend Senior"
    assert posting.requirements[0].years == 9


def test_html_with_scripts_and_iframes(tmp_path: Path) -> None:
    page = ("<html><head><script>document.write('INJECTED')</script></head><body><h1>Support Engineer</h1>"
            "<iframe src='https://evil.example'>FRAME</iframe><p>Help our customers.</p><h2>Requirements</h2>"
            "<ul><li>2 years of experience in customer support</li></ul><script>track()</script></body></html>")
    path = tmp_path / "job.txt"
    path.write_text(page)
    [posting] = read_posting_file(path, now=NOW).postings
    assert posting.title == "Support Engineer"
    assert "INJECTED" not in posting.description and "FRAME" not in posting.description
    assert posting.requirements[0].years == 2


def test_pasted_text_detects_its_format(jobs_dir: Path) -> None:
    pasted = read_posting_text(next(jobs_dir.glob("001_*")).read_text(encoding="utf-8"), now=NOW)
    assert isinstance(pasted, FileResult) and len(pasted.postings) == 3
    single = read_posting_text("Backend Developer\n\nWe need you.\n\nRequirements:\n- 3 years of experience with Go\n", now=NOW)
    assert single.postings[0].title == "Backend Developer" and single.postings[0].source == "pasted text"
    assert read_posting_text("  ").issues[0].reason == "the text is empty"


def test_skills_are_left_for_the_service(jobs_dir: Path) -> None:
    postings = read_posting_file(next(jobs_dir.glob("000_*")), now=NOW).postings
    assert all(p.skills == () and all(r.skills == [] for r in p.requirements) for p in postings)


def test_google_csv_parses_quickly(shared_dir: Path) -> None:
    started = time.perf_counter()
    result = read_posting_file(shared_dir / "data" / "dev" / "google_job_skills.csv", now=NOW)
    assert len(result.postings) == 1250 and result.issues == []
    print(f"google_job_skills.csv: {time.perf_counter() - started:.2f} s")  # a figure, not an assert


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400) | st.binary(max_size=400).map(lambda b: b.decode("latin-1")))
def test_any_text_gives_a_result_and_never_raises(text: str) -> None:
    result = read_posting_text(text, now=NOW)
    assert result.postings or result.issues


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "unknown format: this is an image (PNG)"),
        (b"PK\x03\x04" + bytes(30) + b"xl/workbook.xml", "unknown format: this is a spreadsheet (XLSX)"),
        ("Dear Anna,\n\nThank you for the lovely flowers you sent last week. They brightened the whole house "
         "and the children adored them.\n\nWarm wishes,\nBea\n".encode(), "no job posting found in this file"),
    ],
)
def test_unknown_formats_say_what_they_are(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "mystery.txt"
    path.write_bytes(content)
    result = read_posting_file(path, now=NOW)
    assert result.postings == [] and result.issues[0].reason.startswith(reason)
