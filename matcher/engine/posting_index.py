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
    """One posting as it enters the index; the index keeps its parts as arrays, not the entry."""

    facts: PostingFacts
    vectors: PackedVectors
    infos: list[RequirementInfo]
    title_hard: frozenset[str]  # hard skills named in the title: missing one caps the score
    level: float  # seniority named in the title, NaN when none


@dataclass(frozen=True)
class PostingHead:
    """What a ranked row shows of its posting, and what scoring needs beyond the arrays."""

    id: int
    title: str
    company: str | None
    language: str | None
    title_hard: frozenset[str]


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
    """Every posting's and every requirement's parts as arrays, in posting id order.

    Posting k owns requirement rows `offsets[k]:offsets[k+1]`. The arrays are the index: `update`
    keeps the rows of unchanged postings and appends the new ones' (no per-posting objects are
    kept, so a snapshot on disk can be read back as arrays; see `index_snapshot`)."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        entries = sorted(entries, key=lambda e: e.facts.id)
        dim = entries[0].vectors.doc.shape[0] if entries else 0
        reqs = [e.vectors.requirements for e in entries if len(e.infos)]
        infos = [info for e in entries for info in e.infos]
        requirements = [r for e in entries for r in e.facts.requirements]
        self._set(
            ids=np.array([e.facts.id for e in entries], dtype=np.int64),
            heads=[PostingHead(e.facts.id, e.facts.title, e.facts.company, e.facts.language, e.title_hard)
                   for e in entries],
            counts=np.array([len(e.infos) for e in entries], dtype=np.int64),
            doc=np.stack([e.vectors.doc for e in entries]).astype(np.float32) if entries else np.zeros((0, dim), np.float32),
            title=np.stack([e.vectors.title for e in entries]).astype(np.float32) if entries else np.zeros((0, dim), np.float32),
            lexical=stack([e.vectors.lexical for e in entries]),
            levels=np.array([e.level for e in entries], dtype=np.float64),
            req_vectors=np.concatenate(reqs).astype(np.float32) if reqs else np.zeros((0, dim), np.float32),
            infos=infos,
            texts=[r.text for r in requirements],
            required=np.array([r.kind == "required" for r in requirements], dtype=bool),
            years=np.array([np.nan if r.years is None else r.years for r in requirements], dtype=np.float64))

    def _set(self, *, ids: np.ndarray, heads: list[PostingHead], counts: np.ndarray, doc: np.ndarray,
             title: np.ndarray, lexical: sparse.csr_matrix, levels: np.ndarray, req_vectors: np.ndarray,
             infos: list[RequirementInfo], texts: list[str], required: np.ndarray, years: np.ndarray) -> None:
        """Take the primary arrays and derive the rest (offsets, owners, weights, the largest years asked)."""
        self.ids, self.heads, self.doc, self.title, self.lexical, self.levels = ids, heads, doc, title, lexical, levels
        self.req_vectors, self.infos, self.texts, self.required, self.years = req_vectors, infos, texts, required, years
        self.offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.offsets[1:])
        self.owner = np.repeat(np.arange(len(ids)), counts)
        self.weights = np.array([info.weight for info in infos], dtype=np.float64)
        self.years_only = np.array([info.years_only for info in infos], dtype=bool)
        self.hard = np.array([bool(info.hard) for info in infos], dtype=bool)
        asked = np.where(required, years, np.nan)
        self.max_years = np.full(len(ids), np.nan)
        known = ~np.isnan(asked)
        np.fmax.at(self.max_years, self.owner[known], asked[known])
        self.row_of = {int(i): k for k, i in enumerate(ids.tolist())}

    def __len__(self) -> int:
        return len(self.ids)

    def requirement(self, i: int) -> Requirement:
        """Requirement row i as the posting stated it (its skills are the canonical names it names)."""
        years = float(self.years[i])
        return Requirement(self.texts[i], "required" if self.required[i] else "preferred", list(self.infos[i].names),
                           None if years != years else years)

    def rows(self, posting_ids: Sequence[int]) -> list[int]:
        return [self.row_of[i] for i in posting_ids if i in self.row_of]

    def subset(self, rows: Sequence[int]) -> PostingIndex:
        """A new index of these posting rows (in id order)."""
        taken = np.asarray(sorted(rows), dtype=np.int64)
        counts = self.offsets[taken + 1] - self.offsets[taken]
        # Requirement rows of the kept postings: each posting's run start, counted up within the run.
        starts = np.repeat(self.offsets[taken] - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        lines = (starts + np.arange(int(counts.sum()))).tolist()
        out = PostingIndex.__new__(PostingIndex)
        out._set(ids=self.ids[taken], heads=[self.heads[k] for k in taken.tolist()], counts=counts,
                 doc=self.doc[taken], title=self.title[taken], lexical=self.lexical[taken], levels=self.levels[taken],
                 req_vectors=self.req_vectors[lines], infos=[self.infos[i] for i in lines],
                 texts=[self.texts[i] for i in lines], required=self.required[lines], years=self.years[lines])
        return out

    def update(self, removed: Iterable[int], added: Iterable[Entry]) -> PostingIndex:
        """A new index without `removed`, with `added` (new or replacing). Unchanged postings' rows are
        copied as arrays, never rebuilt from objects."""
        new = PostingIndex(added)
        gone = set(removed) | set(new.row_of)
        kept = self.subset([k for k, i in enumerate(self.ids.tolist()) if i not in gone])
        if not len(new):
            return kept
        both = PostingIndex.__new__(PostingIndex)
        both._set(ids=np.concatenate([kept.ids, new.ids]), heads=kept.heads + new.heads,
                  counts=np.concatenate([np.diff(kept.offsets), np.diff(new.offsets)]),
                  doc=np.concatenate([kept.doc, new.doc]), title=np.concatenate([kept.title, new.title]),
                  lexical=sparse.vstack([kept.lexical, new.lexical], format="csr"),
                  levels=np.concatenate([kept.levels, new.levels]),
                  req_vectors=np.concatenate([kept.req_vectors, new.req_vectors]), infos=kept.infos + new.infos,
                  texts=kept.texts + new.texts, required=np.concatenate([kept.required, new.required]),
                  years=np.concatenate([kept.years, new.years]))
        # In id order, whatever order the changes came in: the same postings always give the same index.
        return both if bool(np.all(np.diff(both.ids) > 0)) else both.subset(list(range(len(both))))
