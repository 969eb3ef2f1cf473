"""Salary text in the shapes boards write it."""

from __future__ import annotations

import pytest

from matcher.domain import Salary
from matcher.ingest.salary import find_salary, parse_salary, salary_from_fields


@pytest.mark.parametrize(
    ("text", "salary"),
    [
        ("19800 to 23800 PLN per month", Salary(19800, 23800, "PLN", "month")),
        ("€94,000 to €118,000 per year", Salary(94000, 118000, "EUR", "year")),
        ("$160k-$200k", Salary(160000, 200000, "USD", "year")),
        ("PLN 17,100 to PLN 32,900 per month", Salary(17100, 32900, "PLN", "month")),
        ("$50/hour", Salary(50, 50, "USD", "hour")),
        ("$66.01 to $99.00 per hour", Salary(66.01, 99.0, "USD", "hour")),
        ("SEK 738,518 to SEK 923,148 per year", Salary(738518, 923148, "SEK", "year")),
        ("£45k per annum", Salary(45000, 45000, "GBP", "year")),
        ("Up to $150,000 per year", Salary(None, 150000, "USD", "year")),
        ("3 years of experience", None),
        ("from 10 to 20 people", None),
    ],
)
def test_parse_salary(text: str, salary: Salary | None) -> None:
    assert parse_salary(text) == salary


def test_find_salary_only_reads_pay_lines() -> None:
    text = "We raised $5M last year.\nWe need 3 to 5 years of experience.\nThe base pay range is $120,000 - $150,000."
    assert find_salary(text) == Salary(120000, 150000, "USD", "year")
    assert find_salary("We raised $5M last year.") is None


def test_from_jobspy_fields() -> None:
    assert salary_from_fields("100000", 150000.0, "usd", "yearly") == Salary(100000, 150000, "USD", "year")
    assert salary_from_fields(float("nan"), None, "", "") is None
