"""Everything ranking needs of the stored postings that no CV changes, as arrays, built once.

`PostingIndex` stacks every requirement of every posting: posting i owns rows
`offsets[i]:offsets[i+1]` of the requirement arrays, so one matrix product scores all requirements
against a CV at once. Importing or removing postings rebuilds the stacks from per-posting entries
(`add`, `remove`), which never need recomputing: a posting's entry depends only on its own text,
the taxonomy and the fixed reference statistics.

What a requirement is worth (`weight`) follows how specific it is: a named hard skill weighs
`SKILL_WEIGHT + SKILL_RARITY_WEIGHT × rarity` ("Kubernetes" more than "SQL"), a line judged on
meaning `TEXT_WEIGHT + TEXT_RARITY_WEIGHT × rarity of its rarest words` ("excellent communication
skills" little), years alone `YEARS_WEIGHT`, a line of three words or fewer with no skill
`LOW_INFO_WEIGHT`. Worked example: "Kubernetes" (rarity 0.71) → 1.0 + 1.0 × 0.71 = 1.71; "Strong
communication skills" (rarities 0.10, 0.05, 0.02; two rarest mean 0.075) → 0.4 + 0.8 × 0.075 = 0.46.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from matcher.domain import PostingFacts, Requirement
from matcher.engine.lexical import Reference, stack, tokens
from matcher.engine.scoring import title_level
from matcher.engine.taxonomy import Taxonomy
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
_ALTERNATIVES = re.compile(r"\b(or|one of|one or more|such as|e\.g|like|including|any|either|similar|etc)\b|/", re.I)
# "Cloud computing (AWS, Azure, GCP)": a list in brackets gives examples, one of which will do.
_EXAMPLES_IN_BRACKETS = re.compile(r"\([^()]*,[^()]*\)")
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
    any_of = len(req.skills) > 1 and bool(_ALTERNATIVES.search(req.text) or _EXAMPLES_IN_BRACKETS.search(req.text))
    categories = () if hard else tuple(category for pattern, category in CATEGORY_MENTIONS if pattern.search(req.text))
    return RequirementInfo(tuple(hard), tuple(soft), tuple(req.skills), any_of, years_only, round(weight, 4),
                           categories, fields, spoken_groups(req.text, spoken))


def spoken_groups(text: str, languages: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """"English, and Mandarin or Cantonese" → (("english",), ("mandarin", "cantonese")): every group
    is needed, one language of a group is enough."""
    groups: list[list[str]] = []
    for name in languages:
        key = name.lower()
        joined = groups and re.search(rf"{re.escape(groups[-1][-1])}\W+(?:or|/)\W+{re.escape(key)}", text, re.I)
        if joined:
            groups[-1].append(key)
        else:
            groups.append([key])
    return tuple(tuple(g) for g in groups)


@dataclass
class PackedVectors:
    """One posting's vectors, as stored: whole posting, title, each requirement, and its words."""

    doc: np.ndarray  # (D,)
    title: np.ndarray  # (D,)
    requirements: np.ndarray  # (k, D)
    lexical: tuple[np.ndarray, np.ndarray]  # hashed TF-IDF: (indices, weights)


@dataclass
class Entry:
    facts: PostingFacts
    vectors: PackedVectors
    infos: list[RequirementInfo]
    title_hard: frozenset[str]  # hard skills named in the title: missing one caps the score
    level: float  # seniority named in the title, NaN when none


def _title_hard(facts: PostingFacts, hard: Iterable[str]) -> frozenset[str]:
    title = facts.title.lower()
    words = set(tokens(title))
    return frozenset(s for s in hard if s in words or (" " in s and s in title))


def make_entry(facts: PostingFacts, vectors: PackedVectors, taxonomy: Taxonomy | None, reference: Reference,
               memo: dict[tuple[str, tuple[str, ...], float | None], RequirementInfo] | None = None) -> Entry:
    """`memo`: requirement infos by (text, skills, years) — boards repeat the same lines a lot."""
    memo = {} if memo is None else memo
    infos = []
    for r in facts.requirements:
        key = (r.text, tuple(r.skills), r.years)
        if key not in memo:
            memo[key] = requirement_info(r, taxonomy, reference)
        infos.append(memo[key])
    hard = {h for info in infos for h in info.hard}
    if taxonomy is not None:
        hard |= {s.lower() for s in facts.skills if (k := taxonomy.get(s)) is not None and k.category in HARD_CATEGORIES}
    level = title_level(facts.title)
    return Entry(facts, vectors, infos, _title_hard(facts, hard), math.nan if level is None else float(level))


class PostingIndex:
    """The stacked arrays of a list of entries, in id order."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: dict[int, Entry] = {e.facts.id: e for e in entries}
        self._build()

    def add(self, entries: Iterable[Entry]) -> None:
        self.update((), entries)

    def remove(self, ids: Iterable[int]) -> None:
        self.update(ids, ())

    def update(self, removed: Iterable[int], added: Iterable[Entry]) -> None:
        """Drop `removed`, put in `added` (new or replacing), and stack the arrays once."""
        for i in removed:
            self.entries.pop(i, None)
        for e in added:
            self.entries[e.facts.id] = e
        self._build()

    def __len__(self) -> int:
        return len(self.ids)

    def _build(self) -> None:
        entries = [self.entries[i] for i in sorted(self.entries)]
        self.order = entries
        self.ids = np.array([e.facts.id for e in entries], dtype=np.int64)
        counts = np.array([len(e.infos) for e in entries], dtype=np.int64)
        self.offsets = np.zeros(len(entries) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.offsets[1:])
        self.owner = np.repeat(np.arange(len(entries)), counts)
        dim = entries[0].vectors.doc.shape[0] if entries else 0
        self.doc = np.stack([e.vectors.doc for e in entries]).astype(np.float32) if entries else np.zeros((0, dim), np.float32)
        self.title = np.stack([e.vectors.title for e in entries]).astype(np.float32) if entries else self.doc
        reqs = [e.vectors.requirements for e in entries if len(e.infos)]
        self.req_vectors = (np.concatenate(reqs).astype(np.float32) if reqs else np.zeros((0, dim), np.float32))
        self.lexical: sparse.csr_matrix = stack([e.vectors.lexical for e in entries])
        self.infos: list[RequirementInfo] = [info for e in entries for info in e.infos]
        self.requirements: list[Requirement] = [r for e in entries for r in e.facts.requirements]
        self.required = np.array([r.kind == "required" for r in self.requirements], dtype=bool)
        self.years = np.array([np.nan if r.years is None else r.years for r in self.requirements], dtype=np.float64)
        self.weights = np.array([info.weight for info in self.infos], dtype=np.float64)
        self.years_only = np.array([info.years_only for info in self.infos], dtype=bool)
        self.hard = np.array([bool(info.hard) for info in self.infos], dtype=bool)
        self.levels = np.array([e.level for e in entries], dtype=np.float64)
        asked = np.where(self.required, self.years, np.nan)
        self.max_years = np.full(len(entries), np.nan)
        known = ~np.isnan(asked)
        np.fmax.at(self.max_years, self.owner[known], asked[known])
        self.row_of = {int(i): k for k, i in enumerate(self.ids)}

    def rows(self, posting_ids: Sequence[int]) -> list[int]:
        return [self.row_of[i] for i in posting_ids if i in self.row_of]
