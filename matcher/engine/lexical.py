"""A small TF-IDF index over postings: the lexical half of the "posting as a whole" signal.

Embeddings catch paraphrase ("led a team" ~ "people management") but blur specifics: a CV naming
"IFRS", "Kubernetes" or "payroll" should rank postings naming the same terms first, which a bag of
words does well. Weights: sublinear tf (1 + log tf) × smooth idf (log((1+n)/(1+df)) + 1), rows
L2-normalised, so a CV·posting dot product is the cosine TF-IDF baselines compute.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

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


class LexicalIndex:
    """TF-IDF vectors of a fixed list of documents; `scores(query)` is cosine with each."""

    def __init__(self) -> None:
        self.vocabulary_: dict[str, int] = {}
        self.idf_: np.ndarray = np.zeros(0)
        self.matrix_: sparse.csr_matrix = sparse.csr_matrix((0, 0))

    def fit(self, documents: Sequence[str]) -> LexicalIndex:
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        vocab = self.vocabulary_ = {}
        for i, doc in enumerate(documents):
            for term, count in Counter(tokens(doc)).items():
                rows.append(i)
                cols.append(vocab.setdefault(term, len(vocab)))
                vals.append(1.0 + math.log(count))
        n = len(documents)
        tf = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float32)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab))
        self.idf_ = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        weighted = tf.multiply(self.idf_[None, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix_ = sparse.diags(1.0 / norms).dot(weighted).tocsr().astype(np.float32)
        return self

    def query_vector(self, text: str) -> np.ndarray:
        """The query's TF-IDF vector in this index's vocabulary (terms it does not know are dropped)."""
        vec = np.zeros(len(self.vocabulary_), dtype=np.float32)
        for term, count in Counter(tokens(text)).items():
            col = self.vocabulary_.get(term)
            if col is not None:
                vec[col] = (1.0 + math.log(count)) * self.idf_[col]
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def scores(self, text: str) -> np.ndarray:
        """Cosine of `text` with every document, shape (n,)."""
        if not self.vocabulary_:
            return np.zeros(self.matrix_.shape[0], dtype=np.float32)
        return np.asarray(self.matrix_ @ self.query_vector(text), dtype=np.float32).ravel()
