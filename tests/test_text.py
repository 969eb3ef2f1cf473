"""matcher.text: cleaning extracted text and cutting it into evidence units."""

from __future__ import annotations

import re

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from matcher.text import clean_text, collapse_spaces, split_sentences


def test_clean_text_fixes_ligatures_bullets_tabs_and_mojibake() -> None:
    raw = "Ofﬁce ﬂow\tmanager\n•\tBudgeting\n◦ Forecasting\nCompany Name ï¼\u200b City\ndÃ©cor"
    assert clean_text(raw) == "Office flow manager\n- Budgeting\n- Forecasting\nCompany Name : City\ndécor"


def test_middle_dots_inside_a_line_separate_items() -> None:
    assert clean_text("Technology · Java · Amazon AWS ·\n· Git") == "Technology; Java; Amazon AWS\n- Git"


def test_bullets_become_units_and_wrapped_lines_join() -> None:
    text = (
        "Developed scalable, robust, and maintainable enterprise-level applications using Java and Spring\n"
        "Boot for three product lines\n"
        "• Participated in the complete software development life cycle from requirement analysis to deploy-\n"
        "ment\n"
        "• Wrote unit tests\n"
    )
    assert split_sentences(text) == [
        "Developed scalable, robust, and maintainable enterprise-level applications using Java and Spring "
        "Boot for three product lines",
        "Participated in the complete software development life cycle from requirement analysis to deployment",
        "Wrote unit tests",
    ]


def test_headings_and_short_lines_stay_apart() -> None:
    text = "WORK EXPERIENCE\nSoftware Developer, XYZ Solutions\nJuly 2016 - June 2018\nSKILLS\nPython"
    assert split_sentences(text) == [
        "WORK EXPERIENCE", "Software Developer, XYZ Solutions", "July 2016 - June 2018", "SKILLS", "Python"]


def test_sentences_split_but_not_at_abbreviations() -> None:
    text = "Worked at ABC Inc. for five years. Used tools, e.g. Excel and SQL. Led 3 people."
    assert split_sentences(text) == [
        "Worked at ABC Inc. for five years.", "Used tools, e.g. Excel and SQL.", "Led 3 people."]


def test_a_one_letter_language_ends_a_sentence_an_initial_does_not() -> None:
    # As the sample CV harvey_dent_mle.pdf writes it: the language R ended the sentence, but was
    # taken for an initial, so the two statements were quoted as one for Python.
    text = ("Analyzed and visualized large datasets using Python and R. Assisted in the development of machine "
            "learning models. Guided visitors at the John F. Kennedy Library. Wrote drivers in C. Led the team.")
    assert split_sentences(text) == [
        "Analyzed and visualized large datasets using Python and R.",
        "Assisted in the development of machine learning models.",
        "Guided visitors at the John F. Kennedy Library.", "Wrote drivers in C.", "Led the team."]


def test_hyphenated_name_keeps_its_hyphen() -> None:
    text = "Built and deployed a machine learning pipeline for a customer retention model using Python, Scikit-\n" \
           "Learn, and AWS."
    assert split_sentences(text) == [
        "Built and deployed a machine learning pipeline for a customer retention model using Python, "
        "Scikit-Learn, and AWS."]


def test_long_run_on_text_is_cut_into_readable_units() -> None:
    text = ", ".join(f"skill number {i}" for i in range(100))
    units = split_sentences(text)
    assert len(units) > 1 and all(len(u) <= 600 for u in units)
    assert collapse_spaces(" ".join(units)).count("skill number") == 100


def test_real_cv_units_are_stable_and_cover_its_bullets(shared_dir: Path) -> None:
    pdf = PdfReader(shared_dir / "samples" / "cvs" / "john_doe.pdf")
    text = clean_text("\n".join(page.extract_text() for page in pdf.pages))
    units = split_sentences(text)
    assert units == split_sentences(text)  # deterministic
    assert "Agile and Scrum" in units
    assert "Docker" in units
    assert "Integrated applications with MySQL and MongoDB databases to store and retrieve data efficiently" in units
    assert not any(u.startswith(("•", "- ")) for u in units)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z.,;:-•·\n\t1ﬁé")), max_size=300))
def test_units_keep_every_letter_in_order_and_invent_none(text: str) -> None:
    clean = clean_text(text)
    units = split_sentences(clean)
    assert all(any(ch.isalnum() for ch in unit) for unit in units)
    # A list's own numbering ("1. ", "2) " opening a line) is a bullet, not content: it may go.
    content = re.sub(r"(?m)^\s*\d{1,2}[.)]\s+", "", clean)
    kept = "".join(ch for unit in units for ch in unit if ch.isalnum())
    assert kept in ("".join(ch for ch in content if ch.isalnum()), "".join(ch for ch in clean if ch.isalnum()))
