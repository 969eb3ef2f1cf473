"""Per-requirement verdicts: skills exact, implied, alternatives, meaning, years, must-haves."""

from __future__ import annotations

import pytest

from matcher.domain import CV, Requirement, SkillEvidence
from matcher.engine.calibration import DEFAULT_THRESHOLDS as T
from matcher.engine.matching import judge, requirement_years
from matcher.engine.profile import CVProfile
from matcher.engine.taxonomy import Taxonomy, default_taxonomy


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return default_taxonomy()


def profile(taxonomy: Taxonomy, years: float | None = 5.0, **skills: str) -> CVProfile:
    cv = CV(name="t", text="", source="t", years_experience=years,
            skills=[SkillEvidence(name.replace("_", " "), sentence) for name, sentence in skills.items()])
    return CVProfile.of(cv, taxonomy)


def test_exact_skill_is_met_with_its_cv_sentence(taxonomy: Taxonomy) -> None:
    p = profile(taxonomy, Go="Wrote payment services in Go.")
    match, credit, must = judge(Requirement("Strong Go skills", skills=["Go"]), 0.1, None, p)
    assert (match.status, credit, must) == ("met", 1.0, False)
    assert match.evidence == "Wrote payment services in Go." and "exact skill: Go" in match.reason


def test_implied_skill_counts(taxonomy: Taxonomy) -> None:
    p = profile(taxonomy, Django="Built REST APIs in Django.")
    match, credit, _ = judge(Requirement("Python", skills=["Python"]), 0.2, None, p)
    assert match.status == "met" and credit == 1.0
    assert "implied by Django" in match.reason and match.evidence == "Built REST APIs in Django."


def test_implication_is_not_symmetric(taxonomy: Taxonomy) -> None:
    p = profile(taxonomy, Python="Ten years of Python.")
    match, _, _ = judge(Requirement("Django", skills=["Django"]), 0.2, None, p)
    assert match.status == "missing" and match.missing_skills == ["Django"]


def test_all_listed_skills_needed_but_one_alternative_is_enough(taxonomy: Taxonomy) -> None:
    p = profile(taxonomy, Java="Java at scale.")
    both, credit, _ = judge(Requirement("Java and Kotlin", skills=["Java", "Kotlin"]), 0.2, None, p)
    assert both.status == "partial" and credit == 0.5 and both.missing_skills == ["Kotlin"]
    either, _, _ = judge(Requirement("Java or Kotlin", skills=["Java", "Kotlin"]), 0.2, None, p)
    assert either.status == "met" and either.missing_skills == []


def test_skill_free_requirement_is_judged_on_meaning(taxonomy: Taxonomy) -> None:
    p = profile(taxonomy)
    sentence = "Presented results to the executive board every quarter."
    met, _, _ = judge(Requirement("Excellent communication"), T.met + 0.01, sentence, p)
    partial, credit, _ = judge(Requirement("Excellent communication"), (T.met + T.partial) / 2, sentence, p)
    missing, _, _ = judge(Requirement("Excellent communication"), T.partial - 0.05, sentence, p)
    assert (met.status, met.evidence) == ("met", sentence)
    assert partial.status == "partial" and 0 < credit < 1
    assert missing.status == "missing" and missing.evidence is None
    assert met.weight < 1.0  # "Excellent communication" says little: it weighs half


def test_meaning_alone_cannot_meet_a_named_skill(taxonomy: Taxonomy) -> None:
    match, _, _ = judge(Requirement("Kubernetes", skills=["Kubernetes"]), 0.9, "Ran Docker Swarm clusters.",
                        profile(taxonomy))
    assert match.status == "partial" and match.missing_skills == ["Kubernetes"]


def test_years_lower_the_verdict(taxonomy: Taxonomy) -> None:
    req = Requirement("5+ years of Python", skills=["Python"])
    assert requirement_years(req) == 5.0
    assert judge(req, 0.2, None, profile(taxonomy, 6.0, Python="x"))[0].status == "met"
    assert judge(req, 0.2, None, profile(taxonomy, 3.5, Python="x"))[0].status == "partial"
    low = judge(req, 0.2, None, profile(taxonomy, 1.0, Python="x"))[0]
    assert low.status == "missing" and "5 years asked" in low.reason
    assert judge(req, 0.2, None, profile(taxonomy, None, Python="x"))[0].status == "met"  # unknown: not judged


def test_missing_title_skill_is_a_must_have(taxonomy: Taxonomy) -> None:
    req = Requirement("Go", skills=["Go"])
    match, _, must = judge(req, 0.2, None, profile(taxonomy, Python="x"), frozenset({"go"}))
    assert must and match.weight > 1.0
    assert not judge(Requirement("Go", "preferred", ["Go"]), 0.2, None, profile(taxonomy), frozenset({"go"}))[2]


def test_a_years_only_requirement_is_judged_on_years_whatever_the_meaning(taxonomy: Taxonomy) -> None:
    # Low similarity (nothing in the CV reads like "5 years of experience"), yet 10 years meet it.
    senior = profile(taxonomy, years=10.0)
    match, credit, _ = judge(Requirement("5+ years of relevant experience", years=5), 0.1, "Led teams since 2014.", senior)
    assert (match.status, credit) == ("met", 1.0) and "5 years asked, CV shows 10" in match.reason
    # High similarity (a heading like "WORK EXPERIENCE" is close in meaning), yet 2 years do not.
    junior = profile(taxonomy, years=2.0)
    match, credit, _ = judge(Requirement("5 years of experience", years=5), 0.9, "WORK EXPERIENCE", junior)
    assert (match.status, credit, match.evidence) == ("missing", 0.0, None)


def test_years_with_a_subject_are_still_judged_on_meaning_too(taxonomy: Taxonomy) -> None:
    p = profile(taxonomy, years=10.0)
    match, _, _ = judge(Requirement("3 years of experience with payment fraud models", years=3), 0.2, None, p)
    assert match.status == "missing"  # years alone do not show payment fraud models
