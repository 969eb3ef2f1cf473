"""PDF bytes → clean CV text: pypdf's layout mode, columns un-interleaved, extraction noise removed.

Layout mode places text by its positions on a character grid, so a page drawn row by row reads as
rows (cv_layout then separates its columns) and fragments a producer drew one by one ("July 2011",
"to", "November 2012") come back as the one line they look like on paper.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader

from matcher.ingest.cv_errors import CVReadError
from matcher.ingest.cv_layout import read_page
from matcher.text import clean_text

MIN_PAGE_CHARS = 20  # below this a page has no text layer worth the name
# Icon-font glyphs that extract as their names: "♂¶obile-alt (123)", "/linkedin-in hdent".
ICON_NAMES = re.compile(
    r"(?:^|(?<=\s))(?:\S{0,2}obile-alt|/(?:linkedin-in|linkedin|github|gitlab|twitter|globe|envelope|phone|"
    r"phone-alt|map-marker-alt|map-marker|home|link|external-link-alt|stack-overflow|medium|orcid))(?=\s|$)")
# Icons that label a handle: "/github hdent" becomes "GitHub: hdent", which contact.py recognises.
ICON_LABEL_NAMES = {"linkedin-in": "LinkedIn", "linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab",
                    "twitter": "Twitter"}
ICON_LABELS = re.compile(r"(?:^|(?<=\s))/(linkedin-in|linkedin|github|gitlab|twitter)(?=\s+[\w.-]+\s*$)", re.M)
SYMBOLS = re.compile(r"[\ue000-\uf8ff\u2600-\u26ff\u2700-\u27bf\U0001f300-\U0001faff]")  # private use, dingbats
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
# Words glued by the producer: "toolsAutoCAD", "leadershipManufacturing", "PresentSoftware", "2019Present".
# Product names ("TensorFlow", "eBook", "vSphere") start with a capital or a short lowercase run, so only
# a lowercase word of 4+ letters, or a date word, is cut off the capital that follows it.
GLUED_WORD = re.compile(r"^[a-z]{4,}(?=[A-Z])|^(?:Present|Current|Now|Today)(?=[A-Z][a-z])")
GLUED_DIGITS = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z])|(?<=[a-z]{3})(?=(?:19|20)\d\d\b)")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd font; we report our own


@dataclass
class PdfText:
    text: str
    pages: int
    column_pages: list[int] = field(default_factory=list)  # 1-based pages read column by column


def _unglue(word: str) -> str:
    return GLUED_DIGITS.sub(" ", GLUED_WORD.sub(lambda m: m.group() + " ", word))


def clean_pdf_text(text: str) -> str:
    """Remove icon glyphs and page numbers, join words broken at line ends, split glued words."""
    text = ICON_LABELS.sub(lambda m: ICON_LABEL_NAMES[m.group(1)] + ":", text)
    text = clean_text(SYMBOLS.sub(" ", ICON_NAMES.sub(" ", text)))
    lines = [line for line in text.split("\n") if not PAGE_NUMBER.match(line)]
    text = "\n".join(line.strip() for line in lines)
    # "deploy-\nment" → "deployment": a hyphen at a line end before a lowercase word was the line's doing.
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)
    # "Presen\nt": a single letter left alone on a line belongs to the word above.
    text = re.sub(r"(?<=[a-z]{3})\n([a-z])(?=\n|\Z)", r"\1", text)
    text = re.sub(r"\S+", lambda m: _unglue(m.group()), text)
    return re.sub(r"[ ]{2,}", " ", text).strip()


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CVReadError("This PDF is password-protected. Open it, save or print it as a PDF without a "
                              "password, then load that copy.")
        _ = len(reader.pages)
        return reader
    except CVReadError:
        raise
    except Exception as exc:  # pypdf raises many types for broken files; all mean the same to the user
        raise CVReadError("This PDF is damaged or incomplete and cannot be read. Export or download your CV "
                          f"again as PDF, then load the new file. (Detail: {type(exc).__name__})") from exc


def _plain_text(page: PageObject, number: int) -> str:
    """Content-stream order text: the fallback when layout mode reads nothing."""
    try:
        return page.extract_text() or ""
    except Exception as exc:  # pypdf raises many types for a broken content stream
        raise CVReadError(f"Page {number} of this PDF is damaged and cannot be read. Export your CV again "
                          "as PDF, then load the new file.") from exc


def read_pdf(data: bytes, *, max_pages: int) -> PdfText:
    """Text of a CV PDF. Raises CVReadError for encrypted, damaged, scanned or overlong files."""
    reader = _open(data)
    pages = len(reader.pages)
    if pages > max_pages:
        raise CVReadError(f"This PDF has {pages} pages; a CV is read only up to {max_pages} pages. "
                          "Check that you chose your CV, or save its first pages as a separate PDF.")
    texts: list[str] = []
    column_pages: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            layout = page.extract_text(extraction_mode="layout") or ""
        except Exception:  # layout mode is the pickier one (odd fonts, matrices): plain mode may still read it
            layout = ""
        if layout.strip():
            text, columns = read_page(layout)
        else:
            text, columns = _plain_text(page, number), False
        if columns:
            column_pages.append(number)
        texts.append(text)
    text = clean_pdf_text("\n".join(texts))
    if sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARS:
        raise CVReadError("This PDF has no text layer (it looks scanned). Run OCR on it, or export your CV from "
                          "your word processor as PDF, then load it again.")
    return PdfText(text=text, pages=pages, column_pages=column_pages)
