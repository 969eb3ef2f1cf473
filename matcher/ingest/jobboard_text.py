"""Job-board pages saved as text: many postings in a row, each laid out as

    <title>
    <blank>
    3 days ago                      ← the age line anchors a posting
    Full-time
    United States, Canada           ← countries or regions
    €94,000 to €118,000 per year    ← optional
    Key requirements: Go, Kubernetes, 5 years of experience
    <company>
    <blank>
    <company blurb>
    <blank>
    Remote policy: ...              ← optional

Postings are found by that structure (an age line followed by an employment-type line), never
by a count, so pages from other searches or with missing lines read the same way.
"""

from __future__ import annotations

import re
from datetime import datetime

from matcher.domain import ImportIssue, Posting
from matcher.ingest.dates import is_age, parse_age
from matcher.ingest.fields import clean_title, is_employment_type, parse_locations
from matcher.ingest.finish import finish_posting
from matcher.ingest.requirements import split_top_level
from matcher.years import years_stated
from matcher.ingest.salary import parse_salary
from matcher.text import clean_text

KEY_LINE = re.compile(r"^(?:key requirements|requirements|skills|tags)\s*:\s*", re.I)
REMOTE_POLICY = re.compile(r"^remote policy\s*:\s*", re.I)
# A title is one short line; a long one, or a long sentence, is the previous posting's blurb.
# ("Release Triage Engineer WiFi Broadband Embedded & Cloud Remote job." is a real title.)
TITLE_MAX_CHARS = 160
TITLE_MAX_SENTENCE_WORDS = 15
# Lines between the age and the company: type, locations, salary, key requirements, company.
BLOCK_MAX_LINES = 8
# The page header ("Remote Backend Developer Jobs") sits in these first lines.
HEADER_LINES = 12


def find_anchors(lines: list[str]) -> list[int]:
    """Indexes of age lines that start a posting: an age followed by an employment type, or by
    a block that holds a "Key requirements:" line (some postings omit the type)."""
    anchors = []
    for i, line in enumerate(lines[:-1]):
        if not is_age(line):
            continue
        block = []
        for following in lines[i + 1 : i + 1 + BLOCK_MAX_LINES]:
            if not following.strip():
                break
            block.append(following.strip())
        if block and (is_employment_type(block[0]) or any(KEY_LINE.match(b) for b in block)):
            anchors.append(i)
    return anchors


def looks_like_jobboard_text(text: str) -> bool:
    return bool(find_anchors(text.splitlines()))


def parse_jobboard_text(text: str, source: str, now: datetime) -> tuple[list[Posting], list[ImportIssue]]:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    anchors = find_anchors(lines)
    if not anchors:
        return [], [ImportIssue(source, None, "no job posting found in this file")]
    board_remote = any("remote" in line.lower() for line in lines[: min(HEADER_LINES, anchors[0])])
    starts = [_title_index(lines, a) for a in anchors]
    postings: list[Posting] = []
    issues: list[ImportIssue] = []
    for n, anchor in enumerate(anchors):
        title_line = starts[n]
        start = title_line if title_line is not None else anchor
        end = _end_of_posting(lines, anchor, starts[n + 1] if n + 1 < len(anchors) else None,
                              anchors[n + 1] if n + 1 < len(anchors) else len(lines))
        item = f"{source}#{n + 1}"
        try:
            postings.append(_posting(lines, start, anchor, end, item, now, board_remote, starts[n] is not None))
        except (ValueError, IndexError) as error:  # one odd block must not cost the others
            issues.append(ImportIssue(source, str(n + 1), f"could not read this posting: {error}"))
    return postings, issues


def _title_index(lines: list[str], anchor: int) -> int | None:
    """The title line above an age line, or None when the line above belongs to the previous posting."""
    i = anchor - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    if i < 0:
        return None
    candidate = lines[i].strip()
    long_sentence = candidate.endswith(".") and len(candidate.split()) > TITLE_MAX_SENTENCE_WORDS
    if REMOTE_POLICY.match(candidate) or len(candidate) > TITLE_MAX_CHARS or long_sentence or KEY_LINE.match(candidate):
        return None
    return i


def _end_of_posting(lines: list[str], anchor: int, next_title: int | None, next_anchor: int) -> int:
    end = next_title if next_title is not None else next_anchor
    # The last posting runs to the end of the page: stop after its blurb and remote policy.
    if end == len(lines):
        paragraphs = 0
        i = anchor
        while i < len(lines) and lines[i].strip():
            i += 1
        while i < len(lines):
            if lines[i].strip() and (i == 0 or not lines[i - 1].strip()):
                paragraphs += 1
                if paragraphs > 1 and not REMOTE_POLICY.match(lines[i].strip()):
                    return i
            i += 1
    return end


def _posting(lines: list[str], start: int, anchor: int, end: int, item: str, now: datetime,
             board_remote: bool, has_title: bool) -> Posting:
    block: list[str] = []
    i = anchor + 1
    while i < end and lines[i].strip():
        block.append(lines[i].strip())
        i += 1
    employment = block.pop(0) if block and is_employment_type(block[0]) else None
    locations_text = salary_text = key_text = company = None
    for line in block:
        if KEY_LINE.match(line) and key_text is None:
            key_text = line
        elif key_text is None and locations_text is None and parse_salary(line) is None:
            locations_text = line
        elif key_text is None and salary_text is None and parse_salary(line) is not None:
            salary_text = line
        elif company is None:
            company = line
    paragraphs = [p.strip() for p in "\n".join(lines[i:end]).split("\n\n") if p.strip()]
    policy = next((REMOTE_POLICY.sub("", p) for p in paragraphs if REMOTE_POLICY.match(p)), None)
    blurb = next((p for p in paragraphs if not REMOTE_POLICY.match(p)), None)
    locations, remote = parse_locations(locations_text)
    title = clean_title(lines[start]).rstrip(".") if has_title else _made_up_title(key_text, company)
    description = "\n\n".join(part for part in (key_text, blurb, f"Remote policy: {policy}" if policy else None) if part)
    posting = Posting(
        title=title,
        description=clean_text(description),
        raw="\n".join(lines[start:end]).strip(),
        source=item,
        company=company,
        locations=locations,
        remote=True if (board_remote or remote) else None,
        salary=parse_salary(salary_text) if salary_text else None,
        posted=parse_age(lines[anchor], now),
        employment_type=employment,
        company_blurb=clean_text(blurb) if blurb else None,
        remote_policy=clean_text(policy) if policy else None,
        title_derived=not has_title,
    )
    return finish_posting(posting, [("required", key_text or "")])


def _made_up_title(key_text: str | None, company: str | None) -> str:
    """"Java / Python role at Sprout Social" from the first skills listed."""
    items = [it for it in split_top_level(KEY_LINE.sub("", key_text or "")) if years_stated(it) is None][:2]
    role = " / ".join(items) + " role" if items else "Role"
    return f"{role} at {company}" if company else role
