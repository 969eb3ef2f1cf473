"""Dated roles and years of experience: the same for every layout of one CV (matcher.ingest.cv_roles)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from matcher.cli import main
from matcher.domain import CV
from matcher.engine.skills import SkillExtractor
from matcher.engine.taxonomy import default_taxonomy
from matcher.ingest.cv import read_cv, read_cv_text
from matcher.ingest.cv_roles import find_roles, role_years
from matcher.ingest.word import read_docx
from matcher.services import annotate_cv
from matcher.store import Store
from matcher.store.backup import restore_backup, write_backup
from tests.ingest import cv_samples

DATA = Path(__file__).parent / "data"
AS_OF = date(2024, 7, 1)


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor(default_taxonomy())


def _read(tmp_path: Path, name: str, data: bytes, extractor: SkillExtractor) -> CV:
    path = tmp_path / name.replace(" ", "_")
    path.write_bytes(data)
    return annotate_cv(read_cv(path), extractor)


def test_every_layout_of_one_person_gives_the_same_roles_years_and_skills(
        tmp_path: Path, extractor: SkillExtractor) -> None:
    cvs = {name: _read(tmp_path, name, data, extractor) for name, data in cv_samples.layouts().items()}
    one = cvs.pop("one column")
    assert [(r.heading, r.start, r.end, r.current) for r in one.roles] == [
        ("Senior Data Engineer, Allegro — Mar 2019 - Present", date(2019, 3, 1), None, True),
        ("Data Consultant (freelance) — Jun 2018 - Dec 2019", date(2018, 6, 1), date(2019, 12, 31), False),
        ("Data Engineer, Comarch — Jan 2015 - Feb 2019", date(2015, 1, 1), date(2019, 2, 28), False),
        ("Teaching Assistant, Warsaw University of Technology — Oct 2013 - Jun 2014", date(2013, 10, 1),
         date(2014, 6, 30), False)]
    assert one.roles[0].text.split("\n") == [
        "Senior Data Engineer, Allegro", "- Built Airflow pipelines that load 2 TB a day.",
        "- Moved reporting from cron jobs to Spark."]
    # The projects' and the degree's dates are not jobs; the freelance work overlaps and counts once.
    assert one.years_experience == cv_samples.YEARS and one.as_of == cv_samples.MADE.date()
    skills = {e.skill for e in one.skills}
    assert {"Python", "SQL", "Airflow", "Spark", "PostgreSQL", "Docker", "Kubernetes"} <= skills
    for name, cv in cvs.items():
        assert cv.roles == one.roles, name
        assert cv.years_experience == one.years_experience, name
        assert {e.skill for e in cv.skills} >= skills, name  # the Word CV adds its certification's skill


def test_spanish_label_table_reads_cell_by_cell_as_docx_and_as_pdf(extractor: SkillExtractor) -> None:
    """A Europass-like table (labels left): LibreOffice's PDF of a python-docx file, and the file itself."""
    for name in ("spanish_table_cv.docx", "spanish_table_cv.pdf"):
        cv = annotate_cv(read_cv(DATA / name, as_of=cv_samples.SPANISH_TABLE_MADE.date()), extractor)
        assert cv.report is not None and cv.name == "Carmen Ruiz Ortega"
        assert cv.report.sections == ["other", "experience", "education", "skills", "languages"], name
        assert [(r.start, r.end) for r in cv.roles] == [(date(2020, 4, 1), None),
                                                         (date(2016, 9, 1), date(2020, 3, 31))], name
        assert cv.years_experience == cv_samples.SPANISH_TABLE_YEARS, name  # the degree's 2012 – 2016 is not a job
        assert "Analista de datos, Mercadona, Valencia" in cv.roles[0].text
        assert {"Python", "Pandas", "SQL", "Power BI", "Tableau", "Git"} <= {e.skill for e in cv.skills}, name


