"""CV files the CV-import tests write for themselves: one person in several layouts, and bad files.

Each builder returns bytes, so tests write them under tmp_path with any name (the importer must
detect the format from the content, not from the file name).
"""

from __future__ import annotations

import io
import struct
import zlib
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
MAIN: list[tuple[str, list[str]]] = [
    ("Summary", ["Data engineer who builds reliable batch and", "streaming pipelines for analytics teams."]),
    ("Experience", [
        "Senior Data Engineer, Allegro",
        "Mar 2019 - Present",
        "- Built Airflow pipelines that load 2 TB a day.",
        "- Moved reporting from cron jobs to Spark.",
        "Data Engineer, Comarch",
        "Jan 2015 - Feb 2019",
        "- Designed PostgreSQL schemas for billing data.",
        "- Wrote Python services for data quality checks.",
    ]),
    ("Projects", ["Open-source Airflow provider for a", "Polish open-data portal."]),
]
LINE_H = 6.0


def _pdf(font: str = "helvetica") -> FPDF:
    pdf = FPDF(format="A4")
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
