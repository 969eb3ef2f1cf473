"""The CV units a verdict may quote: one statement each, even where a PDF ran several into one line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from matcher import services
from matcher.engine.evidence import cv_units, heading_skills
from matcher.ingest.cv import read_cv
from matcher.ingest.cv_roles import find_roles
from matcher.services.skills import skills_version
from matcher.store import Store
from tests.engine.conftest import World, make_cv, make_posting

# A real livecareer CV (../shared/data/dev/livecareer): its qualifications are "·"-separated items
# on one line, and each role's bullets were flattened to " - " between sentences.
RF_ENGINEER = Path("data") / "dev" / "livecareer" / "INFORMATION-TECHNOLOGY" / "10265057.pdf"
JAVA_ITEM = "Programming language: C/C++, Python, Java, Matlab, and LabView"


def test_items_run_into_one_line_are_units_of_their_own(shared_dir: Path) -> None:
    units = cv_units(read_cv(shared_dir / RF_ENGINEER))
    quotable = [u.text for u in units if u.quotable]
    assert JAVA_ITEM in quotable
    assert "Audits and DFM reviews on-site with suppliers" in quotable
    assert "Investigated the algorithm to optimize the overall RF system performance for design, manufacturing and testing" in quotable
    assert "Summary" not in quotable, "the label before the first item shows nothing"


def test_a_list_of_short_items_a_title_and_a_date_range_stay_one_unit() -> None:
    lines = ["Environment: Java; Spring; AWS",
             "Full Stack Java Developer, ABC Company, Inc., Anywhere, USA, June 2018 - Present",
             # as the generated CVs of ../shared/data/dev/rjdb write them
             "Director - IT Enterprise Architecture, GHJ Electronics (2009 - 2013)",
             "1-year experience as an Architect - Surveyor - Cartographer – year 2014 - 2015"]
    body = "\n".join(f"- {line}" for line in lines)
    cv = make_cv(f"Experience\n{body}", [("experience", "Experience", body)])
    assert [u.text for u in cv_units(cv)] == lines


def test_a_tables_header_row_is_never_quoted(shared_dir: Path) -> None:
    # A livecareer finance manager's skills table: its header row was quoted as partial evidence of
    # "9 years of relevant experience in finance" and "Experience in building databases".
    units = cv_units(read_cv(shared_dir / "data" / "dev" / "livecareer" / "FINANCE" / "10549585.pdf"))
    header = [u for u in units if u.text == "Skills Experience Total Years Last Used"]
    assert header and not header[0].quotable
    assert any(u.quotable and "Strong analytical skills" in u.text for u in units)


def test_a_date_range_alone_is_never_quoted(shared_dir: Path) -> None:
    # A livecareer sales CV: "Must be able to start in February 2018" was partly met by its line
    # "07/2007 to 03/2010", quoted as the closest sentence.
    units = cv_units(read_cv(shared_dir / "data" / "dev" / "livecareer" / "SALES" / "10138632.pdf"))
    dates = [u for u in units if u.text == "07/2007 to 03/2010"]
    assert dates and not dates[0].quotable
    assert any(u.quotable and u.text.startswith("Areas of expertise include") for u in units)


def test_a_met_skill_quotes_the_item_that_names_it(shared_dir: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db")
    cv = services.import_cv(store, shared_dir / RF_ENGINEER)
    evidence = {e.skill: e.sentence for e in cv.skills}
    assert evidence["Java"] == evidence["LabVIEW"] == JAVA_ITEM


def test_a_skill_quotes_what_was_done_with_it_before_the_title_of_a_role(shared_dir: Path, tmp_path: Path) -> None:
    # The sample CV's roles are titled "Senior Python Developer, 2021 - Present" and "2021 – Present
    # Machine Learning Engineer, OpenAI, …": those lines were quoted for Python and Machine learning.
    store = Store(tmp_path / "m.db")
    cvs = shared_dir / "samples" / "cvs"
    python = {e.skill: e.sentence for e in services.import_cv(store, cvs / "resume_1.pdf").skills}
    assert python["Python"] == ("Developed and maintained a scalable and secure API for a leading e-commerce "
                                "platform using Python, Django, and AWS.")
    ml = {e.skill: e.sentence for e in services.import_cv(store, cvs / "harvey_dent_mle.pdf").skills}
    assert ml["Machine learning"] == ("Developed and deployed machine learning models to improve the efficiency "
                                      "of ride allocation algorithms.")
    # A role's title still shows a skill no statement names.
    body = "Senior Golang Engineer, Acme, 2019 - 2024\nRan the payment services and mentored two engineers."
    cv = make_cv(f"Experience\n{body}", [("experience", "Experience", body)])
    cv.roles = find_roles(body, cv.as_of or date(2026, 11, 1))
    annotated = {e.skill: e.sentence for e in services.annotate_cv(cv, services.skill_extractor(store)).skills}
    assert annotated["Go"] == "Senior Golang Engineer, Acme, 2019 - 2024"


def test_a_roles_title_that_repeats_the_headline_still_shows_its_skill(shared_dir: Path, tmp_path: Path) -> None:
    # A livecareer public-relations CV headed "ACCOUNT MANAGER" whose first role is "Account Manager":
    # the role's title was dropped as a repeat of the headline (which is never quoted), and every
    # line asking for account management said "not in your CV: Account management".
    store = Store(tmp_path / "m.db")
    cv = services.import_cv(store, shared_dir / "data" / "dev" / "livecareer" / "PUBLIC-RELATIONS" / "10873344.pdf")
    assert {e.skill: e.sentence for e in cv.skills}["Account management"] == "Account Manager"


def test_each_line_of_a_skills_list_is_an_item_of_its_own(shared_dir: Path) -> None:
    # The same CV's highlights, one item a line: the longer items looked cut by the page edge next
    # to each other and three were quoted as one ("Excellent verbal and written communication skills
    # Ability to successfully complete multiple tasks concurrently Superior organization skills").
    units = cv_units(read_cv(shared_dir / "data" / "dev" / "livecareer" / "PUBLIC-RELATIONS" / "10873344.pdf"))
    texts = [u.text for u in units if u.section == "skills"]
    assert texts[:3] == ["Excellent verbal and written communication skills",
                         "Ability to successfully complete multiple tasks concurrently", "Superior organization skills"]


def test_a_roles_employer_is_no_skill_of_the_person(shared_dir: Path, tmp_path: Path) -> None:
    # The sample ML engineer's CV: "2016 – 2018 Junior Data Analyst, Facebook, Menlo Park, USA" gave
    # the skill Facebook (social media) and its years, quoting the title line.
    store = Store(tmp_path / "m.db")
    cv = services.import_cv(store, shared_dir / "samples" / "cvs" / "harvey_dent_mle.pdf")
    assert "Facebook" not in {e.skill for e in cv.skills}
    assert not any("Facebook" in (role.skills or ()) for role in cv.roles)
    extractor = services.skill_extractor(store)
    assert "Cisco" not in heading_skills("Network Engineer, Cisco, San Jose, CA", extractor)
    assert "Java" in heading_skills("Java Developer, Acme, Berlin", extractor)  # the title's own skill
    assert "Product management" in heading_skills("Product Manager, Google, Mountain View, CA, USA", extractor)
    assert "Ariba" in heading_skills("SAP Ariba - Manager (Supply Chain Capability)", extractor)  # rjdb


def test_a_roles_title_that_ran_into_its_first_statement_is_cut_off_it(shared_dir: Path, tmp_path: Path) -> None:
    # Two sample CVs: a title line long enough to look cut by the page edge joined the statement
    # under it, and "Not afraid of implementing UI…" quoted "2002 – 2007 Software Development
    # Engineer I, Netflix, Los Gatos, CA, USA Developed and maintained the user interface…".
    cvs = shared_dir / "samples" / "cvs"
    units = [u.text for u in cv_units(read_cv(cvs / "alfred_pennyworth_pm.pdf"))]
    assert "2002 – 2007 Software Development Engineer I, Netflix, Los Gatos, CA, USA" in units
    assert "Developed and maintained the user interface for the Netflix web application." in units
    units = [u.text for u in cv_units(read_cv(cvs / "barry_allen_fe.pdf"))]
    assert "Developing intuitive and engaging user interfaces using React and Redux." in units
    store = Store(tmp_path / "m.db")
    evidence = {e.skill: e.sentence for e in services.import_cv(store, cvs / "alfred_pennyworth_pm.pdf").skills}
    assert evidence["UI design"] == "Developed and maintained the user interface for the Netflix web application."
    # A statement that starts with words of a role's title is not cut ("Data pipelines…" under a
    # "Data Engineer" role): too little of the title.
    body = "Data Engineer, Acme, 2019 - 2024\nData pipelines for billing built in Spark and Airflow."
    cv = make_cv(f"Experience\n{body}", [("experience", "Experience", body)])
    cv.roles = find_roles(body, cv.as_of or date(2026, 11, 1))
    assert "Data pipelines for billing built in Spark and Airflow." in [u.text for u in cv_units(cv)]


@pytest.mark.slow  # the real model embeds the CV
def test_skills_stored_with_the_old_cutting_are_found_again(world: Callable[..., World]) -> None:
    text = ("Experience\nRan the payment services; Wrote the billing service in Django and tuned its queries; "
            "Mentored two junior engineers")
    cv = make_cv(text, [("experience", "Experience", text.split("\n", 1)[1])])
    jane = world(cv, [make_posting("Backend Engineer", ["Django"])])
    stored = jane.store.cv(jane.cv_id)
    assert stored is not None
    # As a CV imported before the units were cut at "; " was stored: its evidence is the whole line,
    # which is no unit any more, under the taxonomy's version alone.
    stored.skills = [type(e)(e.skill, text.split("\n", 1)[1]) for e in stored.skills]
    stored.skills_version = skills_version(services.skill_extractor(jane.store))
    jane.store.update_cv_skills(stored)
    line = jane.line("Backend Engineer", "Django")
    assert line.status == "met"
    assert line.evidence == "Wrote the billing service in Django and tuned its queries"
