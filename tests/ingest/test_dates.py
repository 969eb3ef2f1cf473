"""Ages and dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from matcher.ingest.dates import is_age, parse_age, parse_date

NOW = datetime(2024, 5, 10, 12, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("about 20 hours ago", date(2024, 5, 9)), ("3 days ago", date(2024, 5, 7)), ("about 1 month ago", date(2024, 4, 10)),
     ("0 days ago", date(2024, 5, 10)), ("2 weeks ago", date(2024, 4, 26)), ("yesterday", date(2024, 5, 9)),
     ("over 1 year ago", date(2023, 5, 11))],
)
def test_ages(text: str, expected: date) -> None:
    assert is_age(text) and parse_age(text, NOW) == expected


def test_not_an_age() -> None:
    assert not is_age("Full-time") and parse_age("Poland", NOW) is None


def test_absolute_dates() -> None:
    assert parse_date("2024-03-01T10:00:00Z") == date(2024, 3, 1)
    assert parse_date("March 5, 2024") == date(2024, 3, 5)
    assert parse_date(1712000000) == date(2024, 4, 1)
    assert parse_date("5 days ago", NOW) == date(2024, 5, 5)
    assert parse_date("not a date", NOW) is None
