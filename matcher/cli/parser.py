"""The command line's grammar: every command, its arguments and their checks."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from matcher.store import DB_ENV, default_db_path


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
