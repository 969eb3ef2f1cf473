"""Word overlap of a CV and a posting, with word rarities from a fixed reference.

Embeddings catch paraphrase ("led a team" ~ "people management") but blur specifics: a CV naming
"IFRS", "Kubernetes" or "payroll" should rank postings naming the same terms first, which a bag of
words does well. Weights: sublinear tf (1 + log tf) × idf, where idf = log((1 + N) / (1 + df)) + 1
comes from `reference.json` (N reference postings, df of the word among them), never from the
user's own postings: so one posting's score does not move when others are imported. Vectors are
L2-normalised and hashed into a fixed space (crc32 of the word), so a posting's vector is computed
once, stored, and compared with any CV by a sparse dot product (`HashedRows`: plain numpy, because
importing scipy.sparse alone cost a `matcher rank` process ~0.1 s of its 1 s).
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from matcher.paths import REFERENCE

REFERENCE_PATH = REFERENCE  # resources/reference/reference.json, wherever matcher is installed
HASH_BITS = 20  # 1M buckets: two words of one posting share a bucket about once in 10^4 postings
SCHEME = "tfidf-ref1-crc32x20"  # part of the stored vectors' key: change it when weighting changes

# Keeps C++, C#, .NET and Node.js whole; a trailing full stop is punctuation, not part of the word.
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9+#]+)*|\.net\b")
STOP_WORDS = frozenset("""
a about above after again all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each etc few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not of off on once only or other our ours out over own per same she should so some such than that
the their theirs them then there these they this those through to too under until up very via was
we were what when where which while who whom why will with within without would you your yours
""".split())


def tokens(text: str) -> list[str]:
    """Lower-case content words of `text`, stop words and one-letter tokens dropped."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS and (len(t) > 1 or t in "cr")]


# Endings that make one word of "troubleshoot" and "troubleshooting", "deadline" and "deadlines",
# "manager" and "management": checked longest first, one per word, leaving at least four letters.
_ENDINGS = ("ations", "ation", "ities", "ments", "ment", "ings", "ing", "ives", "ive", "isms", "ism", "ers", "er",
            "ies", "es", "ed", "ly", "al", "s")


def word_stem(word: str) -> str:
    """`word` without its ending, so that forms of one word compare equal: "repairs" and "repairing" →
    "repair". Light on purpose: it is asked only whether a sentence uses a line's word, beside meaning."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[:-len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@dataclass(frozen=True)
class Reference:
    """Document frequencies of words and skills over the reference postings (scripts/build_reference.py)."""

    documents: int
    words: dict[str, int]
    skills: dict[str, int]

    @classmethod
    def load(cls, path: Path = REFERENCE_PATH) -> Reference:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(int(data["documents"]), dict(data["words"]), dict(data["skills"]))

    def idf(self, word: str) -> float:
        return math.log((1 + self.documents) / (1 + self.words.get(word, 0))) + 1.0

    @property
    def max_idf(self) -> float:
        return math.log(1 + self.documents) + 1.0

    def rarity(self, word: str) -> float:
        """0 for a word in every posting ("experience"), 1 for one the reference never saw."""
        return (self.idf(word) - 1.0) / (self.max_idf - 1.0)

    def rarest(self, words: Sequence[str]) -> str:
        """The word of `words` the reference postings use least ("troubleshoot" of "ability to
        troubleshoot"): what a line is about. "" when there is none but numbers."""
        named = [w for w in words if not w.isdigit()]
        return max(named, key=lambda w: (self.rarity(w), w)) if named else ""

    def skill_rarity(self, skill: str) -> float:
        """The same for a canonical skill: "Communication" near 0, "Kubernetes" higher, unseen 1."""
        share = math.log((1 + self.documents) / (1 + self.skills.get(skill, 0)))
        return share / math.log(1 + self.documents)


@lru_cache(maxsize=1)
def default_reference() -> Reference:
    return Reference.load()


def _bucket(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) & ((1 << HASH_BITS) - 1)


def lexical_vector(text: str, reference: Reference) -> tuple[np.ndarray, np.ndarray]:
    """(bucket indices int32, weights float32) of `text`: its L2-normalised TF-IDF vector."""
    weights: dict[int, float] = {}
    for word, count in Counter(tokens(text)).items():
        bucket = _bucket(word)
        weights[bucket] = weights.get(bucket, 0.0) + (1.0 + math.log(count)) * reference.idf(word)
    if not weights:
        return np.zeros(0, np.int32), np.zeros(0, np.float32)
    idx = np.fromiter(weights.keys(), dtype=np.int32, count=len(weights))
    val = np.fromiter(weights.values(), dtype=np.float32, count=len(weights))
    order = np.argsort(idx)
    val = val[order] / max(float(np.linalg.norm(val)), 1e-12)
    return idx[order], val.astype(np.float32)


@dataclass(frozen=True)
class HashedRows:
    """Many postings' hashed vectors in compressed-row form: row k's buckets are
    `indices[indptr[k]:indptr[k + 1]]` with weights `data[...]` (what scipy calls CSR)."""

    data: np.ndarray  # float32 weights
    indices: np.ndarray  # int32 buckets, ascending within a row
    indptr: np.ndarray  # int64, one more than there are rows

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def take(self, rows: np.ndarray) -> HashedRows:
        """The rows `rows`, in that order."""
        counts, positions = runs(self.indptr, rows)
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return HashedRows(self.data[positions], self.indices[positions], indptr)

    def then(self, more: HashedRows) -> HashedRows:
        """These rows followed by `more`'s."""
        return HashedRows(np.concatenate([self.data, more.data]), np.concatenate([self.indices, more.indices]),
                          np.concatenate([self.indptr, more.indptr[1:] + self.indptr[-1]]))


def runs(offsets: np.ndarray, taken: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows whose items are `offsets[k]:offsets[k + 1]`: how many items each row of `taken` owns,
    and the positions of those items, row after row. E.g. offsets [0, 2, 5], taken [1, 0] → [3, 2],
    [2, 3, 4, 0, 1]."""
    counts = offsets[taken + 1] - offsets[taken]
    # Each row's first position, less the number of items taken before it, counted up within the run.
    starts = np.repeat(offsets[taken] - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    return counts, (starts + np.arange(int(counts.sum()))).astype(np.int64)


def stack(vectors: Sequence[tuple[np.ndarray, np.ndarray]]) -> HashedRows:
    """Rows of hashed vectors, one per posting."""
    lengths = np.fromiter((len(i) for i, _ in vectors), dtype=np.int64, count=len(vectors))
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.concatenate([i for i, _ in vectors]).astype(np.int32) if vectors else np.zeros(0, np.int32)
    data = np.concatenate([v for _, v in vectors]).astype(np.float32) if vectors else np.zeros(0, np.float32)
    return HashedRows(data, indices, indptr)


def cosines(rows: HashedRows, query: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Cosine of the query vector with every row (both L2-normalised), shape (n,)."""
    idx, val = query
    out = np.zeros(len(rows), dtype=np.float32)
    if not len(idx) or not len(rows):
        return out
    dense = np.zeros(1 << HASH_BITS, dtype=np.float32)
    dense[idx] = val
    products = rows.data * dense[rows.indices]
    # Sum each row's products; reduceat needs each segment non-empty, so empty rows are left at 0.
    filled = np.flatnonzero(np.diff(rows.indptr) > 0)
    if len(filled):
        out[filled] = np.add.reduceat(products, rows.indptr[filled])
    return out
