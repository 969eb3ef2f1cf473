"""The skills taxonomy: one canonical name per skill, its aliases, category and implications.

The data is built by `scripts/build_taxonomy.py` from O*NET, ESCO and a curated table into
`resources/taxonomy/taxonomy.json`; this module only reads it. No Qt, no database.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from matcher.paths import TAXONOMY

DEFAULT_PATH = TAXONOMY  # resources/taxonomy/taxonomy.json, wherever matcher is installed
CATEGORIES = ("language", "framework", "database", "cloud", "tool", "method", "domain",
              "soft skill", "spoken language", "certification")
USER_CATEGORY = "tool"  # an alias the user adds for a skill we do not know yet

# How a surface form is matched: "i" any case; "x" exact case ("React", not the verb "react");
# "a" exact case *and* only with context ("Go" in "Go, Python", not in "let's Go");
# "c" any case but only with context ("profiling" of code, not of gene expression);
# "v" only with a version after it ("ES2022", "ES 6", "Win10": "ES" alone is not JavaScript).
MatchMode = Literal["i", "x", "a", "c", "v"]
# A version names what the taxonomy was built from: 12 hex digits of a SHA-256 (48 bits) tell
# thousands of versions apart, and stay short enough to store beside every posting and CV.
VERSION_DIGITS = 12

# A token is a word that may end in "++", "+" or "#" (C++, C#, A+), or ".NET" glued to a
# word ("ASP.NET" -> "ASP", ".NET"). Punctuation between tokens is kept apart so the
# extractor can judge it ("go-to-market", "R&D", "CI/CD").
# "C++17" and "C#10" are the name then its version ("C++", "17"), ".NET8" is ".NET" then "8".
TOKEN_RE = re.compile(r"\.net(?![^\W\d])|[^\W_](?:[\w'’]*[^\W_])?(?:(?:\+\+|#)(?=\d)|(?:\+\+|\+|#)(?![\w+#]))?",
                      re.IGNORECASE)
_POSSESSIVE = ("'s", "’s")
# "Managed … teams": in a name, an ellipsis stands for up to GAP_WORDS words ("Managed globally
# distributed teams", "Supervised a staff"); see SkillExtractor. It is a token of the name's key.
GAP = "…"
GAP_WORDS = 3
_TOKEN_OR_GAP = re.compile(f"{GAP}|{TOKEN_RE.pattern}", re.IGNORECASE)


def norm_token(token: str) -> str:
    """Lower case, without a possessive "'s": "Python's" and "python" are the same key."""
    low = token.lower()
    return low[:-2] if low.endswith(_POSSESSIVE) else low


def name_tokens(surface: str) -> list[str]:
    """The tokens of a name as written, a gap ("…") one of them."""
    return [m.group() for m in _TOKEN_OR_GAP.finditer(surface)]


def alias_key(surface: str) -> tuple[str, ...]:
    """The token key of a name: "Node.js" -> ("node", "js"), "CI/CD" -> ("ci", "cd")."""
    return tuple(norm_token(token) for token in name_tokens(surface))


@dataclass(frozen=True)
class Skill:
    name: str  # canonical, e.g. "PostgreSQL"
    category: str  # one of CATEGORIES
    aliases: tuple[str, ...]
    hot: bool = False  # O*NET "Hot Technology"


@dataclass(frozen=True)
class Pattern:
    """One surface form the extractor looks for."""

    surface: str
    skill: str
    mode: MatchMode = "i"
    user: bool = False  # user entries win over shipped ones with the same key


class Taxonomy:
    """Skills, the surface forms that name them, and how they relate.

    `implied(a)` follows the implication graph transitively; along a path strengths
    multiply and the strongest path wins: Next.js -> React (1.0) -> JavaScript (1.0).
    `related(a, b)` is directional ("how much does having a count as having b"):
    1.0 for the same skill, the implication strength when a implies b, else the
    strength of a curated sibling group holding both (PostgreSQL ~ MySQL 0.5, AWS ~ GCP
    0.4), else 0. Same-category siblings get nothing on their own: React and Angular
    share a category and are deliberately unrelated.
    """

    def __init__(self, skills: Iterable[Skill], patterns: Iterable[Pattern],
                 implies: Mapping[str, Mapping[str, float]] | None = None,
                 siblings: Sequence[tuple[float, frozenset[str]]] = (),
                 context: Mapping[str, frozenset[str]] | None = None,
                 reject_next: Mapping[str, frozenset[str]] | None = None,
                 strict: Iterable[str] = (), version: str | None = None,
                 not_skills: Iterable[str] = ()) -> None:
        self._setup({s.name: s for s in skills}, [(p.surface, p.skill, p.mode, p.user) for p in patterns],
                    implies, siblings, context, reject_next, strict, version, not_skills)

    def _setup(self, skills: dict[str, Skill], patterns: list[tuple[str, str, MatchMode, bool]],
               implies: Mapping[str, Mapping[str, float]] | None, siblings: Sequence[tuple[float, frozenset[str]]],
               context: Mapping[str, frozenset[str]] | None, reject_next: Mapping[str, frozenset[str]] | None,
               strict: Iterable[str], version: str | None, not_skills: Iterable[str]) -> None:
        self._version = version
        self._not_skills = tuple(not_skills)
        self._skills = skills
        # Kept as plain tuples: a long-lived object per name is work for every full garbage collection.
        self._patterns = patterns
        self._implies = {k: dict(v) for k, v in (implies or {}).items()}
        self._siblings = list(siblings)
        self._context = dict(context or {})
        self._reject_next = dict(reject_next or {})
        self._strict = frozenset(strict)
        self._lookup: dict[str, str] = {}
        for surface, name, _, _ in self._patterns:  # aliases first so a canonical name always wins below
            self._lookup.setdefault(surface.lower(), name)
        for skill in self._skills.values():
            self._lookup[skill.name.lower()] = skill.name
        self._key_lookup: dict[tuple[str, ...], str] | None = None  # built on first need: load stays fast
        self._implied_cache: dict[str, dict[str, float]] = {}
        self._related_cache: dict[tuple[str, str], float] = {}  # a ranking asks the same pairs over and over

    @property
    def version(self) -> str:
        """Changes whenever the skills, their names or the user's own entries change.

        Derived data (the skills stored with postings and CVs) keeps the version it was made with
        and is made again when the taxonomy's version is no longer the same.
        """
        if self._version is None:  # built in code (tests, a hand-made taxonomy): hash what it holds
            content = json.dumps([sorted(self._patterns),
                                  sorted(self._not_skills),
                                  sorted((s.name, s.category) for s in self._skills.values()),
                                  sorted((k, sorted(v.items())) for k, v in self._implies.items())])
            self._version = _digest(content.encode("utf-8"))
        return self._version

    # ---- loading -------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """Read the built taxonomy (default: the one shipped in resources/taxonomy/)."""
        raw = (path or DEFAULT_PATH).read_bytes()
        data = json.loads(raw.decode("utf-8"))
        skills: dict[str, Skill] = {}
        patterns: list[tuple[str, str, MatchMode, bool]] = []
        for name, category, hot, forms in data["skills"]:
            skills[name] = Skill(name, category, tuple(surface for surface, _ in forms if surface != name), bool(hot))
            patterns.extend((surface, name, mode, False) for surface, mode in forms)
        siblings = [(float(g["strength"]), frozenset(g["members"])) for g in data["siblings"]]
        context = {k: frozenset(v) for k, v in data["context"].items()}
        reject = {k: frozenset(v) for k, v in data["reject_next"].items()}
        # Straight into the tuples the taxonomy keeps: a Pattern object per surface form first cost
        # every `matcher rank` process ~35 ms of its 1 s.
        taxonomy = cls.__new__(cls)
        taxonomy._setup(skills, patterns, data["implies"], siblings, context, reject, data.get("strict", ()),
                        _digest(raw), data.get("not_skills", ()))
        return taxonomy

    def with_user_entries(self, skills: Iterable[tuple[str, str]] = (),
                          aliases: Mapping[str, str] | None = None) -> Taxonomy:
        """A copy with the user's own skills (name, category) and aliases (alias -> canonical)."""
        skills = list(skills)
        new_skills = dict(self._skills)
        extra: list[Pattern] = []
        for name, category in skills:
            name = name.strip()
            if name and self.canonical(name) is None:
                new_skills[name] = Skill(name, category or USER_CATEGORY, ())
                extra.append(Pattern(name, name, "i", user=True))
        for alias, target in (aliases or {}).items():
            alias, target = alias.strip(), target.strip()
            if not alias or not target:
                continue
            canonical = self.canonical(target) or (target if target in new_skills else None)
            if canonical is None:
                canonical = target
                new_skills[target] = Skill(target, USER_CATEGORY, ())
                extra.append(Pattern(target, target, "i", user=True))
            old = new_skills[canonical]
            new_skills[canonical] = Skill(old.name, old.category, (*old.aliases, alias), old.hot)
            extra.append(Pattern(alias, canonical, "i", user=True))
        entries = json.dumps([sorted(skills), sorted((aliases or {}).items())])
        return Taxonomy(new_skills.values(), [*self.patterns(), *extra], self._implies,
                        self._siblings, self._context, self._reject_next, self._strict,
                        version=_digest(f"{self.version}+{entries}".encode("utf-8")) if extra else self.version,
                        not_skills=self._not_skills)

    # ---- lookup --------------------------------------------------------------------
    def get(self, name_or_alias: str) -> Skill | None:
        """The skill a canonical name or alias names, in any case; None if unknown."""
        text = name_or_alias.strip()
        name = self._lookup.get(text.lower())
        if name is None and text:  # "node js", "Spring-Boot": same tokens, other punctuation
            if self._key_lookup is None:
                self._key_lookup = {}
                for surface, target, _, _ in self._patterns:
                    self._key_lookup.setdefault(alias_key(surface), target)
            name = self._key_lookup.get(alias_key(text))
        return self._skills.get(name) if name else None

    def canonical(self, name_or_alias: str) -> str | None:
        skill = self.get(name_or_alias)
        return skill.name if skill else None

    def implied(self, skill: str) -> dict[str, float]:
        """Every skill `skill` implies, transitively, with the strongest path's strength."""
        name = self.canonical(skill) or skill
        cached = self._implied_cache.get(name)
        if cached is None:
            cached = self._closure(name)
            self._implied_cache[name] = cached
        return dict(cached)

    def _closure(self, start: str) -> dict[str, float]:
        best: dict[str, float] = {start: 1.0}
        frontier = [start]
        while frontier:  # relax edges until no path improves; strengths <= 1 so this ends
            nxt: list[str] = []
            for node in frontier:
                for target, strength in self._implies.get(node, {}).items():
                    value = best[node] * strength
                    if value > best.get(target, 0.0) + 1e-12:
                        best[target] = value
                        nxt.append(target)
            frontier = nxt
        best.pop(start, None)
        return best

    def related(self, a: str, b: str) -> float:
        """How far having `a` counts as having `b`, in [0, 1] (see the class docstring)."""
        known = self._related_cache.get((a, b))
        if known is None:
            known = self._related_cache[(a, b)] = self._relatedness(a, b)
        return known

    def related_to(self, skill: str) -> dict[str, float]:
        """Every skill `b` with `related(skill, b) > 0` except `skill` itself (by canonical name),
        with that strength: what it implies and its siblings."""
        ca = self.canonical(skill) or skill
        out = self.implied(ca)
        for strength, members in self._siblings:
            if ca in members:
                for member in members:
                    out[member] = max(out.get(member, 0.0), strength)
        return out

    def _relatedness(self, a: str, b: str) -> float:
        ca, cb = self.canonical(a) or a, self.canonical(b) or b
        if ca.lower() == cb.lower():
            return 1.0
        score = self.implied(ca).get(cb, 0.0)
        for strength, members in self._siblings:
            if ca in members and cb in members:
                score = max(score, strength)
        return score

    # ---- what the extractor needs --------------------------------------------------
    def patterns(self) -> list[Pattern]:
        return [Pattern(*fields) for fields in self._patterns]

    def not_skill_names(self) -> tuple[str, ...]:
        """Category names ("Programming languages", "Databases"): never extracted as a skill."""
        return self._not_skills

    def context_words(self, skill: str) -> frozenset[str]:
        """Words that, next to an ambiguous name of `skill`, show it is meant."""
        return self._context.get("common", frozenset()) | self._context.get(skill, frozenset())

    def rejecting_next_words(self, skill: str) -> frozenset[str]:
        """Words that, right after an ambiguous name of `skill`, show it is not meant."""
        return self._reject_next.get(skill, frozenset())

    def needs_context_word(self, skill: str) -> bool:
        """A department name too ("Finance"): a list of names around it proves nothing."""
        return skill in self._strict

    def skills(self) -> Iterator[Skill]:
        return iter(self._skills.values())

    def __len__(self) -> int:
        return len(self._skills)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:VERSION_DIGITS]


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The shipped taxonomy, read once per process."""
    return Taxonomy.load()
