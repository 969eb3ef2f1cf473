"""One record of any export (a CSV row, a JSON object, an HTML table row) → Posting.

Columns are matched by name, case and punctuation aside: JobSpy's `title, company, location,
description, job_url, min_amount, max_amount, currency, interval, date_posted, job_type,
is_remote`, variants such as `job_title`, `Job Description`, `company_name`, `url`, and the
Google careers layout (Responsibilities / Minimum / Preferred Qualifications)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime

from matcher.domain import Posting, Salary
from matcher.ingest.ats_records import flatten_ats
from matcher.ingest.dates import parse_date
from matcher.ingest.fields import employment_type, parse_locations
from matcher.ingest.finish import finish_posting
from matcher.ingest.jsonld import posting_from_jsonld
from matcher.ingest.salary import find_salary, parse_salary, salary_from_fields
from matcher.ingest.text_clean import html_to_text, looks_like_html, markdown_to_text

# Column name (lower case, non-letters as "_") → our field. First match wins, in this order.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "jobtitle", "position", "position_title", "role", "job_name", "name", "job"),
    "company": ("company", "company_name", "employer", "employer_name", "organization", "organisation",
                "hiring_organization", "company_title"),
    "location": ("location", "locations", "job_location", "candidate_required_location", "city", "place"),
    "country": ("country", "countries"),
    "description": ("description", "job_description", "jobdescription", "body", "text", "content", "details",
                    "summary", "description_text", "full_description"),
    "responsibilities": ("responsibilities", "duties"),
    "required": ("minimum_qualifications", "requirements", "qualifications", "required_qualifications",
                 "basic_qualifications"),
    "preferred": ("preferred_qualifications", "nice_to_have", "bonus_qualifications"),
    "url": ("job_url", "url", "link", "apply_url", "job_link", "job_url_direct", "apply_link", "href",
            "job_posting_url", "posting_url", "application_url"),
    # Kept as Posting.links beside `url`: the employer's own ad, the company's pages, mailto: contacts.
    "direct_url": ("job_url_direct", "apply_url_direct", "external_url"),
    "company_url": ("company_url", "company_link"),
    "company_site": ("company_url_direct", "company_website"),
    "emails": ("emails", "email", "contact_email"),
    "min_amount": ("min_amount", "salary_min", "min_salary", "salary_from", "minimum_salary"),
    "max_amount": ("max_amount", "salary_max", "max_salary", "salary_to", "maximum_salary"),
    "currency": ("currency", "salary_currency"),
    "interval": ("interval", "salary_interval", "salary_period", "pay_period"),
    "salary_source": ("salary_source",),
    "salary": ("salary", "salary_range", "compensation", "pay", "salary_estimate", "med_salary", "salary_text"),
    "posted": ("date_posted", "posted", "posted_at", "date", "publication_date", "created_at", "published",
               "published_at", "posted_date", "listed_time", "original_listed_time", "age"),
    "job_type": ("job_type", "employment_type", "type", "contract_type", "contract_time", "schedule_type",
                 "job_types", "employment_types", "formatted_work_type", "work_type"),
    "remote": ("is_remote", "remote", "remote_ok", "remote_allowed", "telecommuting"),
    "remote_policy": ("work_from_home_type", "remote_policy", "workplace_type", "work_from_home"),
    "blurb": ("company_profile", "company_description", "about_company", "company_about"),
    "tags": ("tags", "category", "categories", "skills", "keywords", "labels"),
    # Each kept whole as one tag: LinkedIn's own names hold commas ("Technology, Information and Internet").
    "job_function": ("job_function", "function"),
    "industry": ("company_industry", "industry", "industries"),
    "job_level": ("job_level", "seniority", "seniority_level", "experience_level"),
}
# JobSpy writes "not applicable" where LinkedIn states no level; SmartRecruiters files many a job
# under the function "Other".
NO_VALUE = frozenset({"", "not applicable", "not provided", "n/a", "none", "unknown", "other"})
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
TRUE_WORDS = frozenset({"true", "1", "yes", "y", "remote", "t"})


def posting_from_row(row: Mapping[str, object], raw: str, source: str, now: datetime) -> Posting | None:
    """One record of any export → Posting, or None when it has neither title nor description."""
    kind = row.get("@type")
    if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
        return posting_from_jsonld(dict(row), source, now)
    get = field_getter(flatten_ats(row) or row)  # Lever, Workday, SmartRecruiters and Ashby API records
    body = _text_of(get("description"))
    required_text, preferred_text = _text_of(get("required")), _text_of(get("preferred"))
    responsibilities = _text_of(get("responsibilities"))
    sections = [body] + [f"{head}:\n{_bulleted(part)}" for head, part in (
        ("Responsibilities", responsibilities), ("Minimum qualifications", required_text),
        ("Preferred qualifications", preferred_text)) if part]
    description = "\n\n".join(s for s in sections if s).strip()
    title = _plain(get("title"))
    if not title and not description:
        return None
    location_text = ", ".join(p for p in (_plain(get("location")), _plain(get("country"))) if p)
    locations, remote_word = parse_locations(location_text, split_commas=False)
    remote_value = get("remote")
    remote = _truthy(remote_value) if remote_value not in (None, "") else None
    salary = _salary(get, description)
    tags_value = get("tags")
    tags = tags_value if isinstance(tags_value, list) else [t for t in re.split(r"\s*[,;|]\s*", _plain(tags_value)) if t]
    tags += [_plain(get(key)) for key in ("job_function", "industry") if _plain(get(key)).lower() not in NO_VALUE]
    level = _plain(get("job_level"))
    if level and level.lower() not in NO_VALUE:
        tags.append(level[0].upper() + level[1:])
    url = _plain(get("url")) or None
    posting = Posting(
        title=title,
        description=description,
        raw=raw,
        source=source,
        # Glassdoor exports append the rating on a second line: "Healthfirst\n3.1".
        company=_plain(str(get("company") or "").strip().split("\n")[0]) or None,
        company_blurb=_text_of(get("blurb")) or None,
        remote_policy=_plain(get("remote_policy")) or None,
        locations=locations,
        remote=True if (remote or remote_word) else remote,
        salary=salary,
        posted=parse_date(get("posted"), now),
        employment_type=employment_type(_plain(get("job_type"))),
        tags=tuple(dict.fromkeys(str(t).strip() for t in tags if str(t).strip())),
        url=url,
        links=_links(get, url),
    )
    return finish_posting(posting, [("required", required_text), ("preferred", preferred_text)])


def _salary(get: Callable[[str], object], description: str) -> Salary | None:
    """The board's own pay fields first. JobSpy marks with salary_source "description" the ranges it
    guessed from the text itself (period from the amount's size); there our reading of the text wins."""
    fields = salary_from_fields(get("min_amount"), get("max_amount"), get("currency"), get("interval"))
    stated = parse_salary(_plain(get("salary"))) if get("salary") else None
    if _plain(get("salary_source")).lower() == "description":
        return find_salary(description) or fields or stated
    return fields or stated or find_salary(description)


def _links(get: Callable[[str], object], url: str | None) -> tuple[str, ...]:
    """JobSpy's job_url_direct (the employer's own ad), company pages and emails ("a@x.com, b@y.org")."""
    links = [_plain(get(key)) for key in ("direct_url", "company_url", "company_site")]
    links += [f"mailto:{e}" for e in re.split(r"[,;\s]+", _plain(get("emails"))) if "@" in e]
    return tuple(dict.fromkeys(link for link in links if link and link != url))


def field_getter(row: Mapping[str, object]) -> Callable[[str], object]:
    normal = {re.sub(r"[^a-z0-9]+", "_", str(k).lower()).strip("_"): v for k, v in row.items()}

    def get(field: str) -> object:
        for alias in ALIASES[field]:
            value = normal.get(alias)
            if value not in (None, "", [], {}) and not (isinstance(value, float) and value != value):
                return _nested_name(value) if field in ("company", "location") else value
        return None

    return get


def _nested_name(value: object) -> object:
    # {"company": {"name": "Acme"}} and [{"name": "Berlin"}] occur in API dumps.
    if isinstance(value, dict):
        return value.get("name") or value.get("display_name") or ""
    if isinstance(value, list):
        return ", ".join(str(_nested_name(v)) for v in value)
    return value


def _plain(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    # JSON can spell control characters ("\u001b") that the file-level filter never saw.
    return re.sub(r"\s+", " ", CONTROL_CHARS.sub("", str(value))).strip()


def _text_of(value: object) -> str:
    text = _plain(value) if isinstance(value, list) else ("" if value is None else str(value))
    return html_to_text(text) if looks_like_html(text) else markdown_to_text(text)


def _bulleted(text: str) -> str:
    return "\n".join(line if line.startswith("- ") else f"- {line}" for line in text.splitlines() if line.strip())


def _truthy(value: object) -> bool:
    text = str(value).strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):  # 1, 1.0 (pandas writes flags as floats)
        return float(text) > 0
    return value is True or text in TRUE_WORDS


def looks_like_posting(obj: Mapping[str, object]) -> bool:
    get = field_getter(flatten_ats(obj) or obj)
    return obj.get("@type") == "JobPosting" or any(get(key) is not None for key in ("title", "description"))
