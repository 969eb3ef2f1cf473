"""schema.org `JobPosting` objects (JSON-LD in job pages, or JSON files of them) → Posting.
https://schema.org/JobPosting: title, description (HTML), datePosted, hiringOrganization,
jobLocation, jobLocationType, applicantLocationRequirements, employmentType, baseSalary."""

from __future__ import annotations

import json
from html import unescape
from datetime import datetime

from matcher.domain import Posting, Salary
from matcher.ingest.dates import parse_date
from matcher.ingest.fields import employment_type
from matcher.ingest.finish import RequirementSection, finish_posting
from matcher.ingest.salary import PERIOD_WORDS, salary_from_fields
from matcher.ingest.text_clean import html_to_text, looks_like_html
from matcher.text import clean_text


def posting_from_jsonld(obj: dict[str, object], source: str, now: datetime) -> Posting | None:
    html = _text(obj.get("description"))
    if "&lt;" in html:  # some sites escape the HTML inside JSON-LD once more
        html = unescape(html)
    description = html_to_text(html) if looks_like_html(html) else clean_text(html)
    title = _text(obj.get("title")) or _text(obj.get("name"))
    if not description and not title:
        return None
    org = obj.get("hiringOrganization")
    company = _text(org.get("name")) if isinstance(org, dict) else _text(org)
    locations = _locations(obj.get("jobLocation")) + _locations(obj.get("applicantLocationRequirements"))
    remote = "TELECOMMUTE" in str(obj.get("jobLocationType", "")).upper() or None
    skills = obj.get("skills")
    tags = [s.strip() for s in (skills if isinstance(skills, list) else str(skills or "").split(",")) if str(s).strip()]
    posting = Posting(
        title=title,
        description=description,
        raw=json.dumps(obj, ensure_ascii=False, indent=1),
        source=source,
        company=company or None,
        locations=tuple(dict.fromkeys(locations)),
        remote=remote,
        salary=_salary(obj.get("baseSalary") or obj.get("estimatedSalary")),
        posted=parse_date(obj.get("datePosted"), now),
        employment_type=employment_type(_text(obj.get("employmentType"))),
        tags=tuple(str(t) for t in tags),
        url=_text(obj.get("url")) or None,
    )
    return finish_posting(posting, _requirement_sections(obj))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or "")
    return str(value).strip()


def _locations(value: object) -> list[str]:
    if isinstance(value, list):
        return [loc for item in value for loc in _locations(item)]
    if not isinstance(value, dict):
        return [value.strip()] if isinstance(value, str) and value.strip() else []
    address = value.get("address")
    if isinstance(address, str) and address.strip():
        return [address.strip()]
    if isinstance(address, dict):
        parts = [_text(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")]
        joined = ", ".join(p for p in parts if p)
        return [joined] if joined else []
    name = _text(value.get("name"))
    return [name] if name else []


def _salary(value: object) -> Salary | None:
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    currency = value.get("currency")
    if isinstance(amount, dict):
        low = amount.get("minValue", amount.get("value"))
        high = amount.get("maxValue", amount.get("value"))
        unit = str(amount.get("unitText", "")).lower()
    else:
        low = high = amount
        unit = str(value.get("unitText", "")).lower()
    return salary_from_fields(low, high, currency, unit if unit in PERIOD_WORDS else None)


def _requirement_sections(obj: dict[str, object]) -> list[RequirementSection]:
    """schema.org's requirement properties; each is text (often HTML), or an object we cannot read."""
    found: list[RequirementSection] = []
    for key in ("qualifications", "experienceRequirements", "educationRequirements"):
        value = obj.get(key)
        text = _text(value)
        if text and not isinstance(value, dict):
            found.append(("required", html_to_text(text) if looks_like_html(text) else text))
    return found
