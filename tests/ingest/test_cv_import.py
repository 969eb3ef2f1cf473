"""read_cv / read_cv_text end to end: formats, layouts, bad files, warnings, the shared real CVs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.ingest.cv import CVReadError, read_cv, read_cv_text
from matcher.text import collapse_spaces
from tests.ingest import cv_samples


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _by_section(path: Path) -> dict[str, str]:
    cv = read_cv(path)
    return {s.name: collapse_spaces(s.text) for s in cv.sections}


def test_same_cv_in_five_layouts_gives_the_same_sections_and_years(tmp_path: Path) -> None:
    # Misleading names on purpose: the format comes from the bytes.
    one = _write(tmp_path, "one.docx", cv_samples.one_column_pdf())
    two = _write(tmp_path, "two.txt", cv_samples.two_column_pdf())
    right = _write(tmp_path, "right.pdf", cv_samples.right_sidebar_pdf())
    margin = _write(tmp_path, "margin.pdf", cv_samples.margin_headings_pdf())
    word = _write(tmp_path, "word.pdf", cv_samples.docx_cv())
    expected = _by_section(one)
    assert set(expected) == {"summary", "experience", "projects", "skills", "languages", "education"}
    for layout in (two, right, margin):
        assert _by_section(layout) == expected, layout.name
    assert {k: v for k, v in _by_section(word).items() if k != "certifications"} == expected
    years = {read_cv(p).years_experience for p in (one, two, right, margin, word)}
    assert years == {cv_samples.YEARS}  # "Present" is the files' own date, so the figure does not age
    assert not read_cv(margin).report.warnings  # type: ignore[union-attr]  # a heading margin is no column
    assert any("Columns detected" in w for w in read_cv(two).report.warnings)  # type: ignore[union-attr]
    assert not read_cv(one).report.warnings  # type: ignore[union-attr]


def test_word_sidebar_table_reads_cell_by_cell(tmp_path: Path) -> None:
    sidebar = _by_section(_write(tmp_path, "sidebar.docx", cv_samples.docx_sidebar_cv()))
    assert sidebar == _by_section(_write(tmp_path, "one.pdf", cv_samples.one_column_pdf()))


def test_shared_job_postings_are_not_cvs(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "samples" / "jobs").iterdir()):
        with pytest.raises(CVReadError, match="job posting"):
            read_cv(path)


def test_cv_fields_and_contact_kept_out_of_text(tmp_path: Path) -> None:
    cv = read_cv(_write(tmp_path, "maria.pdf", cv_samples.one_column_pdf()))
    assert cv.name == "Maria Kowalska"
    assert cv.contact == {"email": "maria.kowalska@example.org", "phone": "+48 601 234 567",
                          "links": "github.com/mkowalska"}
    assert "example.org" not in cv.text and "601 234" not in cv.text and "github.com" not in cv.text
    assert cv.skills == [] and cv.report is not None
    assert cv.report.pages == 1 and cv.report.chars == len(cv.text) and cv.report.skills_found == 0
    assert cv.report.sections == ["summary", "experience", "projects", "skills", "languages", "education"]


def test_docx_reads_lists_tables_and_headings(tmp_path: Path) -> None:
    cv = read_cv(_write(tmp_path, "cv.docx", cv_samples.docx_cv()))
    experience = next(s for s in cv.sections if s.name == "experience")
    assert "- Built Airflow pipelines that load 2 TB a day." in experience.text.split("\n")
    certifications = next(s for s in cv.sections if s.name == "certifications")
    assert certifications.text == "AWS Certified Data Engineer"
    assert cv.name == "Maria Kowalska" and cv.contact["email"] == "maria.kowalska@example.org"  # from the header


def test_spanish_and_vietnamese_cvs(tmp_path: Path) -> None:
    spanish = read_cv(_write(tmp_path, "es.pdf", cv_samples.text_pdf(cv_samples.SPANISH_CV, font="dejavu")))
    assert spanish.name == "Lucía Fernández"
    assert spanish.report is not None and spanish.report.sections == [
        "summary", "experience", "education", "skills", "languages"]
    assert spanish.years_experience is not None and spanish.years_experience >= 8.5  # Jan 2016 – today
    assert any("Spanish" in w for w in spanish.report.warnings)
    vietnamese = read_cv(_write(tmp_path, "vi.pdf", cv_samples.text_pdf(cv_samples.VIETNAMESE_CV, font="dejavu")))
    assert vietnamese.name == "Nguyễn Văn An"
    assert vietnamese.report is not None and vietnamese.report.sections == [
        "summary", "experience", "education", "skills"]
    assert vietnamese.years_experience is not None and vietnamese.years_experience >= 7.5  # Jun 2017 – today
    assert any("Vietnamese" in w for w in vietnamese.report.warnings)
    assert vietnamese.contact["address"] == "Hà Nội"


def test_plain_text_markdown_and_pasted_text(tmp_path: Path) -> None:
    markdown = ("# Jane Roe\n\n## Experience\n**Data Analyst**, [ACME](https://acme.example), 2019 – 2023\n\n"
                "* Built dashboards in *Tableau* for the sales team and cut reporting time by half.\n\n"
                "## Skills\nPython, SQL, Tableau\n")
    cv = read_cv(_write(tmp_path, "cv.bin", markdown.encode("utf-16")))
    assert cv.name == "Jane Roe" and cv.years_experience == 4.0
    assert "- Built dashboards in Tableau for the sales team and cut reporting time by half." in cv.text
    assert "**" not in cv.text and "#" not in cv.text
    pasted = read_cv_text(markdown)
    assert pasted.source == "pasted text" and pasted.text == cv.text
    assert any("Very little text" in w for w in pasted.report.warnings)  # type: ignore[union-attr]


@pytest.mark.parametrize(("data", "says"), [
    (b"", "is empty"),
    (cv_samples.text_pdf(cv_samples.JOB_POSTING), "job posting"),
    (cv_samples.BANK_STATEMENT.encode(), "bank or account statement"),
    (b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "old Word .doc"),
    (b"PK\x03\x04word/" + b"\x00" * 100, "damaged"),
    (b"\x00\x01\x02" * 100, "format that cannot be read"),
    (b"   \n\n  ", "almost no text"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "picture"),
])
def test_files_that_are_not_cvs_are_refused_with_a_reason(tmp_path: Path, data: bytes, says: str) -> None:
    with pytest.raises(CVReadError) as error:
        read_cv(_write(tmp_path, "cv.pdf", data))
    assert says in error.value.reason


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(CVReadError, match="at most 1 MB"):
        read_cv(_write(tmp_path, "cv.pdf", b"%PDF-1.4" + b" " * 2_000_000), max_bytes=1_000_000)


def test_page_limit_is_in_the_message(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.pdf", cv_samples.text_pdf("Experience\nAnalyst 2019 - 2020", pages=200))
    with pytest.raises(CVReadError, match="200 pages.*up to 30 pages"):
        read_cv(path)


# name, sections that must be found, dated roles, and years: the roles' union, "Present" meaning the
# date each file says it was made (July 2023; resume_1 May 2023).
SAMPLE_EXPECTED = {
    "alfred_pennyworth_pm.pdf": ("Alfred Pennyworth", {"summary", "skills", "experience", "education"}, 5, 24.5),
    "barry_allen_fe.pdf": ("Barry Allen", {"summary", "skills", "experience", "education", "projects"}, 1, 1.1),
    "bruce_wayne_fullstack.pdf": ("Bruce Wayne", {"summary", "skills", "experience", "education"}, 3, 11.1),
    "harvey_dent_mle.pdf": ("Harvey Dent", {"summary", "skills", "experience", "education", "projects"}, 3, 7.5),
    "john_doe.pdf": ("John Doe", {"summary", "skills", "experience", "education", "certifications"}, 2, 7.0),
    "resume_1.pdf": ("John Smith", {"summary", "skills", "experience", "education", "projects"}, 3, 6.3),
}


@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTED))
def test_shared_sample_cvs(shared_dir: Path, name: str) -> None:
    cv = read_cv(shared_dir / "samples" / "cvs" / name)
    person, sections, roles, years = SAMPLE_EXPECTED[name]
    assert cv.report is not None and sections <= set(cv.report.sections)
    assert len(cv.roles) == roles and cv.years_experience == years
    assert cv.name == person
    assert "@" not in cv.text and "obile-alt" not in cv.text and "•" not in cv.text
    assert not cv.report.warnings


@pytest.mark.slow
def test_every_livecareer_cv_imports(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "data" / "dev" / "livecareer").glob("*/*.pdf"))
    assert len(paths) == 30
    for path in paths:
        cv = read_cv(path)
        assert cv.report is not None
        assert {"experience", "education"} <= set(cv.report.sections), path
        assert cv.years_experience is not None and 1 <= cv.years_experience <= 50, path
        assert cv.name == path.stem  # anonymised: no name, so the file name


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_any_pasted_text_gives_a_cv_or_a_reason(text: str) -> None:
    try:
        cv = read_cv_text(text)
    except CVReadError as error:
        assert error.reason
    else:
        assert cv.report is not None and cv.report.chars == len(cv.text)
