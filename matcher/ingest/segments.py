"""Posting text → sections of units: one segmentation path for every format, with or without
line breaks.

A unit is one sentence or one list item. Sections open at headings, whether a heading stands on
its own line ("Requirements"), ends in a colon with its content after it ("Requisitos: Inglés"),
or runs into flattened text ("…Series D. Requirements 7+ years…").

    >>> [(s.kind, s.units) for s in sections_of("We build maps. Requirements 3+ years of Go. Benefits Equity")]
    [(None, ['We build maps.']), ('required', ['3+ years of Go.']), ('other', ['Equity'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matcher.ingest.headings import SectionKind, heading_kind, kind_of_heading
from matcher.ingest.runin import Piece, run_in_pieces
from matcher.text import clean_text, split_sentences

# A bare line this short, after a list, is the next heading even when no keyword names it
# ("Interview Process" after the requirement bullets).
UNKNOWN_HEADING_MAX_WORDS = 6
# A question this short is a heading ("Why work with us?"); a longer one is prose that asks the reader.
QUESTION_HEADING_MAX_WORDS = 6


@dataclass
class Section:
    kind: SectionKind | None  # None: the text before any heading
    units: list[str] = field(default_factory=list)
    inline: bool = False  # its heading ended with ":" and units[0] followed it on the same line


def sections_of(text: str, start: SectionKind | None = None) -> list[Section]:
    """The sections of `text` in order; `start` is the kind of the text before any heading (a CSV
    column "Minimum Qualifications" is all requirements)."""
    sections = [Section(start)]
    listed = False  # the current section holds "- " items
    for line in _logical_lines(clean_text(text)):
        bullet = line.startswith("- ")
        kind = None if bullet else heading_kind(line)
        if kind is not None and not _has_content_after_colon(line):
            sections.append(Section(kind))
            listed = False
            continue
        if (not bullet and listed and sections[-1].kind in ("required", "preferred", "mixed")
                and _unknown_heading(line)):
            sections.append(Section("other"))
            listed = False
            continue
        listed = listed or bullet
        pieces = run_in_pieces(line[2:] if bullet else line)
        if kind is not None and pieces and pieces[0].kind is None:
            # "Tech we use: Python, Go": a heading no table names, its content after the colon.
            head, content = line.split(":", 1)
            pieces = [Piece(head, kind, colon=True), *run_in_pieces(content.strip())]
        for piece in pieces:
            if piece.kind is not None:
                sections.append(Section(piece.kind, inline=piece.colon))
                continue
            # No length cut here: a flattened list is one long "sentence" that run-in items cut later.
            for unit in split_sentences(piece.text, page_wrapped=False, max_chars=None):
                question = unit.endswith("?") and len(unit.split()) <= QUESTION_HEADING_MAX_WORDS
                if question:  # "Why work with Greenback?" heads what follows, like a colon would
                    sections.append(Section(kind_of_heading(unit.rstrip("?"))))
                else:
                    sections[-1].units.append(unit)
    return [s for s in sections if s.units or s.kind is not None]


def _logical_lines(text: str) -> list[str]:
    """Non-empty lines; a "- " item wrapped onto a line starting in lower case is joined back."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if lines and lines[-1].startswith("- ") and line[:1].islower() and not re.search(r"[.!?;:]$", lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
            continue
        lines.append(line)
    return lines


def _has_content_after_colon(line: str) -> bool:
    return ":" in line and bool(line.split(":", 1)[1].strip(" *_"))


def _unknown_heading(line: str) -> bool:
    return (len(line.split()) <= UNKNOWN_HEADING_MAX_WORDS and not re.search(r"[.!?;,:]$", line)
            and line[:1].isupper() and not re.search(r"\d", line))
