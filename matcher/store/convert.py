"""Between ORM rows (`matcher.store.schema`) and the plain dataclasses callers get (`matcher.domain`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from matcher.domain import (APPLICATION_STATUSES, CV, CVSection, ParseReport, Posting, PostingFacts, Requirement, Role,
                            Salary, ShortlistEntry, SkillEvidence)
from matcher.store.reading import DamagedRow
from matcher.store.schema import CVRow, PostingRow, RequirementRow, ShortlistRow


def posting_to_row(p: Posting, fingerprint: str, imported_at: datetime) -> PostingRow:
    salary = p.salary
    return PostingRow(
        fingerprint=fingerprint,
        title=p.title,
        title_derived=p.title_derived,
        company=p.company,
        locations=list(p.locations),
        remote=p.remote,
        salary_min=salary.min if salary else None,
        salary_max=salary.max if salary else None,
        salary_currency=salary.currency if salary else None,
        salary_period=salary.period if salary else None,
        posted=p.posted,
        employment_type=p.employment_type,
        tags=list(p.tags),
        url=p.url,
        description=p.description,
        company_blurb=p.company_blurb,
        remote_policy=p.remote_policy,
        skills=list(p.skills),
        raw=p.raw,
        source=p.source,
        imported_at=imported_at,
        language=p.language,
        links=list(p.links),
        sources=list(p.sources),
        skills_version=p.skills_version,
        requirements=[
            RequirementRow(position=i, text=r.text, kind=r.kind, skills=list(r.skills), years=r.years)
            for i, r in enumerate(p.requirements)
        ],
    )


def row_to_posting(row: Any, requirements: list[Requirement] | None = None) -> Posting:
    """The posting of a row (an ORM `PostingRow`, or a plain row of the jobs table with its
    `requirements` read apart); raises DamagedRow when a value has a type the column never holds
    (flipped bytes can turn text into a number or a blob without SQLite noticing)."""
    if requirements is None:
        requirements = [requirement(r.text, r.kind, r.skills, r.years) for r in row.requirements]
    _expect(row, str, "title", "description", "raw", "source")
    _expect(row, (str, type(None)), "company", "employment_type", "url", "company_blurb", "remote_policy",
            "language", "skills_version")
    _expect(row, (int, float, type(None)), "salary_min", "salary_max")
    _expect(row, (list, type(None)), "locations", "tags", "skills", "links", "sources")
    has_salary = any(v is not None for v in (row.salary_min, row.salary_max))
    return Posting(
        id=row.id,
        title=row.title,
        title_derived=row.title_derived,
        company=row.company,
        locations=tuple(row.locations or ()),
        remote=row.remote,
        salary=Salary(row.salary_min, row.salary_max, row.salary_currency, row.salary_period)
        if has_salary
        else None,
        posted=row.posted,
        employment_type=row.employment_type,
        tags=tuple(row.tags or ()),
        url=row.url,
        description=row.description,
        company_blurb=row.company_blurb,
        remote_policy=row.remote_policy,
        skills=tuple(row.skills or ()),
        raw=row.raw,
        source=row.source,
        language=row.language,
        links=tuple(row.links or ()),
        sources=tuple(row.sources or ()),
        skills_version=row.skills_version,
        requirements=tuple(requirements),
    )


def evidence_to_json(e: SkillEvidence) -> dict[str, Any]:
    return {"skill": e.skill, "sentence": e.sentence, "source": e.source}


def cv_to_row(cv: CV, created: datetime) -> CVRow:
    return CVRow(
        name=cv.name,
        source=cv.source,
        text=cv.text,
        sections=[{"name": s.name, "heading": s.heading, "text": s.text} for s in cv.sections],
        skills=[evidence_to_json(e) for e in cv.skills],
        removed_skills=list(cv.removed_skills),
        years_experience=cv.years_experience,
        report=dict(cv.report.__dict__) if cv.report else None,
        contact=dict(cv.contact),
        created=created,
        language=cv.language,
        roles=[role_to_json(r) for r in cv.roles],
        as_of=cv.as_of,
        skills_version=cv.skills_version,
    )


def row_to_cv(row: CVRow) -> CV:
    _expect(row, str, "name", "source", "text")
    _expect(row, (list, type(None)), "sections", "skills", "removed_skills", "roles")
    _expect(row, (int, float, type(None)), "years_experience")
    return CV(
        id=row.id,
        name=row.name,
        source=row.source,
        text=row.text,
        sections=[CVSection(**s) for s in row.sections or []],
        skills=[SkillEvidence(**e) for e in row.skills or []],
        removed_skills=list(row.removed_skills or []),
        years_experience=row.years_experience,
        report=ParseReport(**row.report) if row.report else None,
        contact=dict(row.contact or {}),
        created=row.created,
        language=row.language,
        roles=[role_from_json(r) for r in row.roles or []],
        as_of=row.as_of,
        skills_version=row.skills_version,
    )


def role_to_json(r: Role) -> dict[str, Any]:
    out = {"heading": r.heading, "start": r.start.isoformat() if r.start else None,
           "end": r.end.isoformat() if r.end else None, "current": r.current, "text": r.text}
    return out if r.skills is None else {**out, "skills": list(r.skills)}


def role_from_json(data: dict[str, Any]) -> Role:
    start, end = data.get("start"), data.get("end")
    skills = data.get("skills")
    return Role(str(data.get("heading", "")), date.fromisoformat(start) if start else None,
                date.fromisoformat(end) if end else None, bool(data.get("current")), str(data.get("text", "")),
                tuple(str(s) for s in skills) if isinstance(skills, list) else None)


def row_to_entry(row: ShortlistRow) -> ShortlistEntry:
    _expect(row, str, "status", "notes")
    if row.status not in APPLICATION_STATUSES:
        raise DamagedRow("an unknown application status")
    return ShortlistEntry(row.posting_id, row.status, row.notes, row.added)


def _expect(row: object, kind: type | tuple[type, ...], *columns: str) -> None:
    for column in columns:
        if not isinstance(getattr(row, column), kind):
            raise DamagedRow(f"its {column} is not what the column holds")


def requirement(text: object, kind: object, skills: object, years: object) -> Requirement:
    """A requirement from its columns; raises DamagedRow when one has a type it never holds."""
    if not isinstance(text, str) or kind not in ("required", "preferred") or not isinstance(skills, (list, type(None))) \
            or not isinstance(years, (int, float, type(None))):
        raise DamagedRow("a requirement is not what its columns hold")
    return Requirement(text, kind, list(skills or []), years)


def facts(posting_id: int, title: object, company: object, requirements: list[Requirement], skills: object,
          language: object, version: object) -> PostingFacts:
    if not isinstance(title, str) or not isinstance(company, (str, type(None))) \
            or not isinstance(skills, (list, type(None))) or not isinstance(language, (str, type(None))):
        raise DamagedRow("its title, company or skills are not what the columns hold")
    return PostingFacts(posting_id, title, company, requirements, list(skills or []), language, version)  # type: ignore[arg-type]
