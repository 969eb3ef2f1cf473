"""What the engine embeds, for postings and for CVs.

Granularity follows what the model can read (≤256 word pieces): one vector per requirement line, one
for the posting's title, one per posting that blends its opening (title + first
`POSTING_OPENING_WORDS` words) with the mean of its requirement vectors; for a CV, one per unit
(sentence or list item), one for its first `CV_SUMMARY_WORDS` words, one per title it gives its
person. A posting's vectors are computed once and stored (`PackedVectors`); re-ranking never runs
the model on them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from matcher.domain import CV, Posting
from matcher.engine.embeddings import DIM, Cancelled, Embedder, Progress
from matcher.engine.evidence import Unit, cv_units, headline
from matcher.engine.lexical import Reference, lexical_vector
from matcher.engine.posting_index import PackedVectors
from matcher.engine.profile import CVProfile
from matcher.engine.taxonomy import Taxonomy
from matcher.years import years_of_experience

CV_SUMMARY_WORDS = 200  # ~256 word pieces: the model's whole window, for the one CV text that matters
# Embedding cost grows with length (measured on 2 cores: 200 words ≈ 6-13 postings/s, 60 words ≈
# 23-75/s), and a posting has many. A short opening blended with the requirement lines (embedded
# anyway) ranked as well on the dev set as 200 words alone (S: nDCG@10 0.535 vs 0.545, MAP 0.324 vs 0.320).
POSTING_OPENING_WORDS = 64
REQUIREMENT_BLEND = 0.3  # share of the mean requirement vector in a posting's vector


def _first_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def posting_text(posting: Posting) -> str:
    """The whole-posting text that gets one vector: title, then the start of the description."""
    return _first_words(f"{posting.title}. {posting.description}", POSTING_OPENING_WORDS)


def posting_lexical_text(posting: Posting) -> str:
    """All words of a posting; the title twice since a title word is worth more than a body word."""
    return f"{posting.title}\n{posting.title}\n{posting.description}"


def embed_postings(postings: Sequence[Posting], embedder: Embedder, reference: Reference,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> list[PackedVectors]:
    """Every posting's vectors, aligned with `postings`, in one batched call of the model."""
    req_texts = [r.text for p in postings for r in p.requirements]
    n = len(postings)
    vecs = embedder.embed(req_texts + [posting_text(p) for p in postings] + [p.title for p in postings],
                          progress, cancelled)
    out: list[PackedVectors] = []
    start = 0
    for i, p in enumerate(postings):
        reqs = vecs[start:start + len(p.requirements)]
        start += len(p.requirements)
        opening = vecs[len(req_texts) + i]
        if len(reqs):
            mean = reqs.sum(axis=0)
            mean /= max(float(np.linalg.norm(mean)), 1e-9)
            doc = (1.0 - REQUIREMENT_BLEND) * opening + REQUIREMENT_BLEND * mean
            doc /= max(float(np.linalg.norm(doc)), 1e-9)
        else:
            doc = opening
        out.append(PackedVectors(doc.astype(np.float32), vecs[len(req_texts) + n + i].astype(np.float32),
                                 reqs.astype(np.float32).reshape(len(p.requirements), DIM),
                                 lexical_vector(posting_lexical_text(p), reference)))
    return out


@dataclass
class CVIndex:
    """A CV as ranking reads it: its units and their vectors, its titles, its words, its profile."""

    cv: CV
    units: list[Unit]
    unit_vectors: np.ndarray  # (U, D)
    quotable: np.ndarray  # (U,) bool
    summary: np.ndarray  # (D,)
    titles: np.ndarray  # (T, D), maybe (0, D)
    lexical: tuple[np.ndarray, np.ndarray]
    profile: CVProfile
    years_unit: int  # the unit that states the CV's years of experience, -1 if none

    def with_skills(self, extra: Sequence[str], taxonomy: Taxonomy | None,
                    skills_in: Callable[[str], list[str]] | None) -> CVIndex:
        """The same CV as if it also had `extra` skills (what-if): only the profile changes."""
        profile = CVProfile.of(self.cv, self.units, taxonomy, skills_in, extra)
        return CVIndex(self.cv, self.units, self.unit_vectors, self.quotable, self.summary, self.titles,
                       self.lexical, profile, self.years_unit)


def index_cv(cv: CV, embedder: Embedder, taxonomy: Taxonomy | None, reference: Reference,
             skills_in: Callable[[str], list[str]] | None = None) -> CVIndex:
    units = cv_units(cv) or [Unit(cv.text[:500] or cv.name, "other", 1)]
    titles = headline(cv, units)
    vecs = embedder.embed([u.text for u in units] + titles + [_first_words(cv.text, CV_SUMMARY_WORDS)])
    profile = CVProfile.of(cv, units, taxonomy, skills_in)
    stated = [i for i, u in enumerate(units) if u.quotable and years_of_experience(u.text)]
    return CVIndex(cv, units, vecs[:len(units)], np.array([u.quotable for u in units], dtype=bool), vecs[-1],
                   vecs[len(units):len(units) + len(titles)], lexical_vector(cv.text, reference), profile,
                   stated[0] if stated else -1)
