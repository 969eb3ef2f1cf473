"""Years of experience from a CV's date ranges (matcher.ingest.cv_dates, cv_roles)."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.ingest.cv_dates import is_date_text
from matcher.ingest.cv_roles import experience_years, find_roles
from matcher.years import years_of_experience as stated_years

TODAY = date(2024, 7, 1)


def total_years(experience: str, full_text: str, as_of: date) -> float | None:
    return experience_years(find_roles(experience, as_of), as_of, full_text)


@pytest.mark.parametrize(("text", "years"), [
    ("Data Analyst, Feb. 2021 – July 2023", 2.5),
    ("Engineer 2018 - Present", 6.5),
    ("Developer 06/2019 – now", 5.1),  # June 2019 to the end of June 2024
    ("Consultant 2015–2017", 2.0),
    ("Accountant July 2011\n \nto \nNovember 2012", 1.4),  # one range over several lines
    ("Lighting Designer 12/2013 to 11/2014", 1.0),
    ("Desarrolladora, Marzo 2019 – Actualidad", 5.3),
    ("Programadora, enero de 2016 - febrero de 2019", 3.2),
    ("Ingénieure, septembre 2019 - août 2021", 2.0),
    ("Entwicklerin, März 2019 bis heute", 5.3),
    ("Kỹ sư phần mềm 01/2020 – nay", 4.5),
    ("From: 03/2019 To: Present", 5.3),
    ("Analyst, 2019/06 - 2021/03", 1.8),
    ("Analyst, Jan '19 – Jun '21", 2.5),
])
def test_date_range_formats(text: str, years: float) -> None:
    assert total_years(text, text, TODAY) == years


def test_overlapping_jobs_are_counted_once() -> None:
    text = "Job A, Jan 2015 - Dec 2019\nJob B (part-time, same years), Jan 2017 - Dec 2018\nJob C, 2021 - 2023"
    assert total_years(text, text, TODAY) == 7.0


def test_stated_years_are_the_fallback() -> None:
    summary = "Highly skilled developer with over 7 years of experience in Java."
    assert total_years("Senior Developer at ACME", summary, TODAY) == 7.0
    assert stated_years("Talented PR professional with 11 years' expertise") == 11.0
    assert stated_years("más de 6 años de experiencia en Java") == 6.0
    assert stated_years("Led a team of 5 people for 3 projects") is None
    assert stated_years("Fifteen years of experience in retail sales") == 15.0


def test_no_dates_at_all_gives_none() -> None:
    assert total_years("Cashier, Tesco", "Friendly and reliable.", TODAY) is None


def test_backwards_or_absurd_ranges_are_ignored() -> None:
    assert total_years("Worked 2019 - 2015; club 1950 - 2020; Analyst 2020 - 2024", "", TODAY) == 4.0


def test_date_text_is_recognised_for_margin_dates() -> None:
    assert is_date_text("June 2020 –") and is_date_text("Present") and is_date_text("2018 – 2021")
    assert not is_date_text("Harvey Dent") and not is_date_text("Sales Manager")
