"""The `matcher` command line: the contract other tools and checks call exactly as written.

Exit status: 0 success (also a partial import, whose errors are listed), 1 nothing could be done
(reason on stderr), 2 usage error. With --json, stdout holds exactly one JSON document; progress
and messages go to stderr.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence

from matcher.cli.cvs import cv_import, cv_list, cv_skills
from matcher.cli.output import EXIT_NOTHING_DONE, EXIT_OK, EXIT_USAGE, Failure, fail, note
from matcher.cli.parser import build_parser
from matcher.cli.postings import jobs_import, jobs_list, jobs_remove, jobs_restore
from matcher.cli.ranking import export, rank
from matcher.cli.shortlist import shortlist_add, shortlist_list, shortlist_remove
from matcher.cli.upkeep import (backup_export, backup_import, doctor, settings_list, settings_reset, skills_add,
                                skills_alias, skills_find)
from matcher.model_libraries import missing_library_hint
from matcher.safe_text import file_name
from matcher.store import Store, StoreError, default_db_path

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
        return fail(str(exc))
    if store.created_folder is not None:
        note(f"created the folder {file_name(store.created_folder)} for a new database")
    try:
        if store.read_only and command in WRITING:
            raise store.why_read_only()
        return HANDLERS[command](store, args)
    except (Failure, StoreError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted; everything imported before this point is kept")
    except BrokenPipeError:  # the reader stopped reading (`matcher jobs list | head`): nothing was wrong
        _quiet_stdout()
        return EXIT_OK
    except ModuleNotFoundError as exc:  # an install without PyTorch: say how to get it
        return fail(missing_library_hint(exc) or _unexpected(exc))
    except MemoryError:
        return fail("out of memory; nothing more was changed")
    except Exception as exc:
        return fail(_unexpected(exc))
    finally:
        for damage in store.damaged.values():
            note(f"{damage.describe()} and was left out; `matcher doctor` says more")
        for notice in dict.fromkeys(store.notices):
            note(notice)
        store.close()


def run() -> None:
    """`matcher` as a process (the console script and `python -m matcher`): `main`, then an exit that
    skips the interpreter's teardown. Freeing a ranking's objects one by one as the interpreter shut
    down took 0.1-0.15 s of a 1 s `rank --json`; by then the database is closed and the output is
    flushed here, so nothing is lost. The window exits the usual way: Qt writes its settings as it
    tears down."""
    code = main()
    if build_parser().parse_args().command == "gui":
        sys.exit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader went away; what it read is all it wanted
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null, so the exit's flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


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

__all__ = ["EXIT_NOTHING_DONE", "EXIT_OK", "EXIT_USAGE", "build_parser", "main", "run"]
