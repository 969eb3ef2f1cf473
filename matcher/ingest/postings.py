"""Entry point of job import: files, folders or pasted text → postings and issues.

The format is detected from content, never from the file name. Nothing here raises for bad
input: every problem becomes an ImportIssue with the path, the item and a reason a person can
act on. Skills are not filled here — the service layer runs the engine's extractor after.
"""

from __future__ import annotations


from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from matcher.domain import ImportIssue, Posting
from matcher.ingest.detect import BinaryData, decode, describe_unsupported, detect_format, sniff_binary
from matcher.ingest.feeds import parse_feed
from matcher.ingest.html_postings import parse_html
from matcher.ingest.jobboard_text import parse_jobboard_text
from matcher.ingest.pdf import PdfReadError, read_pdf
from matcher.ingest.plain_posting import parse_plain, printed_page_text
from matcher.ingest.records import CONTROL_CHARS
from matcher.ingest.saved_pages import inside_page_assets
from matcher.ingest.tabular import parse_csv, parse_json
from matcher.ingest.word import WordReadError, read_docx

# 50 MB: far above any export a person collects (the 1,250-row Google CSV is 3 MB), and small
# enough that reading it into memory is safe.
DEFAULT_MAX_BYTES = 50_000_000
# Pages of a PDF read as one posting. A long posting printed from a job board is 3–5 pages; a file
# of more is a brochure, a report or many postings printed together, and is refused, not half read.
MAX_POSTING_PAGES = 10


@dataclass
class FileResult:
    path: str
    postings: list[Posting] = field(default_factory=list)  # skills left empty: the service fills them
    issues: list[ImportIssue] = field(default_factory=list)  # per-item and whole-file problems


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[ImportIssue]]:
    """Folders → their files (recursive, sorted; hidden files and folders, and the assets folder of a
    saved "Webpage, complete", skipped); missing paths → issues."""
    files: list[Path] = []
    issues: list[ImportIssue] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and not inside_page_assets(child, path):
                    files.append(child)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            issues.append(ImportIssue(str(path), None, "not a regular file or folder"))
        else:
            issues.append(ImportIssue(str(path), None, "no such file or folder"))
    return list(dict.fromkeys(files)), issues


def read_posting_file(path: Path, *, now: datetime | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Read one file of postings. `now` resolves ages like "3 days ago"; it defaults to the
    file's modification time, so importing the same file again gives the same dates."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _failed(name, f"file is too big ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
        reference = now or datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        return _failed(name, f"cannot read file: {error.strerror or error}")
    return read_posting_bytes(data, source=name, now=reference)


def read_posting_bytes(data: bytes, *, source: str, now: datetime) -> FileResult:
    if not data.strip():
        return _failed(source, "file is empty")
    document = sniff_binary(data)
    unsupported = describe_unsupported(data) if document is None else None
    if unsupported:
        return _failed(source, f"unknown format: this is {unsupported}, not a job posting file "
                               "(PDF, DOCX, HTML, CSV, JSON or text)")
    try:
        if document == "pdf":
            text = read_pdf(data, max_pages=MAX_POSTING_PAGES, document="job posting").text
            return _parse(printed_page_text(text), source, now, force_plain=True)
        if document == "docx":
            return _parse(read_docx(data).text, source, now, force_plain=True)
        text = decode(data)
    except (PdfReadError, WordReadError) as error:  # its reason is a sentence for a person: keep it whole
        return _failed(source, f"cannot read this {document}: {error.reason[0].lower()}{error.reason[1:]}")
    except BinaryData as error:
        return _failed(source, str(error))
    except Exception as error:  # a broken PDF/DOCX raises anything; one bad file must not stop an import
        return _failed(source, f"cannot read this {document or 'file'}: {error}")
    return _parse(text, source, now)


def read_posting_text(text: str, *, source: str = "pasted text", now: datetime | None = None) -> FileResult:
    """A pasted description (the app's "paste a posting" action); its format is detected too."""
    if not text.strip():
        return _failed(source, "the text is empty")
    return _parse(text, source, now or datetime.now())


def _parse(text: str, source: str, now: datetime, force_plain: bool = False) -> FileResult:
    # Control characters (ESC, NUL...) have no place in a posting and could drive the terminal
    # that prints a title; tabs and line breaks stay.
    text = CONTROL_CHARS.sub("", text)
    if not text.strip():
        return _failed(source, "no text in this file (a scanned PDF needs OCR first)")
    kind = "plain" if force_plain else "unknown"
    try:
        kind = kind if force_plain else detect_format(text)
        if kind == "json":
            postings, issues = parse_json(text, source, now)
        elif kind == "jsonl":
            postings, issues = parse_json(text, source, now, lines=True)
        elif kind == "csv":
            postings, issues = parse_csv(text, source, now)
        elif kind == "feed":
            postings, issues = parse_feed(text, source, now)
        elif kind == "html":
            postings, issues = parse_html(text, source, now)
        elif kind == "jobboard_text":
            postings, issues = parse_jobboard_text(text, source, now)
        else:
            postings, issues = parse_plain(text, source, now)
    except Exception as error:  # a parser bug on odd input is reported, not raised at the user
        return _failed(source, f"could not read this {kind} file: {type(error).__name__}: {error}")
    if not postings and not issues:
        issues = [ImportIssue(source, None, "no job posting found in this file")]
    return FileResult(source, postings, issues)



def _failed(path: str, reason: str) -> FileResult:
    return FileResult(path, [], [ImportIssue(path, None, reason)])
