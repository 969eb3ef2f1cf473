"""Ranking as the app and the CLI use it: one long-lived `RankingSession` per process.

The session keeps what ranking needs between calls — every posting's facts and vectors as arrays
(`PostingIndex`), each CV's vectors and profile, the last similarities and scores — and hands out
light results: every posting's score, breakdown, counts and one-line `why`. `explain` builds the
per-requirement verdicts and evidence for the postings a person looks at or exports. Callers say
what changed (`postings_changed`, `cv_changed`); only that is read again. A posting's vectors are
computed once and stored packed (`posting_vectors`), and its skills are found again when the
taxonomy (shipped + the user's entries) has changed since they were found.

All methods may be called from worker threads. Queries are serialised by one lock; telling the session
what changed only marks it (under a lock of its own), so an import never waits for a ranking in flight.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from matcher.domain import CV, PostingFacts, RankedMatch
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.engine.embeddings import CachedEmbedder, Embedder, shared_embedder
from matcher.engine.gap import GapItem, skill_gap
from matcher.engine.features import (POSTING_OPENING_WORDS, REQUIREMENT_BLEND, CVIndex, embed_postings,
                                     index_cv)
from matcher.engine.lexical import SCHEME, Reference, default_reference
from matcher.engine.posting_index import PackedVectors, PostingIndex, make_entry
from matcher.engine.ranking import Ranker, Scored
from matcher.engine.scoring import ScoreWeights
from matcher.services import saved_index
from matcher.services.common import Cancelled, Eta, OperationCancelled, Progress, never_cancelled, no_progress
from matcher.services.saved_index import SavedIndex
from matcher.services.skills import cv_skills_version, reannotate_facts, skill_extractor, skills_version
from matcher.store import Store

if TYPE_CHECKING:
    from matcher.engine.skills import SkillExtractor

log = logging.getLogger(__name__)
EMBED_CHUNK = 256  # postings embedded and stored per step: a cancel keeps what was finished
Written = TypeVar("Written")


@dataclass
class Ranking:
    """Every stored posting ranked for one CV, best first; `requirements` of each match is None."""

    cv_id: int
    matches: list[RankedMatch] = field(default_factory=list)
    added_skills: tuple[str, ...] = ()  # a what-if ranking: skills assumed on top of the CV's
    # The CV as this ranking read it, when its skills were found again for it (the taxonomy
    # changed since they were stored): a window showing the CV shows it as it is now.
    refound_cv: CV | None = None


@dataclass
class _CVState:
    cvx: CVIndex
    ranker: Ranker
    refound_cv: CV | None = None  # its skills found again for this state, until a ranking hands it out
    scored: Scored | None = None
    scored_for: tuple[int, str] = (-1, "")  # (index version, weights) the scores were computed for


def digest(facts: PostingFacts, model_id: str) -> str:
    """What a posting's stored vectors were computed from; a different digest means recompute."""
    h = hashlib.sha1(f"{model_id}|{SCHEME}|{POSTING_OPENING_WORDS}|{REQUIREMENT_BLEND}|{facts.title}".encode())
    for r in facts.requirements:
        h.update(b"\n" + r.text.encode("utf-8"))
    return h.hexdigest()


def _pack(v: PackedVectors) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    return (v.doc.astype(np.float16).tobytes(), v.title.astype(np.float16).tobytes(),
            v.requirements.astype(np.float16).tobytes(), v.lexical[0].astype(np.int32).tobytes(),
            v.lexical[1].astype(np.float16).tobytes())


def _unpack(row: tuple[object, ...]) -> PackedVectors:
    doc, title, reqs, idx, val = (np.frombuffer(b, dtype=t) for b, t in zip(  # type: ignore[call-overload]
        row[1:], (np.float16, np.float16, np.float16, np.int32, np.float16)))
    dim = len(doc)
    return PackedVectors(doc.astype(np.float32), title.astype(np.float32),
                         reqs.astype(np.float32).reshape(-1, dim), (idx, val.astype(np.float32)))


