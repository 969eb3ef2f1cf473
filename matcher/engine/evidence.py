"""The units of a CV that can be quoted as evidence, and which of them a person would accept.

A CV is cut into sentences and list items per section. Evidence must be a sentence of the CV's
body a person would accept as proof (issue 12), so some units are never quoted: headings ("Technical
Skills") and a table's header row ("Skills Experience Total Years Last Used"), the header above the
first section (name, address, headline), objective statements ("Seeking a challenging role as…",
"Looking for a mid-senior SDE position…": they say what the person wants, not what they did), and
units with too few words to show anything (numbers are not words: "07/2007 to 03/2010"). Among
acceptable units, those that describe work (experience, projects) are preferred over a role's title
line, lists (skills) and the summary, when several name the same skill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matcher.domain import CV, Role
from matcher.engine.degrees import degree_entries
from matcher.engine.lexical import tokens
from matcher.text import cut_run_on, split_sentences

if TYPE_CHECKING:
    from matcher.engine.skills import SkillExtractor

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
# Statements run into one line: a PDF's "·"-separated items (which become "; ", see
# text.clean_text) or bullets flattened to " - " ("…with suppliers - Investigated the algorithm…"),
# not a date range ("June 2018 - Present").
ITEM_SEPARATOR = re.compile(r"; |(?<!\d) [-–] (?=[A-Z])")
# Three or more parts of this many words or more (the first may be a label: "Summary; Experienced
# in DFM procedures; Perform EVT, DVT…") are statements, each quoted alone, so a verdict quotes the
# item that shows it and not a paragraph. Fewer or shorter parts are one list, title or label whose
# words need each other: "Environment: Java; Spring; AWS", "SQL DBA/Developer - SQL Server DB - SSIS".
LIST_ITEM_MIN_PARTS = 3
LIST_ITEM_MIN_WORDS = 4  # words of two letters or more: "(2021 - 2023)" is none
_WORD = re.compile(r"[^\W\d_]{2,}")
_SPACED_WORD = re.compile(r"\S+")
# How much of a role's heading the start of a unit must hold to be that role's title line: all but
# a word or two of "Software Development Engineer I, Netflix, Los Gatos, CA, USA — 2002 – 2007".
ROLE_TITLE_COVERED = 0.8
_DATE_RANGE = (r"(?:(?:[A-Za-z]{3,9}\.?|\d{1,2}/)\s?)?\d{4}\s*[–—-]\s*(?:(?:[A-Za-z]{3,9}\.?|\d{1,2}/)\s?)?"
               r"(?:\d{4}|present|current|now|today)")
LEADING_DATE_RANGES = re.compile(rf"\s*(?:{_DATE_RANGE}\s+){{2,}}", re.I)  # two ranges or more
# Between the parts of a role's heading: "Title, Employer, City", "Title | Employer". Not a dash: titles
# hold them ("SAP Ariba - Manager", "Drafter - Engineering Technician").
_HEADING_SEPARATOR = re.compile(r"\s*[,|•·]\s*")
# A table's header row, every word of it a column label: livecareer's skills tables start with
# "Skills Experience Total Years Last Used", which a line asking for years of experience matched by
# meaning and quoted as if it were a statement.
COLUMN_LABELS = frozenset({"skill", "skills", "experience", "total", "years", "year", "yrs", "last", "used",
                           "level", "proficiency", "rating", "name", "date", "dates", "from", "to", "company",
                           "position", "title", "role", "description", "duration", "location"})
# Which cutting of a CV into units this is: a CV's stored skills quote units, so they are found
# again when it changes (`services.skills.cv_skills_version`). 2: statements run into one line;
# 3: table header rows are not quoted; 4: a role's title line is a skill's evidence only when no
# statement of its section names the skill; 5: "…using Python and R. Assisted…" is two sentences;
# 6: numbers are no words: a date range alone ("07/2007 to 03/2010") is never quoted; 7: a role's
# title line that ran into the statement after it is cut off it; 8: an education line that runs
# several degrees together is one unit per degree, and a run of date ranges a unit starts with is
# left out; 9: a role's heading shows its title's skills, not its employer's (`heading_skills`);
# 10: a line first seen where it is not quoted (the headline) is a unit again where it is; 11: in a
# skills section a line is an item, never joined to the next for its length.
UNITS_VERSION = 11


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
    role_words = _role_words(cv)
    parts = [("header", _header(cv))] + [(s.name, s.text) for s in cv.sections] if cv.sections else [("other", cv.text)]
    units: list[Unit] = []
    seen: set[str] = set()
    for section, text in parts:
        for sentence in (part for unit in split_sentences(text, max_chars=None, list_items=section in LIST_SECTIONS)
                         for item in _items(unit)
                         for cut in cut_run_on(item) for title_cut in _role_title_apart(cut, role_words)
                         for entry in (degree_entries(title_cut) if section == "education" else [title_cut])
                         for part in [_date_ranges_off(entry)]):
            key = sentence.strip().rstrip(":").lower()
            if key in seen:
                continue
            priority = PRIORITY.get(section, 2)
            words = sum(not t.isdigit() for t in tokens(sentence))  # "07/2007 to 03/2010" shows nothing
            if key in headings or OBJECTIVE.search(sentence) or words < (1 if section in LIST_SECTIONS else MIN_CONTENT_WORDS) \
                    or _column_labels(sentence):
                priority = 0
            if priority:  # the headline "ACCOUNT MANAGER" is not quoted; the first role's title under it is
                seen.add(key)
            units.append(Unit(sentence, section, priority))
    return units


def _role_title_apart(unit: str, role_words: list[set[str]]) -> list[str]:
    """A role's title line and the statement it ran into, apart: a title long enough to look cut by
    the page edge joins the next line ("2002 – 2007 Software Development Engineer I, Netflix, Los
    Gatos, CA, USA Developed and maintained the user interface…"), and the statement is the proof."""
    words = [(word.start(), set(tokens(word.group()))) for word in _SPACED_WORD.finditer(unit)]
    for heading in role_words:
        covered: set[str] = set()
        for k, (start, found) in enumerate(words):
            if not found <= heading:
                rest = unit[start:]
                if k and rest[0].isupper() and len(covered) >= ROLE_TITLE_COVERED * len(heading) \
                        and len(_WORD.findall(rest)) >= MIN_CONTENT_WORDS:
                    return [unit[:start].strip(), rest]
                break
            covered |= found
    return [unit]


def _date_ranges_off(unit: str) -> str:
    """A unit without the run of date ranges it starts with: a PDF read column by column puts an
    education block's dates first ("2009 – 2012 2007 – 2009 2003 – 2007 PhD in Computer Science,
    CalTech"), and of several ranges none can be told to be this entry's."""
    run = LEADING_DATE_RANGES.match(unit)
    return unit[run.end():] if run and len(_WORD.findall(unit[run.end():])) >= MIN_CONTENT_WORDS else unit


def heading_skills(heading: str, extractor: SkillExtractor) -> list[str]:
    """The skills a role's heading shows: its title's, not its employer's or place's. An employer
    that is also a product stands after the title as a part of its own between commas ("Software
    Development Engineer I, Facebook, Menlo Park"; "Network Engineer, Cisco, San Jose") and is no
    skill of the person; the first part, the title, is ("Product Manager, Google": Product
    management), and so is a name inside a later part."""
    cuts = list(_HEADING_SEPARATOR.finditer(heading))
    mentions = extractor.find(heading)
    whole: set[tuple[int, int]] = set()
    for start, end in zip([c.end() for c in cuts], [*(c.start() for c in cuts[1:]), len(heading)]):
        part = heading[start:end]
        whole.add((start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())))
    return list(dict.fromkeys(m.skill for m in mentions if (m.start, m.end) not in whole))


