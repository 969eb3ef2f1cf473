"""Degree lines are judged on the degree the CV names, not on how alike two sentences read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from matcher.domain import Role
from matcher.engine.degrees import (ASSOCIATE, BACHELOR, DOCTORATE, MASTER, degree_asked, degree_entries,
                                    degrees_under_way, highest_degree)
from matcher.engine.explain import evidence_words
from tests.engine.conftest import World, make_cv, make_posting


@pytest.mark.parametrize(("line", "expected"), [
    # as Google's careers CSV (../shared/data/dev) and the board postings write them
    ("BA/BS degree or equivalent practical experience.", (BACHELOR, True, BACHELOR)),
    ("BA/BS degree in Finance or Accounting or equivalent practical experience.", (BACHELOR, True, BACHELOR)),
    ("Bachelor’s degree in Computer Science or a related field", (BACHELOR, False, BACHELOR)),
    ("BS/MS in Computer Science", (BACHELOR, False, MASTER)),
    ("Degree in Computer Science", (BACHELOR, False, BACHELOR)),
    ("MBA or relevant", (MASTER, False, MASTER)),
    ("MS or PhD in Statistics", (MASTER, False, DOCTORATE)),
    ("PhD in Computer Science or related field", (DOCTORATE, False, DOCTORATE)),
    ("Certified Scrum Master", None),
    ("A high degree of autonomy", None),
    ("Experience with MS Office", None),
    ("Strong BA skills", None),
    ("BS or MS in Computer Science", (BACHELOR, False, MASTER)),
    ("Located in Boston, MA or willing to relocate", None),
    ("8 years of relevant experience.", None),
    # an advanced degree, a law degree and a master's in taxation stand at a master's (they read as a
    # bachelor's, met by an HR manager's Bachelor of Education)
    ("Advanced degree in Industrial Engineering, Operations Design, or Business Administration.",
     (MASTER, False, MASTER)),
    ("MST or JD degree in taxation.", (MASTER, False, MASTER)),
    ("Juris Doctor from an accredited law school", (MASTER, False, MASTER)),
    ("Experience with JD Edwards EnterpriseOne", None),
])
def test_the_degree_a_line_asks_for(line: str, expected: tuple[int, bool, int] | None) -> None:
    asked = degree_asked(line)
    assert (asked if asked is None else (asked.level, asked.equivalent, asked.highest_named)) == expected
    assert asked is None or not asked.enrolled


@pytest.mark.parametrize(("line", "level"), [
    # internships in Google's careers CSV (../shared/data/dev)
    ("Currently enrolled in a Bachelor's or Master's degree program and maintaining student status throughout the "
     "internship", BACHELOR),
    ("Must be currently enrolled in a full-time degree program and returning to the program after completion of "
     "the internship", BACHELOR),
    ("Must be pursuing a full-time MBA program with an expected graduation date between December 2018 and June 2019",
     MASTER),
    ("Be currently enrolled in any major at a university in Mexico with an expected graduation date between "
     "December 2018 and June 2019", BACHELOR),
    ("Currently pursuing a MS or PhD in Computer Science or related technical field, and graduating in 2018, "
     "2019 or 2020", MASTER),
    ("Enrolled in a full time Bachelor's or Master's program, graduating after March 2018", BACHELOR),
])
def test_a_line_asking_to_be_a_student_now(line: str, level: int) -> None:
    asked = degree_asked(line)
    assert asked is not None and asked.enrolled and asked.level == level and not asked.equivalent


@pytest.mark.parametrize("line", ["Experience pursuing new business opportunities.",
                                  "BA/BS degree or equivalent practical experience.",
                                  "Experience with university recruiting programs."])
def test_a_line_not_asking_to_be_a_student(line: str) -> None:
    asked = degree_asked(line)
    assert asked is None or not asked.enrolled


def test_the_highest_degree_a_cv_names() -> None:
    units = [("Scrum Master", "skills"), ("MS Office, Excel", "skills"),
             ("Bachelor of Science : Information Systems , 2001 University of Maryland", "education"),
             ("M.Sc. in Physics, 2010", "education")]
    assert highest_degree(units) == (MASTER, 3)
    assert highest_degree(units[:2]) is None
    # as a livecareer CV (../shared/data/dev/livecareer/ACCOUNTANT/10554236.pdf) writes it
    unfinished = [("Attended Husson College, major Accounting 78 semester hours toward Bachelors degree.", "education"),
                  ("Pursuing an MBA at night school", "education")]
    assert highest_degree(unfinished) is None and highest_degree(unfinished + units[2:3]) == (BACHELOR, 2)
    assert degrees_under_way(unfinished + units) == [(MASTER, 1)], "'78 semester hours toward' is no study under way"


@pytest.mark.parametrize("unit", [
    # associate degrees as livecareer CVs (../shared/data/dev/livecareer) write them
    "Associates , Applied Science Electronics Engineering 2011 Forsyth Technical Community College",  # ENGINEERING/10030015
    "Associate : Accounting City , State , USA Emphasis in Business 1994",  # ACCOUNTANT/10554236
    "Associate of Science , Psychology 2004 South Suburban College",  # ADVOCATE/10659182
    "Associates : Applied Science Architecture Technology Wake Technical Community College",  # DESIGNER/10748989
])
def test_an_associate_degree(unit: str) -> None:
    assert highest_degree([(unit, "education")]) == (ASSOCIATE, 0)


@pytest.mark.parametrize("unit", ["Registered Client Service Associate 06/2012 to Current",
                                  "Producer/Associate Producer , 10/2000 to 02/2004", "Sales Associate, Macy's"])
def test_a_job_called_associate_is_no_degree(unit: str) -> None:
    assert highest_degree([(unit, "experience")]) is None


POSTING = make_posting("Data Analyst", [
    "BA/BS degree or equivalent practical experience.", "Master's degree in Statistics or a related field.",
    "PhD in Physics.", "Bachelor's degree in Finance or Accounting.", "5 years of relevant experience."])


@pytest.fixture
def graduate(world: Callable[..., World]) -> World:
    text = ("Sam Lee\nExperience\nAnalyst, Acme\nBuilt weekly sales reports in SQL and Excel for the finance team.\n"
            "Education\nB.Sc. in Computer Science, University of Leeds, 2019")
    sections = [("experience", "Experience", "Analyst, Acme\nBuilt weekly sales reports in SQL and Excel for the "
                 "finance team."), ("education", "Education", "B.Sc. in Computer Science, University of Leeds, 2019")]
    roles = [Role("Analyst, Acme", date(2019, 9, 1), None, True, "Built weekly sales reports.")]
    return world(make_cv(text, sections, roles, years=7.2), [POSTING])


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_a_degree_at_the_level_asked_meets_the_line_and_is_quoted(graduate: World) -> None:
    line = graduate.line("Data Analyst", "BA/BS degree or equivalent practical experience.")
    assert line.status == "met" and line.judged_by == "degree"
    assert line.evidence == "B.Sc. in Computer Science, University of Leeds, 2019"


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_years_met_by_the_cvs_dates_say_so(graduate: World) -> None:
    line = graduate.line("Data Analyst", "5 years of relevant experience.")
    assert line.status == "met" and line.evidence is None and line.evidence_kind == "dates"
    assert evidence_words(line) == "Your CV's dates show 7.2 years of experience"


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_one_level_below_is_partial_and_two_below_missing(graduate: World) -> None:
    master = graduate.line("Data Analyst", "Master's degree in Statistics or a related field.")
    assert master.status == "partial" and "a master's degree" in master.reason and "a bachelor's degree" in master.reason
    phd = graduate.line("Data Analyst", "PhD in Physics.")
    assert phd.status == "missing"
    # a ✗ for want of a degree says what was weighed, where a missing skill says "Missing: …"
    assert evidence_words(phd) == "Asks for a doctorate; your CV shows a bachelor's degree"


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_a_degree_in_another_field_than_named_is_partial(graduate: World) -> None:
    line = graduate.line("Data Analyst", "Bachelor's degree in Finance or Accounting.")
    assert line.status == "partial" and "Finance" in line.missing_skills


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_a_line_missing_for_want_of_years_says_what_was_weighed(world: Callable[..., World]) -> None:
    text = "Sam Lee\nExperience\nAnalyst, Acme\nBuilt weekly sales reports in SQL and Excel for the finance team."
    cv = make_cv(text, [("experience", "Experience", text.split("\n", 2)[2])], years=2.0)
    line = world(cv, [POSTING]).line("Data Analyst", "5 years of relevant experience.")
    assert line.status == "missing" and evidence_words(line) == "5 years asked; your CV's dates show 2"


@pytest.mark.slow
@pytest.mark.parametrize(("years", "status"), [(7.2, "met"), (2.0, None)])
def test_equivalent_experience_counts_where_the_line_takes_it(world: Callable[..., World], years: float,
                                                             status: str | None) -> None:
    text = "Sam Lee\nExperience\nAnalyst, Acme\nBuilt weekly sales reports in SQL and Excel for the finance team."
    cv = make_cv(text, [("experience", "Experience", text.split("\n", 2)[2])], years=years)
    line = world(cv, [POSTING]).line("Data Analyst", "BA/BS degree or equivalent practical experience.")
    if status == "met":
        assert line.status == "met" and line.judged_by == "degree" and "7.2 years" in line.reason
        # a ✓ with no sentence says what shows it
        assert line.evidence_kind == "dates"
        assert evidence_words(line) == "No degree in your CV; its dates show 7.2 years of experience"
    else:  # no degree named and too few years: meaning decides, as for any other line
        assert line.judged_by == "meaning"
    assert "your CV shows a" not in line.reason, "a CV that names no degree is never said to show one"


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_a_line_quotes_the_degree_a_person_would_point_to(world: Callable[..., World]) -> None:
    # The sample PM's CV names an MBA and a BSc; "BA/BS degree" quoted the MBA (the highest degree),
    # where a reader points to the bachelor's; a field the line names picks the degree in that field.
    degrees = ["Bachelor of Science in Computer Science, University of Leeds, 2012",
               "Master of Science in Finance, London School of Economics, 2015"]
    education = "\n".join(f"- {d}" for d in degrees)
    cv = make_cv(f"Sam Lee\nEducation\n{education}", [("education", "Education", education)], years=9.0)
    sam = world(cv, [make_posting("Analyst", ["BA/BS degree or equivalent practical experience.",
                                              "Master's degree or PhD in a quantitative field.",
                                              "Bachelor's degree in Finance or Economics."])])
    bachelor = sam.line("Analyst", "BA/BS degree or equivalent practical experience.")
    assert bachelor.status == "met" and bachelor.evidence == degrees[0]
    assert "your CV shows a bachelor's degree" in bachelor.reason
    master = sam.line("Analyst", "Master's degree or PhD in a quantitative field.")
    assert master.status == "met" and master.evidence == degrees[1]
    finance = sam.line("Analyst", "Bachelor's degree in Finance or Economics.")
    assert finance.status == "met" and finance.evidence == degrees[1]
    assert "your CV shows a master's degree" in finance.reason


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_degrees_run_together_are_quoted_apart_the_one_the_line_names(world: Callable[..., World]) -> None:
    # The sample CVs' education blocks, read column by column: the dates first, then the degrees run
    # into one line (resources' alfred_pennyworth_pm.pdf, bruce_wayne_fullstack.pdf).
    education = ("2009 – 2012 2007 – 2009 2003 – 2007 PhD in Computer Science, CalTech, Pasadena, USA "
                 "Master of Business Administration, Stanford University, Stanford, CA, USA "
                 "Master of Science in Computer Science, MIT, Cambridge, USA")
    cv = make_cv(f"Bruce Wayne\nEducation\n{education}", [("education", "Education", education)], years=9.0)
    bruce = world(cv, [make_posting("Engineer", ["Master's or PhD in Computer Science or related technical field.",
                                                 "Master's degree in Computer Science.", "MBA or MS in Engineering."])])
    phd = bruce.line("Engineer", "Master's or PhD in Computer Science or related technical field.")
    assert phd.status == "met" and phd.evidence == "PhD in Computer Science, CalTech, Pasadena, USA"
    master = bruce.line("Engineer", "Master's degree in Computer Science.")
    assert master.evidence == "Master of Science in Computer Science, MIT, Cambridge, USA"
    mba = bruce.line("Engineer", "MBA or MS in Engineering.")
    assert mba.evidence == "Master of Business Administration, Stanford University, Stanford, CA, USA"


@pytest.mark.parametrize(("line", "entries"), [
    # a livecareer CV (PUBLIC-RELATIONS/10070224.pdf), a word per line in the PDF
    ("Master of Arts : Mass Communication , May 2003 Southern University : City , State Public Relations "
     "Bachelor of Arts : Mass Communication , December 2001 Southern University : City , State Broadcast Journalism",
     ["Master of Arts : Mass Communication , May 2003 Southern University : City , State Public Relations",
      "Bachelor of Arts : Mass Communication , December 2001 Southern University : City , State Broadcast Journalism"]),
    ("B.S. in Computer Science, 2015 M.S. in Statistics, 2017",
     ["B.S. in Computer Science, 2015", "M.S. in Statistics, 2017"]),
    ("Master of Business Administration (MBA), Finance, 2010",
     ["Master of Business Administration (MBA), Finance, 2010"]),
    ("BS/MS in Physics", ["BS/MS in Physics"]),
    ("Masters in Finance and Bachelors in Economics", ["Masters in Finance and Bachelors in Economics"]),
])
def test_an_education_line_of_several_degrees_is_one_entry_each(line: str, entries: list[str]) -> None:
    assert degree_entries(line) == entries


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_years_stand_in_for_a_degree_in_another_field_where_the_line_takes_them(graduate: World,
                                                                               world: Callable[..., World]) -> None:
    # A livecareer HR CV (HR/10399912.pdf): "Bachelor's of Arts: Political Science and Law" and 4.9
    # years of experience was partial on Google's "BA/BS degree in Business, Accounting, Operations or
    # equivalent practical experience", which the years alone meet.
    line = "BA/BS degree in Finance or Accounting, or equivalent practical experience."
    sam = world(graduate.store.cv(graduate.cv_id), [make_posting("Controller", [line])])
    judged = sam.line("Controller", line)
    assert judged.status == "met" and judged.judged_by == "degree"
    assert "which the line takes instead of a degree" in judged.reason and "a bachelor's degree" in judged.reason
    assert judged.evidence is None and judged.evidence_kind == "dates"
    assert evidence_words(judged) == ("Your CV's dates show 7.2 years of experience, which the line takes instead "
                                      "of the degree it asks for")
    # Without the years the line takes, the degree in another field is part of it, as before.
    assert graduate.line("Data Analyst", "Bachelor's degree in Finance or Accounting.").status == "partial"


@pytest.mark.slow  # the real model embeds the lines and the CV
def test_a_finished_degree_does_not_meet_a_line_asking_to_be_a_student(graduate: World,
                                                                     world: Callable[..., World]) -> None:
    # A livecareer designer (DESIGNER/10748989.pdf), Bachelor of Fine Arts 2013 and 32 years of work,
    # was shown ✓ on an internship's "Must be currently enrolled in a full-time degree program", quoting
    # the degree: the posting ranked first for them.
    lines = ["Must be currently enrolled in a full-time degree program.",
             "Currently pursuing a MS or PhD in Computer Science or related technical field."]
    intern = make_posting("Software Engineering Intern", lines)
    finished = world(graduate.store.cv(graduate.cv_id), [intern])
    for text, level in zip(lines, ("a bachelor's degree", "a master's degree")):
        line = finished.line("Software Engineering Intern", text)
        assert line.status == "missing" and line.judged_by == "degree" and line.evidence is None
        assert evidence_words(line) == (f"Asks that you be studying for {level} now; your CV shows a bachelor's "
                                        "degree, finished, and no studies under way")
    studies = "B.Sc. in Computer Science, University of Leeds, 2019\nM.Sc. in Computer Science, expected June 2026"
    text = f"Sam Lee\nEducation\n{studies}"
    student = world(make_cv(text, [("education", "Education", studies)], years=1.0), [intern])
    enrolled = student.line("Software Engineering Intern", lines[0])
    assert enrolled.status == "met" and enrolled.evidence == "M.Sc. in Computer Science, expected June 2026"
    assert "under way" in enrolled.reason
    assert student.line("Software Engineering Intern", lines[1]).status == "met"
