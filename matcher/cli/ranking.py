"""`matcher rank` and `matcher export`: ranked postings, each requirement explained."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from matcher import jsonview
from matcher.cli.cvs import the_cv
from matcher.cli.output import EXIT_OK, Failure, emit, progress_to_stderr
from matcher.safe_text import file_name, printable
from matcher.store import Store


def rank(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import RankingSession

    cv = the_cv(store, args.cv)
    if store.count_postings() == 0:
        raise Failure("no postings to rank: import some with `matcher jobs import PATH`")
    assert cv.id is not None
    session = RankingSession(store)
    matches = session.rank(cv.id, top=args.top, progress=progress_to_stderr).matches
    if args.json:  # each requirement's verdict and evidence: built only for the postings printed
        matches = session.explain(cv.id, [m.posting_id for m in matches])
    lines = [f"{m.score:5.1f}  #{m.posting_id:<5} {m.title} — {m.company or '?'}  ({m.why})" for m in matches]
    emit(args.json, [jsonview.match(m) for m in matches], lines)
    return EXIT_OK


def export(store: Store, args: argparse.Namespace) -> int:
    from matcher.export import ExportOptions, write_export
    from matcher.services import RankingSession

    _check_out(args.out)  # before the ranking: a wrong path should not cost a minute of embedding
    cv = the_cv(store, args.cv)
    assert cv.id is not None
    entries = {e.posting_id: e for e in store.shortlist()}
    if args.shortlist and not entries:
        raise Failure("the shortlist is empty: star postings with `matcher shortlist add JOB_ID`")
    if store.count_postings() == 0:
        raise Failure("no postings to export: import some with `matcher jobs import PATH`")
    session = RankingSession(store)
    ranked = session.rank(cv.id, progress=progress_to_stderr).matches
    chosen = [m for m in ranked if m.posting_id in entries] if args.shortlist else ranked[:args.top]
    matches = session.explain(cv.id, [m.posting_id for m in chosen])
    postings = {p.id: p for p in store.postings([m.posting_id for m in matches]) if p.id is not None}
    options = ExportOptions(include_contact=args.include_contact, title="Shortlist" if args.shortlist else "Ranked postings")
    try:
        write_export(args.format, args.out, matches, postings, entries, cv, options)
    except OSError as exc:
        raise Failure(f"cannot write {file_name(args.out)}: {_os_reason(exc)}; nothing was written") from exc
    print(f"wrote {len(matches)} postings to {printable(file_name(args.out))}", file=sys.stderr)
    return EXIT_OK


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise Failure(f"{file_name(out)} is a folder; give a file name, e.g. {file_name(out / 'ranking.csv')}")
    for folder in out.parents:
        if folder.exists():
            if not folder.is_dir():
                raise Failure(f"cannot write {file_name(out)}: {file_name(folder)} is a file, not a folder")
            return


def _os_reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full"
    return (error.strerror or str(error)).lower()
