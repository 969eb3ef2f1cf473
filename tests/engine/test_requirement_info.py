"""What a requirement line asks for, read once per line: which of its names are each needed and which
are alternatives, and the word a CV sentence must share to show it."""

from __future__ import annotations

import pytest

from matcher.domain import Requirement
from matcher.engine.lexical import default_reference
from matcher.engine.requirement_info import RequirementInfo, requirement_info
from matcher.engine.skills import SkillExtractor
from matcher.engine.taxonomy import default_taxonomy


def info(text: str, skills: list[str]) -> RequirementInfo:
    return requirement_info(Requirement(text, skills=skills), default_taxonomy(), default_reference())


@pytest.mark.parametrize(("text", "skills"), [
    # Google: met by "strong team player" alone, the slash joining two verbs read as "Persuasion or Teamwork"
    ("6 months experience in improving processes and navigating/influencing cross-functional teams.",
     ["Persuasion", "Teamwork"]),
    ("Excellent troubleshooting, problem solving, written/verbal communication skills.",
     ["Troubleshooting", "Problem solving", "Communication"]),
])
def test_a_slash_beside_a_word_that_names_nothing_offers_no_choice(text: str, skills: list[str]) -> None:
    assert not info(text, skills).any_of


@pytest.mark.parametrize(("text", "skills"), [
    ("Java/Kotlin", ["Java", "Kotlin"]),
    ("React Native/Flutter", ["React Native", "Flutter"]),  # a name of two words on one side
    # every slash is looked at: "CIMA" is no name, "ACA/ACCA" are two
    ("CIMA/ACA/ACCA", ["ACA", "ACCA"]),
])
def test_a_slash_between_two_names_offers_either(text: str, skills: list[str]) -> None:
    assert info(text, skills).any_of


@pytest.mark.parametrize(("text", "word"), [
    ("Ability to troubleshoot", "troubleshoot"),
    # an IT manager's "Expertise spans: Network Engineering, …" showed this line by its word "expertise"
    ("Expertise in technical project management.", "project"),
    ("Exceptional people skills.", "people"),
    ("1-year of experience in process and project management.", "process"),
])
def test_the_word_a_sentence_must_share_is_what_the_line_asks_not_how_much(text: str, word: str) -> None:
    assert info(text, []).key_word == word


@pytest.mark.parametrize(("text", "groups"), [
    # ../shared/data/dev/google_job_skills.csv: Vietnamese was no known language, and the line was met
    # by "your CV is written in English" alone
    ("Ability to speak and write in English and Vietnamese fluently and idiomatically.",
     (("english",), ("vietnamese",))),
    # a language as the line writes it, "and/or" a choice
    ("Ability to speak and write in Bahasa Melayu and/or Mandarin fluently and idiomatically.",
     (("malay", "mandarin"),)),
    ("Fluent English, and Mandarin or Cantonese", (("english",), ("mandarin", "cantonese"))),
    ("German/French speaker", (("german", "french"),)),
])
def test_spoken_languages_are_each_needed_unless_offered_as_a_choice(text: str,
                                                                      groups: tuple[tuple[str, ...], ...]) -> None:
    skills = SkillExtractor(default_taxonomy()).skills(text)
    assert info(text, skills).spoken == groups
