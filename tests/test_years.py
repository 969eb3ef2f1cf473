"""The one parser of "N years" phrases, for requirements and CVs, in the languages postings use."""

from __future__ import annotations

import pytest

from matcher.years import years_of_experience, years_stated


@pytest.mark.parametrize("text, years", [
    ("5+ years of Python", 5.0),
    ("3-5 years of experience in Scala", 3.0),
    ("at least five years of Java", 5.0),
    ("2 yrs with React", 2.0),
    ("Minimum of 1,5 Jahre Erfahrung", 1.5),
    ("3 años de experiencia con Java", 3.0),
    ("al menos tres años de experiencia", 3.0),
    ("mindestens 3 Jahre Berufserfahrung", 3.0),
    ("3 ans d'expérience en développement", 3.0),
    ("5 anos de experiência em Python", 5.0),
    ("almeno 4 anni di esperienza", 4.0),
    ("founded 12 years ago", None),
    ("a 150 year old company", None),
    ("Python 3 and Java 17", None),
])
def test_years_a_requirement_asks(text: str, years: float | None) -> None:
    assert years_stated(text) == years


def test_years_a_cv_claims_need_an_experience_word() -> None:
    assert years_of_experience("Over 7 years of experience building APIs") == 7.0
    assert years_of_experience("Talented PR professional with 11 years' expertise") == 11.0
    assert years_of_experience("más de 6 años de experiencia en Java") == 6.0
    assert years_of_experience("Fifteen years of experience in retail sales") == 15.0
    assert years_of_experience("Completed a 4 year degree; led a team of 5 for 3 years at Acme") is None
