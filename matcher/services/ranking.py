"""Ranking as the app and the CLI use it: one long-lived `RankingSession` per process.

The session keeps what ranking needs between calls and hands out light results: every posting's
score, breakdown, counts and one-line `why`, without the per-requirement explanations, which
`explain` builds for the postings a person looks at or exports. Callers tell it what changed
(`postings_changed`, `cv_changed`, `weights_changed`) instead of building a new ranker per call.

All methods may be called from a worker thread; one lock serialises them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from matcher.domain import CV, RankedMatch, SkillEvidence
from matcher.services.common import Cancelled, OperationCancelled, Progress, never_cancelled, no_progress
from matcher.services.skills import skill_extractor
from matcher.store import Store

if TYPE_CHECKING:
    from matcher.engine.embeddings import Embedder


@dataclass
class Ranking:
    """Every stored posting ranked for one CV, best first; `requirements` of each match is None."""

    cv_id: int
    matches: list[RankedMatch] = field(default_factory=list)
    added_skills: tuple[str, ...] = ()  # a what-if ranking: skills assumed on top of the CV's


class RankingSession:
    def __init__(self, store: Store, embedder: Embedder | None = None) -> None:
        """`embedder`: where vectors come from; by default the shipped model behind the store's cache."""
        self.store = store
        self.embedder = embedder
        self._lock = threading.RLock()
        self._explained: dict[tuple[int, tuple[str, ...]], dict[int, RankedMatch]] = {}

    # -- what changed ---------------------------------------------------------------------------
    def postings_changed(self, posting_ids: Iterable[int] = ()) -> None:
        """Postings were imported, edited or removed (all of them when `posting_ids` is empty)."""
        with self._lock:
            self._explained.clear()

    def cv_changed(self, cv_id: int) -> None:
        with self._lock:
            for key in [k for k in self._explained if k[0] == cv_id]:
                del self._explained[key]

    def weights_changed(self) -> None:
        with self._lock:
            self._explained.clear()

    # -- queries --------------------------------------------------------------------------------
    def rank(self, cv_id: int, top: int | None = None, progress: Progress = no_progress,
             cancelled: Cancelled = never_cancelled) -> Ranking:
        """All postings (or the best `top`) for the CV, best first; embeds only what is not cached."""
        return self._rank(cv_id, (), top, progress, cancelled)

    def what_if(self, cv_id: int, skills: Sequence[str], progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> Ranking:
        """The ranking as if the CV also had `skills`; nothing is stored."""
        return self._rank(cv_id, tuple(skills), None, progress, cancelled)

    def explain(self, cv_id: int, posting_ids: Sequence[int], added_skills: Sequence[str] = ()) -> list[RankedMatch]:
        """Matches of these postings with each requirement's verdict and evidence, in the given order
        (ids no longer stored are left out)."""
        key = (cv_id, tuple(added_skills))
        with self._lock:
            if key not in self._explained:
                self._rank(cv_id, key[1], None, no_progress, never_cancelled)
            explained = self._explained[key]
            return [explained[i] for i in posting_ids if i in explained]

    # -- inside ---------------------------------------------------------------------------------
    def _cv(self, cv_id: int, added: tuple[str, ...]) -> CV:
        cv = self.store.cv(cv_id)
        if cv is None:
            raise LookupError(f"no CV with id {cv_id}")
        if added:
            taxonomy = skill_extractor(self.store).taxonomy
            names = [taxonomy.canonical(s) or s.strip() for s in added]
            cv.skills.extend(SkillEvidence(s, f"(what if: {s})", source="manual") for s in names)
            cv.removed_skills = [s for s in cv.removed_skills if s.lower() not in {n.lower() for n in names}]
        return cv

    def _rank(self, cv_id: int, added: tuple[str, ...], top: int | None, progress: Progress,
              cancelled: Cancelled) -> Ranking:
        with self._lock:
            cv = self._cv(cv_id, added)
            matches = rank(self.store, cv, progress=progress, cancelled=cancelled, embedder=self.embedder)
            self._explained[(cv_id, added)] = {m.posting_id: m for m in matches}
            light = [replace(m, requirements=None) for m in (matches if top is None else matches[:top])]
            return Ranking(cv_id, light, added)


def rank(store: Store, cv: CV, top: int | None = None, progress: Progress = no_progress,
         postings: list | None = None, cancelled: Cancelled = never_cancelled,  # type: ignore[type-arg]
         embedder: Embedder | None = None) -> list[RankedMatch]:
    """Rank stored postings for a CV, best first, every requirement explained; embeds only what is
    not cached yet. Raises `OperationCancelled` when `cancelled()` turns true while embedding."""
    from matcher.engine.embeddings import CachedEmbedder, shared_embedder
    from matcher.engine.ranking import rank_postings
    from matcher.engine.scoring import ScoreWeights

    postings = store.postings() if postings is None else postings
    weights = ScoreWeights.from_json(store.setting("score_weights"))
    embedder = embedder or CachedEmbedder(shared_embedder(), store)
    taxonomy = skill_extractor(store).taxonomy  # with the user's own skills and aliases

    def embedded(done: int, total: int) -> None:
        progress(done, total, f"Embedding {total} new texts (the language model loads the first time)")

    try:
        matches = rank_postings(
            cv, postings, embedder, weights=weights, taxonomy=taxonomy, top=top, progress=embedded, cancelled=cancelled
        )
    except InterruptedError as exc:  # raised by the embedder between batches
        raise OperationCancelled(str(exc)) from exc
    progress(1, 1, f"Ranked {len(matches)} postings")
    return matches
