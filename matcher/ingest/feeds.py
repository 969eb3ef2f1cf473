"""RSS and Atom job feeds (boards such as We Work Remotely publish one): each <item> or
<entry> is a posting with a title, a link, an HTML description and a publication date."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from bs4 import BeautifulSoup, Tag

from matcher.domain import ImportIssue, Posting
from matcher.ingest.dates import parse_date
from matcher.ingest.fields import clean_title, employment_in_text, employment_type, parse_locations
from matcher.ingest.finish import finish_posting
from matcher.ingest.text_clean import html_to_text, looks_like_html
from matcher.text import clean_text

FEED_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
# We Work Remotely titles read "Company: Job title".
COMPANY_PREFIX = re.compile(r"^(?P<company>[^:]{2,60}):\s+(?P<title>.+)$")


def looks_like_feed(text: str) -> bool:
    return bool(FEED_START.match(text[:2000]))


def parse_feed(text: str, source: str, now: datetime) -> tuple[list[Posting], list[ImportIssue]]:
    soup = BeautifulSoup(text, "xml")
    items = soup.find_all(["item", "entry"])
    postings = [_posting(item, f"{source}#{n + 1}", now) for n, item in enumerate(items)]
    if not postings:
        return [], [ImportIssue(source, None, "no job posting found in this feed")]
    return postings, []


def _posting(item: Tag, source: str, now: datetime) -> Posting:
    title = _child_text(item, "title")
    company = _child_text(item, "company") or _child_text(item, "author") or None
    match = COMPANY_PREFIX.match(title)
    if match and company is None:
        company, title = match["company"].strip(), match["title"]
    body = _child_text(item, "encoded") or _child_text(item, "description") or _child_text(item, "content") \
        or _child_text(item, "summary")
    description = html_to_text(body) if looks_like_html(body) else clean_text(body)
    link = item.find("link")
    url = (link.get("href") or link.get_text(strip=True)) if isinstance(link, Tag) else None
    region = _child_text(item, "region") or _child_text(item, "location")
    locations, remote = parse_locations(region, split_commas=False)
    posting = Posting(
        title=title,
        description=description,
        raw=str(item),
        source=source,
        company=company,
        locations=locations,
        remote=True if remote else None,
        posted=_date(_child_text(item, "pubDate") or _child_text(item, "published") or _child_text(item, "updated"), now),
        # A type the title or a "Job type:" line states comes first: feeds' <type> is often generic.
        employment_type=employment_in_text(clean_title(title), description) or employment_type(_child_text(item, "type")),
        tags=tuple(c.get_text(strip=True) for c in item.find_all("category") if c.get_text(strip=True)),
        url=str(url) if url else None,
    )
    return finish_posting(posting)


def _child_text(item: Tag, name: str) -> str:
    child = item.find(name)
    return child.get_text(strip=True) if isinstance(child, Tag) else ""


def _date(value: str, now: datetime) -> date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()  # RSS writes RFC 822: "Mon, 06 May 2024 10:00:00 +0000"
    except (TypeError, ValueError, IndexError):
        return parse_date(value, now)
