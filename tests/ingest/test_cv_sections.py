"""Headings → canonical sections, and the person's name (matcher.ingest.cv_sections)."""

from __future__ import annotations

import pytest

from matcher.ingest.cv_sections import find_name, heading_name, split_sections


@pytest.mark.parametrize(("line", "name"), [
    ("PROFESSIONAL SUMMARY", "summary"), ("Objective", "summary"), ("Career Overview", "summary"),
    ("Skills", "skills"), ("Highlights", "skills"), ("TECHNICAL SKILLS & TOOLS", "skills"),
    ("Work History", "experience"), ("WORK EXPERIENCE", "experience"), ("Experience:", "experience"),
    ("Education and Training", "education"), ("Projects", "projects"), ("Certifications", "certifications"),
    ("Languages", "languages"), ("Accomplishments", "other"), ("Relevant Work Experience", "experience"),
    ("Programming Languages", "skills"), ("E X P E R I E N C E", "experience"),
    ("Experiencia laboral", "experience"), ("Formación académica", "education"), ("Habilidades", "skills"),
    ("Expérience professionnelle", "experience"), ("Compétences", "skills"), ("Langues", "languages"),
    ("Berufserfahrung", "experience"), ("Ausbildung", "education"), ("Sprachkenntnisse", "languages"),
    ("Experiência profissional", "experience"), ("Formação acadêmica", "education"), ("Idiomas", "languages"),
    ("Kinh nghiệm làm việc", "experience"), ("Học vấn", "education"), ("Kỹ năng", "skills"),
    ("Mục tiêu nghề nghiệp", "summary"),
])
def test_headings_in_common_spellings_and_languages(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize("line", [
    "Customer Service Experience",  # a skills-list item, title case: needs an exact heading
    "Developed skills training for 40 staff.",
    "Lighting Designer 12/2013 to 11/2014",
    "Skills in Python and SQL were used daily to build the reporting platform",
])
def test_ordinary_lines_are_not_headings(line: str) -> None:
    assert heading_name(line) is None


def test_sections_keep_their_text_and_inline_headings_split() -> None:
    text = ("Jane Roe\nData Analyst\nSummary\nAnalyst with a taste for clean data.\n"
            "Skills: Python, SQL, Tableau\nWork History\nAnalyst, ACME, 2019 - 2022\n- Built dashboards.\n"
            "Education\n")
    preamble, sections = split_sections(text)
    assert preamble == "Jane Roe\nData Analyst"
    assert [(s.name, s.heading) for s in sections] == [
        ("summary", "Summary"), ("skills", "Skills"), ("experience", "Work History")]  # empty Education dropped
    assert sections[1].text == "Python, SQL, Tableau"
    assert sections[2].text == "Analyst, ACME, 2019 - 2022\n- Built dashboards."


@pytest.mark.parametrize(("preamble", "name"), [
    ("JOHN DOE", "John Doe"),
    ("Jane Doe, CPA", "Jane Doe"),
    ("Jane Doe – Data Scientist", "Jane Doe"),
    ("Harvey Dent\nMachine Learning Engineer", "Harvey Dent"),
    ("Nguyễn Văn An", "Nguyễn Văn An"),
    ("Lucía Fernández", "Lucía Fernández"),
    ("ACCOUNTANT", None),
    ("VICE PRESIDENT", None),
    ("LIGHTING DESIGNER", None),
    ("", None),
])
def test_person_name_or_none(preamble: str, name: str | None) -> None:
    assert find_name(preamble) == name
