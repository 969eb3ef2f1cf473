"""`matcher cv ...`: import a CV, list them, edit a CV's skills."""

from __future__ import annotations

import argparse

from matcher import jsonview
from matcher.cli.output import EXIT_OK, Failure, emit, note
from matcher.domain import CV
from matcher.store import Store


def cv_import(store: Store, args: argparse.Namespace) -> int:
    from matcher.ingest.cv import CVReadError
    from matcher.services import import_cv

    try:
        cv = import_cv(store, args.path, as_of=args.as_of)
    except CVReadError as exc:
        raise Failure(f"{args.path}: {exc}") from exc
    report = cv.report
    lines = [
        f"CV {cv.id}: {cv.name} — {len(cv.skills)} skills, "
        f"{cv.years_experience if cv.years_experience is not None else '?'} years of experience",
        f"  sections: {', '.join(report.sections) if report else '-'}",
    ]
    lines += [f"  warning: {w}" for w in (report.warnings if report else [])]
    emit(args.json, jsonview.cv_summary(cv), lines)
    if args.json:
        for warning in report.warnings if report else []:
            note(f"warning: {warning}")
    return EXIT_OK


def cv_list(store: Store, args: argparse.Namespace) -> int:
    cvs = store.cvs()
    lines = [f"{c.id:>4}  {c.name}  ({len(c.effective_skills())} skills, from {c.source})" for c in cvs]
    emit(args.json, [jsonview.cv_summary(c) for c in cvs], lines or ["no CV yet: matcher cv import PATH"])
    return EXIT_OK


def cv_skills(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import edit_cv_skills

    cv = the_cv(store, args.cv)
    cv = edit_cv_skills(store, cv, add=args.add, remove=args.remove)
    names = [e.skill for e in cv.effective_skills()]
    emit(args.json, jsonview.cv_summary(cv), [f"CV {cv.id}: {', '.join(names)}"])
    return EXIT_OK


def the_cv(store: Store, cv_id: int | None) -> CV:
    """The CV asked for (the latest without an id), or a Failure that says why there is none."""
    cv = store.cv(cv_id)
    if cv is None:
        raise Failure(f"no CV with id {cv_id}" if cv_id else "no CV yet: import one with `matcher cv import PATH`")
    return cv
