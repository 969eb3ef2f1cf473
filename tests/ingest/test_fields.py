"""Shared field helpers."""

from __future__ import annotations

from matcher.ingest.fields import clean_title, derive_title, employment_type, parse_locations


def test_locations_and_remote() -> None:
    assert parse_locations("United States, Canada, Worldwide") == (("United States", "Canada", "Worldwide"), False)
    assert parse_locations("Remote - Europe") == (("Europe",), True)
    assert parse_locations("Remote") == ((), True)
    assert parse_locations("Shanghai, China", split_commas=False) == (("Shanghai, China",), False)


def test_titles() -> None:
    assert clean_title("Golang EngineerNew") == "Golang Engineer"
    assert clean_title("News Editor") == "News Editor"
    assert derive_title("The Senior Backend Engineer II operates beyond feature ownership.") == "Senior Backend Engineer II"
    assert derive_title("We sell shoes. Come work with us.") == "We sell shoes"


def test_employment_types() -> None:
    assert employment_type("fulltime, contract") == "Full-time, Contract"
    assert employment_type("FULL_TIME") == "Full-time"
    assert employment_type(None) is None


def test_employment_type_named_in_text() -> None:
    from matcher.ingest.fields import employment_in_text

    assert employment_in_text("Remote US Expat Tax Accountant Contractor", "") == "Contract"
    assert employment_in_text("Sr Pipeline Programmer (Contract)", "") == "Contract"
    assert employment_in_text("Contract Manager", "") is None  # a job title, not a type
    assert employment_in_text("Developer", "Job type: Part-time\nMore text") == "Part-time"
