"""Requirement extraction: comma lists, headings, preferred markers, years."""

from __future__ import annotations

import pytest

from matcher.ingest.headings import heading_kind
from matcher.ingest.requirements import extract_requirements, split_top_level
from matcher.years import years_stated as years_of


@pytest.mark.parametrize(
    ("text", "years"),
    [("9+ years of relevant experience", 9), ("3 years of experience", 3), ("2+ years of experience in Scala", 2),
     ("at least five years of Java", 5), ("3-5 years in sales", 3), ("Python", None), ("founded 150 years ago", None)],
)
def test_years(text: str, years: float | None) -> None:
    assert years_of(text) == years


def test_a_dot_that_begins_a_name_is_kept_when_list_items_are_trimmed() -> None:
    # ../shared/samples/jobs/000, "Senior.NET Developer": "Key requirements: .NET framework, nHibernate ORM, …"
    assert split_top_level(".NET framework, nHibernate ORM, MS SQL Server.") == [".NET framework", "nHibernate ORM", "MS SQL Server"]
    assert split_top_level(". Python;, . ") == ["Python"]


def test_commas_inside_parentheses_do_not_split() -> None:
    assert split_top_level("AWS (Lambda, SQS), Crypto/Web3, Python or Kotlin") == ["AWS (Lambda, SQS)", "Crypto/Web3", "Python or Kotlin"]
    items = extract_requirements("Key requirements: 3 years of experience, Relational databases (Postgres preferred)")
    assert [(r.text, r.kind, r.years) for r in items] == [
        ("3 years of experience", "required", 3), ("Relational databases (Postgres preferred)", "required", None)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [("Requirements:", "required"), ("Minimum qualifications", "required"), ("What we look for", "required"),
     ("Who you are:", "required"), ("About you", "required"), ("You have:", "required"), ("Must have", "required"),
     ("Nice to have:", "preferred"), ("Bonus points", "preferred"), ("Preferred qualifications:", "preferred"),
     ("Pluses", "preferred"), ("What we offer:", "other"), ("Benefits", "other"), ("About the role", "other"),
     ("Responsibilities:", "other"), ("Strong experience with Go.", None), ("- Python", None)],
)
def test_heading_kinds(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def test_inline_markers_make_a_bullet_preferred() -> None:
    text = "Requirements:\n- Python\n- Go experience is a plus\n- Docker (preferred)\n- Preferably a degree in CS\n- SQL (MySQL preferred)"
    kinds = [(r.text, r.kind) for r in extract_requirements(text)]
    assert kinds == [("Python", "required"), ("Go experience is a plus", "preferred"), ("Docker (preferred)", "preferred"),
                     ("Preferably a degree in CS", "preferred"), ("SQL (MySQL preferred)", "required")]


def test_benefits_and_eeo_are_not_requirements() -> None:
    text = ("Qualifications:\n- Degree in finance\n- We are an equal opportunity employer\n\n"
            "Perks:\n- Remote work\n- Experience with beer tasting\n")
    assert [r.text for r in extract_requirements(text)] == ["Degree in finance"]


def test_the_jobs_conditions_are_not_requirements_a_cv_could_show() -> None:
    # ../shared/data/dev/google_job_skills.csv, "Head of Professional Services" (London) and a
    # Staffing Services Associate, a Sales Associate and a UX Design Intern: travel, a visa, a start
    # date and the right to work were "missing" for every reader (the last as "Authentication").
    text = ("Minimum qualifications:\n- BA/BS degree or equivalent practical experience.\n"
            "- Ability to travel, both domestically and internationally, up to 30% of the time as required.\n"
            "- Individuals applying for this position will not be eligible for immigration sponsorship.\n"
            "- Must be able to start in February 2018.\n"
            "- Authorization to work in the United States.\n"
            "Preferred qualifications:\n- Willingness and flexibility to travel frequently.\n"
            "- Demonstrated experience in account management, client service and/or management consulting")
    assert [r.text for r in extract_requirements(text)] == [
        "BA/BS degree or equivalent practical experience.",
        "Demonstrated experience in account management, client service and/or management consulting"]
    # a line that names travel as the field of work is still asked
    assert [r.text for r in extract_requirements("Requirements:\n- 3 years of experience in travel sales")] == [
        "3 years of experience in travel sales"]


def test_unknown_short_line_ends_a_bulleted_section() -> None:
    text = "Requirements\n- Strong SQL\n- Excellent communication skills\nInterview Process\n- HackerRank test"
    assert [r.text for r in extract_requirements(text)] == ["Strong SQL", "Excellent communication skills"]


def test_wrapped_bullets_are_joined() -> None:
    text = "Requirements:\n- 5+ years of experience with distributed\nsystems and cloud platforms\n- Go"
    assert [r.text for r in extract_requirements(text)] == [
        "5+ years of experience with distributed systems and cloud platforms", "Go"]
