"""Fixtures for the job-import tests: the sample folder, a fixed clock, and a PDF and a DOCX of
one posting generated here (so no binary file needs to live in the repository)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
# Ages in the samples ("3 days ago") resolve against this instant in every test.
NOW = datetime(2025, 1, 31, 12, 0)

POSTING_LINES = [
    "Data Scientist",
    "",
    "Company: Tailspin Toys",
    "Location: Berlin, Germany",
    "Salary: EUR 70,000 - 85,000 per year",
    "",
    "We build demand forecasting models for toy retailers.",
    "",
    "Requirements:",
    "- 3+ years of experience with Python",
    "- Knowledge of statistics and time series",
    "",
    "Nice to have:",
    "- Experience with Spark",
    "",
    "What we offer:",
    "- Free toys",
]


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def jobs_dir(shared_dir: Path) -> Path:
    return shared_dir / "samples" / "jobs"


@pytest.fixture
def posting_pdf(tmp_path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in POSTING_LINES:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "posting.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


@pytest.fixture
def posting_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(POSTING_LINES[0], level=1)
    for line in POSTING_LINES[2:]:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line:
            document.add_paragraph(line)
    path = tmp_path / "posting.bin"  # the name says nothing: the content is what counts
    document.save(str(path))
    return path
