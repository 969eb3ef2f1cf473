"""Skills: the extractor (shipped taxonomy plus the user's own entries), finding skills in postings
and CVs, and the user's hand edits of a CV's skills."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from matcher.domain import CV, Posting, PostingFacts, SkillEvidence
from matcher.store import Store

if TYPE_CHECKING:  # the engine loads a 9,000-skill taxonomy: only when a service needs it
    from matcher.engine.skills import SkillExtractor


def skill_extractor(store: Store) -> SkillExtractor:
    """The shipped taxonomy plus the user's own skills and aliases from the database."""
    skills, aliases = store.user_taxonomy()
    return _extractor_for(tuple(skills), tuple(sorted(aliases.items())))


@lru_cache(maxsize=4)
def _extractor_for(skills: tuple[tuple[str, str], ...], aliases: tuple[tuple[str, str], ...]) -> SkillExtractor:
    # Built once per set of user entries: an extractor is ~40,000 objects, too many to build per import.
    from matcher.engine.skills import SkillExtractor
    from matcher.engine.taxonomy import default_taxonomy

    taxonomy = default_taxonomy()
    if skills or aliases:
        taxonomy = taxonomy.with_user_entries(skills, dict(aliases))
    extractor = SkillExtractor(taxonomy)
    return extractor


def skills_version(extractor: SkillExtractor) -> str:
    """Which taxonomy found a set of skills (the shipped table and the user's own entries). Stored
    beside the skills of each posting and CV; when it changes they are found again (lazily)."""
    return extractor.taxonomy.version


def cv_skills_version(extractor: SkillExtractor) -> str:
    """Which taxonomy, and which cutting of CVs into quotable units, found a CV's skills: each
    skill's evidence is one of those units, so a change to either finds them again."""
    from matcher.engine.evidence import UNITS_VERSION

    return f"{skills_version(extractor)}.{UNITS_VERSION}"


def annotate_posting(posting: Posting, extractor: SkillExtractor) -> Posting:
    """Fill the canonical skills of each requirement and of the posting as a whole."""
    seen: dict[str, None] = {}
    for requirement in posting.requirements:
        requirement.skills = extractor.skills(requirement.text)
        seen.update(dict.fromkeys(requirement.skills))
    seen.update(dict.fromkeys(extractor.skills(f"{posting.title}\n{posting.description}")))
    posting.skills = tuple(seen)
    posting.skills_version = skills_version(extractor)
    return posting


def reannotate_facts(facts: PostingFacts, extractor: SkillExtractor) -> PostingFacts:
    """A stored posting's skills found again with the current taxonomy (its description is not
    read: the posting's own skills are those of its title and requirement lines)."""
    seen: dict[str, None] = dict.fromkeys(extractor.skills(facts.title))
    for requirement in facts.requirements:
        requirement.skills = extractor.skills(requirement.text)
        seen.update(dict.fromkeys(requirement.skills))
    facts.skills = list(dict.fromkeys([*seen, *facts.skills]))
    facts.skills_version = skills_version(extractor)
    return facts


def annotate_cv(cv: CV, extractor: SkillExtractor) -> CV:
    """Find every skill in the CV, each with the sentence that shows it best (the evidence): a
    sentence about work (experience, projects) before a role's title line ("Senior Python Developer,
    2021 - Present"), and either before a skills list or the summary; never a heading, the header or
    an objective statement, so a skill named only there is not credited."""
    from matcher.engine.evidence import cv_units, heading_skills, role_lines, role_skills

    manual = [e for e in cv.skills if e.source == "manual"]
    best: dict[str, tuple[tuple[int, bool], SkillEvidence]] = {}
    units = cv_units(cv)
    titles = role_lines(cv, units)
    for i, unit in enumerate(units):
        if not unit.quotable:
            continue
        rank = (unit.priority, i not in titles)
        for skill in heading_skills(unit.text, extractor) if i in titles else extractor.skills(unit.text):
            if skill.lower() not in best or rank > best[skill.lower()][0]:
                best[skill.lower()] = (rank, SkillEvidence(skill, unit.text))
    found = {key: evidence for key, (_, evidence) in best.items()}
    for evidence in manual:
        found.setdefault(evidence.skill.lower(), evidence)
    cv.skills = list(found.values())
    for role in cv.roles:  # what each dated role used: the years with a skill (`CVProfile.years_with`)
        role.skills = tuple(role_skills(role, extractor))
    cv.skills_version = cv_skills_version(extractor)
    if cv.report is not None:
        cv.report.skills_found = len(cv.skills)
    return cv


def edit_cv_skills(store: Store, cv: CV, add: Iterable[str] = (), remove: Iterable[str] = ()) -> CV:
    """The user's hand edits: added skills become manual evidence; removed ones are remembered."""
    taxonomy = skill_extractor(store).taxonomy
    known = {e.skill.lower() for e in cv.skills}
    removed = {s.lower(): s for s in cv.removed_skills}
    for name in add:
        canonical = taxonomy.canonical(name) or name.strip()
        removed.pop(canonical.lower(), None)
        if canonical.lower() not in known:
            cv.skills.append(SkillEvidence(canonical, "Added by hand", source="manual"))
            known.add(canonical.lower())
    for name in remove:
        canonical = taxonomy.canonical(name) or name.strip()
        removed[canonical.lower()] = canonical
    cv.removed_skills = sorted(removed.values())
    store.update_cv_skills(cv)
    return cv


