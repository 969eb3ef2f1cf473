"""Total years of experience from the date ranges a CV lists, overlaps counted once.

"Feb. 2021 – July 2023" is Feb 2021 to the end of July 2023 (2.5 years); "2015–2017" is the start of
2015 to the start of 2017 (2 years: a bare year says when, not how long); "2018 - Present" runs to
`today`. Month names are read in English, Spanish, French, German and Portuguese. When no range is
found, a stated figure ("over 7 years of experience", read by `matcher.years`) is the fallback.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.years import years_of_experience

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
_DASH = r"\s*(?:-|–|—|−|‒|―|~|to|until|till|a|al|hasta|à|au|bis|até|đến)\s*:?\s*"  # "From: 2019 To: Present"
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


def find_ranges(text: str, today: date) -> list[tuple[float, float]]:
    """(start, end) of each date range in `text`, as fractional years."""
    now = today.year + (today.month - 1) / 12
    flat = re.sub(r"\s+", " ", text)  # "June 2020 –\nPresent" is one range on two lines
    flat = YEAR_FIRST.sub(r"\2/\1", flat)  # "2019/06" → "06/2019"
    flat = SHORT_YEAR.sub(lambda m: f"{m.group(1)} {_century(m.group(2))}", flat)  # "Jan '19" → "Jan 2019"
    ranges: list[tuple[float, float]] = []
    for match in RANGE.finditer(flat):
        month = _month(match, "s")
        start = int(match.group("syear")) + ((month - 1) / 12 if month else 0.0)
        if match.group("now"):
            end = now
        else:
            end_month = _month(match, "e")
            # A month is included to its end: "Feb 2021 – July 2023" counts July.
            end = int(match.group("eyear")) + (end_month / 12 if end_month else 0.0)
        if 0 <= end - start <= MAX_RANGE_YEARS and start <= now:
            ranges.append((start, min(end, now)))
    for match in SINCE.finditer(flat):
        month = _month(match, "s")
        start = int(match.group("syear")) + ((month - 1) / 12 if month else 0.0)
        if 0 <= now - start <= MAX_RANGE_YEARS:
            ranges.append((start, now))
    return ranges


def merged_years(ranges: list[tuple[float, float]]) -> float:
    """Length of the union of `ranges`: overlapping jobs are not counted twice."""
    total, current_start, current_end = 0.0, None, None
    for start, end in sorted(ranges):
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        total += current_end - current_start
    return total


def total_years(experience_text: str, full_text: str, today: date | None = None) -> float | None:
    """Years of experience: merged ranges of `experience_text`, else the figure stated in `full_text`."""
    ranges = find_ranges(experience_text, today or date.today())
    years = merged_years(ranges)
    if years > 0:
        return round(years, 1)
    return years_of_experience(full_text)
