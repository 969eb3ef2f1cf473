"""What a CV offers: its skills with the unit that shows each, the skills they imply, its years in
all and with each skill, its language and its links.

Each offered skill says where it comes from, so a verdict never passes off as a CV sentence what is
not one: "cv" (a quotable unit names it), "manual" (the user added it by hand), "language" (the CV
is written in that language), "contact" (a link in the contact details: github.com/…).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from matcher.domain import CV, EvidenceKind, Role
from matcher.engine.degrees import DegreeAsked, degrees_shown, degrees_under_way, highest
from matcher.engine.evidence import Unit
from matcher.engine.lexical import tokens, word_stem
from matcher.engine.taxonomy import Taxonomy
from matcher.engine.unknown_names import words_of
from matcher.language import detect_language, language_name

IMPLIED_MET = 0.9  # an implication this strong (Django ⇒ Python: 1.0) counts as having the skill
IMPLIED_PARTIAL = 0.4  # weaker ones (Django ⇒ REST APIs: 0.4) count as partial
# Contact links that show an account a posting may ask for ("an active GitHub account").
LINKED_ACCOUNTS = {"github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket",
                   "linkedin.com": "LinkedIn", "kaggle.com": "Kaggle", "behance.net": "Behance",
                   "dribbble.com": "Dribbble", "stackoverflow.com": "Stack Overflow"}


@dataclass(frozen=True)
class Offered:
    """One skill the CV offers and what shows it."""

    name: str
    unit: int | None  # index of the quotable unit that names it; None when not a CV sentence
    kind: EvidenceKind = "cv"
    basis: str | None = None  # for kinds other than "cv": what shows it, in words


@dataclass(frozen=True)
class Span:
    """A dated role: from `start` to `end` (fractional years) and the skills its text names."""

    start: float
    end: float
    skills: frozenset[str]  # lower-case canonical


@dataclass
class CVProfile:
    skills: dict[str, Offered] = field(default_factory=dict)  # lower-case canonical → offered
    implied: dict[str, tuple[float, str, Offered]] = field(default_factory=dict)  # → (strength, via, offered)
    years: float | None = None
    spans: list[Span] = field(default_factory=list)
    language: str | None = None
    by_category: dict[str, Offered] = field(default_factory=dict)  # taxonomy category → a skill of it the CV shows
    words: frozenset[str] = frozenset()  # what the CV writes, for names the taxonomy does not know (unknown_names)
    unit_stems: tuple[frozenset[str], ...] = ()  # the words of each unit, stemmed (`lexical.word_stem`)
    degrees: tuple[tuple[int, int], ...] = ()  # each degree level the CV names and its unit, lowest first
    under_way: tuple[tuple[int, int], ...] = ()  # degrees the CV says are being studied for now, the same way
    _related: tuple[dict[str, tuple[float, int, Offered]], dict[str, tuple[float, int, Offered]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, cv: CV, units: Sequence[Unit], taxonomy: Taxonomy | None,
           skills_in: Callable[[str], list[str]] | None = None, extra_skills: Sequence[str] = ()) -> CVProfile:
        """`skills_in(text)`: canonical skills a text names (the extractor), for the skills of each
        dated role; `extra_skills`: a what-if's skills, offered as the user's own."""
        evidences = cv.effective_skills()
        manual = [e.skill for e in evidences if e.source == "manual"]
        profile = cls(years=cv.years_experience, language=cv.language,
                      words=words_of("\n".join([cv.text, *manual, *extra_skills])),
                      unit_stems=tuple(frozenset(map(word_stem, tokens(u.text))) for u in units))
        quotable = [i for i, u in enumerate(units) if u.quotable]
        unit_of = {units[i].text: i for i in quotable}
        sectioned = [(units[i].text, units[i].section) for i in quotable]
        profile.degrees = tuple((level, quotable[k]) for level, k in degrees_shown(sectioned))
        profile.under_way = tuple((level, quotable[k]) for level, k in degrees_under_way(sectioned))
        for evidence in evidences:
            if evidence.source == "manual":
                offered = Offered(evidence.skill, None, "manual", "a skill you added by hand")
            elif evidence.sentence in unit_of:
                offered = Offered(evidence.skill, unit_of[evidence.sentence])
            else:
                continue  # named only in a heading, the header or an objective: nothing shows it
            profile.skills.setdefault(evidence.skill.lower(), offered)
        for name in extra_skills:
            profile.skills.setdefault(name.lower(), Offered(name, None, "manual", "assumed in this what-if"))
        language = cv.language or detect_language(cv.text)
        if language:
            spoken = language_name(language)
            if spoken and spoken != language:
                profile.skills.setdefault(spoken.lower(), Offered(spoken, None, "language",
                                                                  f"your CV is written in {spoken}"))
        for link in re.split(r"[,;\s]+", " ".join(cv.contact.values()).lower()):
            for host, account in LINKED_ACCOUNTS.items():
                if host in link:
                    profile.skills.setdefault(account.lower(), Offered(account, None, "contact",
                                                                       f"your CV links to {link.strip('/')}"))
        if taxonomy is not None:
            for offered in profile.skills.values():
                known = taxonomy.get(offered.name)
                if known is not None and offered.kind in ("cv", "manual"):
                    profile.by_category.setdefault(known.category, offered)
            for key, offered in list(profile.skills.items()):
                for target, strength in taxonomy.implied(offered.name).items():
                    low = target.lower()
                    if low not in profile.skills and strength > profile.implied.get(low, (0.0, "", offered))[0]:
                        profile.implied[low] = (strength, offered.name, offered)
            for low, (strength, _via, offered) in profile.implied.items():  # Django shows a language: Python
                known = taxonomy.get(low)
                if strength >= IMPLIED_MET and known is not None and offered.kind in ("cv", "manual"):
                    profile.by_category.setdefault(known.category, Offered(known.name, offered.unit, offered.kind,
                                                                           offered.basis))
        if skills_in is not None:
            profile.spans = _spans(cv, skills_in, taxonomy)
        return profile

    @property
    def degree(self) -> tuple[int, int] | None:
        """The CV's highest degree level and the unit that names it."""
        return highest(self.degrees)

    @property
    def studying(self) -> tuple[int, int] | None:
        """The highest degree the CV says is being studied for now, and the unit that names it."""
        return highest(self.under_way)

    def degree_meeting(self, asked: DegreeAsked, fields: Sequence[str] = ()) -> tuple[int, int] | None:
        """The degree the CV names that meets `asked` and that a person would quote, and its unit: of
        the levels the line names, the highest ("Master's or PhD": the PhD; "BA/BS degree": the
        bachelor's, not the master's that also meets it), else the lowest above them; before either,
        one that names one of the line's `fields` ("in Finance": the MSc in Finance, not the BSc in
        Computer Science; "Master's in Computer Science": the MS in Computer Science, not the MBA)."""
        named = [d for d in self.degrees if asked.level <= d[0] <= asked.highest_named]
        above = [d for d in self.degrees if d[0] > asked.highest_named]
        order = sorted(named, key=lambda d: -d[0]) + above  # sorted() keeps reading order within a level
        return next((d for d in order if any(self.unit_uses(d[1], tokens(f)) for f in fields)),
                    order[0] if order else None)

    def unit_uses(self, unit: int, words: Iterable[str]) -> bool:
        """Does unit `unit` use every one of `words` (at least one), in any form ("troubleshooting"
        for "troubleshoot": `lexical.word_stem`)?"""
        stems = {word_stem(w) for w in words}
        return bool(stems) and 0 <= unit < len(self.unit_stems) and stems <= self.unit_stems[unit]

    def closest_shown(self, name: str, taxonomy: Taxonomy) -> tuple[float, Offered] | None:
        """The skill the CV's own sentences show that counts most as having `name`
        (`Taxonomy.related`), with that strength; of equals, the last shown. Looked up in a map
        built once per profile: judging 1,250 postings asked `related` ~190,000 times."""
        if self._related is None:
            exact: dict[str, tuple[float, int, Offered]] = {}  # canonical name → best (strength, order, skill)
            same: dict[str, tuple[float, int, Offered]] = {}  # lower-cased canonical name → the same skill
            for order, offered in enumerate(self.skills.values()):
                if offered.kind != "cv":
                    continue
                ca = taxonomy.canonical(offered.name) or offered.name
                same[ca.lower()] = (1.0, order, offered)
                for target, strength in taxonomy.related_to(ca).items():
                    if (strength, order) >= exact.get(target, (0.0, -1, offered))[:2]:
                        exact[target] = (strength, order, offered)
            self._related = (exact, same)
        exact, same = self._related
        cb = taxonomy.canonical(name) or name
        found = [f for f in (exact.get(cb), same.get(cb.lower())) if f is not None]
        if not found:
            return None
        strength, _, offered = max(found, key=lambda f: f[:2])
        return strength, offered

    def years_with(self, skill: str) -> float | None:
        """Years of the dated roles whose text names `skill` (overlaps once); None when no role does."""
        key = skill.lower()
        ranges = [(s.start, s.end) for s in self.spans if key in s.skills]
        return merged_length(ranges) if ranges else None


def role_text(role: Role) -> str:
    """What a role's skills are found in: its heading and its text."""
    return f"{role.heading}\n{role.text}"


def _spans(cv: CV, skills_in: Callable[[str], list[str]], taxonomy: Taxonomy | None) -> list[Span]:
    """Each dated role with the skills its text names and those they imply (Django ⇒ Python)."""
    spans = []
    as_of = cv.as_of
    for role in cv.roles:
        if role.start is None:
            continue
        end_date = role.end or (as_of if role.current and as_of else None)
        if end_date is None:
            continue
        start = role.start.year + (role.start.month - 1) / 12
        end = end_date.year + end_date.month / 12
        if end > start:
            named = list(role.skills) if role.skills is not None else skills_in(role_text(role))
            implied = [t for n in named for t, strength in (taxonomy.implied(n).items() if taxonomy else ())
                       if strength >= IMPLIED_MET]
            spans.append(Span(start, end, frozenset(s.lower() for s in [*named, *implied])))
    return spans


def merged_length(ranges: Sequence[tuple[float, float]]) -> float:
    """Length of the union of ranges: two overlapping roles count once."""
    total, current = 0.0, None
    for start, end in sorted(ranges):
        if current is None or start > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0]
    return round(total, 1)
