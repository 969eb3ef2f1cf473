"""DOCX bytes → text in reading order, for CVs and job postings: header, paragraphs, tables, text boxes.

Tables are read row by row and cell by cell: a CV template's sidebar (a two-cell table) is read
whole, one cell after the other, and a label table ("Experiencia laboral" | what was done) gives
each label before its content. List paragraphs become "- " bullets.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml.etree import _Element

from matcher.ingest.read_error import ReadError
from matcher.limits import TooLarge, check_docx


PARAGRAPH, TABLE, ROW, CELL = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
TEXT_BOX = qn("w:txbxContent")
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WORDS_PER_PAGE = 500  # for the report when the file does not record its page count


def _paragraph_text(p: _Element) -> str:
    """Text of a w:p element, tabs and breaks as spaces and line breaks; bullets as "- "."""
    parts: list[str] = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append(" ")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif node.tag == TEXT_BOX:
            break  # a text box's own paragraphs are read by _walk
    text = "".join(parts).strip()
    style = p.find(qn("w:pPr"))
    is_list = style is not None and (style.find(qn("w:numPr")) is not None or any(
        "List" in (s.get(qn("w:val")) or "") for s in style.iter(qn("w:pStyle"))))
    return f"- {text}" if text and is_list else text


def _walk(element: _Element, out: list[str]) -> None:
    """Append the text of `element`'s paragraphs and tables, in document order."""
    for child in element:
        if child.tag == PARAGRAPH:
            out.append(_paragraph_text(child))
            for box in child.iter(TEXT_BOX):
                # Word stores each text box twice: as DrawingML and as a VML fallback; read it once.
                if not any(a.tag == FALLBACK for a in box.iterancestors()):
                    _walk(box, out)
        elif child.tag == TABLE:
            for row in child.findall(ROW):  # its own rows: a nested table is read inside its cell
                for cell in row.findall(CELL):
                    _walk(cell, out)
        elif child.tag not in (qn("w:sectPr"),):
            _walk(child, out)  # content controls (w:sdt) and the like wrap paragraphs


def _page_count(data: bytes, words: int) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            app = archive.read("docProps/app.xml").decode("utf-8", "replace")
        match = re.search(r"<Pages>(\d+)</Pages>", app)
        if match:
            return max(1, int(match.group(1)))
    except (KeyError, zipfile.BadZipFile):
        pass
    return max(1, -(-words // WORDS_PER_PAGE))


class WordReadError(ReadError):
    """A DOCX file that cannot be read; `reason` says what to do."""


@dataclass
class WordText:
    text: str
    pages: int
    made: date | None  # when the document was last saved, from its properties


def _made(document: WordDocument) -> date | None:
    properties = document.core_properties
    when = properties.modified or properties.created
    return when.date() if when else None


def read_docx(data: bytes) -> WordText:
    """The text of a DOCX file. Raises WordReadError when it cannot be opened."""
    try:
        check_docx(data)  # before python-docx inflates it: a 3.5 MB file can hold 1.2 GB of XML
    except TooLarge as exc:
        raise WordReadError(f"This Word file is not read: {exc}. Save it again as .docx or PDF.") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
        raise WordReadError("This Word file is damaged or is not a DOCX document. Open it in your word "
                            "processor, save it again as .docx or PDF, then load the new file.") from exc
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and key errors for broken files
        raise WordReadError("This Word file is damaged or is not a DOCX document. Open it in your word "
                            "processor, save it again as .docx or PDF, then load the new file.") from exc
    lines: list[str] = []
    for section in document.sections:
        if not section.header.is_linked_to_previous:  # linked: no header of its own (or none at all)
            _walk(section.header._element, lines)
    _walk(document.element.body, lines)
    text = "\n".join(line for line in lines if line is not None)
    try:
        made = _made(document)
    except ValueError:  # a malformed date in docProps/core.xml is no date, not a broken file
        made = None
    return WordText(text, _page_count(data, len(text.split())), made)
