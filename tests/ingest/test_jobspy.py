"""JobSpy's full column set, read on a real JobSpy export: tests/ingest/data/jobspy/PROVENANCE.md."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from matcher.ingest.postings import read_posting_file
from matcher.ingest.records import posting_from_row
from tests.ingest.conftest import NOW

EXPORT = Path(__file__).parent / "data" / "jobspy" / "jobspy_linkedin.csv"
# JobSpy's desired_order (jobspy/util.py), the columns it writes today.
JOBSPY_COLUMNS = [
    "id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted", "job_type",
    "salary_source", "interval", "min_amount", "max_amount", "currency", "is_remote", "job_level", "job_function",
    "listing_type", "emails", "description", "company_industry", "company_url", "company_logo", "company_url_direct",
    "company_addresses", "company_num_employees", "company_revenue", "company_description", "skills",
    "experience_range", "company_rating", "company_reviews_count", "vacancy_count", "work_from_home_type",
]


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(EXPORT.read_text(encoding="utf-8"))))


def test_export_has_jobspy_columns() -> None:
    with EXPORT.open(encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == JOBSPY_COLUMNS


def test_every_row_imports_with_its_fields() -> None:
    result = read_posting_file(EXPORT, now=NOW)
    assert result.issues == []
    assert [p.title for p in result.postings] == [row["title"] for row in _rows()]
    first = result.postings[0]
    assert first.company == "Commercial Bank of Ceylon PLC"
    assert first.locations == ("Colombo, Western Province, Sri Lanka",)  # "City, Region, Country" stays one place
    assert first.posted == date(2026, 9, 21)  # "2026-09-21 20:22:52.146647+05:30"
    assert first.employment_type == "Full-time"
    assert first.remote is False
    assert first.url == "https://www.linkedin.com/jobs/view/4467609436"
    assert result.postings[1].employment_type == "Contract"


def test_linkedin_names_are_kept_whole_as_tags() -> None:
    postings = read_posting_file(EXPORT, now=NOW).postings
    assert {"Information Technology", "Mid-senior level",
            "Banking, IT Services and IT Consulting, and IT System Operations and Maintenance"} <= set(postings[0].tags)
    # "not applicable" is JobSpy's way of saying LinkedIn states no level.
    assert not any("applicable" in tag.lower() for tag in postings[3].tags)


def test_company_page_is_a_link_not_the_posting_url() -> None:
    first = read_posting_file(EXPORT, now=NOW).postings[0]
    assert first.links == ("https://lk.linkedin.com/company/combanksl",)


def test_markdown_description_reaches_the_posting_whole() -> None:
    first = read_posting_file(EXPORT, now=NOW).postings[0]
    assert first.description.startswith("Job Profile\n")
    assert "**" not in first.description
    assert "Certification in VMware or Nutanix is advantageous." in first.description
    assert first.description.rstrip().endswith("timely result orientation.")


def test_flattened_linkedin_description_imports_intact() -> None:
    row = _rows()[3]
    flattened = " ".join(row["description"].replace("*", " ").split())
    posting = posting_from_row({**row, "description": flattened}, "", "flat.csv#1", NOW)
    assert posting is not None and posting.title == row["title"]
    assert " ".join(posting.description.split()) == flattened


def test_direct_url_emails_and_board_salary() -> None:
    # The same row with the cells JobSpy fills for Indeed postings (direct ad, emails, pay).
    row = {**_rows()[0], "site": "indeed", "job_url_direct": "https://careers.combank.lk/jobs/4467609436",
           "emails": "careers@combank.net, hr@combank.net", "salary_source": "direct_data", "interval": "yearly",
           "min_amount": "140000.0", "max_amount": "175000.0", "currency": "USD"}
    posting = posting_from_row(row, "", "indeed.csv#1", NOW)
    assert posting is not None
    assert posting.url == "https://www.linkedin.com/jobs/view/4467609436"
    assert posting.links[:1] == ("https://careers.combank.lk/jobs/4467609436",)
    assert {"mailto:careers@combank.net", "mailto:hr@combank.net"} <= set(posting.links)
    assert "careers@combank.net" not in posting.description
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency, posting.salary.period) == \
        (140000.0, 175000.0, "USD", "year")
