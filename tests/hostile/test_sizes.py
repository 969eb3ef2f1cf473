"""Small files that cost a lot: each is read through the real CLI in a child process with a memory
cap, and must end with exit 0 or 1, a one-line reason naming the limit, no traceback, a bounded
peak, and nothing stored when it is refused.

Before: an 875 KB backup grew to 9.5 GB; a 4 MB DOCX of 1.2 GB of XML reached the 3 GB cap here
after 30 s; a 100 KB DOCX of 7 MB of text ran for more than 5 minutes; a million-row CSV took 6
minutes and 7 GB; a 49 MB page became one posting of 440,288 requirements.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matcher.limits import MAX_DESCRIPTION_CHARS, MAX_RECORDS_PER_FILE, MAX_REQUIREMENTS
from tests.hostile import corpus
from tests.hostile.runner import Outcome, assert_clean, digest, run_cli


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    assert run_cli(path, "jobs", "list").code == 0  # an empty store, made before the attack
    return path


def refused(outcome: Outcome, *words: str) -> None:
    assert_clean(outcome, codes=(1,))
    reason = outcome.one_line_reason()
    assert all(word in reason for word in words), reason


def test_a_docx_that_inflates_to_1_2_gb_is_refused_before_inflating(files: Path, db: Path) -> None:
    bomb = corpus.docx_bomb(files / "bomb.docx", 1_200_000_000)
    assert bomb.stat().st_size < 5_000_000
    before = digest(db)
    refused(run_cli(db, "jobs", "import", str(bomb)), "word/document.xml", "1,200 MB", "limit is 16 MB")
    refused(run_cli(db, "cv", "import", str(bomb)), "1,200 MB", "limit")
    assert digest(db) == before


def test_a_long_docx_is_cut_to_the_posting_limits_quickly(files: Path, db: Path) -> None:
    long = corpus.docx_of_text(files / "long.docx", corpus.POSTING_TEXT, 1_700)  # 7 MB of text in 100 KB
    outcome = run_cli(db, "jobs", "import", str(long), "--json")
    assert_clean(outcome, codes=(0,))
    assert outcome.seconds < 60
    summary = json.loads(outcome.out)
    reasons = " ".join(e["reason"] for e in summary["errors"])
    assert summary["imported"] == 1 and f"{MAX_DESCRIPTION_CHARS:,} characters" in reasons
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert len(stored[0]["description"]) <= MAX_DESCRIPTION_CHARS
    assert len(stored[0]["requirements"]) <= MAX_REQUIREMENTS


def test_a_million_rows_are_cut_at_the_file_limit(files: Path, db: Path) -> None:
    flood = corpus.csv_of_rows(files / "million.csv", 1_000_000)
    outcome = run_cli(db, "jobs", "import", str(flood), "--json")
    assert_clean(outcome, codes=(0,))
    summary = json.loads(outcome.out)
    assert summary["imported"] == MAX_RECORDS_PER_FILE
    assert any(f"first {MAX_RECORDS_PER_FILE:,} rows" in e["reason"] for e in summary["errors"])


def test_millions_of_tiny_json_objects_stay_in_bounded_memory(files: Path, db: Path) -> None:
    flood = corpus.json_of_objects(files / "objects.json", 3_000_000)  # json.loads: ~1 GB of dicts
    before = digest(db)
    refused(run_cli(db, "jobs", "import", str(flood)), f"first {MAX_RECORDS_PER_FILE:,} items")
    assert digest(db) == before


def test_a_49_mb_page_is_refused_and_a_big_one_is_cut(files: Path, db: Path) -> None:
    before = digest(db)
    refused(run_cli(db, "jobs", "import", str(corpus.html_page(files / "huge.html", 49_000_000))), "over 5 MB")
    assert digest(db) == before
    outcome = run_cli(db, "jobs", "import", str(corpus.html_page(files / "big.html", 4_900_000)), "--json")
    assert_clean(outcome, codes=(0,))
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert len(stored) == 1 and len(stored[0]["requirements"]) == MAX_REQUIREMENTS


def test_a_45_mb_text_posting_is_cut(files: Path, db: Path) -> None:
    outcome = run_cli(db, "jobs", "import", str(corpus.text_posting(files / "huge.txt", 45_000_000)), "--json")
    assert_clean(outcome, codes=(0,))
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert len(stored[0]["description"]) <= MAX_DESCRIPTION_CHARS
    assert len(stored[0]["requirements"]) == MAX_REQUIREMENTS


def test_a_backup_of_900_mb_of_json_in_875_kb_is_refused_in_bounded_memory(files: Path, db: Path) -> None:
    bomb = corpus.backup_bomb(files / "bomb.zip", 900_000_000)
    assert bomb.stat().st_size < 1_000_000
    before = digest(db)
    refused(run_cli(db, "backup", "import", str(bomb)), "limit")
    assert digest(db) == before
