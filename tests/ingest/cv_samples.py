"""CV files the CV-import tests write for themselves: one person in several layouts, and bad files.

Each builder returns bytes, so tests write them under tmp_path with any name (the importer must
detect the format from the content, not from the file name).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# One fictional person. Sidebar sections go left in the two-column layout, main ones right.
NAME = "Maria Kowalska"
CONTACT = ["maria.kowalska@example.org", "+48 601 234 567", "github.com/mkowalska"]
SIDEBAR: list[tuple[str, list[str]]] = [
    ("Skills", ["Python, SQL, Pandas", "Docker, Kubernetes", "PostgreSQL, Airflow", "Scikit-learn, Spark"]),
    ("Languages", ["Polish (native)", "English (C1)", "German (B1)"]),
    ("Education", ["MSc Computer Science", "Warsaw University of", "Technology, 2012 - 2014"]),
]
# Dated entries: (title line, dates, what was done). Two overlap (freelance work beside the Comarch
# job), and the projects and education carry dates of their own, which are not employment.
ROLES: list[tuple[str, str, list[str]]] = [
    ("Senior Data Engineer, Allegro", "Mar 2019 - Present",
     ["- Built Airflow pipelines that load 2 TB a day.", "- Moved reporting from cron jobs to Spark."]),
    ("Data Consultant (freelance)", "Jun 2018 - Dec 2019", ["- Tuned PostgreSQL queries for two retailers."]),
    ("Data Engineer, Comarch", "Jan 2015 - Feb 2019",
     ["- Designed PostgreSQL schemas for billing data.", "- Wrote Python services for data quality checks."]),
    ("Teaching Assistant, Warsaw University of Technology", "Oct 2013 - Jun 2014",
     ["- Taught SQL labs to second-year students."]),
]
SUMMARY = ["Data engineer who builds reliable batch and", "streaming pipelines for analytics teams."]
PROJECTS = ["Student satellite team PW-Sat, 2010 - 2012:", "ground-station software in Python."]
MAIN: list[tuple[str, list[str]]] = [
    ("Summary", SUMMARY),
    ("Experience", [line for title, dates, done in ROLES for line in (title, dates, *done)]),
    ("Projects", PROJECTS),
]
# The date every "Present" in these files means: the files say they were made then.
MADE = datetime(2025, 1, 15, 9, 30)
# Jan 2015 – Jan 2025 (Present, as of MADE) and Oct 2013 – Jun 2014; the freelance work overlaps.
YEARS = 10.8
LINE_H = 6.0


def _pdf(font: str = "helvetica") -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(MADE)
    pdf.set_auto_page_break(False)
    if font == "dejavu":
        pdf.add_font("dejavu", "", str(DEJAVU))
    pdf.add_page()
    pdf.set_font(font, size=10)
    return pdf


def _lines(sections: list[tuple[str, list[str]]]) -> list[str]:
    out: list[str] = []
    for heading, body in sections:
        out += [heading.upper(), *body, ""]
    return out


def one_column_pdf() -> bytes:
    pdf = _pdf()
    pdf.set_font("helvetica", size=16)
    pdf.cell(0, 10, NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, LINE_H, " | ".join(CONTACT), new_x="LMARGIN", new_y="NEXT")
    for line in _lines(MAIN + SIDEBAR):
        pdf.cell(0, LINE_H, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def two_column_pdf() -> bytes:
    """Sidebar left, main text right, drawn row by row so the content stream interleaves them."""
    pdf = _pdf()
    pdf.set_font("helvetica", size=16)
    pdf.cell(0, 10, NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    left = CONTACT + [""] + _lines(SIDEBAR)
    right = _lines(MAIN)
    top = pdf.get_y() + LINE_H  # a gap, so the big name line is not on the first row
    for row in range(max(len(left), len(right))):
        y = top + row * LINE_H
        if row < len(left) and left[row]:
            pdf.text(12, y, left[row])
        if row < len(right) and right[row]:
            pdf.text(80, y, right[row])
    return bytes(pdf.output())


def text_pdf(text: str, *, font: str = "helvetica", pages: int = 1) -> bytes:
    """`text` line by line on each of `pages` pages (DejaVu for Vietnamese and other diacritics)."""
    pdf = _pdf(font)
    for page in range(pages):
        if page:
            pdf.add_page()
        for line in text.splitlines():
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf(tmp_dir: Path) -> bytes:
    """A page that is only a picture, as a scanner makes it."""
    image = tmp_dir / "scan.png"
    width, height = 40, 40
    raw = b"".join(b"\x00" + b"\xcc" * width * 3 for _ in range(height))  # grey rows, PNG filter byte 0

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    image.write_bytes(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=190)
    return bytes(pdf.output())


def encrypted_pdf(source: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_cv() -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.modified = MADE
    doc.sections[0].header.paragraphs[0].text = " | ".join(CONTACT)  # templates often put contact here
    doc.add_heading(NAME, level=0)
    for heading, body in MAIN + SIDEBAR:
        doc.add_heading(heading, level=1)
        for line in body:
            if line.startswith("- "):
                doc.add_paragraph(line[2:], style="List Bullet")
            else:
                doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Certifications"
    table.rows[0].cells[1].text = "AWS Certified Data Engineer"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


SPANISH_CV = """Lucía Fernández
lucia.fernandez@example.es | +34 612 345 678 | Madrid, España
Perfil profesional
Desarrolladora de software con más de 6 años de experiencia en Java y bases de datos.
Experiencia laboral
Desarrolladora Java, Telefónica, Madrid
Marzo 2019 – Actualidad
- Diseño de microservicios con Spring Boot y Kafka para la red de clientes.
Programadora, Indra, Madrid
Enero 2016 – Febrero 2019
- Mantenimiento de aplicaciones en Java y Oracle para el sector público.
Formación
Grado en Ingeniería Informática, Universidad Politécnica de Madrid, 2011 – 2015
Habilidades
Java, Spring Boot, Kafka, Oracle, SQL, Git
Idiomas
Español (nativo), Inglés (B2)
"""

VIETNAMESE_CV = """Nguyễn Văn An
an.nguyen@example.vn | 0912 345 678 | Hà Nội
Mục tiêu nghề nghiệp
Kỹ sư phần mềm với kinh nghiệm phát triển ứng dụng web bằng Python và React.
Kinh nghiệm làm việc
Kỹ sư phần mềm, FPT Software, Hà Nội
01/2020 – nay
- Phát triển các dịch vụ Python và Django cho khách hàng Nhật Bản.
Lập trình viên, Viettel, Hà Nội
06/2017 – 12/2019
- Xây dựng giao diện React và API cho hệ thống quản lý.
Học vấn
Kỹ sư Công nghệ Thông tin, Đại học Bách khoa Hà Nội, 2012 – 2017
Kỹ năng
Python, Django, React, PostgreSQL, Docker
"""

JOB_POSTING = """Senior Backend Engineer
We are looking for a Senior Backend Engineer to join our payments team.
Responsibilities:
- Design and build APIs in Python and Go.
- Own services in production.
Requirements:
- 5+ years of experience with Python.
- Experience with PostgreSQL and Kafka.
Nice to have:
- Kubernetes.
What we offer:
- Remote work, private health care and a training budget.
How to apply: send your CV to jobs@example.com.
"""

BANK_STATEMENT = """Example Bank plc
Account statement
Account number: 12345678   Sort code: 12-34-56
Statement period: 01/03/2024 to 31/03/2024
Opening balance 1,204.11
Date Description Paid out Paid in Balance
02/03/2024 Card payment TESCO 23.10 1,181.01
05/03/2024 Direct debit COUNCIL TAX 120.00 1,061.01
15/03/2024 Transfer from SALARY 2,300.00 3,361.01
28/03/2024 Standing order RENT 950.00 2,411.01
Closing balance 2,411.01
"""


def docx_sidebar_cv() -> bytes:
    """The same person as a Word template draws it: a two-cell table, sidebar left, main text right."""
    from docx import Document

    doc = Document()
    doc.core_properties.modified = MADE
    doc.add_paragraph(NAME)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "\n".join(CONTACT)
    for cell, sections in ((left, SIDEBAR), (right, MAIN)):
        for heading, body in sections:
            cell.add_paragraph(heading)
            for line in body:
                cell.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def margin_headings_pdf() -> bytes:
    """Headings in a narrow left margin, each beside the first line of its text."""
    pdf = _pdf()
    pdf.set_font("helvetica", size=16)
    pdf.cell(0, 10, NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, LINE_H, " | ".join(CONTACT), new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + LINE_H
    for heading, body in MAIN + SIDEBAR:
        pdf.text(12, y, heading.upper())
        for line in body:
            pdf.text(50, y, line)
            y += LINE_H
        y += LINE_H
    return bytes(pdf.output())


def right_sidebar_pdf() -> bytes:
    """Main text left, sidebar right, drawn row by row."""
    pdf = _pdf()
    pdf.set_font("helvetica", size=16)
    pdf.cell(0, 10, NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    left = _lines(MAIN)
    right = CONTACT + [""] + _lines(SIDEBAR)
    top = pdf.get_y() + LINE_H
    for row in range(max(len(left), len(right))):
        y = top + row * LINE_H
        if row < len(left) and left[row]:
            pdf.text(12, y, left[row])
        if row < len(right) and right[row]:
            pdf.text(130, y, right[row])
    return bytes(pdf.output())


def _header(pdf: FPDF) -> None:
    pdf.set_font("helvetica", size=16)
    pdf.cell(0, 10, NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, LINE_H, " | ".join(CONTACT), new_x="LMARGIN", new_y="NEXT")


def _rest_at(pdf: FPDF, x: float, y: float, sections: list[tuple[str, list[str]]]) -> float:
    """`sections` line by line from (x, y); returns the y below them."""
    for line in _lines(sections):
        if line:
            pdf.text(x, y, line)
        y += LINE_H
    return y


def _dated_pdf(x: float, dates_at: Callable[[FPDF, float, str], None]) -> bytes:
    """One column at `x`; each job's dates drawn by `dates_at(pdf, y of its title line, dates)`."""
    pdf = _pdf()
    _header(pdf)
    y = _rest_at(pdf, x, pdf.get_y() + LINE_H, MAIN[:1])
    pdf.text(x, y, "EXPERIENCE")
    y += LINE_H
    for title, dates, done in ROLES:
        dates_at(pdf, y, dates)
        for line in (title, *done):
            pdf.text(x, y, line)
            y += LINE_H
        y += LINE_H / 2
    _rest_at(pdf, x, y + LINE_H / 2, MAIN[2:] + SIDEBAR)
    return bytes(pdf.output())


