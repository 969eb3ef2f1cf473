"""What the detail pane says when it shows no posting: what the window is waiting for, or what to
do next. A newcomer should never look at an empty pane without a word of why."""

from __future__ import annotations

import html

HOW_TO_START = ("<p>Use <b>Load your CV</b> on the toolbar, File ▸ Load CV…, or drop a PDF, DOCX or text file on "
                "this window. Import postings the same way: files, folders, or File ▸ Paste a posting…</p>")


def waiting_hint(*, loading: bool, ranking: str | None, total: int, has_cv: bool, shown: int) -> str:
    """HTML for the detail pane. `ranking`: what the ranking in flight says it does (None when none
    runs); `total`: postings stored; `shown`: rows the table shows under the filters."""
    if loading:
        return ("<h3>Reading your postings and CVs…</h3><p>On the very first start matcher imports some sample "
                "postings and a sample CV, so you can see what it does before you bring your own.</p>")
    if ranking is not None:
        return (f"<h3>{html.escape(ranking)}</h3><p>The postings are listed meanwhile; their scores and the best "
                "match appear when the ranking is done. Click one to read it.</p>")
    if total == 0:
        return "<h3>Import job postings to begin</h3>" + HOW_TO_START
    if not has_cv:
        return f"<h3>Load your CV to rank {total} postings</h3>" + HOW_TO_START
    if shown == 0:
        return ("<h3>No posting passes the filters</h3><p>Clear the search box or loosen a filter above the "
                "table to see the postings again.</p>")
    return "<h3>Select a posting to see why it ranks where it does</h3>"
