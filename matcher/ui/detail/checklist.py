"""A posting's requirements as a checklist in HTML: the mark, the line, and under it the CV sentence
that shows it (or what shows it, or which skills are missing). HTML wraps at any pane width, so
nothing is cut to "…" however narrow the pane is dragged."""

from __future__ import annotations

import html

from matcher.domain import Posting, RequirementMatch
from matcher.engine.explain import evidence_words

MARKS = {"met": ("✓", "#2e9d4f"), "partial": ("~", "#d9a21b"), "missing": ("✗", "#c8553d")}
STATUS_WORDS = {"met": "met", "partial": "partly met", "missing": "missing"}
NO_REQUIREMENTS = "The posting lists no requirements we could read."


def requirement_text(r: RequirementMatch) -> str:
    """One requirement as plain text, e.g. "✓ 5+ years of Python — Your CV: “…”"."""
    parts = [f"{MARKS[r.status][0]} {r.text}" + (" (nice to have)" if r.kind == "preferred" else "")]
    if line := evidence_words(r):
        parts.append(line)
    if r.missing_skills:
        parts.append("Missing: " + ", ".join(r.missing_skills))
    return " — ".join(parts)


def checklist_html(requirements: list[RequirementMatch]) -> str:
    if not requirements:
        return f"<p>{NO_REQUIREMENTS}</p>"
    rows = []
    for r in requirements:
        mark, colour = MARKS[r.status]
        kind = " <span style='color:gray'>(nice to have)</span>" if r.kind == "preferred" else ""
        notes = [f"<i>{html.escape(line)}</i>" for line in [evidence_words(r)] if line]
        if r.missing_skills:
            notes.append("Missing: " + html.escape(", ".join(r.missing_skills)))
        under = "".join(f"<br><span style='color:gray'>{n}</span>" for n in notes)
        rows.append(f"<tr><td width='22' valign='top' style='color:{colour}; font-weight:bold' "
                    f"title='{STATUS_WORDS[r.status]}'>{mark}</td>"
                    f"<td valign='top'>{html.escape(r.text)}{kind}{under}</td></tr>")
    return "<table cellspacing='0' cellpadding='2' width='100%'>" + "".join(rows) + "</table>"


def unchecked_html(posting: Posting, note: str) -> str:
    """The requirements before they are judged (not ranked yet, or being explained)."""
    items = "".join(f"<li>{html.escape(r.text)}</li>" for r in posting.requirements)
    return f"<p><i>{html.escape(note)}</i></p>" + (f"<ul>{items}</ul>" if items else f"<p>{NO_REQUIREMENTS}</p>")