def margin_dates_pdf() -> bytes:
    """Each job's dates in a left margin, start over end ("Mar 2019 -" / "Present"), beside its title."""
    def in_margin(pdf: FPDF, y: float, dates: str) -> None:
        start, end = dates.split(" - ")
        pdf.text(12, y, f"{start} -")
        pdf.text(12, y + LINE_H, end)

    return _dated_pdf(45, in_margin)


def right_dates_pdf() -> bytes:
    """Each job's dates right-aligned on its title line, as many templates set them."""
    return _dated_pdf(12, lambda pdf, y, dates: pdf.text(198 - pdf.get_string_width(dates), y, dates))


def stacked_dates_pdf() -> bytes:
    """Each job's dates right-aligned, start over end, beside its title and first bullet."""
    def stacked(pdf: FPDF, y: float, dates: str) -> None:
        start, end = dates.split(" - ")
        for row, part in enumerate((f"{start} -", end)):
            pdf.text(198 - pdf.get_string_width(part), y + row * LINE_H, part)

    return _dated_pdf(12, stacked)


def _table_rows() -> list[tuple[str, list[str]]]:
    """(left cell, right cell lines) of a label table: section names and dates left, the rest right."""
    rows: list[tuple[str, list[str]]] = [("SUMMARY", SUMMARY), ("EXPERIENCE", [])]
    rows += [(dates, [title, *done]) for title, dates, done in ROLES]
    rows += [(heading.upper(), body) for heading, body in MAIN[2:] + SIDEBAR]
    return rows


