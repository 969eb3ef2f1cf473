"""The two baselines matcher must beat: TF-IDF cosine and plain whole-document embedding cosine."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matcher.domain import CV, Posting
from matcher.engine.embeddings import CachedEmbedder


def posting_document(p: Posting) -> str:
    return f"{p.title}\n{p.description}"


def tfidf_scores(cvs: Sequence[CV], postings: Sequence[Posting]) -> np.ndarray:
    """(n_cvs, n_postings) cosine of scikit-learn TF-IDF vectors (fit on the postings)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    docs = vectorizer.fit_transform([posting_document(p) for p in postings])
    queries = vectorizer.transform([cv.text for cv in cvs])
    return np.asarray((queries @ docs.T).todense())


def embedding_scores(cvs: Sequence[CV], postings: Sequence[Posting], embedder: CachedEmbedder) -> np.ndarray:
    """(n_cvs, n_postings) cosine of whole-document vectors (the model reads the first 256 tokens)."""
    docs = embedder.embed([posting_document(p) for p in postings])
    queries = embedder.embed([cv.text for cv in cvs])
    return queries @ docs.T
