"""PDF bytes → text in reading order: the one PDF reader, for CVs and job postings alike.

Each page is read by position (pdf_page: glyph runs placed by pypdf's layout machinery, forms
included), so words drawn as separate text objects on one baseline make one line; pdf_layout then
finds columns, date margins and label tables and puts them in reading order; pdf_clean removes
icon glyphs and page numbers. Pages whose layout reads nothing fall back to content-stream order.

Reading stays bounded whatever the file: the page count is checked before any page is read
(`max_pages`, chosen by the caller: a CV or a posting), a page that draws more than
pdf_page.MAX_PAGE_CONTENT_BYTES (its forms' content included) is refused, forms are inlined only
so deep, and pypdf caps its own decompression (75 MB a stream) and runs of blank space.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import date

from pypdf import PageObject, PdfReader

from matcher.ingest.pdf_clean import clean_pdf_text
from matcher.ingest.pdf_layout import read_page
from matcher.ingest.pdf_page import MAX_PAGE_CONTENT_BYTES, PageTooLarge, layout_text
from matcher.ingest.read_error import ReadError

MIN_TEXT_CHARS = 20  # fewer letters and digits than this: no text layer worth the name

DAMAGED = ("This PDF is damaged or incomplete and cannot be read. Export or download it again as PDF, then load "
           "the new file.")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd font; we report our own


class PdfReadError(ReadError):
    """A PDF that cannot be read; its `reason` fits any kind of document."""


@dataclass
class PdfText:
    text: str
    pages: int
    column_pages: list[int] = field(default_factory=list)  # 1-based pages read column by column
    made: date | None = None  # when the file says it was last written (its metadata), if it says


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfReadError("This PDF is password-protected. Open it, save or print it as a PDF without a "
                               "password, then load that copy.")
        _ = reader.trailer["/Root"]  # the catalog: without it there is no document
        return reader
    except PdfReadError:
        raise
    except Exception as exc:  # pypdf raises many types for broken files; all mean the same to the user
        raise PdfReadError(f"{DAMAGED} (Detail: {type(exc).__name__})") from exc


def _declared_pages(reader: PdfReader) -> int:
    """The page count the file declares, read without walking its page tree (which takes seconds
    for tens of thousands of pages); 0 when it declares none that makes sense."""
    try:
        count = int(reader.root_object["/Pages"]["/Count"])  # type: ignore[index]
        return max(count, 0)
    except Exception:  # no catalog, no page tree or no count: walk the tree instead
        return 0


def _counted_pages(reader: PdfReader) -> int:
    try:
        return len(reader.pages)
    except Exception as exc:  # a broken page tree
        raise PdfReadError(f"{DAMAGED} (Detail: {type(exc).__name__})") from exc


def _made(reader: PdfReader) -> date | None:
    """The modification date in the file's metadata, else its creation date."""
    try:
        info = reader.metadata
        when = info and (info.modification_date or info.creation_date)
    except Exception:  # a malformed date string ("D:2019") is no date, not a broken file
        return None
    return when.date() if when else None


def _page_text(page: PageObject, reader: PdfReader, number: int) -> tuple[str, bool]:
    """(text of one page in reading order, whether it was read as columns)."""
    try:
        layout = layout_text(page, reader)
    except PageTooLarge as exc:
        raise PdfReadError(f"Page {number} of this PDF draws {exc.size / 1e6:.0f} MB of content; a page is read "
                           f"only up to {MAX_PAGE_CONTENT_BYTES / 1e6:.0f} MB. Print it again as a plain PDF.") from exc
    except Exception:  # layout is the pickier reading (odd fonts, matrices): plain mode may still read it
        layout = ""
    if layout.strip():
        return read_page(layout)
    try:
        return page.extract_text() or "", False
    except Exception as exc:  # pypdf raises many types for a broken content stream
        raise PdfReadError(f"Page {number} of this PDF is damaged and cannot be read. Export it again as PDF, "
                           "then load the new file.") from exc


def read_pdf(data: bytes, *, max_pages: int, document: str = "CV") -> PdfText:
    """Text of a PDF of one `document` ("CV", "job posting"), at most `max_pages` long.

    Raises PdfReadError for encrypted, damaged, scanned or overlong files.
    """
    reader = _open(data)
    pages = _declared_pages(reader)
    if pages <= max_pages:
        pages = _counted_pages(reader)  # the count a file declares may lie low, or be missing
    if pages > max_pages:
        raise PdfReadError(f"This PDF has {pages} pages; a {document} is read only up to {max_pages} pages. "
                           f"Check that you chose the right file, or save the pages of the {document} "
                           "as a separate PDF.")
    texts: list[str] = []
    column_pages: list[int] = []
    for number in range(1, pages + 1):
        text, columns = _page_text(reader.pages[number - 1], reader, number)
        if columns:
            column_pages.append(number)
        texts.append(text)
    text = clean_pdf_text("\n".join(texts))
    if sum(ch.isalnum() for ch in text) < MIN_TEXT_CHARS:
        raise PdfReadError("This PDF has no text layer (it looks scanned). Run OCR on it, or export it from "
                           "the program that made it as PDF, then load it again.")
    return PdfText(text=text, pages=pages, column_pages=column_pages, made=_made(reader))
