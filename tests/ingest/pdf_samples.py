"""PDFs written object by object, for structures no office program makes on request.

`word_forms_pdf` draws every word as a form XObject of its own, placed on the page by a matrix:
the structure of the real Spanish posting PDFs that read one word per line in content-stream
order. The font is the standard Helvetica (WinAnsi encoding), so Spanish letters and "•" work.
"""

from __future__ import annotations

from fpdf import FPDF

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
FONT_SIZE = 11.0
LINE_HEIGHT = 16.0


def _width(text: str) -> float:
    """Width in points of `text` in Helvetica at FONT_SIZE (fpdf2 knows the standard fonts' metrics)."""
    pdf = FPDF(unit="pt")
    pdf.core_fonts_encoding = "cp1252"  # the WinAnsi encoding the PDF's font uses ("•" is in it)
    pdf.set_font("helvetica", size=FONT_SIZE)
    return float(pdf.get_string_width(text))


def _escape(text: str) -> bytes:
    return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _document(objects: dict[int, bytes]) -> bytes:
    """A PDF with `objects` (1: catalog, 2: pages, 3: the page) and a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
                    for n in range(1, size))
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)


def _stream(content: bytes, header: bytes = b"") -> bytes:
    return b"<< " + header + b" /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def word_forms_pdf(lines: list[str]) -> bytes:
    """One page; each word of `lines` a form XObject of its own, drawn at its place with "cm … Do"."""
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                                 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 4: FONT}
    draws: list[bytes] = []
    names: list[bytes] = []
    number = 10
    y = 790.0
    for line in lines:
        x = 56.0
        for word in line.split():
            form = b"BT /F1 11 Tf 0 0 Td (" + _escape(word) + b") Tj ET"
            objects[number] = _stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 400 20] "
                                            b"/Resources << /Font << /F1 4 0 R >> >>")
            names.append(b"/W%d %d 0 R" % (number, number))
            draws.append(b"q 1 0 0 1 %.2f %.2f cm /W%d Do Q" % (x, y, number))
            x += _width(word + " ")
            number += 1
        y -= LINE_HEIGHT
    objects[3] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << "
                  + b" ".join(names) + b" >> >> /Contents 5 0 R >>")
    objects[5] = _stream(b"\n".join(draws))
    return _document(objects)


def self_drawing_form_pdf() -> bytes:
    """A form that draws itself: a loop a reader must not follow forever."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 4: FONT,
               3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /L 6 0 R >> "
                  b"/Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               5: _stream(b"BT /F1 11 Tf 56 790 Td (Requisitos: Python y SQL durante tres a\xf1os) Tj ET /L Do"),
               6: _stream(b"BT /F1 11 Tf 0 -20 Td (bucle) Tj ET 1 0 0 1 0 -20 cm /L Do",
                          b"/Type /XObject /Subtype /Form /BBox [0 0 400 20] /Resources << /XObject << /L 6 0 R >> "
                          b"/Font << /F1 4 0 R >> >>")}
    return _document(objects)
