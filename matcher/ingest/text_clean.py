"""Text clean-up shared by every job format: HTML → plain text that keeps paragraphs and
bullets, mojibake repair, and whitespace normalisation."""

from __future__ import annotations

import re

import ftfy
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

# Never part of a posting's text, and never followed: scripts could only be adverts or trackers.
DROPPED_TAGS = ("script", "style", "iframe", "noscript", "template", "svg", "object", "embed", "head", "form")
# Tags that start a new paragraph when turned into text.
BLOCK_TAGS = frozenset(
    "p div section article header footer main aside h1 h2 h3 h4 h5 h6 table tr ul ol dl dt dd "
    "blockquote pre details summary figure address hr".split()
)
# A bullet as written in plain text: "•", "-", "*", "–", "▪", "o " ... at the start of a line.
BULLET_PREFIX = re.compile(r"^\s*(?:[-*•·▪◦●○■□►▶➤✓✔–—]|o(?=\s))\s+")
# More than one blank line carries no meaning.
BLANK_RUNS = re.compile(r"\n{3,}")
# "Weâre": the UTF-8 bytes of ’ read as cp1252 are "â€™", and some exporters then drop the
# two unprintable ones, leaving only "â". ftfy cannot undo a lossy step, so repair the
# contraction case alone (French "âge", "pâte" never match: â is not followed by an ending).
LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u00e2(?=(?:s|re|ll|t|ve|d|m)\b)")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&|>~])")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_HTML_HINT = re.compile(r"<(?:p|div|br|ul|ol|li|span|strong|b|h[1-6]|table|a)\b[^>]*>", re.I)


def fix_text(text: str) -> str:
    """Repair mojibake ("Weâre" → "We're") and odd characters; keep curly quotes out."""
    if text.isascii():  # nothing to repair, and ftfy is the slow part of a big import
        return text
    fixed = ftfy.fix_text(text, uncurl_quotes=True, normalization="NFC")
    return LOST_APOSTROPHE.sub("'", fixed)


def normalise_whitespace(text: str) -> str:
    """Trim each line, collapse inner runs of spaces, and keep at most one blank line."""
    lines = [re.sub(r"[ \t\u00a0\u200b\u2009\u202f]+", " ", line).strip() for line in text.splitlines()]
    return BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def looks_like_html(text: str) -> bool:
    """True when a description holds markup (CSV/JSON exports often do)."""
    return len(_HTML_HINT.findall(text[:20000])) >= 2 or bool(re.search(r"<(?:p|li|br)\s*/?>", text[:20000], re.I))


def html_to_text(html: str | Tag) -> str:
    """Paragraphs separated by a blank line, list items as "- item", headings on their own line."""
    root = BeautifulSoup(html, "lxml") if isinstance(html, str) else html
    for tag in root.find_all(DROPPED_TAGS):
        tag.decompose()
    parts: list[str] = []
    _walk(root, parts)
    return clean_text("".join(parts))


def clean_text(text: str) -> str:
    """Plain text (or text from HTML) → repaired text with "- " bullets and tidy spacing."""
    text = fix_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [BULLET_PREFIX.sub("- ", line) for line in text.split("\n")]
    return _join_bullets(normalise_whitespace("\n".join(lines)))


def markdown_to_text(text: str) -> str:
    """Markdown (JobSpy writes descriptions so) → the same plain shape as HTML gives."""
    text = MD_ESCAPE.sub(r"\1", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_HEADING.sub("", text)
    text = MD_EMPHASIS.sub(r"\2", text)
    return clean_text(text)


def _join_bullets(text: str) -> str:
    """Drop the blank line between two list items: HTML <li>s come out one per line."""
    lines = text.split("\n")
    kept = [
        line
        for i, line in enumerate(lines)
        if line or not (0 < i < len(lines) - 1 and lines[i - 1].startswith("- ") and lines[i + 1].startswith("- "))
    ]
    return "\n".join(kept)


def _walk(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                continue
            # Source newlines inside HTML are layout, not meaning.
            out.append(re.sub(r"\s+", " ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name or ""
        if name == "br":
            out.append("\n")
        elif name == "li":
            # Ashby and Lever wrap an item's text in <p>: the item still starts on its bullet's line.
            item: list[str] = []
            _walk(child, item)
            out.append("\n- " + "".join(item).strip() + "\n")
        elif name in ("td", "th"):
            _walk(child, out)
            out.append(" ")
        elif name in BLOCK_TAGS:
            out.append("\n\n")
            _walk(child, out)
            out.append("\n\n")
        else:
            _walk(child, out)
