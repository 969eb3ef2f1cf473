"""The units of a CV that can be quoted as evidence, and which of them a person would accept.

A CV is cut into sentences and list items per section. Evidence must be a sentence of the CV's
body a person would accept as proof (issue 12), so some units are never quoted: headings ("Technical
Skills"), the header above the first section (name, address, headline), objective statements
("Seeking a challenging role as…", "Looking for a mid-senior SDE position…": they say what the
person wants, not what they did), and units with too few words to show anything. Among acceptable
units, those that describe work (experience, projects) are preferred over lists (skills) and the
summary, when several name the same skill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.domain import CV
from matcher.engine.lexical import tokens
from matcher.text import split_sentences

# Section → how strongly a unit of it shows something; 0 = never quoted.
PRIORITY = {"experience": 4, "projects": 4, "certifications": 3, "education": 3, "skills": 2, "languages": 2,
            "other": 2, "summary": 1, "header": 0}
OBJECTIVE = re.compile(
    r"^(?:objective\b|career objective|seeking\b|looking for\b|i am looking|i'm looking|i am seeking|aspiring\b|"
    r"to (?:obtain|secure|find|join|leverage)\b|my goal|i want to|i would like|in search of|"
    r"a (?:challenging|rewarding) (?:role|position))|\b(?:seeking|looking for) (?:a|an) [\w -]{0,40}"
    r"(?:role|position|job|opportunit)", re.IGNORECASE)
MIN_CONTENT_WORDS = 2  # "Overall GPA" shows little; "Led a team" shows something
# In lists one word is an item: "Docker" under Skills shows Docker.
LIST_SECTIONS = frozenset({"skills", "languages", "certifications"})


@dataclass(frozen=True)
class Unit:
    text: str
    section: str  # canonical section name, or "header"
    priority: int  # PRIORITY of its section; 0 for a unit never quoted

    @property
    def quotable(self) -> bool:
        return self.priority > 0


def _header(cv: CV) -> str:
    """The CV's text before its first section heading: name, contact remnants, headline."""
    if not cv.sections:
        return ""
    first = cv.sections[0].heading
    at = cv.text.find(first) if first else -1
    return cv.text[:at] if at > 0 else ""


def cv_units(cv: CV) -> list[Unit]:
    """Every sentence or list item of the CV, in reading order, marked with its section."""
    headings = {s.heading.strip().rstrip(":").lower() for s in cv.sections}
    parts = [("header", _header(cv))] + [(s.name, s.text) for s in cv.sections] if cv.sections else [("other", cv.text)]
    units: list[Unit] = []
    seen: set[str] = set()
    for section, text in parts:
        for sentence in split_sentences(text):
            key = sentence.strip().rstrip(":").lower()
            if key in seen:
                continue
            seen.add(key)
            priority = PRIORITY.get(section, 2)
            words = len(tokens(sentence))
            if key in headings or OBJECTIVE.search(sentence) or words < (1 if section in LIST_SECTIONS else MIN_CONTENT_WORDS):
                priority = 0
            units.append(Unit(sentence, section, priority))
    return units


def headline(cv: CV, units: list[Unit]) -> list[str]:
    """What the person calls themselves: the header's short lines ("Front-End Developer") and the
    role headings of their dated roles, for comparing with a posting's title."""
    titles = [u.text for u in units if u.section == "header" and 1 <= len(u.text.split()) <= 8
              and not any(ch.isdigit() for ch in u.text) and u.text.lower() != cv.name.lower()]
    titles += [r.heading for r in cv.roles if r.heading]
    return titles[:12]
