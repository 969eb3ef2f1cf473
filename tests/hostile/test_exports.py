"""Exports carry text from postings a stranger wrote: in a CSV it must not run as a formula, in
Markdown not as HTML or a link, and in a PDF every script must print (not blanks).

Before: "=cmd|' /C calc'!A0" reached the CSV as is; <script>, <img onerror>, raw and javascript:
links passed into the Markdown, and a URL holding ">" broke its link; Japanese printed as blanks.
"""

from __future__ import annotations

import csv
import logging
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from matcher.domain import CV, Posting, RankedMatch, RequirementMatch, ScoreBreakdown, ShortlistEntry
from matcher.export import ExportOptions, write_export
from tests.hostile.runner import assert_clean, run_cli

FORMULAS = ["=HYPERLINK(\"http://evil.invalid\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\tTabbed", "\rReturned"]  # fmt: skip
SCRIPTS = {  # one line each of the scripts postings are written in
    "Japanese": "ソフトウェアエンジニア（東京）", "Chinese": "高级软件工程师", "Korean": "백엔드 개발자",
    "Thai": "วิศวกรซอฟต์แวร์", "Hebrew": "מהנדס תוכנה", "Greek": "Μηχανικός λογισμικού",
    "Russian": "Инженер-программист", "Hindi": "सॉफ्टवेयर इंजीनियर", "Arabic": "مهندس برمجيات",
}


def export(tmp_path: Path, fmt: str, postings: list[Posting], notes: str = "") -> Path:
    matches = [RankedMatch(p.id or 0, p.title, p.company, 50.0, ScoreBreakdown(0.5, 0.5, 0.5, 0.5, 0.5), requirements=[
        RequirementMatch(text=p.title, kind="required", status="met", evidence=p.company or "", weight=1.0)])
        for p in postings]  # fmt: skip
    entries = {p.id or 0: ShortlistEntry(p.id or 0, "Saved", notes) for p in postings}
    out = tmp_path / f"out.{fmt}"
    cv = CV(name="Jane", text="Python", source="cv.txt")
    write_export(fmt, out, matches, {p.id or 0: p for p in postings}, entries, cv, ExportOptions())
    return out


def posting(n: int, title: str, company: str = "Acme", url: str | None = None) -> Posting:
    return Posting(title=title, company=company, description="x", raw="x", source="t", id=n, url=url,
                   posted=date(2026, 1, 1))


def test_csv_cells_that_a_spreadsheet_would_run_are_made_text(tmp_path: Path) -> None:
    out = export(tmp_path, "csv", [posting(n, f, company=f) for n, f in enumerate(FORMULAS, 1)], notes="=1+1")
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["title"] for r in rows] == ["'" + f for f in FORMULAS]
    assert all(r["company"].startswith("'") and r["notes"] == "'=1+1" for r in rows)
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values())


def test_markdown_shows_hostile_text_as_text_and_links_only_to_the_web(tmp_path: Path) -> None:
    postings = [
        posting(1, "<script>alert(1)</script> Engineer", "<img src=x onerror=alert(1)>", "javascript:alert(1)"),
        posting(2, "[Apply here](javascript:alert(2))", "**Acme**", "https://jobs.example.org/a>b c\"d"),
        posting(3, "Data Engineer", "Beta", "mailto:jobs@example.org"),
        posting(4, "Ops", "Gamma", "data:text/html,<script>alert(4)</script>"),
    ]
    text = export(tmp_path, "md", postings, notes="![x](https://tracker.invalid/p.gif)\n<iframe src=x>").read_text(encoding="utf-8")
    for hostile in ("<script", "<img", "<iframe", "<javascript", "<data:"):
        assert hostile not in text, hostile
    assert not re.search(r"(?<!\\)\]\(", text), "a link or image made from posting text"
    assert "<https://jobs.example.org/a%3Eb%20c%22d>" in text
    assert "<mailto:jobs@example.org>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Engineer" in text and "\\[Apply here\\](javascript" in text


def test_pdf_prints_every_script_postings_are_written_in(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    postings = [posting(n, line, company=script) for n, (script, line) in enumerate(SCRIPTS.items(), 1)]
    with caplog.at_level(logging.WARNING):
        out = export(tmp_path, "pdf", postings)
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()], caplog.text
    printed = "".join(page.extract_text() for page in PdfReader(out).pages)
    for script, line in SCRIPTS.items():
        if script in ("Arabic", "Hindi"):  # drawn glyph by glyph (no shaping engine)
            assert all(ch in printed for ch in line if not ch.isspace()), script
        else:  # right-to-left lines come back in the order they are drawn
            assert line in printed or line[::-1] in printed, script


def test_export_to_a_folder_or_under_a_file_says_so(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    (tmp_path / "out").mkdir()
    (tmp_path / "file.txt").write_text("x")
    outcome = run_cli(db, "export", "--format", "csv", "--out", str(tmp_path / "out"))
    assert_clean(outcome, codes=(1,))
    assert "is a folder" in outcome.one_line_reason()
    outcome = run_cli(db, "export", "--format", "csv", "--out", str(tmp_path / "file.txt" / "x.csv"))
    assert_clean(outcome, codes=(1,))
    assert "is a file, not a folder" in outcome.one_line_reason()
