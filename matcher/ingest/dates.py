"""Posting dates: relative ages ("about 20 hours ago", "3 days ago") resolved against a
reference time, and absolute dates in the shapes scrapers write them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

# Calendar units as days; a month is 30 days and a year 365, which is what boards mean by
# "about 1 month ago" (they round), e.g. "2 weeks ago" at 2024-03-20 → 2024-03-06.
UNIT_DAYS: dict[str, float] = {
    "second": 1 / 86400, "sec": 1 / 86400, "s": 1 / 86400,
    "minute": 1 / 1440, "min": 1 / 1440, "m": 1 / 1440,
    "hour": 1 / 24, "hr": 1 / 24, "h": 1 / 24,
    "day": 1, "d": 1,
    "week": 7, "wk": 7, "w": 7,
    "month": 30, "mo": 30,
    "year": 365, "yr": 365, "y": 365,
}
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
AGE = re.compile(
    r"^(?:posted\s+)?(?:about|over|almost|around|~|more than|less than)?\s*"
    r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\+?\s*"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|[smhdwy])"
    r"\s+ago$",
    re.I,
)
TODAY = re.compile(r"^(?:posted\s+)?(?:just now|today|just posted|new|moments? ago|0 days? ago)$", re.I)
YESTERDAY = re.compile(r"^(?:posted\s+)?yesterday$", re.I)
# Absolute shapes seen in exports; day-first forms are ambiguous, so only unambiguous ones.
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b %d %Y", "%B %d %Y")


def is_age(text: str) -> bool:
    """True for a line that is only an age, like "about 1 month ago" or "yesterday"."""
    text = text.strip()
    return bool(AGE.match(text) or TODAY.match(text) or YESTERDAY.match(text))


def parse_age(text: str, now: datetime) -> date | None:
    """"3 days ago" at 2024-05-10 12:00 → date(2024, 5, 7); None when it is not an age."""
    text = text.strip()
    if TODAY.match(text):
        return now.date()
    if YESTERDAY.match(text):
        return (now - timedelta(days=1)).date()
    match = AGE.match(text)
    if not match:
        return None
    raw_n = match["n"].lower()
    count = int(raw_n) if raw_n.isdigit() else WORD_NUMBERS[raw_n]
    unit = match["unit"].lower()
    days = UNIT_DAYS.get(unit) or UNIT_DAYS.get(unit.rstrip("s"), 1.0)
    try:
        return (now - timedelta(days=count * days)).date()
    except OverflowError:  # "99999999 years ago" is noise, not a date
        return None


def parse_date(value: object, now: datetime | None = None) -> date | None:
    """ISO dates/datetimes, "March 5, 2024", epoch seconds or milliseconds, or an age."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(float(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_epoch(float(text))
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    if iso:
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return parse_age(text, now) if now is not None else None


def _from_epoch(seconds: float) -> date | None:
    # Scrapers write milliseconds as often as seconds; 1e11 s is the year 5138, so it is ms.
    if seconds > 1e11:
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
