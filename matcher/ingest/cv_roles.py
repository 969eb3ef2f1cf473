"""A CV's experience section → dated roles, and years of experience as the union of their spans.

Layouts put a job's dates in different places: on a line under its title ("Senior Engineer, Acme" /
"Mar 2019 - Present"), before it ("2019 – Present" in a margin or a table's label cell, read in
front of the title), right-aligned on the title line, or leading the employer's line under the
title ("Accountant" / "January 2011 to November 2015 Company Name : City , State"; dates inside a
statement are then no role's). Whichever it is, a role is the title lines and what follows them up
to the next role's title, with the date text taken out, so every layout of one CV gives the same
roles:

    Senior Data Engineer, Allegro          →  Role(heading="Senior Data Engineer, Allegro — Mar 2019 - Present",
    Mar 2019 - Present                             start=2019-03-01, end=None, current=True,
    - Built Airflow pipelines.                     text="Senior Data Engineer, Allegro\\n- Built Airflow pipelines.")
"""

from __future__ import annotations

import re
from datetime import date

from matcher.domain import Role
from matcher.ingest.cv_dates import RANGE, DateRange, find_ranges, is_date_text, merged_years, span_years
from matcher.years import years_of_experience

# A title line is short and is not a sentence or a bullet: "Data Engineer, Comarch", "Allegro".
TITLE_MAX_WORDS = 10
# Title lines a role may have beside its dates: the job, and the employer on a line of its own.
MAX_TITLE_LINES = 2
# A date range in a line of this many words or more that ends with a full stop is a statement's.
SENTENCE_MIN_WORDS = 6
_BULLET = re.compile(r"^\s*(?:[-–•*·]|\d+[.)])\s")


def _is_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not _BULLET.match(line) and not line.rstrip().endswith(
        (".", ";", ":", ","))


def _without(line: str, written: str) -> str:
    """`line` with the range text taken out: what is left is its title (or nothing). A range broken
    over lines ("Mar 2019 –" / "Present") is taken out piece by piece, from the line's ends."""
    flat = " ".join(line.split())
    whole = re.compile(r"\s*".join(re.escape(part) for part in written.split()), re.IGNORECASE)
    if whole.search(flat):
        flat = whole.sub(" ", flat, count=1)
    else:
        words = flat.split()
        while words and is_date_text(words[-1]):
            words.pop()
        while words and is_date_text(words[0]):
            words.pop(0)
        flat = " ".join(words)
    return " ".join(flat.strip(" –—-|,·").split())


def _in_sentence(lines: list[str], span: DateRange) -> bool:
    """Dates a statement mentions ("Helped facilitate roll of purchasing manager during turnover
    period from September 2013 - December 2013.")."""
    rest = " ".join(_without(lines[i], span.written) for i in range(span.first_line, span.last_line + 1)).split()
    return len(rest) >= SENTENCE_MIN_WORDS and rest[-1].endswith(".")


def _date_only(lines: list[str], span: DateRange) -> bool:
    return not any(_without(lines[i], span.written) for i in range(span.first_line, span.last_line + 1))


def _title_lines(lines: list[str], span: DateRange, floor: int, dates_first: bool,
                 title_above: bool) -> tuple[int, int]:
    """[first, last] line numbers of the role's title, its date lines included."""
    first, last = span.first_line, span.last_line
    if title_above:
        return first - 1, last
    if not _date_only(lines, span):
        return first, last  # the title shares a line with the dates
    if dates_first:
        while (last + 1 < len(lines) and last - span.last_line < MAX_TITLE_LINES and _is_title(lines[last + 1])
               and not RANGE.search(lines[last + 1])):
            last += 1
    else:
        while first - 1 >= floor and span.first_line - first < MAX_TITLE_LINES and _is_title(lines[first - 1]):
            first -= 1
    return first, last


def _title_above(lines: list[str], spans: list[DateRange]) -> bool:
    """True when this CV writes each job's title on a line of its own above a line that starts with
    the dates and goes on with the employer ("Accountant" / "January 2011 to November 2015 Company
    Name : City , State"): every role's dates lead such a line, with a title line just above them."""
    floor = 0
    for span in spans:
        line = " ".join(lines[span.first_line].split()).lower()
        if (_date_only(lines, span) or not line.startswith(" ".join(span.written.split()).lower())
                or span.first_line - 1 < floor or not _is_title(lines[span.first_line - 1])
                or RANGE.search(lines[span.first_line - 1])):
            return False
        floor = span.last_line + 1
    return True


def _dates_first(lines: list[str], spans: list[DateRange]) -> bool:
    """True when this CV writes a job's dates above its title: the first dates on a line of their own
    open the section or follow a line that is no title."""
    for span in spans:
        if _date_only(lines, span):
            return span.first_line == 0 or not _is_title(lines[span.first_line - 1])
    return False


def find_roles(text: str, as_of: date) -> list[Role]:
    """The dated roles of `text` (an experience section), in the order the CV lists them."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    spans = find_ranges(lines, as_of)
    spans = [s for i, s in enumerate(spans) if i == 0 or s.first_line > spans[i - 1].last_line]  # one per line
    if not spans:
        return []
    # Titles above their dates: the dates a statement mentions are then no role's (other layouts
    # may write a role as a statement: "Worked as a Law Teacher from 2019 to 2021.").
    listed = [s for s in spans if not _in_sentence(lines, s)]
    title_above = bool(listed) and _title_above(lines, listed)
    spans = listed if title_above else spans
    dates_first = _dates_first(lines, spans)
    heads: list[tuple[int, int]] = []
    for span in spans:
        floor = heads[-1][1] + 1 if heads else 0
        heads.append(_title_lines(lines, span, floor, dates_first, title_above))
    roles: list[Role] = []
    for number, (span, (first, last)) in enumerate(zip(spans, heads)):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        block = [_without(line, span.written) if span.first_line <= i <= span.last_line else line
                 for i, line in enumerate(lines[first:end], start=first)]
        title = ", ".join(line for line in block[:last - first + 1] if line)
        roles.append(Role(heading=f"{title} — {span.written}" if title else span.written, start=span.start,
                          end=span.end, current=span.end is None, text="\n".join(line for line in block if line)))
    return roles


def role_years(roles: list[Role], as_of: date) -> float:
    """Years covered by `roles`, overlapping spans counted once, running ones up to `as_of`'s month."""
    return round(merged_years([span_years(r.start, r.end, as_of) for r in roles if r.start]), 1)


def experience_years(roles: list[Role], as_of: date, text: str) -> float | None:
    """The years of the roles; without dated roles, the figure `text` states ("over 7 years of
    experience", read by matcher.years); None when neither says."""
    return role_years(roles, as_of) if roles else years_of_experience(text)