def test_present_means_the_files_date_or_the_date_given(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(cv_samples.one_column_pdf())
    assert read_cv(path).as_of == date(2025, 1, 15)  # the PDF's metadata
    later = read_cv(path, as_of=date(2026, 1, 15))
    assert later.as_of == date(2026, 1, 15) and later.years_experience == cv_samples.YEARS + 1
    docx = tmp_path / "cv.docx"
    docx.write_bytes(cv_samples.docx_cv())
    assert read_cv(docx).as_of == date(2025, 1, 15)  # the document's properties
    text = tmp_path / "cv.txt"
    text.write_text("Jane Roe\nExperience\nAnalyst, Acme, 2019 - Present\n")
    assert read_cv(text).as_of == date.fromtimestamp(text.stat().st_mtime)  # a text file: its modification time


@pytest.mark.parametrize(("text", "titles"), [
    # dates under the title, a range broken over two lines
    ("Engineer, Acme\nMar 2019 –\nPresent\n- Built APIs.\nAnalyst, Beta\n2016 - 2019\n- SQL reports.",
     ["Engineer, Acme", "Analyst, Beta"]),
    # dates in front of the title (a margin or a table's label cell)
    ("2021 – Present Engineer, Acme\n- Built APIs.\n2016 - 2019 Analyst, Beta\n- SQL reports.",
     ["Engineer, Acme", "Analyst, Beta"]),
    # dates on a line of their own above the title, employer on the next line
    ("Mar 2019 - Present\nEngineer\nAcme Corp\n- Built APIs.\nJan 2016 - Feb 2019\nAnalyst\nBeta Ltd\n- SQL.",
     ["Engineer, Acme Corp", "Analyst, Beta Ltd"]),
    # the title on a line of its own above the dates, the employer after them (livecareer's PDFs)
    ("Engineer\nMarch 2019 to Current Acme Corp : City , State\n- Built APIs.\nAnalyst\n"
     "January 2016 to February 2019 Beta Ltd : City , State\n- SQL reports.",
     ["Engineer, Acme Corp : City , State", "Analyst, Beta Ltd : City , State"]),
])
def test_each_role_gets_its_title_and_its_lines(text: str, titles: list[str]) -> None:
    roles = find_roles(text, AS_OF)
    assert [r.heading.split(" — ")[0] for r in roles] == titles
    assert roles[0].text.split("\n")[-1] == "- Built APIs."
    assert roles[1].text.startswith("Analyst") and roles[1].text.split("\n")[-1].startswith("- SQL")


def test_a_livecareer_cv_with_titles_above_its_dates_gives_each_role_its_own(shared_dir: Path) -> None:
    # Each title was read as the last line of the role before it, the first one as nobody's; and a
    # statement's dates ("… during turnover period from September 2013 - December 2013.") made a role.
    livecareer = shared_dir / "data" / "dev" / "livecareer" / "ACCOUNTANT"
    roles = read_cv(livecareer / "11163645.pdf").roles
    assert [r.heading.split(",")[0] for r in roles[:3]] == ["Accountant", "Accounts Receivable Clerk",
                                                             "Mortgage Underwriter"]
    assert roles[0].text.split("\n")[-1] == "Order passports and Visa's for international travel."
    headings = [r.heading for r in read_cv(livecareer / "10674770.pdf").roles]
    assert len(headings) == 4 and all(h.startswith(("Staff Accountant,", "Financial Management Partner,"))
                                      for h in headings), headings


def test_years_are_the_union_of_the_roles() -> None:
    roles = find_roles("Lead, Acme\n2018 - Present\nConsultant, Beta\n2019 - 2020\nIntern, Gamma\n2012 - 2013",
                       AS_OF)
    assert [r.current for r in roles] == [True, False, False]
    assert role_years(roles, AS_OF) == 7.5  # Jan 2018 – July 2024, and 2012: Beta lies inside Acme


def test_pasted_cv_without_dates_falls_back_to_the_years_it_states() -> None:
    cv = read_cv_text("Jane Roe\nSummary\nAnalyst with over 7 years of experience in retail banking.\n"
                      "Experience\nSenior Analyst, Acme Bank\n- Built credit risk reports.\n")
    assert cv.roles == [] and cv.years_experience == 7.0


def test_cli_imports_with_a_reference_date_and_shows_the_roles(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "maria.pdf"
    path.write_bytes(cv_samples.right_dates_pdf())
    db = str(tmp_path / "m.db")
    assert main(["--db", db, "cv", "import", str(path), "--as-of", "2026-01-15", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["as_of"] == "2026-01-15" and shown["years_experience"] == cv_samples.YEARS + 1
    assert [r["start"] for r in shown["roles"]] == ["2019-03-01", "2018-06-01", "2015-01-01", "2013-10-01"]
    assert shown["roles"][0]["current"] and shown["roles"][0]["end"] is None
    assert main(["--db", db, "cv", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["roles"] == shown["roles"]  # stored, not only shown


def test_a_word_table_inside_a_cell_is_read_once_in_its_place() -> None:
    from docx import Document

    document = Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Experiencia laboral"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Abril 2020 – Actualidad"
    inner.cell(1, 0).text = "Analista de datos, Mercadona"
    out = io.BytesIO()
    document.save(out)
    lines = [line for line in read_docx(out.getvalue()).text.split("\n") if line]
    assert lines == ["Experiencia laboral", "Abril 2020 – Actualidad", "Analista de datos, Mercadona"]


def test_roles_and_their_date_survive_the_store_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "maria.pdf"
    path.write_bytes(cv_samples.margin_dates_pdf())
    cv = read_cv(path)
    store = Store(tmp_path / "a.db")
    store.add_cv(cv)
    write_backup(store, tmp_path / "backup.zip")
    fresh = Store(tmp_path / "b.db")
    restore_backup(fresh, tmp_path / "backup.zip")
    for kept in (store.cvs()[0], fresh.cvs()[0]):
        assert kept.roles == cv.roles and kept.as_of == cv.as_of == cv_samples.MADE.date()


def test_each_dated_role_keeps_the_skills_it_names_found_again_with_a_new_taxonomy(tmp_path: Path) -> None:
    # Kept with the CV, a ranking needs no skill search of the roles (years with a skill come from them).
    from matcher import services
    from matcher.paths import SAMPLES

    store = Store(tmp_path / "m.db")
    cv_id = services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf").id
    assert cv_id is not None
    first = store.cv(cv_id)
    assert first is not None and first.roles and all(r.skills is not None for r in first.roles)
    assert "Java" in (first.roles[0].skills or ())
    # the user's own skill, named in every role's title ("Full Stack Java Developer", "Software
    # Developer"; not a place after it, "Anywhere, USA": a heading's later parts show no skill)
    store.add_user_skill("Developer")
    session = services.RankingSession(store)
    ranking = session.rank(cv_id)
    again = store.cv(cv_id)
    assert again is not None and again.skills_version != first.skills_version, "the new version is stored"
    assert all("Developer" in (r.skills or ()) for r in again.roles)
    # and handed to whoever shows the CV, once: the window's CV pane shows it as ranked
    assert ranking.refound_cv is not None and "Developer" in [s.skill for s in ranking.refound_cv.effective_skills()]
    assert "Developer" not in [s.skill for s in first.effective_skills()]
    assert session.rank(cv_id).refound_cv is None
