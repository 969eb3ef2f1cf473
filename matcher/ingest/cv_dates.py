"""The date ranges a CV lists, and years of experience from them with overlaps counted once.

"Feb. 2021 – July 2023" is Feb 2021 to the end of July 2023 (2.5 years); "2015–2017" is the start of
2015 to the start of 2017 (2 years: a bare year says when, not how long); "2018 - Present" runs to
the month of `as_of`, the date the CV was written. Month names are read in English, Spanish, French,
German, Portuguese and Vietnamese. cv_roles turns them into roles and years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {}
for _number, _names in enumerate([
    "january jan enero ene janvier janv januar jänner janeiro",
    "february feb febrero février fév févr februar fevereiro fev",
    "march mar marzo mars märz mär março",
    "april apr abril abr avril avr",
    "may mayo mai maio",
    "june jun junio juin juni junho",
    "july jul julio juillet juil juli julho",
    "august aug agosto ago août aout",
    "september sep sept septiembre setiembre septembre setembro set",
    "october oct octubre octobre oktober okt outubro out",
    "november nov noviembre novembre novembro",
    "december dec diciembre dic décembre déc dezember dez dezembro",
], start=1):
    for _name in _names.split():
        MONTHS[_name] = _number

PRESENT = (r"present|current|currently|now|today|date|ongoing|actualidad|actualmente|presente|hoy|la fecha|"
           r"aujourd'hui|présent|maintenant|en cours|heute|jetzt|aktuell|atual|atualmente|o momento|hiện tại|"
           r"hiện nay|nay")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# One date: "Feb. 2021", "febrero de 2019", "06/2019", "06.2019", "2019".
_DATE = (rf"(?:(?P<{{p}}mon>{_MONTH})\.?(?:\s+de)?\s*,?\s*|(?P<{{p}}num>0?[1-9]|1[0-2])\s*[/.]\s*)?"
         rf"(?P<{{p}}year>{_YEAR})")
_DASH = r"\s*(?:-|‐|‑|–|—|−|‒|―|~|to|until|till|a|al|hasta|à|au|bis|até|đến)\s*:?\s*"  # "From: 2019 To: Present"
RANGE = re.compile(rf"(?<![\w/.]){_DATE.format(p='s')}{_DASH}(?:{_DATE.format(p='e')}|(?P<now>{PRESENT}))(?!\w)",
                   re.IGNORECASE)
SINCE = re.compile(rf"\b(?:since|desde|depuis|seit|desde)\s+{_DATE.format(p='s')}", re.IGNORECASE)
_DATE_WORD = re.compile(rf"^(?:{_MONTH}|{PRESENT}|{_YEAR}|\d{{1,2}}|to|until|since|de|a|bis|-|–|—|/|\.|,|')+$",
                        re.IGNORECASE)
YEAR_FIRST = re.compile(r"\b((?:19|20)\d\d)[/.](0?[1-9]|1[0-2])\b")
SHORT_YEAR = re.compile(rf"\b({_MONTH})\.?\s*['’](\d\d)\b", re.IGNORECASE)
CENTURY_PIVOT = 50  # two-digit years: "'98" is 1998, "'19" is 2019
MAX_RANGE_YEARS = 50  # a longer "range" is two unrelated years read as one


def _century(two_digits: str) -> str:
    value = int(two_digits)
    return str(1900 + value if value > CENTURY_PIVOT else 2000 + value)


def is_date_text(text: str) -> bool:
    """True for text made only of dates: "June 2020 –", "Present", "2018 – 2021", "06/2019"."""
    words = re.findall(r"[\w']+|[^\w\s]", text)
    return bool(words) and any(ch.isdigit() or ch.isalpha() for ch in text) and all(
        _DATE_WORD.match(w) for w in words)


def _month(match: re.Match[str], prefix: str) -> int | None:
    name, number = match.group(prefix + "mon"), match.group(prefix + "num")
    if name:
        return MONTHS.get(name.lower().rstrip("."))
    return int(number) if number else None


@dataclass(frozen=True)
class DateRange:
    """One dated span as written: "Feb 2021 – July 2023" is 2021-02-01 to 2023-07-31 (its last day)."""

    start: date
    end: date | None  # the last day it covers; None while it runs ("– Present")
    written: str  # the range as the CV writes it, spaces collapsed
    first_line: int  # the lines of the text it was found on (a range may break over lines)
    last_line: int


def _normalise(line: str) -> str:
    line = YEAR_FIRST.sub(r"\2/\1", line)  # "2019/06" → "06/2019"
    return SHORT_YEAR.sub(lambda m: f"{m.group(1)} {_century(m.group(2))}", line)  # "Jan '19" → "Jan 2019"


def _last_day(year: int, month: int | None) -> date:
    """The last day of `month`; for a bare year, the day before it starts (a bare end year says when
    the job ended, not that it ran through that year: "2015–2017" is two years)."""
    if month is None:
        return date(year - 1, 12, 31)
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _range(match: re.Match[str], text: str, as_of: date) -> DateRange | None:
    month = _month(match, "s")
    start = date(int(match.group("syear")), month or 1, 1)
    end: date | None = None
    if "eyear" in match.groupdict() and match.group("eyear"):
        end = _last_day(int(match.group("eyear")), _month(match, "e"))
    if start > as_of or (end is not None and not start <= end + timedelta(days=1)):
        return None
    if ((end or as_of) - start).days > MAX_RANGE_YEARS * 365.25:
        return None
    first = text.count("\n", 0, match.start())
    return DateRange(start, end, " ".join(match.group().split()), first, first + match.group().count("\n"))


def find_ranges(lines: list[str], as_of: date) -> list[DateRange]:
    """Every date range in `lines` ("June 2020 –" over "Present" is one), in order."""
    text = "\n".join(_normalise(line) for line in lines)
    found: list[DateRange] = []
    taken: list[tuple[int, int]] = []
    for pattern in (RANGE, SINCE):
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # "since" inside a range already read
            span = _range(match, text, as_of)
            if span is not None:
                found.append(span)
                taken.append(match.span())
    return sorted(found, key=lambda r: (r.first_line, r.start))


def span_years(start: date, end: date | None, as_of: date) -> tuple[float, float]:
    """A span as fractional years, end exclusive: months count whole, a running one to `as_of`'s month."""
    last = (as_of.year, as_of.month - 1) if end is None else (end.year, end.month)
    return start.year + (start.month - 1) / 12, last[0] + last[1] / 12


def merged_years(spans: list[tuple[float, float]]) -> float:
    """Length of the union of `spans`: overlapping jobs are not counted twice."""
    total, current_start, current_end = 0.0, None, None
    for start, end in sorted(spans):
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        total += current_end - current_start
    return total
