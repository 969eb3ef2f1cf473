"""HTML in any of three shapes: a page with schema.org `JobPosting` JSON-LD (used when there),
a listing of many postings (table rows like the 001/002 exports, or repeated job cards), or a
saved page of one posting. Scripts, styles and iframes are dropped; nothing is ever fetched."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime

from bs4 import BeautifulSoup, Tag

from matcher.domain import ImportIssue, Posting
from matcher.ingest.dates import is_age, parse_age, parse_date
from matcher.ingest.fields import COMPANY_CLASS
from matcher.ingest.finish import finish_posting
from matcher.ingest.html_page import fill_from_page, has_description_block, page_fields, single_page
from matcher.ingest.html_tables import postings_from_header_tables
from matcher.ingest.jsonld import posting_from_jsonld
from matcher.ingest.text_clean import DROPPED_TAGS, html_to_text

TITLE_TAGS = ("h1", "h2", "h3", "h4")
TAG_CLASS = re.compile(r"\btags?\b|skill|categor|badge|label", re.I)
CARD_CLASS = re.compile(r"job|posting|vacanc|opening|position|listing|career", re.I)
# A job card has a title and a little text; less than this is a nav link, not a posting.
CARD_MIN_CHARS = 40
# A row that heads a posting holds a title, company, tags and a date: a few hundred characters.
ROW_HEAD_MAX_CHARS = 600


def parse_html(text: str, source: str, now: datetime) -> tuple[list[Posting], list[ImportIssue]]:
    soup = BeautifulSoup(text, "lxml")
    fields = page_fields(soup)
    postings = _from_jsonld(soup, source, now)
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    if len(postings) == 1:
        fill_from_page(postings[0], fields)
    if not postings and has_description_block(soup):
        single = single_page(soup, text, source, now, fields)
        postings = [single] if single else []
    if not postings:
        postings = (_from_table_rows(soup, source, now) or postings_from_header_tables(soup, source, now)
                    or _from_cards(soup, source, now))
        # A board that says "Remote ... Jobs" in its heading lists remote postings only.
        heading = soup.find(["h1", "h2", "title"])
        if heading is not None and "remote" in heading.get_text(" ", strip=True).lower():
            for posting in postings:
                posting.remote = True
    if not postings:
        single = single_page(soup, text, source, now, fields)
        postings = [single] if single else []
    if not postings:
        return [], [ImportIssue(source, None, "no job posting found in this file")]
    if len(postings) == 1:
        postings[0].source = source
    return postings, []


def _from_jsonld(soup: BeautifulSoup, source: str, now: datetime) -> list[Posting]:
    found: list[Posting] = []
    for script in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.I)}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for obj in _jobposting_objects(data):
            posting = posting_from_jsonld(obj, f"{source}#{len(found) + 1}", now)
            if posting is not None:
                found.append(posting)
    return found


def _jobposting_objects(data: object) -> list[dict[str, object]]:
    if isinstance(data, list):
        return [obj for item in data for obj in _jobposting_objects(item)]
    if not isinstance(data, dict):
        return []
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "JobPosting" in kinds:
        return [data]
    return [obj for key in ("@graph", "itemListElement", "item", "mainEntity") for obj in _jobposting_objects(data.get(key))]


def _from_table_rows(soup: BeautifulSoup, source: str, now: datetime) -> list[Posting]:
    """Rows holding a title heading start a posting; the rows after it (up to the next such
    row) hold its description, as in the exports with <h5>company</h5><h3>title</h3>."""
    groups: list[list[Tag]] = []
    for row in soup.find_all("tr"):
        if row.find_parent("tr") is not None:
            continue
        if _heads_a_posting(row):
            groups.append([row])
        elif groups:
            groups[-1].append(row)
    if not groups:
        return []
    return _read_all(groups, source, now)


def _heads_a_posting(row: Tag) -> bool:
    """A title heading outside any description: headings inside <details> or long text are
    the posting's own sections ("What you'll do"), not the next posting."""
    headings = [h for h in row.find_all(TITLE_TAGS) if h.find_parent("details") is None]
    has_lists = row.find(["ul", "ol"]) is not None  # lists are description, never a posting's head
    return bool(headings) and not has_lists and len(row.get_text(" ", strip=True)) < ROW_HEAD_MAX_CHARS


