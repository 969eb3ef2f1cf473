"""One posting as plain text, Markdown, PDF or DOCX."""

from __future__ import annotations

from pathlib import Path

from matcher.domain import Salary
from matcher.ingest.postings import read_posting_file
from matcher.ingest.plain_posting import parse_plain

from .conftest import NOW


def test_sample_without_title_line(jobs_dir: Path) -> None:
    path = next(jobs_dir.glob("003_*"))
    [posting], issues = parse_plain(path.read_text(encoding="utf-8"), str(path), NOW)
    assert issues == []
    assert posting.title == "Senior Backend Engineer II" and posting.title_derived
    required = [r for r in posting.requirements if r.kind == "required"]
    preferred = [r.text for r in posting.requirements if r.kind == "preferred"]
    assert required[0].years == 9 and required[0].text.startswith("9+ years of relevant experience")
    assert required[-1].text.startswith("Bachelor's or Master's degree")
    assert preferred[-2:] == [
        "Familiarity with NoSQL or vector databases (e.g., Qdrant, Pinecone, or Weaviate)",
        "Familiarity with modern AI/ML services or data-intensive workflows is desirable",
    ]
    texts = " ".join(r.text for r in posting.requirements)
    assert "stipend" not in texts and "Mentor mid-level" not in texts  # offers and responsibilities
    assert posting.raw == path.read_text(encoding="utf-8")


def test_markdown_posting_with_title_and_fields() -> None:
    text = (
        "# Staff Platform Engineer\n\n**Company:** Northwind\n**Location:** Remote - Europe\n\n"
        "We run the platform team.\n\n## Requirements\n\n* at least five years of experience with Kubernetes\n"
        "* Go or Rust\n\n## Bonus\n\n* Experience with eBPF\n\n## Benefits\n\n* Equity\n\n"
        "Compensation: €90,000 to €110,000 per year\n"
    )
    [posting], _ = parse_plain(text, "pasted", NOW)
    assert posting.title == "Staff Platform Engineer" and not posting.title_derived
    assert posting.company == "Northwind"
    assert posting.locations == ("Europe",) and posting.remote is True
    assert posting.salary == Salary(90000, 110000, "EUR", "year")
    assert [(r.text, r.kind, r.years) for r in posting.requirements] == [
        ("at least five years of experience with Kubernetes", "required", 5),
        ("Go or Rust", "required", None),
        ("Experience with eBPF", "preferred", None),
    ]
    assert "**" not in posting.description and "#" not in posting.description


def test_no_heading_falls_back_to_requirement_like_sentences() -> None:
    text = ("Junior Analyst\n\nYou will prepare weekly reports for the sales team. Experience with Excel is needed. "
            "Knowledge of SQL is a plus. We offer a friendly team.\n")
    [posting], _ = parse_plain(text, "pasted", NOW)
    assert [(r.text, r.kind) for r in posting.requirements] == [
        ("Experience with Excel is needed.", "required"),
        ("Knowledge of SQL is a plus.", "preferred"),
    ]


def test_pdf_of_one_posting(posting_pdf: Path) -> None:
    result = read_posting_file(posting_pdf, now=NOW)
    assert result.issues == []
    [posting] = result.postings
    assert posting.title == "Data Scientist" and posting.company == "Tailspin Toys"
    assert posting.locations == ("Berlin, Germany",)
    assert posting.salary == Salary(70000, 85000, "EUR", "year")
    assert [(r.text, r.kind) for r in posting.requirements] == [
        ("3+ years of experience with Python", "required"),
        ("Knowledge of statistics and time series", "required"),
        ("Experience with Spark", "preferred"),
    ]


def test_docx_of_one_posting(posting_docx: Path) -> None:
    result = read_posting_file(posting_docx, now=NOW)
    [posting] = result.postings
    assert posting.title == "Data Scientist" and posting.company == "Tailspin Toys"
    assert "- 3+ years of experience with Python" in posting.description
    assert [r.kind for r in posting.requirements] == ["required", "required", "preferred"]


def test_too_little_text_is_not_a_posting() -> None:
    postings, issues = parse_plain("hello world", "x.txt", NOW)
    assert postings == [] and "no job posting found" in issues[0].reason


def test_browser_printed_pdf_loses_its_print_marks(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    body = ["Warehouse Supervisor", "", "Company: Lamna Logistics", "Pay: $24 - $28 per hour", "",
            "Qualifications:", "- 2 years of experience supervising a warehouse team",
            "- Forklift certification"]
    for page_lines in (body[:4], body[4:]):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in ["5/14/24, 3:07 PM Warehouse Supervisor - Lamna Careers", *page_lines,
                     "https://careers.lamna.example/jobs/88 1/2"]:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "printed.pdf"
    path.write_bytes(bytes(pdf.output()))
    [posting] = read_posting_file(path, now=NOW).postings
    assert posting.title == "Warehouse Supervisor - Lamna Careers"
    assert "3:07 PM" not in posting.description and "careers.lamna.example" not in posting.description
    assert posting.salary == Salary(24, 28, "USD", "hour")
    assert [r.text for r in posting.requirements] == [
        "2 years of experience supervising a warehouse team", "Forklift certification"]


PASTED_WITH_BYLINE = """Senior Backend Engineer
Acme Payments - Berlin

We build payment software for small shops across Europe. You will design and run our services.

Requirements:
- 5+ years of experience with Python
- PostgreSQL and Docker
"""


def test_a_byline_under_the_title_gives_company_and_place() -> None:
    [posting], _ = parse_plain(PASTED_WITH_BYLINE, "pasted text", NOW)
    assert (posting.title, posting.company, posting.locations) == ("Senior Backend Engineer", "Acme Payments", ("Berlin",))
    [other], _ = parse_plain(PASTED_WITH_BYLINE.replace(" - Berlin", " · Remote, Europe"), "pasted text", NOW)
    assert other.company == "Acme Payments" and other.remote and other.locations == ("Europe",)


def test_a_line_that_only_looks_like_a_byline_is_left_alone() -> None:
    for second in ("Full-time - Berlin", "Remote - Europe",
                   "We are a small team of engineers who love payments - and we are hiring"):
        [posting], _ = parse_plain(PASTED_WITH_BYLINE.replace("Acme Payments - Berlin", second), "pasted text", NOW)
        assert posting.company is None, second