def role_skills(role: Role, extractor: SkillExtractor) -> list[str]:
    """The skills a dated role names: its heading's title (not its employer: `heading_skills`) and its
    text, whose title line ("Junior Data Analyst, Facebook, Menlo Park, USA") is a heading too."""
    heading_words = set(tokens(role.heading))
    titles: list[str] = [role.heading]
    body: list[str] = []
    for line in role.text.splitlines():
        (titles if _is_title_line(line, [heading_words]) else body).append(line)
    named = [skill for title in titles for skill in heading_skills(title, extractor)]
    return list(dict.fromkeys([*named, *extractor.skills("\n".join(body))]))


def role_lines(cv: CV, units: list[Unit]) -> set[int]:
    """The units that are a dated role's title line ("2021 – Present Machine Learning Engineer,
    OpenAI"): every word of them is in the role's heading. Such a line shows that the person held a
    role, less than a statement of what they did in it."""
    headings = _role_words(cv)
    return {i for i, u in enumerate(units) if _is_title_line(u.text, headings)}


def _is_title_line(text: str, headings: list[set[str]]) -> bool:
    """Is every word of `text` (one at least) in one of the role headings' words?"""
    words = set(tokens(text))
    return bool(words) and any(words <= heading for heading in headings)


def _role_words(cv: CV) -> list[set[str]]:
    """The words of each dated role's heading (title, employer, place, dates)."""
    return [set(tokens(r.heading)) for r in cv.roles if r.heading]


def _column_labels(unit: str) -> bool:
    """A table's header row: two words or more, each a column label ("Skills Experience Total Years Last Used")."""
    words = [w.lower() for w in _WORD.findall(unit)]
    return len(words) >= 2 and all(w in COLUMN_LABELS for w in words)


def _items(unit: str) -> list[str]:
    """The statements of a unit that runs several into one line, or the unit itself."""
    parts = [part.strip() for part in ITEM_SEPARATOR.split(unit) if part.strip()]
    if len(parts) >= LIST_ITEM_MIN_PARTS and all(len(_WORD.findall(part)) >= LIST_ITEM_MIN_WORDS for part in parts[1:]):
        return parts
    return [unit]


def headline(cv: CV, units: list[Unit]) -> list[str]:
    """What the person calls themselves: the header's short lines ("Front-End Developer") and the
    role headings of their dated roles, for comparing with a posting's title."""
    titles = [u.text for u in units if u.section == "header" and 1 <= len(u.text.split()) <= 8
              and not any(ch.isdigit() for ch in u.text) and u.text.lower() != cv.name.lower()]
    titles += [r.heading for r in cv.roles if r.heading]
    return titles[:12]
