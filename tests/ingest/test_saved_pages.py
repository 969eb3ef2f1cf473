"""Saved job pages (File ▸ Save Page As) read on real pages: tests/ingest/data/pages/PROVENANCE.md."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from matcher.cli import main
from matcher.ingest.postings import expand_paths, read_posting_file
from tests.ingest.conftest import NOW

PAGES = Path(__file__).parent / "data" / "pages"
LINKEDIN_PAGE = PAGES / "linkedin_guest_job_page.html"
LINKEDIN_FRAGMENT = PAGES / "linkedin_job_detail_snippet.html"
CANONICAL = "https://www.linkedin.com/jobs/view/power-monitoring-execution-engineer-google-data-center-at-google-3561224688"
# Text the LinkedIn page shows around the posting: navigation, sign-in prompts, modals, footer.
LINKEDIN_CHROME = ("Skip to main content", "Join now", "Sign in", "Agree & Join", "Forgot password?",
                   "Save this job with your existing LinkedIn profile", "Referrals increase your chances",
                   "Get notified about new", "Looking for a job?", "Cookie Policy", "You’re signed out",
                   "Be among the first 25 applicants", "See who Google has hired")


def test_linkedin_page_fields_and_canonical_url() -> None:
    result = read_posting_file(LINKEDIN_PAGE, now=NOW)
    assert result.issues == []
    [posting] = result.postings
    assert posting.title == "Power Monitoring Execution Engineer, Google Data Center"
    assert not posting.title_derived
    assert posting.company == "Google"
    assert posting.locations == ("Austin, TX, US",)
    assert posting.posted == date(2023, 4, 11)
    assert posting.employment_type == "Full-time"
    assert posting.url == CANONICAL  # the JSON-LD has no url: the page's canonical link is kept


def test_linkedin_page_description_is_the_job_text_only() -> None:
    raw = LINKEDIN_PAGE.read_text(encoding="utf-8")
    [posting] = read_posting_file(LINKEDIN_PAGE, now=NOW).postings
    assert posting.description.startswith("Note: By applying to this position")
    assert "Experience designing, commissioning, and operating PLC/SCADA systems" in posting.description
    assert posting.description.rstrip().endswith("Accommodations for Applicants form .")
    for chrome in LINKEDIN_CHROME:
        assert chrome in raw, chrome  # the page really shows it ...
        assert chrome not in posting.description, chrome  # ... and the posting does not


def test_linkedin_fragment_without_json_ld_reads_the_page_blocks() -> None:
    raw = LINKEDIN_FRAGMENT.read_text(encoding="utf-8")
    [posting] = read_posting_file(LINKEDIN_FRAGMENT, now=NOW).postings
    assert posting.title == "Chief of Staff to the CTO"
    assert posting.company == "Cint"
    assert posting.locations == ("Berlin, Berlin, Germany",)
    assert posting.employment_type == "Full-time"
    assert posting.url == "https://de.linkedin.com/jobs/view/chief-of-staff-to-the-cto-at-cint-4369978519"
    assert {"Mid-Senior level", "Administrative", "Software Development"} <= set(posting.tags)
    assert posting.description.startswith("Cint is a pioneer in research technology (ResTech).")
    # The top card and the criteria list are fields, not description.
    for block_text in ("2 hours ago", "Seniority level", "Employment type", "Industries"):
        assert block_text in raw and block_text not in posting.description


def test_format_comes_from_content_not_name(tmp_path: Path) -> None:
    renamed = tmp_path / "posting.txt"
    shutil.copy(LINKEDIN_PAGE, renamed)
    [posting] = read_posting_file(renamed, now=NOW).postings
    assert posting.url == CANONICAL and posting.company == "Google"


@pytest.fixture
def webpage_complete(tmp_path: Path) -> Path:
    """What "Webpage, complete" leaves: the page and a folder of its scripts, styles and images."""
    folder = tmp_path / "saved"
    assets = folder / "Google hiring Power Monitoring Execution Engineer_files"
    (assets / "nested").mkdir(parents=True)
    shutil.copy(LINKEDIN_PAGE, folder / "Google hiring Power Monitoring Execution Engineer.html")
    (assets / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (assets / "app.js").write_text("window.lazyloader = getDfd();\n", encoding="utf-8")
    (assets / "style.css").write_text(".nav { display: flex }\n", encoding="utf-8")
    (assets / "nested" / "frame.html").write_text("<html><body><div>ad frame</div></body></html>", encoding="utf-8")
    return folder


def test_webpage_complete_folder_imports_the_page_once(webpage_complete: Path) -> None:
    files, issues = expand_paths([webpage_complete])
    assert issues == []
    assert [f.suffix for f in files] == [".html"]
    assert files[0].parent == webpage_complete


def test_webpage_complete_through_the_cli(webpage_complete: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "jobs.db"
    assert main(["--db", str(db), "jobs", "import", str(webpage_complete), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary == {"imported": 1, "duplicates": 0, "errors": [], "merged": 0}
    assert main(["--db", str(db), "jobs", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["url"] == CANONICAL and listed["company"] == "Google"


def test_linkedin_page_without_its_json_ld_falls_back_to_the_page_blocks(tmp_path: Path) -> None:
    """Some saves (and some boards) carry no JSON-LD: the same real page with that one block removed."""
    page = _without_json_ld(LINKEDIN_PAGE, tmp_path)
    [posting] = read_posting_file(page, now=NOW).postings
    assert posting.title == "Power Monitoring Execution Engineer, Google Data Center"
    assert posting.company == "Google"
    assert posting.locations == ("Austin, TX",)
    assert posting.employment_type == "Full-time"
    assert posting.url == CANONICAL
    assert posting.description.startswith("Note: By applying to this position")
    for chrome in LINKEDIN_CHROME + ("Show more", "Show less", "Seniority level"):
        assert chrome not in posting.description, chrome


INDEED_PAGE = PAGES / "indeed_job_page.html"
INDEED_CANONICAL = "https://www.indeed.com/viewjob?jk=bf873f62104b48b5"
# Text the Indeed page shows around the posting: navigation and search bar, sign-in and resume
# prompts, company box, "similar jobs" links, apply/save buttons, hiring insights, footer.
INDEED_CHROME = ("Skip to main content", "Find Jobs", "Company reviews", "Find salaries", "Employers / Post Job",
                 "Sign in", "Upload your resume", "Let Employers Find You", "Your browser is out of date",
                 "Sustainability Engineer jobs in Austin, TX", "Jobs at Canonical in Austin, TX", "Apply now",
                 "Save this job", "Report job", "You must create an Indeed account", "Hiring Insights",
                 "Posted 3 days ago", "26 reviews", "Canonical Ltd. is a UK-based", "Get job updates from Canonical",
                 "Pulled from the full job description", "Full Job Description", "Job details", "© 2023 Indeed")


def _without_json_ld(page: Path, tmp_path: Path) -> Path:
    """The same real page with its one JSON-LD block removed, as boards and some saves serve it."""
    raw = page.read_text(encoding="utf-8")
    start = raw.index('<script type="application/ld+json">')
    stripped = tmp_path / page.name
    stripped.write_text(raw[:start] + raw[raw.index("</script>", start) + len("</script>"):], encoding="utf-8")
    return stripped


def _assert_indeed_description(description: str, raw: str) -> None:
    assert description.startswith("This is an exciting opportunity for an engineering manager")
    assert "Experience with debugging tools such as gdb, crash or other" in description
    assert description.rstrip().endswith("#LI-remote")
    for chrome in INDEED_CHROME:
        assert chrome in raw, chrome  # the page really shows it ...
        assert chrome not in description, chrome  # ... and the posting does not


def test_indeed_page_fields_and_canonical_url() -> None:
    result = read_posting_file(INDEED_PAGE, now=NOW)
    assert result.issues == []
    [posting] = result.postings
    assert posting.title == "Engineering Manager, Sustaining Software Engineering, Worldwide"
    assert posting.company == "Canonical - Jobs"  # the employer's name as Indeed writes it
    assert posting.locations == ("Austin, TX, US", "United States")  # the office, then where applicants may live
    assert posting.remote is True and posting.remote_policy == "Remote"
    assert posting.employment_type == "Full-time"
    assert posting.posted == date(2023, 4, 13)
    assert posting.url == INDEED_CANONICAL  # not og:url's "?from=socialmediatagsbigj&jk=..." tracking variant
    # The page states no pay; its "learning budget of 2,000USD per annum" is not a salary.
    assert posting.salary is None
    _assert_indeed_description(posting.description, INDEED_PAGE.read_text(encoding="utf-8"))


def test_indeed_page_without_its_json_ld_reads_the_page_blocks(tmp_path: Path) -> None:
    page = _without_json_ld(INDEED_PAGE, tmp_path)
    [posting] = read_posting_file(page, now=NOW).postings
    assert posting.title == "Engineering Manager, Sustaining Software Engineering, Worldwide"
    assert posting.company == "Canonical - Jobs"
    assert posting.locations == ("Austin, TX",)  # the header line, not the "Location:" sentence of the text
    assert posting.remote is True and posting.remote_policy == "Remote"  # the "Remote" line under it
    assert posting.employment_type == "Full-time"  # the job-type block beside the pay
    assert posting.url == INDEED_CANONICAL
    assert posting.salary is None
    _assert_indeed_description(posting.description, page.read_text(encoding="utf-8"))


def test_indeed_page_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "jobs.db"
    assert main(["--db", str(db), "jobs", "import", str(INDEED_PAGE), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"imported": 1, "duplicates": 0, "errors": [], "merged": 0}
    assert main(["--db", str(db), "jobs", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["title"], listed["company"], listed["url"]) == (
        "Engineering Manager, Sustaining Software Engineering, Worldwide", "Canonical - Jobs", INDEED_CANONICAL)
    assert listed["remote"] is True and listed["employment_type"] == "Full-time" and listed["salary"] is None
    assert any("gdb" in r["text"] for r in listed["requirements"])
