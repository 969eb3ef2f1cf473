"""Degrees: the level a requirement line asks for ("BA/BS degree or equivalent practical experience",
"Master's degree in Statistics") and the highest one a CV shows, so a degree line is judged on the
degree. Judged on meaning, "BA/BS degree" came closest to a skills table's header row and was partly
met by it, while the CV's "Bachelor of Science : Information Systems" went unquoted.

Levels: 0 associate, 1 bachelor, 2 master, 3 doctorate. English, and the common Spanish, French,
German and Portuguese names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

ASSOCIATE, BACHELOR, MASTER, DOCTORATE = 0, 1, 2, 3
LEVEL_NAMES = ("an associate degree", "a bachelor's degree", "a master's degree", "a doctorate")
# "or equivalent practical experience": years of work count as the degree. A bachelor's takes about
# four years; a CV with that many years of experience has the equivalent the line accepts.
EQUIVALENT_YEARS = 4.0

# Names that are a degree wherever they stand ("MBA", "Bachelor of Science", "Ph.D.", "B.Sc."), not
# "Scrum Master" or "master data".
_LEVEL_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (DOCTORATE, re.compile(r"\b(?:ph\.? ?d|d\.phil|doctorate|doctoral|doctorado|doutorado|doctorat)(?!\w)", re.I)),
    (MASTER, re.compile(r"\b(?:master(?:'s|s|’s| of| degree| in)|mba|m\.sc|msc|m\.eng|m\.tech|máster|maestría|"
                        r"maestria|mestrado|diplom|(?:post)?graduate degree|postgraduate|advanced degree|"
                        r"juris doctor)(?!\w)", re.I)),
    (BACHELOR, re.compile(r"\b(?:bachelor(?:'s|s|’s)?|undergraduate degree|b\.sc|bsc|b\.eng|b\.tech|btech|"
                          r"licenciatura|bacharelado)(?!\w)", re.I)),
    # "Associate of Science", as livecareer CVs write it "Associates , Applied Science Electronics" and
    # "Associate : Accounting" (not "Sales Associate", "Associate Producer , 10/2000").
    (ASSOCIATE, re.compile(r"\bassociate(?:s|'s|’s)?(?: degree\b| of\b| in (?:applied|arts|science|general)\b|"
                           r" ?: ?\w| ?, ?(?:applied|arts|science)\b)", re.I)),
)
# Capitals that are degrees only where a degree is meant: "BA/BS", "BS or MS", "MS in Statistics",
# "B.S. degree" (not "MS Office", "BA" for a business analyst, "Boston, MA or remote").
_THEN_DEGREE = r"(?=\s*(?:/|degree\b|in\b|or (?:[BM]\.?[SA]\b|Ph\.?D|JD\b|master|bachelor)))"
_SHORT: tuple[tuple[int, re.Pattern[str]], ...] = (
    # A law degree (JD) and a master's in taxation (MST) stand at a master's: "MST or JD degree in taxation".
    (MASTER, re.compile(rf"(?:\b|(?<=/))(?:MS|MA|M\.S\.?|M\.A\.?|MST|JD|J\.D\.?){_THEN_DEGREE}|(?<=/)(?:MS|MA)\b")),
    (BACHELOR, re.compile(rf"(?:\b|(?<=/))(?:BS|BA|BSc|B\.S\.?|B\.A\.?|B\.E\.?){_THEN_DEGREE}|(?<=/)(?:BS|BA)\b")),
)
# Studies under way now: "Pursuing an MBA", "PhD candidate", "B.S., expected May 2025".
_UNDER_WAY_WORDS = r"pursuing|in progress|candidate|expected|currently enrolled|enrolled in|working on|ongoing"
_UNDER_WAY = re.compile(rf"\b(?:{_UNDER_WAY_WORDS})\b", re.I)
# A degree not (yet) held: those, and studies left off ("78 semester hours toward Bachelors degree",
# "incomplete").
_UNFINISHED = re.compile(rf"\b(?:{_UNDER_WAY_WORDS}|towards?|incomplete|not completed)\b", re.I)
# A line that asks to be a student now, as Google's internships do (../shared/data/dev, 180 lines):
# "Currently enrolled in a Bachelor's or Master's degree program", "Must be pursuing a full-time MBA
# program", "Be currently enrolled in any major at a university in Mexico", "returning to the program
# after completion of the internship". A degree finished years ago does not meet it.
_ENROLMENT = re.compile(r"\b(?:currently (?:enrolled|pursuing|attending|studying)|enrolled in|enrolled at|"
                        r"student status|returning to (?:the|your) (?:program|studies|degree|school|university)|"
                        r"pursuing an? (?:full[- ]time |part[- ]time )?(?:[\w’']+ )?(?:degree|program|programme|"
                        r"mba|bachelor|master|ph\.? ?d|ba|bs|ms|ma)\b)", re.I)
_STUDY_PLACE = re.compile(r"\b(?:university|college|school|program|programme|major)\b", re.I)
_DEGREE_WORD = re.compile(r"\b(?:degree|diploma|graduate|titulación|título|abschluss|studium)\b", re.I)
_EQUIVALENT = re.compile(r"\bequivalent (?:practical |work |professional |industry |relevant |combination )?"
                         r"(?:experience|of education and experience)|\bor equivalent\b", re.I)


def degree_entries(text: str) -> list[str]:
    """An education line that runs several degrees together, one entry per degree: a layout with a
    word per line joins them ("Master of Arts : Mass Communication , May 2003 Southern University
    Bachelor of Arts : Mass Communication , December 2001 Southern University"). A later degree name
    starts a new entry when it is capitalised and not in brackets ("Master of Business Administration
    (MBA)" is one)."""
    starts = sorted({m.start() for _, pattern in (*_LEVEL_WORDS, *_SHORT) for m in pattern.finditer(text)})
    cuts = [at for at in starts if text[at].isupper() and _levels(text[:at])
            and not text[:at].rstrip().endswith(("(", "/", ",", "&", "and", "or"))]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _levels(text: str) -> list[int]:
    found = [level for level, pattern in _LEVEL_WORDS if pattern.search(text)]
    found += [level for level, pattern in _SHORT if pattern.search(text)]
    return found


class DegreeAsked(NamedTuple):
    level: int  # the lowest level the line accepts: "BS/MS" accepts a bachelor's
    equivalent: bool  # equivalent experience will do instead
    highest_named: int  # the highest level the line names: "Master's or PhD" names a doctorate
    enrolled: bool = False  # the line asks to be studying for it now ("Currently enrolled in…")


def degree_asked(text: str) -> DegreeAsked | None:
    """The degree a requirement line asks for; None when it asks for none. "A degree in Computer
    Science" is a bachelor's; "Currently enrolled in any major at a university", studies toward one."""
    levels = _levels(text)
    enrolled = bool(_ENROLMENT.search(text))
    if not levels:
        if enrolled and _STUDY_PLACE.search(text):
            levels = [BACHELOR]
        elif not _DEGREE_WORD.search(text) or re.search(r"\bdegree(?:s)? (?:of|to which)\b", text, re.I):
            return None  # "a high degree of autonomy" asks for no degree
        else:
            levels = [BACHELOR]
    return DegreeAsked(min(levels), bool(_EQUIVALENT.search(text)) and not enrolled, max(levels), enrolled)


def degrees_shown(units: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """(level, index) of every unit that names a degree, among (text, section) units: lowest level
    first, and within a level those of the education section first, then in reading order (an MBA
    and an MS in Computer Science are two degrees of one level, each quoted where it fits). A degree
    the unit says is not finished does not count."""
    shown = [(max(levels), int(section != "education"), i) for i, (text, section) in enumerate(units)
             if (levels := _levels(text)) and not _UNFINISHED.search(text)]
    return [(level, i) for level, _, i in sorted(shown)]


def degrees_under_way(units: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """(level, index) of every unit naming a degree the CV says is being studied for now ("B.S.,
    expected May 2025", "Pursuing an MBA"), lowest level first, then in reading order."""
    return sorted((max(levels), i) for i, (text, _) in enumerate(units)
                  if (levels := _levels(text)) and _UNDER_WAY.search(text))


def highest_degree(units: Sequence[tuple[str, str]]) -> tuple[int, int] | None:
    """(level, index) of the unit naming the CV's highest degree (see `degrees_shown`)."""
    return highest(degrees_shown(units))


def highest(shown: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Of `degrees_shown`, the first unit of the highest level."""
    return max(shown, key=lambda degree: degree[0]) if shown else None
