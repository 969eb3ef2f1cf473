"""HTML data tables with a header row — "Title | Company | Location | Posted | Link" — as some
boards and spreadsheets export them. Each body row is read like a CSV record."""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import BeautifulSoup, Tag

from matcher.domain import Posting
from matcher.ingest.detect import CSV_KEY_COLUMNS
from matcher.ingest.records import posting_from_row

# A header with fewer columns is a layout table, not data.
MIN_COLUMNS = 2


def postings_from_header_tables(soup: BeautifulSoup, source: str, now: datetime) -> list[Posting]:
    postings: list[Posting] = []
    for table in soup.find_all("table"):
        rows = [row for row in table.find_all("tr") if _own_row(row, table)]
        if len(rows) < 2:
            continue
        header = [cell.get_text(" ", strip=True) for cell in rows[0].find_all(["th", "td"], recursive=False)]
        if len(header) < MIN_COLUMNS or not any(CSV_KEY_COLUMNS.match(name) for name in header):
            continue
        for number, row in enumerate(rows[1:], start=1):
            cells = row.find_all(["td", "th"], recursive=False)
            if len(cells) != len(header):
                continue
            record: dict[str, object] = {name: _cell_value(cell) for name, cell in zip(header, cells)}
            link = row.find("a", href=re.compile(r"^https?://"))
            if link is not None and not any(re.search(r"url|link", name, re.I) for name in header):
                record["url"] = str(link["href"])
            posting = posting_from_row(record, str(row), f"{source}#{len(postings) + 1}", now)
            if posting is not None:
                postings.append(posting)
    return postings


def _own_row(row: Tag, table: Tag) -> bool:
    return row.find_parent("table") is table


def _cell_value(cell: Tag) -> str:
    # Keep markup in long cells (descriptions) so paragraphs and bullets survive.
    if cell.find(["p", "li", "br", "ul"]):
        return cell.decode_contents()
    return cell.get_text(" ", strip=True)
