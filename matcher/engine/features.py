"""What the engine embeds, and the precomputed arrays ranking reads.

Granularity follows what the model can read (≤256 word pieces): one vector per requirement line,
one per CV sentence, one for the CV's first `CV_SUMMARY_WORDS` words, and one per posting that
blends its opening (title + first `POSTING_OPENING_WORDS` words) with the mean of its requirement
vectors. Everything here is computed once per posting or CV; with a cache, re-ranking never runs
the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.domain import CV, Posting
from matcher.engine.embeddings import Cancelled, Embedder, Progress
from matcher.engine.lexical import LexicalIndex
from matcher.text import split_sentences

CV_SUMMARY_WORDS = 200  # ~256 word pieces: the model's whole window, for the one CV text that matters
# Embedding cost grows with length (measured on 2 cores: 200 words ≈ 6-13 postings/s, 60 words ≈
# 23-75/s), and a posting has many. A short opening blended with the requirement lines (embedded
# anyway) ranked as well on the dev set as 200 words alone (S: nDCG@10 0.535 vs 0.545, MAP 0.324 vs 0.320).
POSTING_OPENING_WORDS = 64
REQUIREMENT_BLEND = 0.3  # share of the mean requirement vector in a posting's vector
MIN_SENTENCE_CHARS = 3  # "C", "R" alone say nothing; "SQL" does

def _first_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def posting_text(posting: Posting) -> str:
    """The whole-posting text that gets one vector: title, then the start of the description."""
    return _first_words(f"{posting.title}. {posting.description}", POSTING_OPENING_WORDS)


def cv_sentences(cv: CV) -> list[str]:
    """Distinct CV sentences worth comparing with a requirement, in reading order."""
    # A heading ("WORK EXPERIENCE", "Skills:") is no evidence of anything, yet it is close in meaning
    # to requirements like "5 years of experience" or "communication skills".
    seen: set[str] = {s.heading.strip().rstrip(":").lower() for s in cv.sections}
    out: list[str] = []
    for sentence in split_sentences(cv.text):
        key = sentence.strip().rstrip(":").lower()
        if len(sentence) >= MIN_SENTENCE_CHARS and key not in seen:
            seen.add(key)
            out.append(sentence)
    return out


def cv_summary_text(cv: CV) -> str:
    """The whole-CV text that gets one vector: its first `CV_SUMMARY_WORDS` words.

    CVs open with a headline and summary; on the dev set this beat a summary+skills+experience
    pick by sections (nDCG@10 0.47 vs 0.47, MAP 0.30 vs 0.27), and it needs no section parser.
    """
    return _first_words(cv.text, CV_SUMMARY_WORDS)


@dataclass
class PostingVectors:
    """Arrays for a list of postings, aligned with it.

    `req_vectors` stacks every requirement of every posting; posting i owns rows
    `req_offsets[i]:req_offsets[i+1]`, so one matrix product scores all requirements at once.
    """

    req_vectors: np.ndarray  # (R, D) float32
    req_offsets: np.ndarray  # (n+1,) int64
    doc_vectors: np.ndarray  # (n, D) float32
    lexical: LexicalIndex  # term weights of each posting, for the lexical half of the semantic part
    # CV-independent facts the ranker derives from the postings once, kept with their vectors.
    derived: dict[str, object] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.doc_vectors)


@dataclass
class CVVectors:
    sentences: list[str]
    sentence_vectors: np.ndarray  # (S, D)
    summary_vector: np.ndarray  # (D,)


def embed_postings(postings: Sequence[Posting], embedder: Embedder,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> PostingVectors:
    """Vectors for every requirement and every whole posting, in one batched call."""
    req_texts = [r.text for p in postings for r in p.requirements]
    offsets = np.zeros(len(postings) + 1, dtype=np.int64)
    np.cumsum([len(p.requirements) for p in postings], out=offsets[1:])
    vecs = embedder.embed(req_texts + [posting_text(p) for p in postings], progress, cancelled)
    req_vectors = vecs[:len(req_texts)]
    owner = np.repeat(np.arange(len(postings)), np.diff(offsets))
    req_sum = np.zeros((len(postings), vecs.shape[1]), dtype=np.float32)
    np.add.at(req_sum, owner, req_vectors)
    req_mean = req_sum / np.maximum(np.linalg.norm(req_sum, axis=1, keepdims=True), 1e-9)
    docs = (1.0 - REQUIREMENT_BLEND) * vecs[len(req_texts):] + REQUIREMENT_BLEND * req_mean
    docs /= np.maximum(np.linalg.norm(docs, axis=1, keepdims=True), 1e-9)
    lexical = LexicalIndex().fit([posting_lexical_text(p) for p in postings])
    return PostingVectors(req_vectors, offsets, docs.astype(np.float32), lexical)


def posting_lexical_text(posting: Posting) -> str:
    """All words of a posting; the title twice since a title word is worth more than a body word."""
    return f"{posting.title}\n{posting.title}\n{posting.description}"


def embed_cv(cv: CV, embedder: Embedder) -> CVVectors:
    sentences = cv_sentences(cv) or [cv.text[:500] or cv.name]
    vecs = embedder.embed(sentences + [cv_summary_text(cv)])
    return CVVectors(sentences, vecs[:-1], vecs[-1])

