"""Postings as Lever, Workday, SmartRecruiters and Ashby's public APIs return them, read from real
recorded responses (tests/ingest/data/ats/PROVENANCE.md) through the same import as any JSON export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from matcher.cli import main
from matcher.domain import Posting, Salary
from matcher.ingest.postings import read_posting_file
from tests.ingest.conftest import NOW

ATS = Path(__file__).parent / "data" / "ats"


def _read(name: str) -> list[Posting]:
    result = read_posting_file(ATS / name, now=NOW)
    assert result.issues == []
    return result.postings


def _no_markup(posting: Posting) -> None:
    for leftover in ("<p", "<li", "<div", "&amp;", "&#", "&nbsp;", "&lt;"):
        assert leftover not in posting.description, leftover


def test_lever_posting() -> None:
    [posting] = _read("lever_leverdemo_posting.json")
    assert posting.title == "AbelsonTaylor Writer"
    assert posting.company is None  # Lever's posting names no employer, only the board's slug
    assert posting.locations == ("Arlington, TX, US",)
    assert posting.employment_type == "Full-time"  # from "Regular Full Time (Salary)"
    assert posting.remote is False and posting.remote_policy == "Hybrid"
    assert posting.posted == date(2019, 3, 21)  # createdAt 1553186035299 (epoch milliseconds)
    assert posting.url == "https://jobs.lever.co/leverdemo/33538a2f-d27d-4a96-8f05-fa4b0e4d940e"
    assert posting.links == ("https://jobs.lever.co/leverdemo/33538a2f-d27d-4a96-8f05-fa4b0e4d940e/apply",)
    assert posting.tags == ("Professional Services", "Customer Success")
    # The opening, the titled lists and the closing text, in the order the board shows them.
    description = posting.description
    assert description.index("Welcome to the Demo Job Listing") < description.index("Qualifications") \
        < description.index("- be very smart") < description.index("- work VERY hard") \
        < description.index("Lever is an equal opportunity employer")
    assert [(r.text, r.kind) for r in posting.requirements] == [("be smart", "required"), ("be very smart", "required")]
    _no_markup(posting)


def test_workday_job_detail() -> None:
    [posting] = _read("workday_trendmicro_job_detail.json")
    assert posting.title == "(Sr.) Backend Engineer"
    assert posting.company == "TWT Trend Micro Incorporated"
    assert posting.locations == ("Taipei, Taiwan",)
    assert posting.employment_type == "Full-time"  # timeType "Full time"
    assert posting.posted == date(2024, 5, 29)
    assert posting.url == "https://trendmicro.wd3.myworkdayjobs.com/External/job/Taipei/XMLNAME--Sr--Backend-Engineer_R0006260-1"
    assert "Responsibilities :" in posting.description  # "&#xff1a;", a full-width colon, decoded
    assert "Strong programming skill with any of: Java or Go" in [r.text for r in posting.requirements]
    _no_markup(posting)


def test_smartrecruiters_posting() -> None:
    [posting] = _read("smartrecruiters_equinox_posting.json")
    assert posting.title == "Female Locker Room Associate, Houston"
    assert posting.company == "Equinox"
    assert posting.locations == ("Houston, TX, United States",)
    assert posting.remote is False
    assert posting.employment_type == "Part-time"
    assert posting.posted == date(2026, 7, 10)
    assert posting.url == "https://jobs.smartrecruiters.com/Equinox/744000137225639-female-locker-room-associate-houston"
    # Department and industry kept; the function "Other" and the level "Not Applicable" say nothing.
    assert posting.tags == ("Club - Staff", "Health, Wellness And Fitness")
    # The company's story is the blurb, not the job text.
    assert posting.company_blurb is not None and posting.company_blurb.startswith("OUR STORY:")
    assert "high growth collective" not in posting.description
    assert posting.description.startswith("Job Description")
    assert "Must possess a clear understanding of what constitutes a clean and sanitary environment" in \
        [r.text for r in posting.requirements]
    _no_markup(posting)


def test_ashby_job_board() -> None:
    postings = _read("ashby_browserbase_board.json")
    assert [p.title for p in postings] == [
        "Software Engineer (Agent Platform)", "Business Development Representative",
        "Software Engineer (Core Infrastructure)", "Software Engineer (Dashboard)", "Customer Engineering Manager"]
    first = postings[0]
    assert first.locations == ("San Francisco", "New York")  # the office, then the secondary location
    assert first.salary == Salary(132000.0, 330000.0, "USD", "year")
    assert first.employment_type == "Full-time"  # "FullTime"
    assert first.remote is False and first.remote_policy == "On-site"
    assert first.posted == date(2025, 8, 25)
    assert first.url == "https://jobs.ashbyhq.com/browserbase/7724fbe3-6a27-4418-9705-2dcc40751a16"
    assert first.tags == ("Engineering",)
    # <li><p>…</p></li>: each item stays on its bullet's line.
    assert "\n- Build, operate, and grow the Agent Platform framework" in first.description
    assert "Experience building developer tools, frameworks, or libraries that others depend on." in \
        [r.text for r in first.requirements]
    assert postings[3].salary is None  # the board hides this posting's pay (all compensation fields null)
    for posting in postings:
        _no_markup(posting)


def test_ats_records_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "jobs.db"
    files = [str(f) for f in sorted(ATS.glob("*.json"))]
    assert main(["--db", str(db), "jobs", "import", *files, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"imported": 8, "duplicates": 0, "errors": [], "merged": 0}
    assert main(["--db", str(db), "jobs", "list", "--json"]) == 0
    listed = {job["title"]: job for job in json.loads(capsys.readouterr().out)}
    workday = listed["(Sr.) Backend Engineer"]
    assert (workday["company"], workday["locations"], workday["posted"]) == (
        "TWT Trend Micro Incorporated", ["Taipei, Taiwan"], "2024-05-29")
    assert listed["Software Engineer (Agent Platform)"]["salary"] is not None
