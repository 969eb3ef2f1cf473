"""Everything ranking needs of the stored postings that no CV changes, as arrays, built once.

`PostingIndex` stacks every requirement of every posting: posting i owns rows
`offsets[i]:offsets[i+1]` of the requirement arrays, so one matrix product scores all requirements
against a CV at once. A posting enters as an `Entry` (`make_entry`), which depends only on its own
text, the taxonomy and the fixed reference statistics; the index keeps arrays only. Importing or
removing postings makes a new index (`update`) that copies the unchanged rows and says where each
came from (`Origin`), so a ranker computes only the new ones.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from matcher.domain import PostingFacts, Requirement
from matcher.engine.lexical import HashedRows, Reference, runs, stack, tokens
from matcher.engine.requirement_info import HARD_CATEGORIES, LineKeys, RequirementInfo, requirement_info
from matcher.engine.scoring import title_level
from matcher.engine.taxonomy import Taxonomy

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


# Shared by every posting whose title names no hard skill (most): one object, not 10,000 for each
# full garbage collection to walk.
NO_TITLE_SKILLS: frozenset[str] = frozenset()


def title_skills(names: Iterable[str]) -> frozenset[str]:
    return frozenset(names) or NO_TITLE_SKILLS


def _title_hard(facts: PostingFacts, hard: Iterable[str]) -> frozenset[str]:
    title = facts.title.lower()
    words = set(tokens(title))
    return title_skills(s for s in hard if s in words or (" " in s and s in title))


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
    kept, so a snapshot on disk can be read back as arrays; see `index_snapshot`). Requirement
    vectors stay float16, as the database stores them: they are most of the index's memory."""

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
            req_vectors=np.concatenate(reqs).astype(np.float16) if reqs else np.zeros((0, dim), np.float16),
            infos=infos,
            texts=[r.text for r in requirements],
            required=np.array([r.kind == "required" for r in requirements], dtype=bool),
            years=np.array([np.nan if r.years is None else r.years for r in requirements], dtype=np.float64))

    def _set(self, *, ids: np.ndarray, heads: list[PostingHead], counts: np.ndarray, doc: np.ndarray,
             title: np.ndarray, lexical: HashedRows, levels: np.ndarray, req_vectors: np.ndarray,
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
        self.origin: Origin | None = None
        self._rows: dict[str, _Rows] = {}  # room to append in place (`_appended`)
        self._line_keys: LineKeys | None = None
        self._added: PostingIndex | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def requirement(self, i: int) -> Requirement:
        """Requirement row i as the posting stated it (its skills are the canonical names it names)."""
        years = self.years.item(i)  # a Python float: numpy scalars are slow to format and compare
        return Requirement(self.texts[i], "required" if self.required.item(i) else "preferred",
                           list(self.infos[i].names), None if years != years else years)

    def line_keys(self) -> LineKeys:
        """What judging the requirement rows needs of their infos; computed once per index (it never changes)."""
        if self._line_keys is None:
            self._line_keys = LineKeys.of(self.infos)
        return self._line_keys

    def rows(self, posting_ids: Sequence[int]) -> list[int]:
        return [self.row_of[i] for i in posting_ids if i in self.row_of]

    def added(self) -> PostingIndex:
        """The postings `update` brought in (new or replaced) as an index of their own: what a ranker
        computes afresh for an updated index, similarities and verdicts alike. Built once."""
        if self._added is None:
            assert self.origin is not None, "only an updated index has added postings"
            self._added = self.subset(np.flatnonzero(self.origin.postings < 0).tolist())
        return self._added

    def subset(self, rows: Sequence[int]) -> PostingIndex:
        """A new index of these posting rows (in id order)."""
        return self._take(np.asarray(sorted(rows), dtype=np.int64))[0]

    def _take(self, taken: np.ndarray) -> tuple[PostingIndex, np.ndarray]:
        """A new index of the posting rows `taken` in that order, and the requirement rows it took."""
        counts, lines = runs(self.offsets, taken)
        kept = lines.tolist()
        out = PostingIndex.__new__(PostingIndex)
        out._set(ids=self.ids[taken], heads=[self.heads[k] for k in taken.tolist()], counts=counts,
                 doc=self.doc[taken], title=self.title[taken], lexical=self.lexical.take(taken), levels=self.levels[taken],
                 req_vectors=self.req_vectors[lines], infos=[self.infos[i] for i in kept],
                 texts=[self.texts[i] for i in kept], required=self.required[lines], years=self.years[lines])
        return out, lines

    def _appended(self, new: PostingIndex) -> PostingIndex:
        """This index with `new`'s postings after its own (all of higher ids): nothing is copied but
        the small arrays."""
        both = PostingIndex.__new__(PostingIndex)
        big = {name: _Rows.extend(getattr(self, name), self._rows.get(name), getattr(new, name))
               for name in ("doc", "title", "req_vectors")}
        both._set(ids=np.concatenate([self.ids, new.ids]), heads=self.heads + new.heads,
                  counts=np.concatenate([np.diff(self.offsets), np.diff(new.offsets)]), doc=big["doc"][0],
                  title=big["title"][0], lexical=self.lexical.then(new.lexical),
                  levels=np.concatenate([self.levels, new.levels]), req_vectors=big["req_vectors"][0],
                  infos=self.infos + new.infos, texts=self.texts + new.texts,
                  required=np.concatenate([self.required, new.required]), years=np.concatenate([self.years, new.years]))
        both._rows = {name: pair[1] for name, pair in big.items()}
        both.origin = Origin(weakref.ref(self), np.concatenate([np.arange(len(self)), np.full(len(new), -1)]),
                             np.concatenate([np.arange(len(self.infos)), np.full(len(new.infos), -1)]))
        return both

    def update(self, removed: Iterable[int], added: Iterable[Entry]) -> PostingIndex:
        """A new index without `removed`, with `added` (new or replacing). Unchanged postings' rows are
        copied as arrays, never rebuilt from objects, and `origin` says where each row came from."""
        new = PostingIndex(added)
        if not len(self):  # nothing to keep (and an empty index's arrays have no width to append to)
            new.origin = Origin(weakref.ref(self), np.full(len(new), -1), np.full(len(new.infos), -1))
            return new
        gone = set(removed) | set(new.row_of)
        if not gone & set(self.row_of) and (not len(new) or new.ids[0] > self.ids[-1]):
            return self._appended(new)
        kept = np.array([k for k, i in enumerate(self.ids.tolist()) if i not in gone], dtype=np.int64)
        counts, lines = runs(self.offsets, kept)
        kept_lines = lines.tolist()
        both = PostingIndex.__new__(PostingIndex)
        both._set(ids=_gather(self.ids, kept, new.ids), heads=[self.heads[k] for k in kept.tolist()] + new.heads,
                  counts=np.concatenate([counts, np.diff(new.offsets)]), doc=_gather(self.doc, kept, new.doc),
                  title=_gather(self.title, kept, new.title),
                  lexical=self.lexical.take(kept).then(new.lexical),
                  levels=_gather(self.levels, kept, new.levels), req_vectors=_gather(self.req_vectors, lines, new.req_vectors),
                  infos=[self.infos[i] for i in kept_lines] + new.infos,
                  texts=[self.texts[i] for i in kept_lines] + new.texts,
                  required=_gather(self.required, lines, new.required), years=_gather(self.years, lines, new.years))
        postings = np.concatenate([kept, np.full(len(new), -1, dtype=np.int64)])
        lines = np.concatenate([lines, np.full(len(new.infos), -1, dtype=np.int64)])
        if not bool(np.all(np.diff(both.ids) > 0)):
            # In id order, whatever order the changes came in: the same postings always give the same index.
            order = np.argsort(both.ids, kind="stable")
            both, taken_lines = both._take(order)
            postings, lines = postings[order], lines[taken_lines]
        both.origin = Origin(weakref.ref(self), postings, lines)
        return both


class _Rows:
    """Room for rows at the end of an index's biggest arrays: postings imported one by one are
    appended in place, where a copy of 10,000 postings' requirement vectors took ~0.15 s each time.
    An index's array is a prefix of `data`; only the index that ends at `used` may append (an older
    index's rows are never written over)."""

    GROWTH = 1.25  # room kept for a quarter more rows: 10,000 postings, ~40 MB more

    def __init__(self, data: np.ndarray, used: int) -> None:
        self.data, self.used = data, used

    @staticmethod
    def extend(current: np.ndarray, rows: _Rows | None, new: np.ndarray) -> tuple[np.ndarray, _Rows]:
        end = len(current) + len(new)
        if rows is None or rows.used != len(current) or len(rows.data) < end:
            data = np.empty((int(end * _Rows.GROWTH) + 16,) + current.shape[1:], dtype=current.dtype)
            data[:len(current)] = current
            rows = _Rows(data, len(current))
        if len(new):
            rows.data[len(current):end] = new
        rows.used = end
        return rows.data[:end], rows


def _gather(old: np.ndarray, rows: np.ndarray, new: np.ndarray) -> np.ndarray:
    """old[rows] followed by `new`, copied once (10,000 postings' requirement vectors are ~150 MB)."""
    out = np.empty((len(rows) + len(new),) + old.shape[1:], dtype=old.dtype)
    np.take(old, rows, axis=0, out=out[:len(rows)])
    if len(new):  # an empty index has no width: (0, 0)
        out[len(rows):] = new
    return out


@dataclass(frozen=True)
class Origin:
    """Where the rows of an updated index came from, so a ranker can carry over what it computed for
    the old index and compute only the new rows (one posting imported into 10,000: 1 row, not 10,000)."""

    index: weakref.ref[PostingIndex]  # weak: an index never keeps its predecessors alive
    postings: np.ndarray  # (n,) each posting row's row in the old index, -1 for a new one
    requirements: np.ndarray  # (R,) the same for requirement rows

    def carried(self, old: np.ndarray, fresh: np.ndarray, requirements: bool = False) -> np.ndarray:
        """`old` (aligned with the old index) for carried rows and `fresh` (aligned with the new rows,
        in order) for the others."""
        rows = self.requirements if requirements else self.postings
        out = np.empty(len(rows), dtype=old.dtype)
        known = rows >= 0
        out[known] = old[rows[known]]
        out[~known] = fresh
        return out
