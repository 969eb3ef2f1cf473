"""HTML listings (001/002 table exports, job cards) and single-posting pages (with and without
schema.org JSON-LD)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matcher.domain import Posting, Salary
from matcher.ingest.html_postings import parse_html

from .conftest import NOW


def parse(path: Path) -> list[Posting]:
    postings, issues = parse_html(path.read_text(encoding="utf-8"), str(path), NOW)
    assert issues == []
    return postings


def test_weworkremotely_table_export(jobs_dir: Path) -> None:
    postings = parse(next(jobs_dir.glob("001_*")))
    assert [p.title for p in postings] == ["Senior Backend Engineer (Rust)", "Senior Engineer (Backend)", "Back End Engineer"]
    cow = postings[0]
    assert cow.company == "Cows Protocol"
    assert cow.tags == ("Back-End Programming",)
    assert cow.posted == date(2025, 1, 31)  # "0 days ago"
    assert cow.url == "https://weworkremotely.com/remote-jobs/cows-protocol-senior-backend-engineer-rust"
    assert cow.remote is True
    assert cow.raw.lstrip().startswith("<tr>") and "<details>" in cow.raw
    # Bullets and paragraphs survive; the <summary> label does not.
    assert "\n- You care deeply about the quality and readability of your code\n" in cow.description
    assert "Description" not in cow.description.split("\n")[0]


def test_requirement_sections_in_table_export(jobs_dir: Path) -> None:
    cow = parse(next(jobs_dir.glob("001_*")))[0]
    required = [r for r in cow.requirements if r.kind == "required"]
    preferred = [r for r in cow.requirements if r.kind == "preferred"]
    assert len(required) == 6 and required[0].years == 3  # "Who you are:"
    assert [r.text for r in preferred] == [
        "Understanding of the Ethereum blockchain and ecosystem, general finance and/or game theory, and mechanism design.",
        "Experience with architecting complex software systems",
    ]
    texts = " ".join(r.text for r in cow.requirements)
    assert "Conference budget" not in texts and "equal opportunity" not in texts  # perks and EEO


def test_mojibake_repaired_and_tags_split(jobs_dir: Path) -> None:
    postings = parse(next(jobs_dir.glob("002_*")))
    assert len(postings) == 3
    merch, tax, sporty = postings
    assert merch.tags == ("ecommerce", "typescript", "nestjs")
    assert "We're seeking engineers" in merch.description and "â" not in merch.description
    assert "What you'll do" in merch.description
    assert [r.text for r in merch.requirements if r.kind == "preferred"][1] == "Elasticsearch"  # "Bonus points"
    assert tax.title == "Remote US Expat Tax Accountant Contractor" and tax.locations == ("United States",)
    # One requirement per sentence of each bullet; the benefits after "Why work with Greenback?" are dropped.
    tax_texts = [r.text for r in tax.requirements]
    assert tax.requirements[0].years == 3 and "Strong attention to detail." in tax_texts
    assert "People who are comfortable managing their own schedule and workload." in tax_texts
    assert not any("No office/no commute" in t or "paid directly" in t for t in tax_texts)
    assert sporty.requirements[0].kind == "preferred"  # "Preferred experience in Spring Boot..."
    assert sum(r.kind == "required" for r in sporty.requirements) == 12


def test_single_page_uses_json_ld(data_dir: Path) -> None:
    [posting] = parse(data_dir / "single_posting_jsonld.html")
    assert posting.title == "Senior Python Developer" and not posting.title_derived
    assert posting.company == "Contoso Ltd"
    assert posting.salary == Salary(25000, 32000, "PLN", "month")
    assert posting.posted == date(2024, 6, 1)
    assert posting.remote is True and posting.locations == ("Warsaw, PL",)
    assert posting.employment_type == "Full-time"
    assert [(r.kind, r.years) for r in posting.requirements] == [
        ("required", 6), ("required", None), ("required", None), ("preferred", None)]
    for junk in ("TRACKING PIXEL", "STYLE TEXT", "IFRAME TEXT", "window.dataLayer"):
        assert junk not in posting.description


def test_single_page_without_json_ld(data_dir: Path) -> None:
    [posting] = parse(data_dir / "single_posting_plain.html")
    assert posting.title == "Quality Assurance Engineer"
    assert posting.company == "Fabrikam Inc."
    assert posting.locations == ("Dublin, Ireland",)
    assert "SCRIPT TEXT" not in posting.description and "IFRAME TEXT" not in posting.description
    kinds = [(r.text, r.kind) for r in posting.requirements]
    # "(GitHub Actions preferred)" picks among options: the bullet stays required.
    assert kinds == [
        ("3+ years of experience in software testing", "required"),
        ("Experience with Cypress or Playwright", "required"),
        ("Knowledge of CI pipelines (GitHub Actions preferred)", "required"),
        ("ISTQB certification", "preferred"),
    ]


def test_job_cards_listing(data_dir: Path) -> None:
    postings = parse(data_dir / "cards.html")
    assert [(p.title, p.company) for p in postings] == [("Product Designer", "Litware"), ("UX Researcher", "Adventure Works")]
    assert postings[0].posted == date(2024, 5, 20) and postings[0].url == "https://board.example.com/jobs/501"
    assert postings[0].tags == ("Figma", "UX") and all(p.remote for p in postings)
    assert postings[1].requirements[1].text == "Degree in HCI or psychology"


def test_html_without_posting_says_so() -> None:
    postings, issues = parse_html("<html><body><script>alert(1)</script></body></html>", "x.html", NOW)
    assert postings == [] and issues[0].reason == "no job posting found in this file"


def test_data_table_with_header_row() -> None:
    page = """<html><body><h2>Open positions</h2><table>
    <tr><th>Title</th><th>Company</th><th>Location</th><th>Posted</th><th>Description</th></tr>
    <tr><td><a href="https://jobs.example.org/1">Network Engineer</a></td><td>Contoso</td><td>Madrid, Spain</td>
        <td>2024-05-01</td><td><p>Run our WAN.</p><p>Requirements:</p><ul><li>CCNP certification</li></ul></td></tr>
    <tr><td>Office Manager</td><td>Fabrikam</td><td>Oslo, Norway</td><td>2024-05-02</td><td>Keep the office running.</td></tr>
    </table></body></html>"""
    postings, issues = parse_html(page, "table.html", NOW)
    assert issues == []
    assert [(p.title, p.company, p.locations) for p in postings] == [
        ("Network Engineer", "Contoso", ("Madrid, Spain",)), ("Office Manager", "Fabrikam", ("Oslo, Norway",))]
    assert postings[0].url == "https://jobs.example.org/1" and postings[0].posted == date(2024, 5, 1)
    assert [r.text for r in postings[0].requirements] == ["CCNP certification"]


def test_single_page_drops_navigation_and_footer() -> None:
    page = ("<html><body><nav>Home Jobs Login</nav><header><h1>Payroll Specialist</h1></header>"
            "<div><p>Process payroll for 300 staff.</p><h3>About you</h3><ul><li>Knowledge of Sage</li></ul></div>"
            "<footer>Cookie settings | Privacy</footer></body></html>")
    [posting], _ = parse_html(page, "page.html", NOW)
    assert posting.title == "Payroll Specialist"
    assert "Cookie" not in posting.description and "Login" not in posting.description
    assert [r.text for r in posting.requirements] == ["Knowledge of Sage"]


def test_single_page_with_job_classed_blocks_is_one_posting() -> None:
    page = ("<html><body><div class='job-header'><h1>Line Cook</h1><span>Posted today</span></div>"
            "<div class='job-description'><h2>Requirements</h2><ul><li>1 year of kitchen experience</li>"
            "<li>Food handler card</li></ul></div></body></html>")
    [posting], _ = parse_html(page, "cook.html", NOW)
    assert posting.title == "Line Cook" and [r.years for r in posting.requirements] == [1, None]
