"""Posting formats to plain text: HTML and Markdown → text that keeps paragraphs and bullets,
then the one normaliser every text goes through (`matcher.text.clean_text`)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from matcher.text import clean_text


# Never part of a posting's text, and never followed: scripts could only be adverts or trackers.
DROPPED_TAGS = ("script", "style", "iframe", "noscript", "template", "svg", "object", "embed", "head", "form")
# Tags that start a new paragraph when turned into text.
BLOCK_TAGS = frozenset(
    "p div section article header footer main aside h1 h2 h3 h4 h5 h6 table tr ul ol dl dt dd "
    "blockquote pre details summary figure address hr".split()
)
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&|>~])")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_HTML_HINT = re.compile(r"<(?:p|div|br|ul|ol|li|span|strong|b|h[1-6]|table|a)\b[^>]*>", re.I)


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


def markdown_to_text(text: str) -> str:
    """Markdown (JobSpy writes descriptions so) → the same plain shape as HTML gives."""
    text = MD_ESCAPE.sub(r"\1", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_HEADING.sub("", text)
    text = MD_EMPHASIS.sub(r"\2", text)
    return clean_text(text)


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
