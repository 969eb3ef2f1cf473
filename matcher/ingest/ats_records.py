"""Postings as applicant-tracking systems' public APIs return them → the flat field names that
`records` reads. Each system nests its fields its own way and is told apart by keys only it writes:

- Lever (`api.lever.co/v0/postings/<site>`): `text` is the title, `categories` holds location,
  commitment, team and department, the description is `description` + titled `lists` + `additional`.
- Workday (`<tenant>.myworkdayjobs.com/wday/cxs/<tenant>/<site>/job/...`): `{"jobPostingInfo": {...},
  "hiringOrganization": {"name": ...}}`.
- SmartRecruiters (`api.smartrecruiters.com/v1/companies/<c>/postings/<id>`): `name`, `company`,
  `location.fullLocation`, titled `jobAd.sections`, `{"label": ...}` objects for type and industry.
- Ashby (`api.ashbyhq.com/posting-api/job-board/<board>`): `jobUrl`, `descriptionHtml`,
  `secondaryLocations`, `compensation.summaryComponents`.

Real responses of each are in tests/ingest/data/ats (PROVENANCE.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

Record = Mapping[str, Any]
# Lever's "hybrid", Ashby's "OnSite": the work setting as people write it.
WORKPLACE_NAMES = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site", "on-site": "On-site"}
# SmartRecruiters' section keys; the company's own description is kept apart as the blurb.
SMARTRECRUITERS_JOB_SECTIONS = ("jobDescription", "qualifications", "additionalInformation")


def flatten_ats(record: Record) -> dict[str, Any] | None:
    """The record with our field names, or None when no known ATS wrote it."""
    for recognise, flatten in ATS_SHAPES:
        if recognise(record):
            return {key: value for key, value in flatten(record).items() if value not in (None, "", [])}
    return None


def _lever(record: Record) -> dict[str, Any]:
    categories = _dict(record.get("categories"))
    lists = "".join(f"<h3>{escape(str(item.get('text') or ''))}</h3><ul>{item.get('content') or ''}</ul>"
                    for item in _list(record.get("lists")) if isinstance(item, dict))
    workplace = str(record.get("workplaceType") or "")
    return {
        "title": record.get("text"),
        "location": " | ".join(str(p) for p in _list(categories.get("allLocations")) or [categories.get("location")] if p),
        "country": record.get("country"),
        "description": f"{record.get('description') or ''}{lists}{record.get('additional') or ''}",
        "url": record.get("hostedUrl"),
        "apply_url_direct": record.get("applyUrl"),
        "date_posted": record.get("createdAt"),
        "job_type": categories.get("commitment"),
        "is_remote": workplace.lower() == "remote" if workplace else None,
        "remote_policy": _workplace(workplace),
        "tags": _unique(categories.get("team"), categories.get("department")),
    }


def _workday(record: Record) -> dict[str, Any]:
    info = _dict(record.get("jobPostingInfo"))
    return {
        "title": info.get("title"),
        "company": _dict(record.get("hiringOrganization")).get("name"),
        "location": info.get("location"),
        "country": _dict(info.get("country")).get("descriptor"),
        "description": info.get("jobDescription"),
        "url": info.get("externalUrl"),
        "date_posted": info.get("startDate"),  # "postedOn" says only "Posted 30+ Days Ago"
        "job_type": info.get("timeType"),
    }


def _smartrecruiters(record: Record) -> dict[str, Any]:
    location = _dict(record.get("location"))
    sections = _dict(_dict(record.get("jobAd")).get("sections"))
    return {
        "title": record.get("name"),
        "company": _dict(record.get("company")).get("name"),
        "location": location.get("fullLocation"),
        "description": "".join(_titled(_dict(sections.get(key))) for key in SMARTRECRUITERS_JOB_SECTIONS),
        "company_description": _dict(sections.get("companyDescription")).get("text"),
        "url": record.get("postingUrl"),
        "apply_url_direct": record.get("applyUrl"),
        "date_posted": record.get("releasedDate"),
        "job_type": _label(record.get("typeOfEmployment")),
        "is_remote": location.get("remote"),
        "remote_policy": "Hybrid" if location.get("hybrid") else None,
        "tags": _unique(_label(record.get("department"))),
        "job_function": _label(record.get("function")),
        "industry": _label(record.get("industry")),
        "job_level": _label(record.get("experienceLevel")),
    }


def _ashby(record: Record) -> dict[str, Any]:
    places = [record.get("location")] + [_dict(p).get("location") for p in _list(record.get("secondaryLocations"))]
    pay = next((c for c in _list(_dict(record.get("compensation")).get("summaryComponents"))
                if isinstance(c, dict) and c.get("compensationType") == "Salary"), {})
    return {
        "title": record.get("title"),
        "location": " | ".join(str(p) for p in places if p),
        "description": record.get("descriptionHtml") or record.get("descriptionPlain"),
        "url": record.get("jobUrl"),
        "apply_url_direct": record.get("applyUrl"),
        "date_posted": record.get("publishedAt"),
        "job_type": record.get("employmentType"),
        "is_remote": record.get("isRemote"),
        "remote_policy": _workplace(str(record.get("workplaceType") or "")),
        "tags": _unique(record.get("department"), record.get("team")),
        "min_amount": pay.get("minValue"),
        "max_amount": pay.get("maxValue"),
        "currency": pay.get("currencyCode"),
        # "1 YEAR" → "year"
        "interval": str(pay["interval"]).split()[-1].lower() if pay.get("interval") else None,
    }


ATS_SHAPES: tuple[tuple[Callable[[Record], bool], Callable[[Record], dict[str, Any]]], ...] = (
    (lambda r: "hostedUrl" in r and "categories" in r, _lever),
    (lambda r: isinstance(r.get("jobPostingInfo"), dict), _workday),
    (lambda r: isinstance(r.get("jobAd"), dict) and "postingUrl" in r, _smartrecruiters),
    (lambda r: "jobUrl" in r and ("descriptionHtml" in r or "descriptionPlain" in r), _ashby),
)


def _titled(section: Record) -> str:
    text = section.get("text")
    return f"<h3>{escape(str(section.get('title') or ''))}</h3>{text}" if text else ""


def _label(value: object) -> object:
    return _dict(value).get("label")


def _workplace(value: str) -> str | None:
    return WORKPLACE_NAMES.get(value.lower(), value) if value else None


def _unique(*values: object) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v))


def _dict(value: object) -> Record:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
