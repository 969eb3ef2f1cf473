"""File names and titles that would drive the terminal, and file names that are not UTF-8: printed
safely (escapes shown, never sent), stored as they are.

Before: a name that is not UTF-8 gave "surrogates not allowed" (jobs) or a traceback (CV); an
escape sequence in a file name or a restored title reached the terminal from progress lines,
`cv list` and `jobs list` (a crafted name set the window title and cleared the screen).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from matcher.paths import SAMPLES
from tests.hostile import corpus
from tests.hostile.runner import assert_clean, run_cli

ESCAPES = "\x1b]0;pwned\x07\x1b[2J"  # set the window title, clear the screen
C1 = "\x9b2J"  # the same clear in one 8-bit control character
POSTING = SAMPLES / "jobs" / "003_38a88ba91144b235.txt"
CV = SAMPLES / "cvs" / "john_doe.pdf"


def hostile_name(folder: Path, suffix: str) -> Path:
    """caf<0xE9> (Latin-1, not UTF-8) followed by escape sequences."""
    return Path(os.fsdecode(bytes(folder) + b"/caf\xe9 " + ESCAPES.encode() + suffix.encode()))


def no_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, repr(text[-300:])


def test_a_file_name_with_escapes_and_bytes_that_are_not_utf8_imports_and_prints_safely(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    posting = hostile_name(tmp_path, ".txt")
    posting.write_bytes(POSTING.read_bytes())
    outcome = run_cli(db, "jobs", "import", str(tmp_path))
    assert_clean(outcome, codes=(0,))
    no_controls(outcome.out + outcome.err)
    assert "\\x1b]0;pwned" in outcome.err  # the progress line shows the name, escaped
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert stored[0]["source"] == str(tmp_path) + "/caf\\xe9 " + ESCAPES + ".txt"  # kept as it is, JSON-escaped

    cv = hostile_name(tmp_path, ".pdf")
    cv.write_bytes(CV.read_bytes())
    outcome = run_cli(db, "cv", "import", str(cv))
    assert_clean(outcome, codes=(0,))
    listed = run_cli(db, "cv", "list")
    assert_clean(listed, codes=(0,))
    no_controls(listed.out + outcome.out + outcome.err)
    assert "caf\\xe9 \\x1b]0;pwned\\x07\\x1b[2J.pdf" in listed.out


def test_titles_restored_from_a_backup_never_reach_the_terminal_raw(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    title = f"{ESCAPES}Engineer{C1}\u202eevil"
    data = {"postings": [{"id": 1, "title": title, "company": ESCAPES, "description": "Build APIs.", "raw": "",
                          "source": ESCAPES}], "shortlist": [{"job_id": 1, "status": "Saved", "notes": ESCAPES}]}  # fmt: skip
    assert_clean(run_cli(db, "backup", "import", str(corpus.backup(tmp_path / "b.zip", data))), codes=(0,))
    for command in (["jobs", "list"], ["jobs", "list", "--json"], ["shortlist", "list"], ["shortlist", "list", "--json"]):
        outcome = run_cli(db, *command)
        assert_clean(outcome, codes=(0,))
        no_controls(outcome.out)
        assert "\u202e" not in outcome.out
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert stored[0]["title"] == title  # stored faithfully; only its printing is made safe


def test_an_escape_in_a_json_posting_never_reaches_a_stored_title(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([{"title": "\u001b[31mRed Engineer", "company": "\u009bAcme",
                                 "description": "Build APIs in Python.\u0007"}]))  # fmt: skip
    assert_clean(run_cli(db, "jobs", "import", str(feed)), codes=(0,))
    stored = json.loads(run_cli(db, "jobs", "list", "--json").out)
    assert stored[0]["title"] == "[31mRed Engineer" and stored[0]["company"] == "Acme"