def table_pdf() -> bytes:
    """A two-column table with ruled cells: labels and dates left, content right (Europass-like)."""
    pdf = _pdf()
    _header(pdf)
    y = pdf.get_y() + LINE_H
    for label, lines in _table_rows():
        height = LINE_H * max(1, len(lines)) + 2
        pdf.rect(12, y, 42, height)
        pdf.rect(54, y, 144, height)
        pdf.text(14, y + LINE_H - 1, label)
        for number, line in enumerate(lines):
            pdf.text(56, y + LINE_H * (number + 1) - 1, line)
        y += height
    return bytes(pdf.output())


def docx_table_cv() -> bytes:
    """The label table as Word makes it: one row per section or job, label cell left."""
    from docx import Document

    doc = Document()
    doc.core_properties.modified = MADE
    doc.add_paragraph(NAME)
    doc.add_paragraph(" | ".join(CONTACT))
    rows = _table_rows()
    table = doc.add_table(rows=len(rows), cols=2)
    for row, (label, lines) in zip(table.rows, rows):
        row.cells[0].text = label
        row.cells[1].text = "\n".join(lines)  # one paragraph with line breaks, as a pasted cell has
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# Every layout of the one person, by name: each must give the same roles, years and skills.
def layouts() -> dict[str, bytes]:
    return {"one column": one_column_pdf(), "two columns": two_column_pdf(), "right sidebar": right_sidebar_pdf(),
            "margin headings": margin_headings_pdf(), "dates in a left margin": margin_dates_pdf(),
            "dates right-aligned": right_dates_pdf(), "dates stacked right": stacked_dates_pdf(),
            "table": table_pdf(), "word": docx_cv(), "word sidebar": docx_sidebar_cv(), "word table": docx_table_cv()}


