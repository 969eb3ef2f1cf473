"""One posting as plain text or Markdown (pasted, a .txt/.md file, or the text of a PDF or DOCX of
one posting). When no line reads as a title, one is derived and marked so."""

from __future__ import annotations

import re
from datetime import datetime

from matcher.domain import ImportIssue, Posting
from matcher.ingest.dates import is_age, parse_age, parse_date
from matcher.ingest.fields import ROLE_IN_SENTENCE, employment_type, is_employment_type, parse_locations
from matcher.ingest.finish import finish_posting
from matcher.ingest.headings import heading_kind
from matcher.ingest.requirements import extract_requirements
from matcher.ingest.salary import parse_salary
from matcher.ingest.text_clean import markdown_to_text

FIELD = re.compile(r"^\s*[*_]*(?P<key>job title|title|position|role|company|employer|location|locations|salary|"
                   r"compensation|pay|employment type|job type|type|posted|date posted|url|apply at|link)[*_]*\s*:\s*"
                   r"(?P<value>.+)$", re.I)
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
PRINT_STAMP = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[AP]M)?\s+")
PRINT_FOOTER = re.compile(r"^\s*(?:https?://\S+\s*)?(?:\d+\s*/\s*\d+|page \d+ of \d+)\s*$", re.I)
WRAPPED_LINE = re.compile(r"(?<=[\w,(])[ \t]*\n(?=[a-z])")
# A title line is short and is not a sentence; longer first lines are prose or boilerplate.
TITLE_MAX_WORDS = 12
# Where pasted pages put the age and the job type ("Job type\nFull-time").
HEADER_LINES = 40
# A posting names at least one of these; a text with none (a letter, a recipe) is not one. Spanish,
# German, French and Portuguese postings say it in their own words ("Requisitos", "Anforderungen").
POSTING_WORDS = re.compile(
    r"\b(?:jobs?|roles?|positions?|hiring|hire|candidates?|apply|responsibilit\w*|requirements?|qualifications?|"
    r"experience|salary|compensation|vacanc\w*|opening|team|we are looking|join (?:our|us)|"
    r"puesto|requisitos|responsabilidades|experiencia|buscamos|ofrecemos|vacante|"
    r"stelle|anforderungen|aufgaben|berufserfahrung|wir suchen|wir bieten|"
    r"poste|exigences|missions|expérience|nous recherchons|"
    r"vaga|requisitos|responsabilidades|experiência|procuramos|oferecemos)\b", re.I)
# A byline under the title, as job pages print it: "Acme Payments - Berlin", "Acme · Remote, EU".
BYLINE = re.compile(r"^\s*(?P<company>[^.!?:;\s][^.!?:;]{0,60}?)\s+[-–—·|@]\s+(?P<place>[^.!?:;]{2,60}?)\s*$")
BYLINE_MAX_WORDS = 6  # per side: longer text is a sentence with a dash in it, not a byline
# Too little text to be a posting ("hello"): say so rather than import noise.
MIN_POSTING_CHARS = 40


def parse_plain(text: str, source: str, now: datetime) -> tuple[list[Posting], list[ImportIssue]]:
    description = markdown_to_text(text)
    if len(description) < MIN_POSTING_CHARS:
        return [], [ImportIssue(source, None, "no job posting found in this file (too little text)")]
    fields = _fields(description)
    requirements = extract_requirements(description)
    if not (requirements or fields or POSTING_WORDS.search(description) or ROLE_IN_SENTENCE.search(description)):
        return [], [ImportIssue(source, None, "no job posting found in this file (the text does not read as one)")]
    lines = [line for line in description.splitlines() if line.strip()]
    title = fields.get("title") or _title_line(text) or ""
    byline = _byline(text) if title and not fields.get("company") else None
    # A "Location:" field names one place, often as "City, Country": commas do not split it.
    locations, remote = parse_locations(fields.get("location") or (byline[1] if byline else None), split_commas=False)
    salary_line = fields.get("salary")
    posted_text = fields.get("posted")
    age_line = next((line for line in lines[:HEADER_LINES] if is_age(line)), None)
    kind = fields.get("type") or next((line for line in lines[:HEADER_LINES] if is_employment_type(line)), None)
    posting = Posting(
        title=title,
        description=description,
        raw=text,
        source=source,
        company=fields.get("company") or (byline[0] if byline else None),
        locations=locations,
        remote=True if remote else None,
        salary=parse_salary(salary_line) if salary_line else None,
        posted=parse_date(posted_text, now) if posted_text else (parse_age(age_line, now) if age_line else None),
        employment_type=employment_type(kind),
        url=fields.get("url"),
        requirements=tuple(requirements),
    )
    return [finish_posting(posting)], []


def _byline(text: str) -> tuple[str, str] | None:
    """(company, place) from the line under the title line, e.g. "Acme Payments - Berlin"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:2]
    match = BYLINE.match(lines[1]) if len(lines) == 2 and not FIELD.match(lines[1]) else None
    if match is None or heading_kind(lines[1]) is not None:
        return None
    company, place = match["company"].strip(), match["place"].strip()
    if max(len(company.split()), len(place.split())) > BYLINE_MAX_WORDS:
        return None
    if is_employment_type(company) or parse_locations(company)[1]:  # "Full-time - Berlin", "Remote - EU"
        return None
    return company, place


def _fields(text: str) -> dict[str, str]:
    names = {"job title": "title", "position": "title", "role": "title", "employer": "company",
             "locations": "location", "compensation": "salary", "pay": "salary", "employment type": "type",
             "job type": "type", "date posted": "posted", "apply at": "url", "link": "url"}
    found: dict[str, str] = {}
    for line in text.splitlines()[:40]:
        match = FIELD.match(line)
        if match:
            key = names.get(match["key"].lower(), match["key"].lower())
            found.setdefault(key, match["value"].strip(" *_"))
    return found


def _title_line(text: str) -> str | None:
    """The first line when it reads as a title: a Markdown heading, or a short non-sentence."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if MARKDOWN_HEADING.match(line):
            return MARKDOWN_EMPHASIS.sub(r"\2", MARKDOWN_HEADING.sub("", line)).strip()
        bare = MARKDOWN_EMPHASIS.sub(r"\2", line).strip()
        if (len(bare.split()) <= TITLE_MAX_WORDS and not re.search(r"[.!?:;,]$", bare)
                and heading_kind(bare) is None and not bare.startswith("- ") and not FIELD.match(bare)):
            return bare
        return None
    return None


def printed_page_text(text: str) -> str:
    """A posting's text as read from a PDF or a Word file: without what a browser's "Print to PDF" adds
    ("11/24/26, 9:01 AM" before the page title, the URL with "1/3" at the foot of each page), and
    with lines the page broke rejoined (a line starting in lower case continues the last)."""
    lines = [PRINT_STAMP.sub("", line) for line in text.splitlines()]
    return WRAPPED_LINE.sub(" ", "\n".join(line for line in lines if not PRINT_FOOTER.match(line)))
