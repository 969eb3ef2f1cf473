"""What one requirement line is, whatever the CV: the skills it names (by name only, or also by
meaning), whether one of them is enough, whether it asks for years alone, and what it is worth.

What a requirement is worth (`weight`) follows how specific it is: a named hard skill weighs
`SKILL_WEIGHT + SKILL_RARITY_WEIGHT × rarity` ("Kubernetes" more than "SQL"), a line judged on
meaning `TEXT_WEIGHT + TEXT_RARITY_WEIGHT × rarity of its rarest words` ("excellent communication
skills" little), years alone `YEARS_WEIGHT`, a line of three words or fewer with no skill
`LOW_INFO_WEIGHT`. Worked example: "Kubernetes" (rarity 0.71) → 1.0 + 1.0 × 0.71 = 1.71; "Strong
communication skills" (rarities 0.10, 0.05, 0.02; two rarest mean 0.075) → 0.4 + 0.8 × 0.075 = 0.46.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matcher.domain import Requirement
from matcher.engine.degrees import DegreeAsked, degree_asked
from matcher.engine.lexical import Reference, tokens
from matcher.engine.taxonomy import Taxonomy
from matcher.engine.unknown_names import UnknownName, unknown_names
from matcher.years import without_years

# Skills checked by name only: a sentence about another skill never shows them.
HARD_CATEGORIES = frozenset({"language", "framework", "database", "cloud", "tool", "certification"})
# Fields, methods and soft skills ("Statistics", "Visual design", "Time management"): when a line names
# some and the CV names none of them, a sentence close in meaning shows at most part of it ("a BS in
# Design" is not met by "a BS in Computer Science", however alike the two sentences read; "strong time
# management" is not shown by "organised events" as surely as by saying it).
NAMED_FIELD_CATEGORIES = frozenset({"method", "domain", "soft skill"})
SKILL_WEIGHT, SKILL_RARITY_WEIGHT = 1.0, 1.0
TEXT_WEIGHT, TEXT_RARITY_WEIGHT = 0.4, 0.8
TEXT_RARITY_WORDS = 2  # the rarest words say what a line is about; "strong", "skills" say nothing
YEARS_WEIGHT = 0.8
LOW_INFO_WEIGHT = 0.3
LOW_INFO_WORDS = 3
# Words that say nothing beyond the years in "5+ years of relevant professional experience".
YEARS_FILLER = frozenset({"of", "experience", "relevant", "professional", "work", "working", "industry", "at",
                          "least", "minimum", "min", "in", "the", "a", "an", "total", "overall", "with", "proven",
                          "year", "years", "plus", "hands", "on", "practical", "related", "equivalent"})
# Words that say how much or how well a line asks, not what it asks ("Expertise in technical project
# management", "Exceptional people skills"): never the word a CV sentence must share to show the line,
# or "Expertise spans: Network Engineering, …" would show any line that starts with "Expertise".
# Its first row are the asking words of `skill_context.PROFICIENCY`, written out: that module is not
# one the saved ranking index's code digest reads (`services.saved_index.INDEX_MODULES`).
ASKING_WORDS = YEARS_FILLER | frozenset({
    "fluent", "basic", "intermediate", "advanced", "expert", "proficient", "good", "excellent", "strong",
    "expertise", "ability", "abilities", "capability", "capabilities", "knowledge", "understanding",
    "familiarity", "proficiency", "skills", "skill", "background", "track", "record", "exceptional",
    "impeccable", "distinctive", "outstanding", "superb", "exemplary", "solid", "deep", "demonstrated",
    "demonstrable", "effective", "successful", "success", "willingness", "required", "preferred", "desired",
    "ideal", "ideally", "numerous", "others", "towards", "toward", "inside", "level", "levels", "role", "roles",
    "field", "fields", "experienced", "familiar", "knowledgeable", "comfortable"})
_ALTERNATIVES = re.compile(r"\b(or|one of|one or more|such as|e\.g|like|including|any|either|similar|etc)\b", re.I)
# A slash with up to one more word on each side: "Java/Kotlin", "React Native/Flutter", "CI/CD".
# In a lookahead, so that every slash of "CIMA/ACA/ACCA" is looked at with both its neighbours.
_SLASHED = re.compile(r"(?=(?:(?<![^\s/,;:()])([^\s/,;:()]+) )?(?<![^\s/,;:()])([^\s/,;:()]+)/"
                      r"([^\s/,;:()]+)(?: ([^\s/,;:()]+))?)")
# "Cloud computing (AWS, Azure, GCP)": a list in brackets gives examples, one of which will do.
_EXAMPLES_IN_BRACKETS = re.compile(
    r"\((?:[^()]*,[^()]*|\s*(?:e\.g|i\.e|such as|including|like|for example|for instance)\b[^()]*)\)", re.I)
# Where the clause a bracket's name stands in begins: "Java, Spring, Web Services (e.g. …)" → "Web Services".
_CLAUSE_BREAK = re.compile(r"[,;:]|\band\b|\bwith\b|\bin\b|\bof\b", re.I)
# A line asking for a credential ("CPA / CA or other professional accounting accreditation", "PMP or
# an equivalent project management certification"): among its alternatives only credentials meet it;
# the field a credential is in ("accounting") is what the credential certifies, not one of them.
_CREDENTIAL = re.compile(r"\b(?:certifi\w*|accredit\w*|qualification|licen[cs]\w*|designation|credential|chartered)\b", re.I)
# Lines that ask for a kind of skill rather than a named one ("one or more programming languages",
# "relational databases", "a cloud platform"): any skill of that taxonomy category the CV shows meets them.
CATEGORY_MENTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:programming|coding|scripting|general[- ]purpose|object[- ]oriented|back[- ]?end|"
                r"high[- ]level|compiled|modern|typed) (?:programming )?languages?\b", re.I), "language"),
    (re.compile(r"\bcloud (?:platforms?|providers?|services|infrastructure|environments?)\b|\bpublic clouds?\b",
                re.I), "cloud"),
    (re.compile(r"\b(?:relational|sql|nosql) (?:databases?|data ?stores?)\b|\bdatabases?\b", re.I), "database"),
    (re.compile(r"\b(?:web|front[- ]?end|javascript|js|back[- ]?end|ui) frameworks?\b", re.I), "framework"),
)


@dataclass(frozen=True)
class RequirementInfo:
    """What one requirement line is, whatever the CV."""

    hard: tuple[str, ...]  # lower-case canonical skills judged by name only
    soft: tuple[str, ...]  # skills a sentence may show by meaning (methods, domains, soft skills)
    names: tuple[str, ...]  # canonical names of all its skills, as written in explanations
    any_of: bool  # one named skill is enough ("Java or Go")
    years_only: bool  # "5+ years of experience": nothing to judge but the years
    weight: float
    categories: tuple[str, ...] = ()  # kinds of skill asked for without a name ("a programming language")
    fields: bool = False  # names fields or methods that meaning alone cannot meet (NAMED_FIELD_CATEGORIES)
    spoken: tuple[tuple[str, ...], ...] = ()  # spoken languages asked, each group one of which will do
    unknown: tuple[UnknownName, ...] = ()  # names the taxonomy does not know ("IGBTs", "WCF"): see unknown_names
    degree: DegreeAsked | None = None  # the degree asked: its level, whether equivalent experience will do
    # Its rarest word ("troubleshoot" of "Ability to troubleshoot"), for a line judged on meaning: a
    # sentence close in meaning that uses it shows the line (see `verdicts`). "" for the others.
    key_word: str = ""
    # A line that lists names it needs beside a bracket of examples ("Java, Web Services (e.g.
    # RESTful, SOAP), and JavaScript"): each group of its names judged by name is needed, one of a
    # group is enough. () for the other lines, which `any_of` says all about.
    groups: tuple[tuple[str, ...], ...] = ()

    @property
    def asks_unknown(self) -> bool:
        """Writes names the taxonomy does not know and asks for all of them (not one of several)."""
        return bool(self.unknown) and not (self.any_of or self.spoken)


def requirement_info(req: Requirement, taxonomy: Taxonomy | None, reference: Reference) -> RequirementInfo:
    hard: list[str] = []
    soft: list[str] = []
    fields = False
    spoken: list[str] = []
    for name in req.skills:
        skill = taxonomy.get(name) if taxonomy is not None else None
        (hard if skill is None or skill.category in HARD_CATEGORIES else soft).append(name.lower())
        fields = fields or (skill is not None and skill.category in NAMED_FIELD_CATEGORIES)
        if skill is not None and skill.category == "spoken language":
            spoken.append(name)
    outside = _EXAMPLES_IN_BRACKETS.sub(" ", req.text)  # alternatives written outside its brackets of examples
    any_of = len(req.skills) > 1 and bool(_ALTERNATIVES.search(outside) or _slash_between_names(outside, taxonomy))
    groups: tuple[tuple[str, ...], ...] = ()
    if len(req.skills) > 1 and not any_of and _EXAMPLES_IN_BRACKETS.search(req.text):
        groups = _example_groups(req.text, req.skills, taxonomy)
        any_of = len(groups) == 1  # the line names nothing beside its examples: one of them will do
        groups = () if any_of else groups
    if any_of and taxonomy is not None and _CREDENTIAL.search(req.text):
        credentials = [n.lower() for n in req.skills
                       if (skill := taxonomy.get(n)) is not None and skill.category == "certification"]
        if credentials:
            hard, soft, any_of = credentials, [], len(credentials) > 1
    words = tokens(req.text)
    years_only = (not req.skills and req.years is not None
                  and not [w for w in tokens(without_years(req.text)) if not w.isdigit() and w not in YEARS_FILLER])
    if hard:
        weight = SKILL_WEIGHT + SKILL_RARITY_WEIGHT * max(reference.skill_rarity(n) for n in req.skills
                                                          if n.lower() in hard)
    elif years_only:
        weight = YEARS_WEIGHT
    elif len(words) <= LOW_INFO_WORDS and not soft:
        weight = LOW_INFO_WEIGHT
    else:
        rarest = sorted((reference.rarity(w) for w in words), reverse=True)[:TEXT_RARITY_WORDS] or [0.0]
        weight = TEXT_WEIGHT + TEXT_RARITY_WEIGHT * sum(rarest) / len(rarest)
    categories = () if hard else tuple(category for pattern, category in CATEGORY_MENTIONS if pattern.search(req.text))
    return RequirementInfo(tuple(hard), tuple(soft), tuple(req.skills), any_of, years_only, round(weight, 4),
                           categories, fields, spoken_groups(req.text, spoken, taxonomy),
                           unknown_names(req.text, taxonomy, reference), None if hard else degree_asked(req.text),
                           "" if hard or years_only else reference.rarest([w for w in words if w not in ASKING_WORDS]),
                           _judged_groups(groups, hard or soft))


def _example_groups(text: str, names: Sequence[str], taxonomy: Taxonomy | None) -> tuple[tuple[str, ...], ...]:
    """Lower-case names in groups, each group needed: the names a bracket of examples holds go with
    the name just before it ("Web Services (e.g. RESTful, SOAP)": any of the three); every other
    name is a group of its own. A name is placed by where its canonical name or an alias is written."""
    groups: list[list[str]] = []
    placed: set[str] = set()
    for bracket in _EXAMPLES_IN_BRACKETS.finditer(text):
        head = _CLAUSE_BREAK.split(text[:bracket.start()])[-1]
        group = [n.lower() for n in names if n.lower() not in placed
                 and (_written(n, bracket.group(), taxonomy) or _written(n, head, taxonomy))]
        if group:
            groups.append(group)
            placed.update(group)
    groups += [[n.lower()] for n in names if n.lower() not in placed]
    return tuple(tuple(g) for g in groups)


def _judged_groups(groups: tuple[tuple[str, ...], ...], by_name: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The groups a line is judged on by name: a bracket's group whole (its head may be a method,
    "ERP systems (e.g. Oracle ERP)": any ERP will do), the other names only when judged by name
    (its hard skills; its soft ones when it names no hard skill)."""
    return tuple(g for g in groups if len(g) > 1 or g[0] in by_name)


