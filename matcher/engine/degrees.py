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
                        r"maestria|mestrado|diplom|(?:post)?graduate degree|postgraduate)(?!\w)", re.I)),
    (BACHELOR, re.compile(r"\b(?:bachelor(?:'s|s|’s)?|undergraduate degree|b\.sc|bsc|b\.eng|b\.tech|btech|"
                          r"licenciatura|bacharelado)(?!\w)", re.I)),
    (ASSOCIATE, re.compile(r"\bassociate(?:'s|’s)? (?:degree|of)\b", re.I)),
)
# Capitals that are degrees only where a degree is meant: "BA/BS", "BS or MS", "MS in Statistics",
# "B.S. degree" (not "MS Office", "BA" for a business analyst, "Boston, MA or remote").
_THEN_DEGREE = r"(?=\s*(?:/|degree\b|in\b|or (?:[BM]\.?[SA]\b|Ph\.?D|master|bachelor)))"
_SHORT: tuple[tuple[int, re.Pattern[str]], ...] = (
    (MASTER, re.compile(rf"(?:\b|(?<=/))(?:MS|MA|M\.S\.?|M\.A\.?){_THEN_DEGREE}|(?<=/)(?:MS|MA)\b")),
    (BACHELOR, re.compile(rf"(?:\b|(?<=/))(?:BS|BA|BSc|B\.S\.?|B\.A\.?|B\.E\.?){_THEN_DEGREE}|(?<=/)(?:BS|BA)\b")),
)
# A degree not (yet) held: "78 semester hours toward Bachelors degree", "Pursuing an MBA", "PhD
# candidate", "B.S., expected May 2025".
_UNFINISHED = re.compile(r"\b(?:towards?|pursuing|in progress|candidate|expected|currently enrolled|enrolled in|"
                         r"working on|incomplete|not completed|ongoing)\b", re.I)
_DEGREE_WORD = re.compile(r"\b(?:degree|diploma|graduate|titulación|título|abschluss|studium)\b", re.I)
_EQUIVALENT = re.compile(r"\bequivalent (?:practical |work |professional |industry |relevant |combination )?"
                         r"(?:experience|of education and experience)|\bor equivalent\b", re.I)


def _levels(text: str) -> list[int]:
    found = [level for level, pattern in _LEVEL_WORDS if pattern.search(text)]
    found += [level for level, pattern in _SHORT if pattern.search(text)]
    return found


def degree_asked(text: str) -> tuple[int, bool] | None:
    """The lowest degree level a requirement line accepts, and whether it takes equivalent
    experience instead; None when it asks for no degree. "A degree in Computer Science" is a
    bachelor's; "BS/MS" accepts a bachelor's."""
    levels = _levels(text)
    if not levels:
        if not _DEGREE_WORD.search(text) or re.search(r"\bdegree(?:s)? (?:of|to which)\b", text, re.I):
            return None  # "a high degree of autonomy" asks for no degree
        levels = [BACHELOR]
    return min(levels), bool(_EQUIVALENT.search(text))


def degrees_shown(units: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """(level, index) of each degree level the CV names, lowest first, among (text, section) units:
    for each level the unit that names it, one of the education section first when several do. A
    degree the unit says is not finished does not count."""
    best: dict[int, tuple[int, int]] = {}  # level → (from education, -index)
    for i, (text, section) in enumerate(units):
        levels = _levels(text)
        if not levels or _UNFINISHED.search(text):
            continue
        key = (int(section == "education"), -i)
        level = max(levels)
        if level not in best or key > best[level]:
            best[level] = key
    return [(level, -key[1]) for level, key in sorted(best.items())]


def highest_degree(units: Sequence[tuple[str, str]]) -> tuple[int, int] | None:
    """(level, index) of the unit naming the CV's highest degree (see `degrees_shown`)."""
    shown = degrees_shown(units)
    return shown[-1] if shown else None
