"""`matcher jobs ...`: import, list, remove and restore postings."""

from __future__ import annotations

import argparse
from pathlib import Path

from matcher import jsonview
from matcher.cli.output import EXIT_OK, Failure, emit, fail, note, progress_to_stderr
from matcher.domain import ImportIssue
from matcher.safe_text import file_name
from matcher.store import Store


def jobs_import(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import import_postings

    summary = import_postings(store, args.paths, progress=progress_to_stderr)
    lines = [f"imported {summary.imported} postings, {summary.merged} merged (the same posting for another place "
             f"or file), {summary.duplicates} duplicates, {len(summary.errors)} errors"]
    lines += [f"  error: {_where_and_why(e)}" for e in summary.errors]
    emit(args.json, summary.to_json(), lines)
    if args.json:
        for e in summary.errors:
            note(_where_and_why(e))
    if summary.imported == 0 and summary.merged == 0 and summary.duplicates == 0:
        return fail("no posting could be imported" + (f": {summary.errors[0].reason}" if summary.errors else ""))
    return EXIT_OK


def _where_and_why(issue: ImportIssue) -> str:
    """E.g. "jobs.csv [row 3]: missing title"."""
    item = f" [{issue.item}]" if issue.item else ""
    return f"{issue.path}{item}: {issue.reason}"


def jobs_list(store: Store, args: argparse.Namespace) -> int:
    postings = store.postings()
    lines = [f"{p.id:>5}  {p.title} — {p.company or '?'} ({', '.join(p.locations) or 'no location'})" for p in postings]
    emit(args.json, [jsonview.posting(p) for p in postings], lines or ["no postings yet: matcher jobs import PATH"])
    return EXIT_OK


def jobs_remove(store: Store, args: argparse.Namespace) -> int:
    if bool(args.posting_ids) == bool(args.source):
        raise Failure("give posting ids or --source PATH (one of the two)")
    if args.source:
        removed = store.remove_source(file_name(Path(args.source).expanduser().resolve()))
        removed = removed or store.remove_source(file_name(args.source))  # as the import named it, if not absolute
    else:
        removed = store.remove_postings(args.posting_ids)
        for posting_id in sorted(set(args.posting_ids) - set(removed)):
            note(f"no posting with id {posting_id}")
    if not removed:
        raise Failure("nothing removed")
    ids = " ".join(str(i) for i in removed)
    emit(args.json, {"removed": removed}, [f"removed {len(removed)} postings; undo with: matcher jobs restore {ids}"])
    return EXIT_OK


def jobs_restore(store: Store, args: argparse.Namespace) -> int:
    if not args.posting_ids:
        removed = store.removed_postings()
        lines = [f"{i:>5}  {title}  (removed {when:%Y-%m-%d %H:%M})" for i, title, when in removed]
        emit(args.json, [{"id": i, "title": title, "removed_at": when.isoformat()} for i, title, when in removed],
              lines or ["no removed postings"])
        return EXIT_OK
    restored = store.restore_postings(args.posting_ids)
    if not restored:
        raise Failure("none of those postings is removed")
    emit(args.json, {"restored": restored}, [f"restored {len(restored)} postings"])
    return EXIT_OK
