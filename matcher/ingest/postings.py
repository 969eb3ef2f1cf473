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
from matcher.limits import (MAX_HTML_BYTES, MAX_POSTING_FILE_BYTES, MAX_RAW_CHARS, MAX_RECORDS_PER_FILE,
                            NotARegularFile, TooLarge, bound_posting, mb, read_regular_file)
from matcher.safe_text import file_name

DEFAULT_MAX_BYTES = MAX_POSTING_FILE_BYTES
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
    name = file_name(path)
    try:
        data = read_regular_file(path, max_bytes)
        reference = now or datetime.fromtimestamp(path.stat().st_mtime)
    except TooLarge as error:
        return _failed(name, f"file is too big: {error}")
    except NotARegularFile as error:
        return _failed(name, str(error))
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
        if kind == "html" and len(text) > MAX_HTML_BYTES:
            return _failed(source, f"this web page is over {mb(MAX_HTML_BYTES)}, the limit for one page "
                                   "(save the page as \"HTML only\", or copy the posting's text)")
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
        else:  # one posting: what is past the raw limit cannot fit its description anyway
            postings, issues = parse_plain(text[:MAX_RAW_CHARS], source, now)
    except Exception as error:  # a parser bug on odd input is reported, not raised at the user
        return _failed(source, f"could not read this {kind} file: {type(error).__name__}: {error}")
    if not postings and not issues:
        issues = [ImportIssue(source, None, "no job posting found in this file")]
    if len(postings) > MAX_RECORDS_PER_FILE:
        issues.append(ImportIssue(source, None, f"only the first {MAX_RECORDS_PER_FILE:,} postings were read: that is "
                                                "the limit for one file (split it to import the rest)"))
        del postings[MAX_RECORDS_PER_FILE:]
    for posting in postings:
        _without_controls(posting)
        issues += [ImportIssue(source, posting.title, note) for note in bound_posting(posting)]
    return FileResult(source, postings, issues)



def _without_controls(posting: Posting) -> None:
    """Control characters out of every text field: JSON's "\\u001b" escapes, HTML's "&#27;" and
    the like decode to them only after the file's own text was cleaned."""
    for name in ("title", "description", "company", "url", "company_blurb", "remote_policy", "employment_type"):
        value = getattr(posting, name)
        if isinstance(value, str):
            setattr(posting, name, CONTROL_CHARS.sub("", value))
    posting.locations = tuple(CONTROL_CHARS.sub("", place) for place in posting.locations)
    posting.tags = tuple(CONTROL_CHARS.sub("", tag) for tag in posting.tags)
    for requirement in posting.requirements:
        requirement.text = CONTROL_CHARS.sub("", requirement.text)


def _failed(path: str, reason: str) -> FileResult:
    return FileResult(path, [], [ImportIssue(path, None, reason)])
