"""What the detail pane says when it shows no posting: what the window is waiting for, or what to
do next. A newcomer should never look at an empty pane without a word of why."""

from __future__ import annotations

import html

from matcher.ui.controller import Controller

HOW_TO_START = ("<p>Use <b>Load your CV</b> on the toolbar, File ▸ Load CV…, or drop a PDF or DOCX on this "
                "window. Import postings the same way: files, folders, or File ▸ Paste a posting…</p>")


def waiting_hint(controller: Controller, shown: int) -> str:
    """HTML for the detail pane; `shown` is how many rows the table shows under the filters."""
    state = controller.state
    total = len(state.postings)
    if controller.loading:
        return ("<h3>Reading your postings and CVs…</h3><p>On the very first start matcher imports some sample "
                "postings and a sample CV, so you can see what it does before you bring your own.</p>")
    if controller.ranking_cv is not None:
        text = html.escape(controller.ranking_message(controller.ranking_cv))
        return (f"<h3>{text}</h3><p>The postings are listed meanwhile; their scores and the best match appear "
                "when the ranking is done. Click one to read it.</p>")
    if total == 0:
        return "<h3>Import job postings to begin</h3>" + HOW_TO_START
    if state.cv is None:
        return f"<h3>Load your CV to rank {total} postings</h3>" + HOW_TO_START
    if shown == 0:
        return ("<h3>No posting passes the filters</h3><p>Clear the search box or loosen a filter above the "
                "table to see the postings again.</p>")
    return "<h3>Select a posting to see why it ranks where it does</h3>"