def _forms(name: str, taxonomy: Taxonomy | None) -> list[str]:
    """How a line may write a name: the name itself and its aliases."""
    skill = taxonomy.get(name) if taxonomy is not None else None
    return [form for form in (f.lstrip("?") for f in (name, *(skill.aliases if skill is not None else ()))) if form]


def _written(name: str, text: str, taxonomy: Taxonomy | None) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.I) for form in _forms(name, taxonomy))


def _slash_between_names(text: str, taxonomy: Taxonomy | None) -> bool:
    """Does a slash stand between two names, as alternatives ("Java/Kotlin", "React Native/Flutter")?
    Not inside one name ("CI/CD", "TCP/IP": a line asking for "TeamCity CI/CD" asks for both), nor
    between words that name nothing ("24/7"), nor between a word and a name ("navigating/influencing")."""
    for m in _SLASHED.finditer(text):
        before, left, right, after = m.groups()
        if taxonomy is None:
            return True
        if taxonomy.canonical(f"{left}/{right}".strip(".")) is not None:
            continue
        # A name on each side: "navigating/influencing cross-functional teams" joins two verbs, and
        # the names of the line ("Persuasion", "Teamwork") are each asked for.
        lefts = [left] + [f"{before} {left}"] * bool(before)
        rights = [right] + [f"{right} {after}"] * bool(after)
        if all(any(taxonomy.canonical(side.strip(".")) is not None for side in sides) for sides in (lefts, rights)):
            return True
    return False