# A Spanish CV in the Europass manner: a two-column table, labels left, content right. Its PDF is
# LibreOffice's conversion of this DOCX (tests/ingest/data/build_table_cv.py made it).
SPANISH_TABLE: list[tuple[str, str]] = [
    ("Información personal", "Carmen Ruiz Ortega"),
    ("", "carmen.ruiz@example.es | +34 611 222 333 | Valencia"),
    ("Experiencia laboral", ""),
    ("Fechas", "Abril 2020 – Actualidad"),
    ("Puesto", "Analista de datos, Mercadona, Valencia"),
    ("Funciones", "Informes de ventas con Python, Pandas y Power BI; modelos de previsión de demanda."),
    ("Fechas", "Septiembre 2016 – Marzo 2020"),
    ("Puesto", "Técnica de business intelligence, Bankia, Valencia"),
    ("Funciones", "Procesos ETL en SQL Server y cuadros de mando en Tableau."),
    ("Educación y formación", ""),
    ("Fechas", "2012 – 2016"),
    ("Titulación", "Grado en Estadística, Universitat de València"),
    ("Competencias técnicas", "Python, Pandas, SQL, SQL Server, Power BI, Tableau, Git"),
    ("Idiomas", "Español (nativo), Valenciano (nativo), Inglés (C1)"),
]
SPANISH_TABLE_MADE = datetime(2024, 6, 3, 10, 0)
SPANISH_TABLE_YEARS = 7.8  # Sep 2016 – June 2024 ("Actualidad" as of the file's date)


def spanish_table_docx() -> bytes:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.core_properties.modified = SPANISH_TABLE_MADE
    doc.core_properties.created = SPANISH_TABLE_MADE
    table = doc.add_table(rows=len(SPANISH_TABLE), cols=2)
    for row, (label, content) in zip(table.rows, SPANISH_TABLE):
        row.cells[0].width, row.cells[1].width = Cm(5), Cm(11)
        row.cells[0].text, row.cells[1].text = label, content
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
