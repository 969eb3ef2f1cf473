"""The JSON documents of the command-line contract. Programs read these: keep the field names."""

from __future__ import annotations

from typing import Any

from matcher.domain import CV, Posting, RankedMatch, ShortlistEntry


def posting(p: Posting) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "company": p.company,
        "locations": list(p.locations),
        "remote": p.remote,
        "salary": p.salary.to_json() if p.salary else None,
        "posted": p.posted.isoformat() if p.posted else None,
        "url": p.url,
        "tags": list(p.tags),
        "description": p.description,
        "requirements": [
            {"text": r.text, "kind": r.kind, "skills": list(r.skills), "years": r.years} for r in p.requirements
        ],
        # Beyond the contract's fields, for people and tools that want them:
        "employment_type": p.employment_type,
        "company_blurb": p.company_blurb,
        "remote_policy": p.remote_policy,
        "title_derived": p.title_derived,
        "skills": list(p.skills),
        "language": p.language,  # ISO 639-1 ("en", "es"), None when not recognised
        "source": p.source,
    }


def cv_summary(cv: CV) -> dict[str, Any]:
    report = cv.report
    return {
        "id": cv.id,
        "name": cv.name,
        "skills": [e.skill for e in cv.effective_skills()],
        "years_experience": cv.years_experience,
        "chars": report.chars if report else len(cv.text),
        "pages": report.pages if report else None,
        "sections": report.sections if report else [s.name for s in cv.sections],
        "warnings": report.warnings if report else [],
        "language": cv.language,
        "source": cv.source,
        # Beyond the contract's fields: the dated roles the years are the union of, and the date
        # "Present" was read as.
        "as_of": cv.as_of.isoformat() if cv.as_of else None,
        "roles": [{"heading": r.heading, "start": r.start.isoformat() if r.start else None,
                   "end": r.end.isoformat() if r.end else None, "current": r.current, "text": r.text}
                  for r in cv.roles],
    }


def match(m: RankedMatch) -> dict[str, Any]:
    document: dict[str, Any] = {
        "job_id": m.posting_id,
        "title": m.title,
        "company": m.company,
        # As the engine rounds it (two decimals), not as the table shows it: a CV and its copy with a
        # skill less, or two postings, 0.04 apart are still told apart by a reader of the JSON.
        "score": round(m.score, 2),
        "requirements": [
            {
                "text": r.text,
                "kind": r.kind,
                "status": r.status,
                "evidence": r.evidence,
                "skills": list(r.skills),
                "weight": round(r.weight, 3),
                "reason": r.reason,
                # Beyond the contract: where the evidence comes from ("cv": a sentence of the CV;
                # otherwise `basis` says what shows it), what decided the verdict (skill, meaning,
                # years or kind), and the named skills the CV lacks.
                "evidence_kind": r.evidence_kind,
                "judged_by": r.judged_by,
                "basis": r.basis,
                "missing_skills": list(r.missing_skills),
            }
            for r in m.requirements or []
        ],
        "breakdown": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in m.breakdown.to_json().items()},
        "why": m.why,
        "counts": {"met": m.counts.met, "partial": m.counts.partial, "missing": m.counts.missing,
                   "preferred_met": m.counts.preferred_met, "preferred": m.counts.preferred},
        "notices": list(m.notices),
    }
    return document


def shortlist_entry(e: ShortlistEntry, p: Posting) -> dict[str, Any]:
    return {
        "job_id": e.posting_id,
        "title": p.title,
        "company": p.company,
        "status": e.status,
        "notes": e.notes,
        "added": e.added.isoformat(timespec="seconds") if e.added else None,
    }
