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
from matcher.jsonstream import JsonError, iter_json
from matcher.limits import MAX_RECORD_CHARS, MAX_RECORDS_PER_FILE, TooLarge

# Keys a JSON document uses for its list of postings: {"jobs": [...]}.
LIST_KEYS = ("jobs", "data", "results", "postings", "items", "hits", "job_postings", "listings", "records")
# A lone posting object has a few dozen keys; more are not read (they would only cost memory).
MAX_POSTING_KEYS = 1_000


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
        if row_number > MAX_RECORDS_PER_FILE:
            issues.append(_cut(source, "rows"))
            break
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
        if number > MAX_RECORDS_PER_FILE:
            issues.append(_cut(source, "lines" if lines else "items"))
            break
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
    """Each posting object of a JSON document, decoded one at a time (`matcher.jsonstream`): a
    list of postings, an object holding one under a key of LIST_KEYS, or one posting object."""
    events = iter_json(io.StringIO(text).read, stream_keys=LIST_KEYS, max_value_chars=MAX_RECORD_CHARS)
    members: dict[str, object] = {}
    list_key: object = ""  # the key of the list being read; None for a top-level list
    number = 0
    # Items that are not objects are reported only once the list proves to hold postings.
    pending: list[tuple[int, object, str | None]] = []
    try:
        for kind, key, value in events:
            if kind == "element" and list_key in ("", key):
                list_key = key
                number += 1
                if not isinstance(value, dict):
                    pending.append((number, None, f"not a job posting object: {type(value).__name__}"))
                else:
                    yield from pending
                    pending = []
                    yield number, value, None
                if number > MAX_RECORDS_PER_FILE:
                    yield from pending
                    return
            elif kind == "member" and key is not None and len(members) < MAX_POSTING_KEYS:
                members[key] = value
    except (JsonError, TooLarge) as error:
        yield from pending
        yield 0, None, str(error)
        return
    if list_key == "" and looks_like_posting(members):
        yield 1, members, None
    elif number == len(pending):  # no object at all
        yield 0, None, "JSON holds no list or object of job postings"
    else:
        yield from pending


def _json_lines(text: str) -> Iterator[tuple[int, object, str | None]]:
    for number, line in enumerate(io.StringIO(text), start=1):  # lazily: a list of a million lines costs 100 MB
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as error:
            yield number, None, f"malformed JSON line: {error}"
            continue
        yield (number, item, None) if isinstance(item, dict) else (number, None, "not a job posting object")


def _cut(source: str, what: str) -> ImportIssue:
    return ImportIssue(source, None, f"only the first {MAX_RECORDS_PER_FILE:,} {what} were read: that is the limit "
                                     "for one file (split it to import the rest)")


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
