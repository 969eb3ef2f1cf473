"""What a CV offers (its skills, the skills they imply, its years) and the verdict of named skills.

A requirement naming skills is judged on them first: the CV names the skill (exact or alias,
already canonical), or names a skill that implies it (taxonomy: Django ⇒ Python, strength 1.0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matcher.domain import CV, MatchStatus, Requirement
from matcher.engine.taxonomy import Taxonomy
from matcher.language import detect_language

CREDIT: dict[MatchStatus, float] = {"met": 1.0, "partial": 0.5, "missing": 0.0}
IMPLIED_MET = 0.9  # an implication this strong (Django ⇒ Python: 1.0) counts as having the skill
IMPLIED_PARTIAL = 0.4  # weaker ones (Django ⇒ REST APIs: 0.4) count as partial
_ALTERNATIVES = re.compile(r"\b(or|one of|such as|e\.g|like|including|any|either)\b|/", re.I)


@dataclass
class CVProfile:
    """What a CV offers, keyed by lower-case canonical skill."""

    skills: dict[str, tuple[str, str]] = field(default_factory=dict)  # skill -> (name, sentence)
    implied: dict[str, tuple[float, str, str]] = field(default_factory=dict)  # -> (strength, via, sentence)
    years: float | None = None
    text: str = ""  # lower-cased CV text, to check that a must-have is not named at all
    _mentioned: dict[str, bool] = field(default_factory=dict, repr=False)

    def mentions(self, skill: str) -> bool:
        """The CV names `skill` somewhere, even where the extractor's context rules passed it by."""
        key = skill.lower()
        if key not in self._mentioned:
            pattern = rf"(?<![\w+#]){re.escape(key)}(?![\w+#])"
            self._mentioned[key] = re.search(pattern, self.text) is not None
        return self._mentioned[key]

    @classmethod
    def of(cls, cv: CV, taxonomy: Taxonomy | None, extra_skills: list[str] | None = None) -> CVProfile:
        profile = cls(years=cv.years_experience, text=cv.text.lower())
        evidence = [(s.skill, s.sentence) for s in cv.effective_skills()]
        evidence += [(s, f"(added by you: {s})") for s in extra_skills or []]
        if detect_language(cv.text) == "en":
            # A CV written in English shows the language even when it never names it; without
            # this, every "fluent English" line of every posting would read as a gap.
            evidence.append(("English", "(the CV is written in English)"))
        for name, sentence in evidence:
            profile.skills.setdefault(name.lower(), (name, sentence))
        for name, sentence in evidence:
            implied = taxonomy.implied(name) if taxonomy is not None else {}
            for target, strength in implied.items():
                key = target.lower()
                if key not in profile.skills and strength > profile.implied.get(key, (0.0,))[0]:
                    profile.implied[key] = (strength, name, sentence)
        return profile


@dataclass
class SkillVerdict:
    status: MatchStatus
    credit: float
    evidence: str | None
    missing: list[str]
    reason: str
    missing_lower: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        self.missing_lower = frozenset(m.lower() for m in self.missing)


def is_any_of(req: Requirement) -> bool:
    """One of the named skills is enough: "Java or Kotlin", "such as React/Vue"."""
    return len(req.skills) > 1 and bool(_ALTERNATIVES.search(req.text))


def judge_skills(skills: list[str], any_of: bool, profile: CVProfile) -> SkillVerdict:
    """Verdict from named skills alone; alternatives ("Java or Go") need one, lists need all."""
    credits: list[float] = []
    reasons: list[str] = []
    evidence: str | None = None
    missing: list[str] = []
    for skill in skills:
        key = skill.lower()
        if key in profile.skills:
            credits.append(1.0)
            reasons.append(f"exact skill: {skill}")
            evidence = evidence or profile.skills[key][1]
        elif key in profile.implied:
            strength, via, sentence = profile.implied[key]
            credits.append(strength)
            reasons.append(f"{skill} implied by {via}")
            evidence = evidence or sentence
        else:
            credits.append(0.0)
            missing.append(skill)
    credit = max(credits) if any_of else sum(credits) / len(credits)
    if any_of and credit > 0:
        missing = []  # one alternative is enough: the others are not gaps
    status: MatchStatus = "met" if credit >= IMPLIED_MET else "partial" if credit >= IMPLIED_PARTIAL else "missing"
    if status == "missing":
        credit = 0.0
    return SkillVerdict(status, credit, evidence, missing, "; ".join(reasons) or "skill not in CV")
