"""RSS job feeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matcher.domain import Salary
from matcher.ingest.postings import read_posting_file

from .conftest import NOW


def test_rss_feed(data_dir: Path) -> None:
    result = read_posting_file(data_dir / "feed.rss", now=NOW)
    assert result.issues == []
    devops, support = result.postings
    assert (devops.title, devops.company) == ("Senior DevOps Engineer", "Proseware")
    assert devops.posted == date(2024, 5, 6) and devops.tags == ("DevOps and Sysadmin",)
    assert devops.url == "https://weworkremotely.example/remote-jobs/proseware-senior-devops-engineer"
    assert devops.salary == Salary(140000, 170000, "USD", "year")
    assert devops.locations == ("Worldwide",) and devops.remote is True and devops.employment_type == "Full-time"
    assert [(r.text, r.years) for r in devops.requirements] == [
        ("5+ years of experience with Terraform", 5), ("Kubernetes in production", None)]
    assert support.company == "Wide World Importers" and support.requirements[0].years == 2
