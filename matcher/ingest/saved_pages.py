"""A "Webpage, complete" save is `Job.html` plus a `Job_files/` folder of the page's scripts,
styles and images (Chrome, Edge and Firefox all name it so). Importing the folder that holds
both imports the page once: the assets folder is not a source of postings, and reading each
asset would only give the user one "not a job posting file" line per image."""

from __future__ import annotations

from pathlib import Path

ASSETS_SUFFIX = "_files"
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def is_page_assets(folder: Path) -> bool:
    """True for `Job_files/` when `Job.html` (or .htm…) sits beside it."""
    if not folder.name.endswith(ASSETS_SUFFIX) or len(folder.name) == len(ASSETS_SUFFIX):
        return False
    stem = folder.name[: -len(ASSETS_SUFFIX)]
    return any((folder.parent / f"{stem}{suffix}").is_file() for suffix in PAGE_SUFFIXES)


def inside_page_assets(path: Path, root: Path) -> bool:
    """Whether `path`, found under `root`, lies in the assets folder of a saved page."""
    folder = path.parent
    while folder != root and root in folder.parents:
        if is_page_assets(folder):
            return True
        folder = folder.parent
    return False
