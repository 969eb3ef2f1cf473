"""CSV, JSON and JSON Lines exports of job scrapers (JobSpy and the like): records are read
here, one malformed row at a time reported; `records` turns each into a Posting."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from datetime import datetime

from matcher.domain import ImportIssue, Posting
from matcher.ingest.detect import csv_dialect
from matcher.ingest.records import field_getter, looks_like_posting, posting_from_row

# Keys a JSON document uses for its list of postings: {"jobs": [...]}.
LIST_KEYS = ("jobs", "data", "results", "postings", "items", "hits", "job_postings", "listings", "records")


def parse_csv(text: str, source: str, now: datetime) -> tuple[list[Posting], list[ImportIssue]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # descriptions are long; the default 128 KB is not
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), csv_dialect(text))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as error:
        return [], [ImportIssue(source, None, f"unreadable CSV header: {error}")]
    postings: list[Posting] = []
    issues: list[ImportIssue] = []
    row_number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            issues.append(ImportIssue(source, f"row {row_number + 1}", f"malformed CSV row: {error}"))
            row_number += 1
            continue
        row_number += 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            issues.append(ImportIssue(source, f"row {row_number}",
                                      f"malformed CSV row: {len(cells)} fields where the header has {len(header)}"))
            continue
        row = dict(zip(header, cells))
        raw = _csv_line(header, cells)
        _add(postings, issues, row, raw, f"{source}#row{row_number}", f"row {row_number}", source, now)
    return postings, issues


def parse_json(text: str, source: str, now: datetime, *, lines: bool = False) -> tuple[list[Posting], list[ImportIssue]]:
    postings: list[Posting] = []
    issues: list[ImportIssue] = []
    for number, item, error in (_json_lines(text) if lines else _json_items(text)):
        label = f"line {number}" if lines else f"item {number}"
        if error:
            issues.append(ImportIssue(source, label if number else None, error))
            continue
        assert isinstance(item, dict)
        raw = json.dumps(item, ensure_ascii=False)
        _add(postings, issues, item, raw, f"{source}#{number}", label, source, now)
    if not postings and not issues:
        issues.append(ImportIssue(source, None, "no job posting found in this file"))
    return postings, issues


def _json_items(text: str) -> Iterator[tuple[int, object, str | None]]:
    data = json.loads(text)
    if isinstance(data, dict):
        inner = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), None)
        data = inner if inner is not None else ([data] if looks_like_posting(data) else None)
    if not isinstance(data, list) or not any(isinstance(item, dict) for item in data):
        yield 0, None, "JSON holds no list or object of job postings"
        return
    for number, item in enumerate(data, start=1):
        if isinstance(item, dict):
            yield number, item, None
        else:
            yield number, None, f"not a job posting object: {type(item).__name__}"


def _json_lines(text: str) -> Iterator[tuple[int, object, str | None]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as error:
            yield number, None, f"malformed JSON line: {error}"
            continue
        yield (number, item, None) if isinstance(item, dict) else (number, None, "not a job posting object")


def _add(postings: list[Posting], issues: list[ImportIssue], row: Mapping[str, object], raw: str,
         item_source: str, label: str, source: str, now: datetime) -> None:
    try:
        posting = posting_from_row(row, raw, item_source, now)
    except Exception as error:  # one odd record must not cost the rest of the file
        issues.append(ImportIssue(source, label, f"could not read this record: {type(error).__name__}: {error}"))
        return
    if posting is not None:
        postings.append(posting)
    elif looks_like_posting(row) or any(field_getter(row)(key) is not None for key in ("company", "url")):
        issues.append(ImportIssue(source, label, "no title or description in this row"))
    # else: a metadata record, such as RemoteOK's leading {"legal": "..."}, is not a posting


def _csv_line(header: list[str], cells: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerow(cells)
    return out.getvalue()