def spoken_groups(text: str, languages: Sequence[str], taxonomy: Taxonomy | None = None) -> tuple[tuple[str, ...], ...]:
    """"English, and Mandarin or Cantonese" → (("english",), ("mandarin", "cantonese")): every group
    is needed, one language of a group is enough. A language is looked for as the line writes it
    ("Bahasa Melayu and/or Mandarin": Malay or Mandarin)."""
    groups: list[list[str]] = []
    before = ""  # the previous language as the line may write it, a regex alternation
    for name in languages:
        written = "|".join(re.escape(form) for form in sorted(set(_forms(name, taxonomy)), key=len, reverse=True))
        joined = groups and re.search(rf"(?:{before})(?:\W*\b(?:and/or|or)\b\W*|\s*/\s*)(?:{written})", text, re.I)
        if joined:
            groups[-1].append(name.lower())
        else:
            groups.append([name.lower()])
        before = written
    return tuple(tuple(g) for g in groups)


VerdictKey = tuple[tuple[str, ...], bool]  # what lines judged alike by name share (`verdict_key`)


def verdict_key(info: RequirementInfo) -> VerdictKey:
    """Where a line's verdict on names is memoised (and found again by explanations)."""
    if info.spoken:
        return tuple("spoken:" + "|".join(g) for g in info.spoken), False
    if info.groups:
        return tuple("group:" + "|".join(g) for g in info.groups), False
    return skill_keys(info), info.any_of


