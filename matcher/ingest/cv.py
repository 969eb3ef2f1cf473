"""CV import: a file (PDF, DOCX, TXT, Markdown, detected from its bytes) or pasted text → `CV`.

The CV comes back with clean text (contact details taken out into `CV.contact`), sections, dated
roles, years of experience (the union of the roles' spans, "Present" meaning `CV.as_of`: a date the
user gives, else the date the file says it was written, else its modification time) and a parse report. Skills are left empty: the service layer fills them with the
engine's extractor over `split_sentences(cv.text)`, so ingest never imports the engine.
Anything that cannot be a usable CV raises `CVReadError`, whose `reason` says what to do.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

from matcher.domain import CV, CVSection, ParseReport
from matcher.ingest.contact import extract_contact
from matcher.ingest.cv_checks import not_a_cv
from matcher.ingest.cv_errors import CVReadError
from matcher.ingest.cv_roles import experience_years, find_roles
from matcher.ingest.cv_sections import find_name, split_sections
from matcher.ingest.pdf import PdfReadError, read_pdf
from matcher.ingest.word import WordReadError, read_docx
from matcher.language import detect_language, language_name
from matcher.limits import MAX_CV_FILE_BYTES, NotARegularFile, TooLarge, mb, read_regular_file
from matcher.safe_text import file_name, printable
from matcher.text import clean_text

__all__ = ["CVReadError", "read_cv", "read_cv_text"]

MIN_CV_CHARS = 400  # under this a CV is a stub: warn that matching will have little to go on
MIN_READABLE_CHARS = 30  # under this there is nothing to import at all
NOT_EXPERIENCE = {"education", "projects", "certifications", "languages"}  # their dates are not jobs
_MARKDOWN = re.compile(r"^(?:#{1,6} |\*\*|__|[-*+] |\d+\. )|\[[^\]]+\]\([^)]+\)", re.M)


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:200_000] else "zip"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def _decode(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise CVReadError("This file is neither a PDF, a Word document nor readable text. Save your CV as "
                          "PDF or .docx, then load it again.")
    text = str(best)
    if re.match(r"\s*(?:<!doctype html|<html)", text, re.I):
        text = BeautifulSoup(text, "lxml").get_text("\n")
    return text


def strip_markdown(text: str) -> str:
    """Markdown markup removed; headings stay as their own lines, list items as "- "."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 \2", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)[*_](\S.*?)[*_](?!\w)", r"\1", text)
    text = re.sub(r"^\s*[*+]\s+", "- ", text, flags=re.M)
    return re.sub(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", "", text, flags=re.M)


def _experience_text(sections: list[CVSection], body: str) -> str:
    jobs = [s.text for s in sections if s.name == "experience"]
    if jobs:
        return "\n".join(jobs)
    # No experience heading: every date range except those of education and the like.
    for section in sections:
        if section.name in NOT_EXPERIENCE:
            body = body.replace(section.text, "")
    return body


def _build(text: str, *, source: str, fallback_name: str, pages: int, warnings: list[str], as_of: date) -> CV:
    if sum(ch.isalnum() for ch in text) < MIN_READABLE_CHARS:
        raise CVReadError("This file holds almost no text, so there is no CV to read. Check that you chose "
                          "the right file, or export your CV again as PDF or .docx.")
    contact, body = extract_contact(text)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()  # removed lines and column breaks leave blank runs
    preamble, sections = split_sections(body)
    reason = not_a_cv(body, sections)
    if reason:
        raise CVReadError(reason)
    if len(body) < MIN_CV_CHARS:
        warnings.append(f"Very little text ({len(body)} characters): matching will have little to go on. "
                        "Check that the whole CV was read.")
    if not sections:
        warnings.append("No section headings (Experience, Education, Skills…) were found; the CV is read as "
                        "one block of text.")
    language = detect_language(body)
    if language is None:
        warnings.append("The CV's language could not be recognised; skills are still looked for by name.")
    elif language != "en":
        warnings.append(f"The CV is in {language_name(language)}. Skills are found by their names, most of which are "
                        "English; an English version of your CV may match better.")
    roles = find_roles(_experience_text(sections, body), as_of)
    years = experience_years(roles, as_of, body)
    if years is None:
        warnings.append("No dates of employment were found, so years of experience are unknown.")
    names = list(dict.fromkeys(s.name for s in sections))
    report = ParseReport(pages=pages, chars=len(body), sections=names, skills_found=0, warnings=warnings)
    # A table CV may open with a "Personal information" row that holds the name: look there too.
    first = sections[0].text if sections and sections[0].name == "other" and not preamble.strip() else ""
    name = find_name(preamble) or find_name(first) or fallback_name
    return CV(name=name, text=body, source=source, sections=sections, years_experience=years, report=report,
              contact=contact, language=language, roles=roles, as_of=as_of)


def _as_of(given: date | None, made: date | None, path: Path) -> date:
    """What "Present" means: the date given, else the file's own date, else its modification time.
    A date in the future is a wrong clock, so it is capped at today."""
    today = date.today()
    if given is not None:
        return given
    when = made or datetime.fromtimestamp(path.stat().st_mtime).date()
    return min(when, today)


def read_cv(path: Path, *, max_pages: int = 30, max_bytes: int = MAX_CV_FILE_BYTES, as_of: date | None = None) -> CV:
    """Read the CV in `path`. Raises CVReadError with a message for the user when it cannot.

    `as_of` is the date "Present" means; without it, the date the file says it was written."""
    path = Path(path)
    name = printable(file_name(path.name))
    try:
        data = read_regular_file(path, max_bytes)
    except TooLarge as exc:
        raise CVReadError(f"The file {name} is {mb(exc.size)}; a CV may be at most {mb(exc.limit)}. Save it as a PDF "
                          "without large images, then load it again.") from exc
    except NotARegularFile as exc:
        raise CVReadError(f"{name} is {exc}. Choose the CV's file itself.") from exc
    except OSError as exc:
        raise CVReadError(f"The file {name} cannot be opened ({exc.strerror}). Check that it exists "
                          "and that you may read it.") from exc
    if not data:
        raise CVReadError(f"The file {name} is empty. Export or save your CV again, then load the new file.")
    kind = _sniff(data)
    warnings: list[str] = []
    made: date | None = None
    if kind == "pdf":
        try:
            pdf = read_pdf(data, max_pages=max_pages, document="CV")
        except PdfReadError as exc:
            raise CVReadError(exc.reason) from exc
        text, pages, made = pdf.text, pdf.pages, pdf.made
        if pdf.column_pages:
            listed = ", ".join(str(p) for p in pdf.column_pages)
            warnings.append(f"Columns detected on page {listed}: they were read one after the other. "
                            "Check that the sections below look right.")
    elif kind == "docx":
        try:
            word = read_docx(data)
        except WordReadError as exc:
            raise CVReadError(exc.reason) from exc
        text, pages, made = clean_text(word.text), word.pages, word.made
    elif kind == "text":
        raw = _decode(data)
        text, pages = clean_text(strip_markdown(raw) if _MARKDOWN.search(raw) else raw), 1
    else:
        if kind == "image":
            raise CVReadError("This file is a picture (a photo or scan of a CV), which has no text to read. Run "
                              "OCR on it, or export your CV from your word processor as PDF, then load it again.")
        what = {"doc": "an old Word .doc file", "rtf": "an RTF file", "zip": "a ZIP archive (but not a .docx)"}
        raise CVReadError(f"This file is {what.get(kind, 'in a format that cannot be read')}. Save your CV as "
                          "PDF or .docx (Word), then load it again.")
    return _build(text, source=file_name(path), fallback_name=file_name(path.stem), pages=pages, warnings=warnings,
                  as_of=_as_of(as_of, made, path))


def read_cv_text(text: str, *, source: str = "pasted text", as_of: date | None = None) -> CV:
    """The CV in `text` (pasted by the user; Markdown is fine). "Present" means `as_of`, else today."""
    clean = clean_text(strip_markdown(text) if _MARKDOWN.search(text) else text)
    return _build(clean, source=source, fallback_name="Pasted CV", pages=1, warnings=[],
                  as_of=as_of or date.today())
