"""The printable export: each requirement's mark in one column, its text left-aligned beside it, and
the one-line reason for the score in every format."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader

from matcher.domain import CV, Posting, RankedMatch, RequirementMatch, ScoreBreakdown, VerdictCounts
from matcher.export import write_export

WHY = "2 of 3 required met; missing must-have: Kubernetes; similar work 0.71"
LINES = [
    ("met", "5+ years of Python in production, including asynchronous services and their monitoring", "Python for 6 years."),
    ("missing", "Kubernetes", None),
    ("partial", "Experience with AWS or GCP, ideally both, and with infrastructure as code (Terraform)", "AWS at Acme."),
    ("met", "SQL", "Wrote SQL reports."),
]


def export(tmp_path: Path, fmt: str, extra: tuple[RequirementMatch, ...] = ()) -> Path:
    posting = Posting("Backend Engineer", "Build APIs.", "raw", "jobs.txt", company="Acme", id=1)
    requirements = [RequirementMatch(text, "required", status, evidence, 1.0)  # type: ignore[arg-type]
                    for status, text, evidence in LINES]
    requirements += extra
    match = RankedMatch(1, posting.title, posting.company, 71.0, ScoreBreakdown(0.6, 0.5, 0.7, 1.0, 0.75),
                        VerdictCounts(met=2, partial=1, missing=1), why=WHY, requirements=requirements)
    out = tmp_path / f"export.{fmt}"
    write_export(fmt, out, [match], {1: posting}, {}, CV("Jo", "text", "cv.pdf"))
    return out


def test_pdf_marks_share_one_column_and_the_text_one_left_edge(tmp_path: Path) -> None:
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((round(tm[4] * cm[0] + cm[4], 1), text.strip()))

    PdfReader(export(tmp_path, "pdf")).pages[0].extract_text(visitor_text=visit)
    marks = [x for x, text in runs if text in ("✓", "~", "✗")]
    starts = [x for x, text in runs if any(text.startswith(line[:12]) for _, line, _ in LINES)]
    assert len(marks) == len(LINES) and len(set(marks)) == 1
    assert len(starts) == len(LINES) and len(set(starts)) == 1 and starts[0] > marks[0]


def test_every_format_says_why_the_score_is_what_it_is(tmp_path: Path) -> None:
    assert WHY in export(tmp_path, "md").read_text(encoding="utf-8")
    [row] = list(csv.DictReader(export(tmp_path, "csv").open(encoding="utf-8")))
    assert row["why"] == WHY
    assert WHY in export(tmp_path, "json").read_text(encoding="utf-8")
    text = "".join(page.extract_text() for page in PdfReader(export(tmp_path, "pdf")).pages)
    assert "2 of 3 required met" in text


def test_exports_say_what_shows_each_line_as_the_detail_pane_does(tmp_path: Path) -> None:
    by_hand = RequirementMatch("Docker", "preferred", "met", None, 1.0, judged_by="skill",
                               evidence_kind="manual", basis="a skill you added by hand")
    text = export(tmp_path, "md", (by_hand,)).read_text(encoding="utf-8")
    assert "SQL — Your CV: “Wrote SQL reports.”" in text
    # A line only partly met on meaning quotes the CV's closest sentence as that, not as proof.
    assert "(Terraform) — Closest in your CV: “AWS at Acme.”" in text
    # A skill added by hand is no CV sentence: the export says what it is.
    assert "Docker (preferred) — a skill you added by hand" in text
