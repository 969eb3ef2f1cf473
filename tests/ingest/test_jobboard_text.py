"""The job-board text page (000_*): many postings found by their layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matcher.domain import Posting, Salary
from matcher.ingest.jobboard_text import parse_jobboard_text

from .conftest import NOW


@pytest.fixture
def postings(jobs_dir: Path) -> list[Posting]:
    path = next(jobs_dir.glob("000_*"))
    found, issues = parse_jobboard_text(path.read_text(encoding="utf-8"), str(path), NOW)
    assert issues == []
    return found


def by_title(postings: list[Posting], title: str) -> Posting:
    return next(p for p in postings if p.title == title)


def test_finds_all_86_postings_with_company_and_countries(postings: list[Posting]) -> None:
    assert len(postings) == 86
    assert all(p.company and p.locations and p.requirements for p in postings)
    assert all(p.remote is True for p in postings)  # a "Remote ... Jobs" board


def test_first_posting_fields(postings: list[Posting]) -> None:
    first = postings[0]
    assert first.title == "Software Engineer (Java)"
    assert first.company == "Vonage"
    assert first.locations == ("United States", "Canada", "United Kingdom", "Spain")
    assert first.posted == date(2025, 1, 30)  # "about 20 hours ago"
    assert first.employment_type == "Full-time"
    assert first.company_blurb and first.company_blurb.startswith("Vonage is a Holmdel Township")
    assert first.remote_policy and first.remote_policy.startswith("Vonage supports flexible")
    assert first.raw.startswith("Software Engineer (Java)\n\nabout 20 hours ago")
    assert [r.text for r in first.requirements][:3] == ["Java", "Go", "Kotlin"]


@pytest.mark.parametrize(
    ("title", "salary"),
    [
        ("Backend engineer | Mid | PHP | B2E onboard & setup", Salary(19800, 23800, "PLN", "month")),
        ("Senior Software Engineer - Loki Query", Salary(94000, 118000, "EUR", "year")),
        ("Backend engineer I Senior I PHP I Core team", Salary(17100, 32900, "PLN", "month")),
        ("Smile CDR / FHIR Developer", Salary(70, 80, "USD", "hour")),
        ("Scala Engineer (Trading)", None),
    ],
)
def test_salaries(postings: list[Posting], title: str, salary: Salary | None) -> None:
    assert by_title(postings, title).salary == salary


def test_ages_resolve_against_now(postings: list[Posting]) -> None:
    assert by_title(postings, "Scala Engineer (Trading)").posted == date(2025, 1, 27)  # 4 days ago
    assert postings[-1].posted == date(2025, 1, 1)  # "about 1 month ago" = 30 days


def test_key_requirements_split_and_years(postings: list[Posting]) -> None:
    trading = by_title(postings, "Scala Engineer (Trading)")
    assert [r.text for r in trading.requirements] == [
        "Scala", "Trading systems", "Arbitrage strategies", "Crypto/Web3", "Ownership", "Entrepreneurial thinking"]
    php = postings[1]
    assert php.requirements[0].text == "3 years of experience" and php.requirements[0].years == 3
    authz = by_title(postings, "Senior Backend Engineer, SSCS: Authorization")
    texts = [r.text for r in authz.requirements]
    assert "Mature authorization systems (OPA, Cedar, Zanzibar)" in texts  # no split inside parentheses
    assert all(r.kind == "required" for r in authz.requirements)


def test_regions_kept_and_badges_removed(postings: list[Posting]) -> None:
    assert by_title(postings, "Member of Technical Staff, Backend").locations == ("North America", "Europe")
    assert any(p.title == "Golang Engineer" for p in postings)  # "Golang EngineerNew" on the page
    assert not any(p.title.endswith("New") for p in postings)


def test_posting_without_title_gets_a_derived_one() -> None:
    page = (
        "Remote Jobs\n\nFirst Engineer\n\n2 days ago\nFull-time\nPoland\nKey requirements: Go, SQL\nAcme\n\n"
        "Acme makes anvils.\n\nRemote policy: Acme is remote.\n\n"
        "3 days ago\nContract\nWorldwide\nKey requirements: Rust, 4 years of experience\nGlobex\n\nGlobex makes globes.\n"
    )
    found, _ = parse_jobboard_text(page, "page.txt", NOW)
    assert [p.title_derived for p in found] == [False, True]
    assert found[1].title == "Rust role at Globex"
    assert found[1].employment_type == "Contract" and found[1].company == "Globex"
    assert found[0].remote_policy == "Acme is remote."


def test_page_without_postings_says_so() -> None:
    found, issues = parse_jobboard_text("Just a page of text.\n", "x.txt", NOW)
    assert found == [] and "no job posting" in issues[0].reason