def _from_cards(soup: BeautifulSoup, source: str, now: datetime) -> list[Posting]:
    """Repeated elements whose class says job/posting/vacancy, each with a heading."""
    cards = [
        el for el in soup.find_all(["article", "li", "div", "section"], class_=CARD_CLASS)
        if el.find(TITLE_TAGS + ("h5",)) is not None and len(el.get_text(" ", strip=True)) >= CARD_MIN_CHARS
    ]
    ids = {id(el) for el in cards}  # by identity: equal-looking cards are still two postings
    outermost = [el for el in cards if not any(id(parent) in ids for parent in el.parents)]
    # Cards of one listing share tag and class; a single page's "job-header" and
    # "job-description" blocks do not, and must not become two postings.
    signatures = Counter(_signature(el) for el in outermost)
    common, count = signatures.most_common(1)[0] if signatures else (("", ""), 0)
    if count < 2:
        return []
    return _read_all([[el] for el in outermost if _signature(el) == common], source, now)


def _signature(element: Tag) -> tuple[str, str]:
    classes: object = element.get("class") or []
    names = sorted(str(c) for c in classes) if isinstance(classes, list) else [str(classes)]
    return element.name or "", " ".join(names)


def _read_all(groups: list[list[Tag]], source: str, now: datetime) -> list[Posting]:
    postings = []
    for n, group in enumerate(groups):
        try:
            posting = _posting_from_parts(group, f"{source}#{n + 1}", now)
        except (ValueError, TypeError, AttributeError, KeyError):  # one odd row must not cost the others
            continue
        if posting is not None:
            postings.append(posting)
    return postings


def _posting_from_parts(parts: list[Tag], item: str, now: datetime) -> Posting | None:
    head = parts[0]
    title_tag = head.find("h3") or head.find(TITLE_TAGS)
    if title_tag is None:
        return None
    company_tag = head.find(class_=COMPANY_CLASS) or head.find(["h5", "h6"])
    tags: list[str] = []
    for tag in head.find_all(["code"]) + head.find_all(class_=TAG_CLASS):
        tags.extend(t.strip() for t in tag.get_text(" ", strip=True).split(",") if t.strip())
    posted = None
    for candidate in head.find_all(["time", "text", "span", "small", "div", "td", "p"]):
        value = candidate.get("datetime") if candidate.name == "time" else None
        label = candidate.get_text(" ", strip=True)
        posted = parse_date(value, now) if value else (parse_age(label, now) if is_age(label) else None)
        if posted:
            break
    url = _apply_url(parts)
    raw = "\n".join(str(part) for part in parts)  # before the <summary> labels are dropped below
    body_parts = [details for part in parts for details in part.find_all("details")] or parts[1:] or [head]
    description = "\n\n".join(_details_text(part) for part in body_parts).strip()
    board_remote = bool(url and "remote" in url.lower())
    posting = Posting(
        title=title_tag.get_text(" ", strip=True),
        description=description,
        raw=raw,
        source=item,
        company=company_tag.get_text(" ", strip=True) if company_tag else None,
        remote=True if board_remote else None,
        posted=posted,
        tags=tuple(dict.fromkeys(tags)),
        url=url,
    )
    return finish_posting(posting)


def _details_text(part: Tag) -> str:
    for summary in part.find_all("summary"):
        summary.decompose()
    return html_to_text(part)


def _apply_url(parts: list[Tag]) -> str | None:
    links = [a for part in parts for a in part.find_all("a", href=True) if str(a["href"]).startswith("http")]
    for link in links:
        if re.search(r"apply|view|details|more", link.get_text(" ", strip=True), re.I):
            return str(link["href"])
    return str(links[0]["href"]) if links else None
