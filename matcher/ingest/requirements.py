"""A posting's requirements: one per sentence or list item of its requirement sections.

One path for every format: `extract_requirements` reads a whole description, or a block the
source marks as requirements (`start="required"` for Google's "Minimum Qualifications" column,
a board's "Key requirements: Go, Kafka" line). Required vs preferred comes from the heading
("Nice to have") or the item's own words ("… is a plus"); years from `matcher.years`.

    >>> [(r.text, r.kind, r.years) for r in extract_requirements(
    ...     "We raised a Series D. Requirements 5+ years of Go Strong SQL skills Nice to have: Kafka")]
    [('5+ years of Go', 'required', 5.0), ('Strong SQL skills', 'required', None), ('Kafka', 'preferred', None)]
"""

from __future__ import annotations

import re

from matcher.domain import Requirement, RequirementKind
from matcher.ingest.headings import SectionKind
from matcher.ingest.requirement_text import REQUIREMENT_LIKE, is_requirement_text, marked_preferred
from matcher.ingest.runin import split_run_in_items
from matcher.ingest.segments import Section, sections_of
from matcher.limits import MAX_DESCRIPTION_CHARS
from matcher.years import years_stated

# An inline list after "Key requirements:" is short entries separated by commas: at least this
# many, each at most LIST_ENTRY_MAX_WORDS words (the board's longest entry, "Experience
# launching products from 0 to 1", has 7). A sentence with commas has longer parts.
LIST_MIN_ENTRIES = 2
LIST_ENTRY_MAX_WORDS = 7
# Where a company's own paragraph starts inside the last entry of a run-on list: "…pipelines
# Vonage is a Holmdel Township, NJ-based…", "…experience Our company is a leading…".
BLURB_VERB = re.compile(r"(?:^|\s)(?:is|are|was|has|have|offers|provides|specializ\w+|headquartered|based)\b")
JOINERS = frozenset("and or y o e und oder et ou".split())  # an entry starting so ends a sentence's enumeration
REQUIREMENT_SECTIONS: frozenset[SectionKind | None] = frozenset({"required", "preferred", "mixed"})


def extract_requirements(text: str, start: SectionKind | None = None, company: str | None = None) -> list[Requirement]:
    """Requirements of `text`; with no requirement heading, its sentences that read as requirements.

    `company` (when the source names it) marks where a board's company paragraph begins.
    """
    # What is past the limit is cut from the posting anyway (matcher.limits); reading it would only
    # cost time (a 7 MB text took minutes).
    sections = sections_of(text[:MAX_DESCRIPTION_CHARS], start)
    if not any(s.kind in REQUIREMENT_SECTIONS for s in sections):
        units = [item for s in sections for unit in s.units for item in split_run_in_items(unit)]
        return [make_requirement(u, "required") for u in units if is_requirement_text(u) and REQUIREMENT_LIKE.search(u)]
    found: list[Requirement] = []
    for section in sections:
        if section.kind in REQUIREMENT_SECTIONS:
            found.extend(_section_requirements(section, company, text))
    return found


def _section_requirements(section: Section, company: str | None, context: str) -> list[Requirement]:
    kind: RequirementKind = "preferred" if section.kind == "preferred" else "required"
    units = section.units
    entries = comma_list(units[0], company, context) if section.inline and units else None
    items = entries if entries is not None else [i for unit in units for i in split_run_in_items(unit)]
    keep = [item for item in items if is_requirement_text(item)]
    if section.kind == "mixed":  # "Responsibilities and qualifications": the duties are not asked of you
        keep = [item for item in keep if REQUIREMENT_LIKE.search(item)]
    return [make_requirement(item, kind) for item in keep]


def comma_list(unit: str, company: str | None = None, context: str = "") -> list[str] | None:
    """"Java, Go, Kotlin" → its entries, or None when `unit` is a sentence, not a list.

    A list ends at the first entry where a paragraph begins, so a flattened "…, Event-driven
    pipelines Vonage is a Holmdel Township, NJ-based cloud…" gives "Event-driven pipelines".
    """
    entries: list[str] = []
    cut = False
    for part in split_top_level(unit):
        head, cut = _before_paragraph(part, company, context)
        if len(head.split()) > LIST_ENTRY_MAX_WORDS or re.search(r"[.!?]\s", head):
            break
        if head:
            entries.append(head)
        if cut:
            break
    # "Bachelor's degree in Physics, Chemistry, or a related field." is one sentence naming options.
    sentence = not cut and re.search(r"[.!?]$", unit.strip())
    if len(entries) < LIST_MIN_ENTRIES or sentence or any(e.split()[0].lower() in JOINERS for e in entries):
        return None
    return entries


def _before_paragraph(part: str, company: str | None, context: str) -> tuple[str, bool]:
    """`part` up to where a company paragraph starts in it, and whether one did.

    The paragraph's subject is the company: named by the source, else the last capitalised word
    after a lower-case one ("pipelines Vonage is"), else the longest run of capitalised words the
    posting names again elsewhere ("AWS Nord Security is…", later "Remote policy: Nord Security…").
    """
    if company and f" {company}" in f" {part}":
        return part[: f" {part}".index(f" {company}")].strip(), True
    verb = BLURB_VERB.search(part)
    if verb is None:
        return part, False
    words = part[: verb.start()].split()
    start = next((i for i in range(len(words) - 1, 0, -1) if words[i][:1].isupper() and words[i - 1][:1].islower()), 0)
    if start == 0:
        named_again = [i for i in range(1, len(words)) if context.count(" ".join(words[i:])) >= 2]
        start = named_again[0] if named_again else 0
    return " ".join(words[:start]), True


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
    return [trimmed for trimmed in map(_trimmed, parts) if trimmed]


def _trimmed(part: str) -> str:
    """A list item without the spaces, dots and semicolons around it; a dot that begins a name
    stays (".NET framework", ".js files")."""
    part = part.strip(" \t\n;").rstrip(" .;")
    while part.startswith(".") and not part[1:2].isalnum():
        part = part[1:].lstrip(" ;")
    return part


def make_requirement(text: str, kind: RequirementKind) -> Requirement:
    text = re.sub(r"^\s*(?:- |\d+[.)]\s+)", "", text).strip()
    if kind == "required" and marked_preferred(text):
        kind = "preferred"
    return Requirement(text=text, kind=kind, years=years_stated(text))
