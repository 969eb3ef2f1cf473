"""Names a requirement line writes that the taxonomy does not know ("IGBTs", "WCF"): which words
are such names, and whether a CV writes them (or spells them out as the line does)."""

from __future__ import annotations

import pytest

from matcher.engine.lexical import default_reference
from matcher.engine.taxonomy import default_taxonomy
from matcher.engine.unknown_names import lacking, unknown_names, words_of


def names(text: str) -> list[str]:
    return [written for written, _, _ in unknown_names(text, default_taxonomy(), default_reference())]


@pytest.mark.parametrize(("line", "expected"), [
    ("Solid-State Devices – From MOSFETs to IGBTs.", ["MOSFETs", "IGBTs"]),
    ("Proficiency in .Net, WCF, HTML5", ["WCF"]),  # .NET and HTML5 are skills the taxonomy knows
    ("Comprehensive grasp of VPN, iManage, FilesSite, and Altiris systems.", ["FilesSite"]),
    ("Proficient in Maven and knowledge of CI/CD best practices.", []),  # "CI/CD" is one known name
    ("MBA or MS in Engineering.", []),  # words every few postings use: nothing to look for
    ("BA/BS degree or equivalent practical experience.", []),
    ("EXCELLENT STAMINA AND DEXTERITY", []),  # shouting, not naming
    ("Excellent written communication skills", []),
    ("Command of VHDL (VHSIC Hardware Description Language)", []),  # spells out VHDL, asks no VHSIC
    # ../shared board lines: a phrase the taxonomy knows holds the name; a place is not a name
    ("IP networking", []), ("2D/3D geometry algorithms", []), ("iOS, Android, SDK, Technical Writing", ["SDK"]),
    ("CPAs or EAs with 3-5 years of experience preparing US expat tax returns", []),
])
def test_names_are_rare_name_shaped_words_the_taxonomy_does_not_know(line: str, expected: list[str]) -> None:
    assert names(line) == expected


def test_a_cv_writing_a_name_or_its_plural_has_it() -> None:
    found = unknown_names("Solid-State Devices – From MOSFETs to IGBTs.", default_taxonomy(), default_reference())
    assert lacking(found, words_of("Designed gate drivers for IGBT modules.")) == ["MOSFETs"]
    assert lacking(found, words_of("Worked with MOSFETs and IGBTs daily.")) == []


@pytest.mark.parametrize("line", ["Hands-on experience with SDI (Spatial Data Infrastructure).",
                                  "Business Intelligence (BI)"])
def test_a_spelled_out_form_the_line_gives_shows_the_name(line: str) -> None:
    found = unknown_names(line, default_taxonomy(), default_reference())
    assert len(found) == 1
    assert lacking(found, words_of("Built spatial data infrastructure and business intelligence dashboards.")) == []
    assert lacking(found, words_of("Built dashboards.")) == [found[0][0]]


def test_without_a_taxonomy_no_name_is_unknown() -> None:
    assert unknown_names("From MOSFETs to IGBTs", None, default_reference()) == ()
