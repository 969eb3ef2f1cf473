"""The `matcher` command line: the contract other tools and checks call exactly as written.

Exit status: 0 success (also a partial import, whose errors are listed), 1 nothing could be done
(reason on stderr), 2 usage error. With --json, stdout holds exactly one JSON document; progress
and messages go to stderr.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from matcher import jsonview
from matcher.domain import ImportIssue
from matcher.model_libraries import missing_library_hint
from matcher.safe_text import file_name, printable
from matcher.store import DB_ENV, Store, StoreError, default_db_path

EXIT_OK, EXIT_NOTHING_DONE, EXIT_USAGE = 0, 1, 2


class Failure(Exception):
    """Nothing could be done; the message says why (printed to stderr, exit status 1)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="matcher", description="Rank job postings against your CV, offline.")
    parser.add_argument("--db", type=Path, help=f"SQLite file (default: ${DB_ENV} or {default_db_path()})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    jobs = commands.add_parser("jobs", help="import and list job postings").add_subparsers(dest="action", required=True)
    p = jobs.add_parser("import", help="import files or folders (format detected from content)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true")
    p = jobs.add_parser("list", help="list stored postings")
    p.add_argument("--json", action="store_true")
    p = jobs.add_parser("remove", help="remove postings by id, or every posting imported from a file (undo: restore)")
    p.add_argument("posting_ids", nargs="*", type=int, metavar="ID")
    p.add_argument("--source", metavar="PATH", help="the file they were imported from, as `jobs list --json` shows it")
    p.add_argument("--json", action="store_true")
    p = jobs.add_parser("restore", help="bring back removed postings (kept 30 days; no ID: list them)")
    p.add_argument("posting_ids", nargs="*", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")

    cv = commands.add_parser("cv", help="import and list CVs").add_subparsers(dest="action", required=True)
    p = cv.add_parser("import", help="import a CV (PDF, DOCX, TXT, Markdown)")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD",
                   help='the date "Present" means in the CV (default: the date the file says it was written)')
    p.add_argument("--json", action="store_true")
    p = cv.add_parser("list", help="list stored CVs")
    p.add_argument("--json", action="store_true")
    p = cv.add_parser("skills", help="add or remove skills of a CV by hand")
    p.add_argument("--cv", type=int, help="CV id (default: the latest)")
    p.add_argument("--add", nargs="*", default=[], metavar="SKILL")
    p.add_argument("--remove", nargs="*", default=[], metavar="SKILL")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("rank", help="rank postings against a CV, best first")
    p.add_argument("--cv", type=int, help="CV id (default: the latest)")
    p.add_argument("--top", type=_positive_int, help="only the N best (default: all)")
    p.add_argument("--json", action="store_true")

    shortlist = commands.add_parser("shortlist", help="star postings").add_subparsers(dest="action", required=True)
    for action in ("add", "remove"):
        p = shortlist.add_parser(action)
        p.add_argument("posting_ids", nargs="+", type=int, metavar="JOB_ID")
    p = shortlist.add_parser("list")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("export", help="export ranked postings with their explanations")
    p.add_argument("--format", required=True, choices=["csv", "md", "json", "pdf"])
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--shortlist", action="store_true", help="the shortlist (status and notes included)")
    which.add_argument("--top", type=_positive_int, help="the N best postings")
    p.add_argument("--cv", type=int, help="CV id (default: the latest)")
    p.add_argument("--include-contact", action="store_true", help="put the CV's contact details in the export")

    p = commands.add_parser("gui", help="open the desktop app")
    p.add_argument("--screenshot", type=Path, metavar="PNG", help="open, load, wait for the ranking, save, exit")
    p.add_argument("--size", type=_window_size, metavar="WxH", help="window size in pixels, e.g. 1280x800")

    skills = commands.add_parser("skills", help="your own skills and aliases, used when reading postings and CVs")
    skills_actions = skills.add_subparsers(dest="action", required=True)
    p = skills_actions.add_parser("add", help="teach matcher a skill it does not know")
    p.add_argument("name", metavar="SKILL")
    p.add_argument("--category", default="tool", help="language, framework, database, cloud, tool, method, domain...")
    p = skills_actions.add_parser("alias", help="make ALIAS another name of SKILL (e.g. alias k8s Kubernetes)")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("skill", metavar="SKILL")
    p = skills_actions.add_parser("find", help="show the skills matcher finds in TEXT")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("install-desktop", help="add matcher to the Linux applications menu, with its icon")
    p.add_argument("--remove", action="store_true", help="take the menu entry and icon away again")

    backup = commands.add_parser("backup", help="save or restore all your data as one file").add_subparsers(
        dest="action", required=True
    )
    p = backup.add_parser("export", help="write postings, CVs, shortlist, notes, skills and settings to FILE")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p = backup.add_parser("import", help="merge a backup FILE into the database (nothing already there is overwritten)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")

    settings = commands.add_parser("settings", help="show or reset stored settings (score weights)").add_subparsers(
        dest="action", required=True
    )
    p = settings.add_parser("list", help="show the stored settings")
    p.add_argument("--json", action="store_true")
    p = settings.add_parser("reset", help="forget stored settings, so their defaults apply (all when no KEY is given)")
    p.add_argument("keys", nargs="*", metavar="KEY")

    p = commands.add_parser("doctor", help="check the database file and say what is damaged")
    p.add_argument("--json", action="store_true")
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a date written YYYY-MM-DD") from None


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _window_size(value: str) -> tuple[int, int]:
    """E.g. "1280x800" -> (1280, 800)."""
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("give the size as WIDTHxHEIGHT, e.g. 1280x800") from None
    return width, height


# Commands that change the database: refused up front on a read-only file.
WRITING = {("jobs", "import"), ("jobs", "remove"), ("cv", "import"), ("cv", "skills"), ("shortlist", "add"), ("shortlist", "remove"),
           ("skills", "add"), ("skills", "alias"), ("backup", "import"), ("settings", "reset")}
DEBUG_ENV = "MATCHER_DEBUG"  # set to see the traceback of an unexpected error


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits 2 on a usage error
    if args.command == "gui":
        from matcher.ui.app import run_app  # Qt only when the window is asked for

        return run_app(db_path=args.db, screenshot=args.screenshot, size=args.size)
    if args.command == "install-desktop":  # touches the desktop's folders, not the database
        return install_desktop(args.remove)
    command = (args.command, getattr(args, "action", None))
    try:
        store = Store(args.db or default_db_path())
    except StoreError as exc:
        return _fail(str(exc))
    if store.created_folder is not None:
        _note(f"created the folder {file_name(store.created_folder)} for a new database")
    try:
        if store.read_only and command in WRITING:
            raise store.why_read_only()
        return HANDLERS[command](store, args)
    except (Failure, StoreError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted; everything imported before this point is kept")
    except ModuleNotFoundError as exc:  # an install without PyTorch: say how to get it
        return _fail(missing_library_hint(exc) or _unexpected(exc))
    except MemoryError:
        return _fail("out of memory; nothing more was changed")
    except Exception as exc:
        return _fail(_unexpected(exc))
    finally:
        for damage in store.damaged.values():
            _note(f"{damage.describe()} and was left out; `matcher doctor` says more")
        for notice in dict.fromkeys(store.notices):
            _note(notice)
        store.close()


def install_desktop(remove: bool) -> int:
    from matcher.desktop import install_desktop, remove_desktop

    if remove:
        removed = remove_desktop()
        print(f"removed {len(removed)} files" + "".join(f"\n  {path}" for path in removed))
    else:
        written = install_desktop()
        print("matcher is in your applications menu now:" + "".join(f"\n  {path}" for path in written))
    return EXIT_OK


def _unexpected(error: BaseException) -> str:
    """A bug: one line for the user, the traceback only when asked for."""
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(error)
    return f"unexpected error ({type(error).__name__}); nothing more was changed. Set {DEBUG_ENV}=1 to see the details"


def _fail(message: str) -> int:
    _note(message)
    return EXIT_NOTHING_DONE


def _note(message: str) -> None:
    print(f"matcher: {printable(message)}", file=sys.stderr)


# Characters json.dumps leaves as they are that a terminal may still act on: C1 controls and the
# bidirectional overrides. They can only stand inside JSON strings, where an escape means the same.
JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _emit(as_json: bool, document: Any, lines: Sequence[str]) -> None:
    if as_json:
        text = _json_text(document, for_terminal=sys.stdout.isatty())
        sys.stdout.write(JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    else:
        for line in lines:
            print(printable(line))


def _json_text(document: Any, for_terminal: bool) -> str:
    """Indented for a person at a terminal; else one list item per line, which Python's C encoder writes
    (indenting takes its pure-Python one: 0.13 s of `rank --json`'s 1 s at 1,250 postings)."""
    if for_terminal:
        return json.dumps(document, ensure_ascii=False, indent=2)
    if isinstance(document, list) and document:
        return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in document) + "\n]"
    return json.dumps(document, ensure_ascii=False)


def _stderr_progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {printable(message)}", file=sys.stderr)


# -- handlers ---------------------------------------------------------------------------------
def jobs_import(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import import_postings

    summary = import_postings(store, args.paths, progress=_stderr_progress)
    lines = [f"imported {summary.imported} postings, {summary.merged} merged (the same posting for another place "
             f"or file), {summary.duplicates} duplicates, {len(summary.errors)} errors"]
    lines += [f"  error: {_where_and_why(e)}" for e in summary.errors]
    _emit(args.json, summary.to_json(), lines)
    if args.json:
        for e in summary.errors:
            _note(_where_and_why(e))
    if summary.imported == 0 and summary.merged == 0 and summary.duplicates == 0:
        return _fail("no posting could be imported" + (f": {summary.errors[0].reason}" if summary.errors else ""))
    return EXIT_OK


def _where_and_why(issue: ImportIssue) -> str:
    """E.g. "jobs.csv [row 3]: missing title"."""
    item = f" [{issue.item}]" if issue.item else ""
    return f"{issue.path}{item}: {issue.reason}"


def jobs_list(store: Store, args: argparse.Namespace) -> int:
    postings = store.postings()
    lines = [f"{p.id:>5}  {p.title} — {p.company or '?'} ({', '.join(p.locations) or 'no location'})" for p in postings]
    _emit(args.json, [jsonview.posting(p) for p in postings], lines or ["no postings yet: matcher jobs import PATH"])
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
            _note(f"no posting with id {posting_id}")
    if not removed:
        raise Failure("nothing removed")
    ids = " ".join(str(i) for i in removed)
    _emit(args.json, {"removed": removed}, [f"removed {len(removed)} postings; undo with: matcher jobs restore {ids}"])
    return EXIT_OK


def jobs_restore(store: Store, args: argparse.Namespace) -> int:
    if not args.posting_ids:
        removed = store.removed_postings()
        lines = [f"{i:>5}  {title}  (removed {when:%Y-%m-%d %H:%M})" for i, title, when in removed]
        _emit(args.json, [{"id": i, "title": title, "removed_at": when.isoformat()} for i, title, when in removed],
              lines or ["no removed postings"])
        return EXIT_OK
    restored = store.restore_postings(args.posting_ids)
    if not restored:
        raise Failure("none of those postings is removed")
    _emit(args.json, {"restored": restored}, [f"restored {len(restored)} postings"])
    return EXIT_OK


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
    _emit(args.json, jsonview.cv_summary(cv), lines)
    if args.json:
        for warning in report.warnings if report else []:
            _note(f"warning: {warning}")
    return EXIT_OK


def cv_list(store: Store, args: argparse.Namespace) -> int:
    cvs = store.cvs()
    lines = [f"{c.id:>4}  {c.name}  ({len(c.effective_skills())} skills, from {c.source})" for c in cvs]
    _emit(args.json, [jsonview.cv_summary(c) for c in cvs], lines or ["no CV yet: matcher cv import PATH"])
    return EXIT_OK


def cv_skills(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import edit_cv_skills

    cv = _cv(store, args.cv)
    cv = edit_cv_skills(store, cv, add=args.add, remove=args.remove)
    names = [e.skill for e in cv.effective_skills()]
    _emit(args.json, jsonview.cv_summary(cv), [f"CV {cv.id}: {', '.join(names)}"])
    return EXIT_OK


def rank(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import RankingSession

    cv = _cv(store, args.cv)
    if store.count_postings() == 0:
        raise Failure("no postings to rank: import some with `matcher jobs import PATH`")
    assert cv.id is not None
    session = RankingSession(store)
    matches = session.rank(cv.id, top=args.top, progress=_stderr_progress).matches
    if args.json:  # each requirement's verdict and evidence: built only for the postings printed
        matches = session.explain(cv.id, [m.posting_id for m in matches])
    lines = [f"{m.score:5.1f}  #{m.posting_id:<5} {m.title} — {m.company or '?'}  ({m.why})" for m in matches]
    _emit(args.json, [jsonview.match(m) for m in matches], lines)
    return EXIT_OK


def shortlist_add(store: Store, args: argparse.Namespace) -> int:
    unknown = store.shortlist_add(args.posting_ids)
    for posting_id in unknown:
        _note(f"no posting with id {posting_id}")
    if len(unknown) == len(args.posting_ids):
        raise Failure("nothing added to the shortlist")
    return EXIT_OK


def shortlist_remove(store: Store, args: argparse.Namespace) -> int:
    if store.shortlist_remove(args.posting_ids) == 0:
        raise Failure("none of those postings is on the shortlist")
    return EXIT_OK


def shortlist_list(store: Store, args: argparse.Namespace) -> int:
    postings = {p.id: p for p in store.postings([e.posting_id for e in store.shortlist()])}
    entries = [e for e in store.shortlist() if e.posting_id in postings]  # a damaged posting is named, not shown
    documents = [jsonview.shortlist_entry(e, postings[e.posting_id]) for e in entries]
    lines = [f"{e.posting_id:>5}  [{e.status}] {postings[e.posting_id].title} — {postings[e.posting_id].company or '?'}" for e in entries]
    _emit(args.json, documents, lines or ["the shortlist is empty: matcher shortlist add JOB_ID"])
    return EXIT_OK


def export(store: Store, args: argparse.Namespace) -> int:
    from matcher.export import ExportOptions, write_export
    from matcher.services import RankingSession

    _check_out(args.out)  # before the ranking: a wrong path should not cost a minute of embedding
    cv = _cv(store, args.cv)
    assert cv.id is not None
    entries = {e.posting_id: e for e in store.shortlist()}
    if args.shortlist and not entries:
        raise Failure("the shortlist is empty: star postings with `matcher shortlist add JOB_ID`")
    if store.count_postings() == 0:
        raise Failure("no postings to export: import some with `matcher jobs import PATH`")
    session = RankingSession(store)
    ranked = session.rank(cv.id, progress=_stderr_progress).matches
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


def skills_add(store: Store, args: argparse.Namespace) -> int:
    store.add_user_skill(args.name.strip(), args.category)
    _note(f"added skill {args.name.strip()!r}; postings imported from now on are read with it")
    return EXIT_OK


def skills_alias(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import skill_extractor

    canonical = skill_extractor(store).taxonomy.canonical(args.skill) or args.skill.strip()
    store.add_user_alias(args.alias.strip(), canonical)
    _note(f"{args.alias.strip()!r} now means {canonical!r}")
    return EXIT_OK


def skills_find(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import skill_extractor

    found = skill_extractor(store).skills(args.text)
    _emit(args.json, found, found or ["no skill found"])
    return EXIT_OK


def backup_export(store: Store, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from matcher.store.backup import write_backup

    stats = write_backup(store, args.file)
    lines = [f"wrote {stats.postings} postings, {stats.cvs} CVs and {stats.shortlist} shortlist entries to {args.file}"]
    _emit(args.json, asdict(stats), lines)
    return EXIT_OK


def backup_import(store: Store, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from matcher.store.backup import BackupError, restore_backup

    try:
        stats = restore_backup(store, args.file)
    except BackupError as exc:
        raise Failure(str(exc)) from exc
    lines = [
        f"restored {stats.postings} postings ({stats.duplicates} already here), {stats.cvs} CVs, "
        f"{stats.shortlist} shortlist entries; {stats.kept} other items were already here and kept"
    ]
    _emit(args.json, asdict(stats), lines)
    return EXIT_OK


def settings_list(store: Store, args: argparse.Namespace) -> int:
    stored = store.settings()
    lines = [f"{key} = {json.dumps(value)}" for key, value in stored.items()]
    _emit(args.json, stored, lines or ["no stored settings: the defaults apply"])
    return EXIT_OK


def settings_reset(store: Store, args: argparse.Namespace) -> int:
    removed = store.reset_settings(args.keys)
    _note(f"reset {removed} setting{'s' if removed != 1 else ''}; the defaults apply")
    return EXIT_OK


def doctor(store: Store, args: argparse.Namespace) -> int:
    from matcher.store.doctor import examine

    report = examine(store)
    _emit(args.json, report.to_json(), report.lines())
    if not report.ok:
        return _fail(report.summary())
    return EXIT_OK


def _cv(store: Store, cv_id: int | None):  # type: ignore[no-untyped-def]
    cv = store.cv(cv_id)
    if cv is None:
        raise Failure(f"no CV with id {cv_id}" if cv_id else "no CV yet: import one with `matcher cv import PATH`")
    return cv


HANDLERS = {
    ("jobs", "import"): jobs_import,
    ("jobs", "list"): jobs_list,
    ("jobs", "remove"): jobs_remove,
    ("jobs", "restore"): jobs_restore,
    ("cv", "import"): cv_import,
    ("cv", "list"): cv_list,
    ("cv", "skills"): cv_skills,
    ("rank", None): rank,
    ("shortlist", "add"): shortlist_add,
    ("shortlist", "remove"): shortlist_remove,
    ("shortlist", "list"): shortlist_list,
    ("export", None): export,
    ("skills", "add"): skills_add,
    ("skills", "alias"): skills_alias,
    ("skills", "find"): skills_find,
    ("backup", "export"): backup_export,
    ("backup", "import"): backup_import,
    ("settings", "list"): settings_list,
    ("settings", "reset"): settings_reset,
    ("doctor", None): doctor,
}

if __name__ == "__main__":
    sys.exit(main())