def skill_keys(info: RequirementInfo) -> tuple[str, ...]:
    """The skills a line is judged on by name: its hard skills; in a list of alternatives, its
    soft ones too ("web development or Unix/Linux": either will do), as in a group of examples."""
    if info.groups:
        return tuple(k for group in info.groups for k in group)
    if info.any_of and info.hard and info.soft:
        return info.hard + info.soft
    return info.hard or info.soft


@dataclass(frozen=True)
class LineKeys:
    """What judging many requirement lines needs of their infos, as arrays aligned with the lines."""

    keys: list[VerdictKey]  # every skill verdict the lines ask for, in order of first line
    key_of: np.ndarray  # (R,) the line's entry in `keys`; -1 when it names no skill to judge by name
    spoken: np.ndarray  # (R,) bool: asks for spoken languages
    fields: np.ndarray  # (R,) bool: names fields or methods meaning alone cannot meet
    categories: np.ndarray  # (R,) bool: asks for a kind of skill ("a programming language")
    unknown: np.ndarray  # (R,) bool: writes names the taxonomy does not know, all of which it asks for
    degree: np.ndarray  # (R,) bool: asks for a degree (and names no hard skill)

    @classmethod
    def of(cls, infos: Sequence[RequirementInfo]) -> LineKeys:
        # Lines read back from a saved index share their info objects (10,000 postings: ~400 distinct
        # infos for ~97,000 lines), so each distinct object is looked at once.
        ids: dict[VerdictKey, int] = {}
        seen: dict[int, int] = {}  # id(info) → its row of `table`
        table: list[tuple[int, bool, bool, bool, bool, bool]] = []
        which: list[int] = []
        for info in infos:
            row = seen.get(id(info))
            if row is None:
                row = seen[id(info)] = len(table)
                key = ids.setdefault(verdict_key(info), len(ids)) if skill_keys(info) else -1
                table.append((key, bool(info.spoken), info.fields, bool(info.categories), info.asks_unknown,
                              info.degree is not None))
            which.append(row)
        columns = np.array(table, dtype=np.int64).reshape(-1, 6)[np.array(which, dtype=np.int64)]
        return cls(list(ids), columns[:, 0], *(columns[:, c].astype(bool) for c in range(1, 6)))