class RankingSession:
    def __init__(self, store: Store, embedder: Embedder | None = None, reference: Reference | None = None) -> None:
        """`embedder`: where vectors come from; by default the shipped model behind the store's cache."""
        self.store = store
        self._thresholds = DEFAULT_THRESHOLDS  # the cut points verdicts are judged with
        self._embedder = embedder
        self.reference = reference or default_reference()
        self._lock = threading.RLock()
        self._marks = threading.Lock()  # guards the three marks below, set by any thread at any time
        self._dirty: set[int] = set()
        self._reload_all = True
        self._stale_cvs: set[int] = set()
        self._index: PostingIndex | None = None
        self._index_version = 0
        self._taxonomy_version: str | None = None
        self._infos: dict = {}  # type: ignore[type-arg]  # requirement infos, shared across postings
        # The index saved beside the database, kept only with the shipped reference statistics: they
        # are what its requirement weights were computed from.
        self._saved = SavedIndex(store, keeps=reference is None and store.path.name != ":memory:")
        self._cvs: dict[int, _CVState] = {}

    # -- what changed ---------------------------------------------------------------------------
    def postings_changed(self, posting_ids: Iterable[int] = ()) -> None:
        """Postings were imported, edited or removed; with no ids, everything is read again."""
        ids = set(posting_ids)
        with self._marks:
            if ids:
                self._dirty |= ids
            else:
                self._reload_all = True

    def cv_changed(self, cv_id: int) -> None:
        with self._marks:
            self._stale_cvs.add(cv_id)

    def thresholds_changed(self, thresholds: Thresholds) -> None:
        """Judge with other cut points from now on (`benchmarks/calibrate.py` tries several)."""
        with self._lock:
            self._thresholds, self._cvs = thresholds, {}

    def weights_changed(self) -> None:
        """Nothing to drop: weights are read at every ranking and only re-score cached parts."""

    # -- queries --------------------------------------------------------------------------------
    def rank(self, cv_id: int, top: int | None = None, progress: Progress = no_progress,
             cancelled: Cancelled = never_cancelled) -> Ranking:
        """All postings (or the best `top`) for the CV, best first; embeds only what is new."""
        with self._lock:
            state, scored = self._scored(cv_id, progress, cancelled)
            refound, state.refound_cv = state.refound_cv, None
            return Ranking(cv_id, state.ranker.matches(scored, top), refound_cv=refound)

    def what_if(self, cv_id: int, skills: Sequence[str], progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> Ranking:
        """The ranking as if the CV also had `skills`; nothing is stored. Reuses every vector and
        similarity of the CV's ranking: only the verdicts on named skills and the scores change."""
        with self._lock:
            ranker, scored = self._what_if(cv_id, tuple(skills), progress, cancelled)
            return Ranking(cv_id, ranker.matches(scored), tuple(skills))

    def explain(self, cv_id: int, posting_ids: Sequence[int], added_skills: Sequence[str] = ()) -> list[RankedMatch]:
        """Matches of these postings with each requirement's verdict and evidence, in the given order
        (ids no longer stored are left out)."""
        with self._lock:
            if added_skills:
                ranker, scored = self._what_if(cv_id, tuple(added_skills), no_progress, never_cancelled)
            else:
                state, scored = self._scored(cv_id, no_progress, never_cancelled)
                ranker = state.ranker
            return ranker.explain(scored, posting_ids)

    def skill_gap(self, cv_id: int, top_n: int = 20) -> list[GapItem]:
        """Missing skills of the `top_n` best postings, most blocking first, each with the points and
        band moves adding it would bring (computed with the same formula, not estimated)."""
        with self._lock:
            state, scored = self._scored(cv_id, no_progress, never_cancelled)
            extractor = skill_extractor(self.store)

            def with_skill(name: str) -> Ranker:
                ranker = Ranker(state.ranker.weights, extractor.taxonomy, state.ranker.thresholds)
                return ranker.fit(state.cvx.with_skills([name], extractor.taxonomy, extractor.skills))

            return skill_gap(state.ranker, scored, with_skill, top_n)

    def scored(self, cv_id: int, progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> tuple[Ranker, Scored]:
        """The CV's ranker and arrays, for the skill gap and benchmarks."""
        with self._lock:
            state, scored = self._scored(cv_id, progress, cancelled)
            return state.ranker, scored

    # -- inside ---------------------------------------------------------------------------------
    def _scored(self, cv_id: int, progress: Progress, cancelled: Cancelled) -> tuple[_CVState, Scored]:
        index = self._refresh(progress, cancelled)
        state = self._cv_state(cv_id)
        weights = ScoreWeights.from_json(self.store.setting("score_weights"))
        key = (self._index_version, repr(weights))
        if state.scored is None or state.scored_for != key:
            state.ranker.weights = weights
            sims = state.ranker.similarities(index, self._index_version)
            state.scored, state.scored_for = state.ranker.score(index, sims), key
            progress(1, 1, f"Ranked {len(index)} postings")
        return state, state.scored

    def _what_if(self, cv_id: int, skills: tuple[str, ...], progress: Progress,
                 cancelled: Cancelled) -> tuple[Ranker, Scored]:
        state, base = self._scored(cv_id, progress, cancelled)
        extractor = skill_extractor(self.store)
        names = [extractor.taxonomy.canonical(s) or s.strip() for s in skills]
        ranker = Ranker(state.ranker.weights, extractor.taxonomy, state.ranker.thresholds)
        ranker.fit(state.cvx.with_skills(names, extractor.taxonomy, extractor.skills))
        return ranker, ranker.score_as_if(base, state.ranker.similarities(base.index, self._index_version))

    def _cv_state(self, cv_id: int) -> _CVState:
        with self._marks:
            stale, self._stale_cvs = self._stale_cvs, set()
        for old in stale:
            self._cvs.pop(old, None)
        state = self._cvs.get(cv_id)
        if state is None:
            cv = self.store.cv(cv_id)
            if cv is None:
                raise LookupError(f"no CV with id {cv_id}")
            extractor = skill_extractor(self.store)
            refound = cv.skills_version != cv_skills_version(extractor) or any(r.skills is None for r in cv.roles)
            if refound:
                from matcher.services.skills import annotate_cv

                annotate_cv(cv, extractor)  # found again with today's taxonomy, hand edits kept
                self._try_write(lambda: self.store.update_cv_skills(cv))
            cvx = index_cv(cv, self._model(), extractor.taxonomy, self.reference, extractor.skills)
            ranker = Ranker(taxonomy=extractor.taxonomy, thresholds=self._thresholds).fit(cvx)
            # A copy to hand out: the window's CV holder and this session's index never share one object.
            state = self._cvs[cv_id] = _CVState(cvx, ranker, copy.deepcopy(cv) if refound else None)
        return state

    def _model(self) -> Embedder:
        return self._embedder or CachedEmbedder(shared_embedder(), self.store)

    def _refresh(self, progress: Progress, cancelled: Cancelled) -> PostingIndex:
        extractor = skill_extractor(self.store)
        version = skills_version(extractor)
        with self._marks:
            dirty, reload_all = self._dirty, self._reload_all
            self._dirty, self._reload_all = set(), False
        if version != self._taxonomy_version:  # requirement infos depend on the taxonomy
            self._infos, self._cvs = {}, {}
            self._taxonomy_version, reload_all = version, True
        if reload_all:
            self._index = None
        if self._index is not None and not dirty:
            return self._index
        try:
            if self._index is None:
                return self._open(extractor, version, progress, cancelled)
            return self._load(sorted(dirty), extractor, version, progress, cancelled)
        except BaseException:
            with self._marks:  # nothing was applied: ask again next time
                self._dirty |= dirty
                self._reload_all = self._reload_all or reload_all
            raise

    def _open(self, extractor: SkillExtractor, version: str, progress: Progress, cancelled: Cancelled) -> PostingIndex:
        """The index as saved on disk with what changed since read again, or every posting read."""
        opened = self._saved.open(saved_index.key(self._model().model_id, version))
        if opened is not None:
            self._index, changed = opened
            self._index_version += 1  # scores cached for the index held before are not for this one
            return self._load(changed, extractor, version, progress, cancelled) if changed else self._index
        index = self._load(None, extractor, version, progress, cancelled)
        self._saved.save(index)
        return index

    def _load(self, wanted: list[int] | None, extractor: SkillExtractor, version: str, progress: Progress,
              cancelled: Cancelled) -> PostingIndex:
        if wanted is not None:
            self._saved.reading(wanted)
        facts = self.store.posting_facts(wanted)
        stale = [f for f in facts if f.skills_version != version]
        if stale:
            eta = Eta()
            for done, f in enumerate(stale):
                if done % 500 == 0:  # ~0.2 s of work between reports at 10,000 postings
                    if cancelled():
                        raise OperationCancelled("ranking cancelled while finding skills again")
                    left = eta.left(done, len(stale))
                    progress(done, len(stale), f"Finding skills again in {done:,} of {len(stale):,} postings "
                             f"(the skills list changed){' — ' + left if left else ''}")
                reannotate_facts(f, extractor)
            self._saved.derived_written(self._try_write(lambda: self.store.update_skills(stale)) or {})
        vectors = self._vectors(facts, progress, cancelled)
        # A posting whose text cannot be read has no vectors: it is left out (the store names it).
        entries = [make_entry(f, vectors[f.id], extractor.taxonomy, self.reference, self._infos) for f in facts
                   if f.id in vectors]
        if self._index is None or wanted is None:
            self._index = PostingIndex(entries)
        else:
            self._index = self._index.update(wanted, entries)
            self._saved.save(self._index, when_due=True)
        self._index_version += 1
        return self._index

    def _vectors(self, facts: list[PostingFacts], progress: Progress, cancelled: Cancelled) -> dict[int, PackedVectors]:
        model_id = self._model().model_id
        stored = self.store.packed_vectors(model_id, None if len(facts) > 1000 else [f.id for f in facts])
        out: dict[int, PackedVectors] = {}
        missing: list[PostingFacts] = []
        for f in facts:
            row = stored.get(f.id)
            if row is not None and row[0] == digest(f, model_id):
                out[f.id] = _unpack(row)
            else:
                missing.append(f)
        eta = Eta()
        for start in range(0, len(missing), EMBED_CHUNK):
            if cancelled():
                raise OperationCancelled("ranking cancelled while embedding new postings")
            chunk = missing[start:start + EMBED_CHUNK]
            postings = {p.id: p for p in self.store.postings([f.id for f in chunk])}
            chunk = [f for f in chunk if f.id in postings]
            done_before = start

            def embedded(done: int, total: int, before: int = done_before, size: int = len(chunk)) -> None:
                count = before + round(done / max(total, 1) * size)
                left = eta.left(count, len(missing))
                # No estimate yet while nothing is done: the model may be loading. At the end there
                # is nothing left to estimate, and nothing is loading.
                note = f" — {left}" if left else " (the language model loads the first time)" if count == 0 else ""
                progress(count, len(missing), f"Embedding {count:,} of {len(missing):,} new postings{note}")

            try:
                packed = embed_postings([postings[f.id] for f in chunk], self._model(), self.reference,
                                        embedded, cancelled)
            except InterruptedError as exc:  # the embedder stops between batches on Cancel
                raise OperationCancelled(str(exc)) from exc
            if self._model().model_id != model_id:
                # The model fell back to another backend while loading: start again with its vectors only.
                return self._vectors(facts, progress, cancelled)
            # What is kept is what is stored (float16): a fresh ranking must equal every later one.
            rows = {f.id: (digest(f, model_id), *_pack(v)) for f, v in zip(chunk, packed)}
            for f in chunk:
                out[f.id] = _unpack(rows[f.id])
            self._try_write(lambda: self.store.put_packed_vectors(model_id, rows))
        return out

    def _try_write(self, write: Callable[[], Written]) -> Written | None:
        """Derived data is written when it can be: a busy or full disk must not lose a ranking."""
        try:
            return write()
        except Exception as exc:  # the result stands; it will be computed again next time
            log.warning("could not store derived data: %s", exc)
            return None


def rank(store: Store, cv: object, top: int | None = None, progress: Progress = no_progress,
         postings: Sequence[object] | None = None, cancelled: Cancelled = never_cancelled,
         embedder: Embedder | None = None) -> list[RankedMatch]:
    """One ranking, every requirement explained: for callers that rank once (scripts, tests).
    `postings`: only these (stored) postings are returned; `cv` must be a stored CV."""
    cv_id = getattr(cv, "id", None)
    if not isinstance(cv_id, int):
        raise ValueError("rank needs a stored CV (one with an id)")
    session = RankingSession(store, embedder)
    ranking = session.rank(cv_id, progress=progress, cancelled=cancelled)
    wanted = None if postings is None else {getattr(p, "id", None) for p in postings}
    ids = [m.posting_id for m in ranking.matches if wanted is None or m.posting_id in wanted][:top]
    return session.explain(cv_id, ids)
