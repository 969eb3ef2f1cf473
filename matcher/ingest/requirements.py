"""Requirement lists out of posting text: "Key requirements:" comma lists, and the bullets or
sentences under headings such as "Requirements" (required) or "Nice to have" (preferred).

Decision on inline markers: a required bullet becomes preferred only when the marker qualifies
the whole bullet — it starts with "Preferred"/"Ideally"/"Bonus"/"Nice to have", or ends with
"is a plus", "(preferred)", "is desirable", "is an advantage"... A "(preferred)" in the middle,
as in "Ruby on Rails (preferred) or comparable frameworks", picks among options and stays required.
"""

from __future__ import annotations

import re

from matcher.domain import Requirement, RequirementKind
from matcher.ingest.headings import SectionKind, heading_kind
from matcher.limits import MAX_DESCRIPTION_CHARS
from matcher.years import years_stated


# Lines that are never requirements wherever they sit.
NOT_A_REQUIREMENT = re.compile(
    r"equal opportunity|regardless of (?:race|age|gender)|sexual orientation|reasonable accommodation|"
    r"protected veteran|applicants? (?:will|are) (?:be )?considered|to apply|apply (?:now|today)", re.I)
PREFERRED_START = re.compile(r"^(?:preferred|preferably|ideally|bonus|nice[\s-]to[\s-]have|plus\b|a plus|optional)", re.I)
PREFERRED_END = re.compile(
    r"(?:is|are|would be|will be)?\s*(?:an?|considered an?)?\s*(?:plus|bonus|advantage|advantageous)[.!]?$|"
    r"\(?(?:preferred|desirable|desired|nice to have|optional)\)?[.!]?$|is (?:highly )?(?:desirable|valued)[.!]?$", re.I)
# "(Postgres preferred)" at the end picks among options: the bullet itself is still required.
TRAILING_OPTION = re.compile(r"\((?P<inner>[^()]*\s[^()]*)\)[.!]?$")
# Sentences that read as requirements when a posting has no requirement heading at all.
REQUIREMENT_LIKE = re.compile(
    r"experience (?:with|in|of|using|building)|knowledge of|proficien|familiar(?:ity)? with|understanding of|"
    r"degree in|bachelor|master'?s|\bphd\b|\bbs\b|\bba\b|\d\+? years|years of|ability to|able to|"
    r"skills? in|background in|expertise in|must have|fluent|certifi|track record|hands-on", re.I)
# Under a heading, a line shorter than this is one item even without a bullet (plain-text lists).
PROSE_LINE_CHARS = 200
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(])")


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on `separator` except inside brackets: "A (x, y), B" → ["A (x, y)", "B"]."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}" and depth > 0
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip(" .;") for part in parts if part.strip(" .;")]


def key_requirements(items: str) -> list[Requirement]:
    """"Key requirements: Java, Crypto/Web3, 3 years of experience" → one Requirement per item."""
    items = re.sub(r"^\s*key requirements\s*:\s*", "", items, flags=re.I)
    return [make_requirement(item, "required") for item in split_top_level(items)]


def make_requirement(text: str, kind: RequirementKind) -> Requirement:
    text = re.sub(r"^\s*(?:- |\d+[.)]\s+)", "", text).strip()
    if kind == "required" and _marked_preferred(text):
        kind = "preferred"
    return Requirement(text=text, kind=kind, years=years_stated(text))


def _marked_preferred(text: str) -> bool:
    option = TRAILING_OPTION.search(text)
    tail = text[: option.start()].rstrip() if option else text
    return bool(PREFERRED_START.search(text) or PREFERRED_END.search(tail))


def lines_to_requirements(text: str, kind: RequirementKind) -> list[Requirement]:
    """A block known to be requirements (a CSV "Minimum Qualifications" cell): one per line."""
    return [make_requirement(item, kind) for item in _items(text.splitlines()) if _keep(item)]


def extract_requirements(description: str) -> list[Requirement]:
    """Requirements of a clean description ("- " bullets, blank lines between paragraphs)."""
    # What is past the limit is cut from the posting anyway (matcher.limits); reading it would
    # only cost time (a 7 MB text took minutes).
    lines = [line.strip() for line in description[:MAX_DESCRIPTION_CHARS].splitlines()]
    sections: list[tuple[SectionKind, list[str]]] = []
    current: SectionKind | None = None
    bulleted = False
    for line in lines:
        if not line:
            continue
        kind = heading_kind(line)
        # An unknown short line inside a bulleted section is the next heading, not an item.
        if kind is None and current in ("required", "preferred") and bulleted and _short_title(line):
            kind = "other"
        if kind is not None:
            current, bulleted = kind, False
            sections.append((kind, []))
            inline = _after_colon(line)
            if inline:
                sections[-1][1].append(inline)
            continue
        if current in ("required", "preferred"):
            body = sections[-1][1]
            if bulleted and not line.startswith("- ") and body and _continues(body[-1], line):
                body[-1] = f"{body[-1]} {line}"  # a bullet wrapped onto the next line (PDF text)
                continue
            bulleted = bulleted or line.startswith("- ")
            body.append(line)
    found = [
        make_requirement(item, kind)
        for kind, body in sections
        if kind != "other"
        for item in _items(body)
        if _keep(item)
    ]
    if any(kind != "other" for kind, _ in sections):
        return found
    # No requirement heading: keep the bullets and sentences that read like requirements.
    return [make_requirement(item, "required") for item in _items(lines, split_prose=True)
            if _keep(item) and REQUIREMENT_LIKE.search(item)]


def _after_colon(line: str) -> str | None:
    if ":" not in line:
        return None
    rest = line.split(":", 1)[1].strip(" *_")
    return rest or None


def _continues(previous: str, line: str) -> bool:
    return previous.startswith("- ") and (line[:1].islower() or not re.search(r"[.!?;:]$", previous))


def _short_title(line: str) -> bool:
    return (not line.startswith("- ") and len(line.split()) <= 6 and not re.search(r"[.!?;,]$", line)
            and line[:1].isupper())


def _items(lines: list[str], split_prose: bool = False) -> list[str]:
    """Bullets are one item each; a long prose line (any, with split_prose) is split into sentences."""
    items: list[str] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line.startswith("- ") or (len(line) < PROSE_LINE_CHARS and not split_prose):
            items.append(line)
        else:
            items.extend(s.strip() for s in SENTENCE_END.split(line) if s.strip())
    return items


def _keep(item: str) -> bool:
    bare = item.removeprefix("- ").strip()
    return len(bare) >= 2 and not NOT_A_REQUIREMENT.search(bare)
