"""The one PDF reader: layouts, columns, forms and extraction noise (matcher.ingest.pdf, pdf_layout, pdf_clean)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from matcher.ingest import pdf_page
from matcher.ingest.pdf import PdfReadError, read_pdf
from matcher.ingest.pdf_clean import clean_pdf_text
from matcher.ingest.pdf_layout import read_page
from matcher.ingest.pdf_page import MAX_FORM_DEPTH
from matcher.ingest.postings import MAX_POSTING_PAGES, read_posting_file
from tests.ingest import cv_samples, pdf_samples


def test_two_column_pdf_drawn_row_by_row_does_not_interleave() -> None:
    result = read_pdf(cv_samples.two_column_pdf(), max_pages=30)
    assert result.column_pages == [1]
    lines = result.text.split("\n")
    # Each column's lines stay together and in order.
    skills = lines.index("SKILLS")
    assert lines[skills + 1:skills + 5] == ["Python, SQL, Pandas", "Docker, Kubernetes", "PostgreSQL, Airflow",
                                            "Scikit-learn, Spark"]
    experience = lines.index("EXPERIENCE")
    assert lines[experience + 1:experience + 3] == ["Senior Data Engineer, Allegro", "Mar 2019 - Present"]


def test_one_column_pdf_is_not_reported_as_columns() -> None:
    assert read_pdf(cv_samples.one_column_pdf(), max_pages=30).column_pages == []


def test_margin_dates_go_back_in_front_of_their_entry() -> None:
    layout = ("                   Experience\n"
              "         2021 –    Machine Learning Engineer, OpenAI, San Francisco, USA\n"
              "       Present     Leading a team of AI engineers. Designed and implemented models for natural\n"
              "                   language processing tasks.\n"
              " 2018 – 2021   Data Scientist, Uber, San Francisco, USA\n"
              "                   Developed and deployed machine learning models.\n")
    text, columns = read_page(layout)
    assert not columns
    assert text.split("\n")[:3] == [
        "Experience", "2021 – Present Machine Learning Engineer, OpenAI, San Francisco, USA",
        "Leading a team of AI engineers. Designed and implemented models for natural"]
    assert "2018 – 2021 Data Scientist, Uber, San Francisco, USA" in text


def test_sidebar_table_ends_at_the_next_margin_heading() -> None:
    rows = [f"        Skill item number {i}                      Other skill {i}" for i in range(7)]
    layout = "\n".join(["Skills", *rows, "", "Work History", "Designer 12/2013 to 11/2014"])
    text, columns = read_page(layout)
    assert columns
    lines = text.split("\n")
    assert lines.index("Other skill 6") < lines.index("Work History") < lines.index("Designer 12/2013 to 11/2014")
    assert lines.index("Skill item number 6") < lines.index("Other skill 0")


def test_icon_glyphs_ligatures_and_broken_words_are_cleaned() -> None:
    raw = ("♂¶obile-alt (123) 456-7890\n✉ a@b.com\n/linkedin-in hdent\n\ue80c Python \uf0b7 SQL\n"
           "Managed ﬁnancial ﬂows and deploy-\nment of tools\nJune 2018 – Presen\nt\n"
           "Skilled in toolsAutoCAD and TensorFlow, PresentSoftware Engineer since 2019Present\n2")
    assert clean_pdf_text(raw) == (
        "(123) 456-7890\na@b.com\nLinkedIn: hdent\nPython SQL\nManaged financial flows and deployment of tools\n"
        "June 2018 – Present\nSkilled in tools AutoCAD and TensorFlow, Present Software Engineer since 2019 Present")


def test_real_sample_with_icon_font_reads_clean(shared_dir: Path) -> None:
    data = (shared_dir / "samples" / "cvs" / "harvey_dent_mle.pdf").read_bytes()
    text = read_pdf(data, max_pages=30).text
    assert "obile-alt" not in text and "✉" not in text and "/github" not in text
    assert "2021 – Present Machine Learning Engineer, OpenAI, San Francisco, USA" in text


def test_vietnamese_diacritics_survive() -> None:
    data = cv_samples.text_pdf(cv_samples.VIETNAMESE_CV, font="dejavu")
    text = read_pdf(data, max_pages=30).text
    assert "Kinh nghiệm làm việc" in text and "Nguyễn Văn An" in text


@pytest.mark.parametrize(("make", "says"), [
    (lambda tmp: cv_samples.scanned_pdf(tmp), "no text layer"),
    (lambda tmp: cv_samples.encrypted_pdf(cv_samples.one_column_pdf()), "password-protected"),
    (lambda tmp: cv_samples.one_column_pdf()[:600], "damaged"),
    (lambda tmp: cv_samples.text_pdf("Line of a long document", pages=200), "200 pages"),
])
def test_unreadable_pdfs_say_what_is_wrong(tmp_path: Path, make: object, says: str) -> None:
    with pytest.raises(PdfReadError) as error:
        read_pdf(make(tmp_path), max_pages=30)  # type: ignore[operator]
    assert says in error.value.reason


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.995])
def test_truncated_real_pdf_is_refused_not_half_read(shared_dir: Path, keep: float) -> None:
    data = (shared_dir / "samples" / "cvs" / "john_doe.pdf").read_bytes()
    with pytest.raises(PdfReadError, match="damaged or incomplete"):
        read_pdf(data[:int(len(data) * keep)], max_pages=30)


def test_empty_password_pdf_is_read() -> None:
    data = cv_samples.encrypted_pdf(cv_samples.one_column_pdf(), password="")
    assert "Maria Kowalska" in read_pdf(data, max_pages=30).text


# -- postings: the same reader ------------------------------------------------------------------
SPANISH_POSTING = [
    "Desarrollador/a Backend Python", "Empresa: Tecnologías Levante S.L.", "Ubicación: Valencia, España",
    "Puesto de trabajo", "Buscamos una persona para el equipo de pagos que diseñe y mantenga nuestros servicios.",
    "Requisitos", "• 3 años de experiencia con Python y Django.", "• Conocimientos de PostgreSQL y Docker.",
    "Responsabilidades", "• Diseñar APIs REST para los equipos de producto."]


def test_words_drawn_as_separate_forms_read_as_lines(tmp_path: Path) -> None:
    data = pdf_samples.word_forms_pdf(SPANISH_POSTING)
    # What made such postings unreadable: in drawing order every word is a line of its own.
    assert PdfReader(io.BytesIO(data)).pages[0].extract_text().startswith("Desarrollador/a\nBackend\nPython\n")
    assert read_pdf(data, max_pages=10).text.split("\n") == [
        line.replace("• ", "- ") for line in SPANISH_POSTING]
    path = tmp_path / "oferta.pdf"
    path.write_bytes(data)
    result = read_posting_file(path, now=datetime(2025, 1, 31))
    assert result.issues == [] and result.postings[0].title == "Desarrollador/a Backend Python"
    assert "- 3 años de experiencia con Python y Django." in result.postings[0].description.split("\n")


@pytest.mark.parametrize(("name", "title", "line"), [
    ("ypsilon_job_description_en.pdf", "Softwaredeveloper Python (m/f)",
     "- You are comfortable with Linux as development environment"),
    ("ypsilon_job_beschreibung_de.pdf", "Softwareentwickler Python (m/w)",
     "- Sie fühlen sich mit Linux als Entwicklungsumgebung wohl"),
])
def test_real_posting_pdfs_read_with_their_bullets(data_dir: Path, name: str, title: str, line: str) -> None:
    result = read_posting_file(data_dir / name, now=datetime(2025, 1, 31))
    assert result.issues == [] and len(result.postings) == 1
    posting = result.postings[0]
    assert posting.title == title
    lines = posting.description.split("\n")
    assert line in lines
    assert sum(entry.startswith("- ") for entry in lines) == 8  # each list item keeps its bullet
    assert "so@ypsilon.net" in posting.description


def test_posting_pdf_over_the_page_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "brochure.pdf"
    path.write_bytes(cv_samples.text_pdf(cv_samples.JOB_POSTING, pages=MAX_POSTING_PAGES + 1))
    result = read_posting_file(path, now=datetime(2025, 1, 31))
    assert result.postings == []
    assert [issue.reason for issue in result.issues] == [
        f"cannot read this pdf: this PDF has {MAX_POSTING_PAGES + 1} pages; a job posting is read only up to "
        f"{MAX_POSTING_PAGES} pages. Check that you chose the right file, or save the pages of the job posting "
        "as a separate PDF."]


def test_a_form_that_draws_itself_is_read_a_bounded_number_of_times() -> None:
    text = read_pdf(pdf_samples.self_drawing_form_pdf(), max_pages=10).text
    assert text.startswith("Requisitos: Python y SQL durante tres años")
    assert text.count("bucle") == MAX_FORM_DEPTH


def test_a_page_with_too_much_content_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_page, "MAX_PAGE_CONTENT_BYTES", 1_000)
    with pytest.raises(PdfReadError, match="page is read only up to"):
        read_pdf(cv_samples.one_column_pdf(), max_pages=10)


def test_the_content_of_forms_counts_towards_the_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf_samples.word_forms_pdf(SPANISH_POSTING)
    page = PdfReader(io.BytesIO(data)).pages[0]
    own = len(page.get_contents().get_data())  # type: ignore[union-attr]
    monkeypatch.setattr(pdf_page, "MAX_PAGE_CONTENT_BYTES", own + 100)  # the page fits, its 60 forms do not
    with pytest.raises(PdfReadError, match="page is read only up to"):
        read_pdf(data, max_pages=10)


@pytest.mark.parametrize(("declared", "pages"), [("50000", 50_000), ("1", 11)])
def test_page_count_is_checked_before_pages_are_read_even_when_it_lies(declared: str, pages: int) -> None:
    data = cv_samples.text_pdf("Requirements\n- Python", pages=11).replace(b"/Count 11", f"/Count {declared}".encode())
    with pytest.raises(PdfReadError, match=f"This PDF has {pages} pages; a job posting is read only up to 10 pages"):
        read_pdf(data, max_pages=10, document="job posting")
