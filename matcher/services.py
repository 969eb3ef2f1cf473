"""What a user can do, as plain functions over a `Store`: import postings and CVs, rank, edit skills.

The CLI and the desktop app both call these; the app runs them in a worker thread, so each takes
a `progress(done, total, message)` callback and a `cancelled()` check instead of touching widgets.
Ingest reads files, the engine understands them, the store keeps them: this module is the glue.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from matcher.domain import CV, ImportIssue, Posting, RankedMatch, SkillEvidence
from matcher.store import Store, StoreError

if TYPE_CHECKING:  # the engine loads a 9,000-skill taxonomy: only when a service needs it
    from matcher.engine.skills import SkillExtractor

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def no_progress(done: int, total: int, message: str) -> None:
    """The default reporter for callers that show no progress."""


def never_cancelled() -> bool:
    return False


class OperationCancelled(Exception):
    """Raised between units of work when the user pressed Cancel; finished units stay stored."""


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    errors: list[ImportIssue] = field(default_factory=list)
    posting_ids: list[int] = field(default_factory=list)
    cancelled: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "errors": [e.to_json() for e in self.errors],
        }


# -- skills -----------------------------------------------------------------------------------
def skill_extractor(store: Store) -> SkillExtractor:
    """The shipped taxonomy plus the user's own skills and aliases from the database."""
    skills, aliases = store.user_taxonomy()
    return _extractor_for(tuple(skills), tuple(sorted(aliases.items())))


@lru_cache(maxsize=4)
def _extractor_for(skills: tuple[tuple[str, str], ...], aliases: tuple[tuple[str, str], ...]) -> SkillExtractor:
    # Built once per set of user entries: an extractor is ~40,000 objects, and building one per
    # import made the garbage collector stall the window's thread for 100+ ms.
    from matcher.engine.skills import SkillExtractor
    from matcher.engine.taxonomy import default_taxonomy

    taxonomy = default_taxonomy()
    if skills or aliases:
        taxonomy = taxonomy.with_user_entries(skills, dict(aliases))
    extractor = SkillExtractor(taxonomy)
    gc.freeze()  # long-lived: keep it out of every later full collection
    return extractor


def annotate_posting(posting: Posting, extractor: SkillExtractor) -> Posting:
    """Fill the canonical skills of each requirement and of the posting as a whole."""
    seen: dict[str, None] = {}
    for requirement in posting.requirements:
        requirement.skills = extractor.skills(requirement.text)
        seen.update(dict.fromkeys(requirement.skills))
    seen.update(dict.fromkeys(extractor.skills(f"{posting.title}\n{posting.description}")))
    posting.skills = list(seen)
    return posting


def annotate_cv(cv: CV, extractor: SkillExtractor) -> CV:
    """Find every skill in the CV, each with the first sentence that shows it (the evidence)."""
    from matcher.text import split_sentences

    manual = [e for e in cv.skills if e.source == "manual"]
    found: dict[str, SkillEvidence] = {}
    for sentence in split_sentences(cv.text):
        for skill in extractor.skills(sentence):
            found.setdefault(skill.lower(), SkillEvidence(skill, sentence))
    for evidence in manual:
        found.setdefault(evidence.skill.lower(), evidence)
    cv.skills = list(found.values())
    if cv.report is not None:
        cv.report.skills_found = len(cv.skills)
    return cv


# -- import -----------------------------------------------------------------------------------
def import_postings(
    store: Store,
    paths: Iterable[Path],
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    now: datetime | None = None,
) -> ImportSummary:
    """Import files and folders; each file is one transaction, so a failure or a cancel keeps
    every file finished before it and nothing of the file in flight."""
    from matcher.ingest.postings import expand_paths, read_posting_file

    files, issues = expand_paths(paths)
    summary = ImportSummary(errors=list(issues))
    extractor = skill_extractor(store)
    for index, path in enumerate(files):
        if cancelled():
            summary.cancelled = True
            break
        progress(index, len(files), f"Reading {path.name}")
        try:
            result = read_posting_file(path, now=now)
            summary.errors.extend(result.issues)
            _store_postings(store, result.postings, extractor, summary)
        except StoreError:
            raise  # the database, not this file (locked, read-only, full): no later file could be stored either
        except Exception as error:  # one bad file must never stop the others; its transaction rolled back
            summary.errors.append(ImportIssue(str(path), None, f"not imported: {type(error).__name__}: {error}"))
    progress(len(files), len(files), "Import finished")
    return summary


def import_posting_text(store: Store, text: str, source: str = "pasted text") -> ImportSummary:
    """Import a description the user pasted."""
    from matcher.ingest.postings import read_posting_text

    result = read_posting_text(text, source=source)
    summary = ImportSummary(errors=list(result.issues))
    _store_postings(store, result.postings, skill_extractor(store), summary)
    return summary


def _store_postings(store: Store, postings: Sequence[Posting], extractor: SkillExtractor, summary: ImportSummary) -> None:
    if not postings:
        return
    added = store.add_postings([annotate_posting(p, extractor) for p in postings])
    summary.imported += len(added.added_ids)
    summary.duplicates += added.duplicates
    summary.posting_ids.extend(added.added_ids)


def import_cv(store: Store, path: Path) -> CV:
    """Read, understand and store a CV; raises `CVReadError` (nothing stored) when it cannot."""
    from matcher.ingest.cv import read_cv

    cv = annotate_cv(read_cv(path), skill_extractor(store))
    cv.id = store.add_cv(cv)
    return cv


SAMPLE_CV = "john_doe.pdf"
SAMPLE_VECTORS = "vectors.npz"  # built by scripts/build_sample_vectors.py


def import_samples(
    store: Store, samples: Path, progress: Progress = no_progress, cancelled: Cancelled = never_cancelled
) -> ImportSummary:
    """First run: the bundled postings and CV, and their vectors, so the first ranking needs no
    model (seconds instead of a minute of embedding on two cores)."""
    summary = import_postings(store, sorted((samples / "jobs").iterdir()), progress, cancelled)
    progress(0, 1, "Reading the sample CV")
    import_cv(store, samples / "cvs" / SAMPLE_CV)
    seed_vectors(store, samples / SAMPLE_VECTORS)
    return summary


def seed_vectors(store: Store, path: Path) -> int:
    """Put shipped vectors into the cache; returns how many. Vectors of another model, or a
    missing file, seed nothing: the texts are then embedded as usual."""
    import numpy as np

    from matcher.engine.embeddings import MODEL_ID

    if not path.is_file():
        return 0
    with np.load(path) as shipped:
        if str(shipped["model"]) != MODEL_ID:
            return 0
        vectors = dict(zip((str(k) for k in shipped["keys"]), shipped["vectors"].astype(np.float32)))
    store.put_many(MODEL_ID, vectors)
    return len(vectors)


def edit_cv_skills(store: Store, cv: CV, add: Iterable[str] = (), remove: Iterable[str] = ()) -> CV:
    """The user's hand edits: added skills become manual evidence; removed ones are remembered."""
    taxonomy = skill_extractor(store).taxonomy
    known = {e.skill.lower() for e in cv.skills}
    removed = {s.lower(): s for s in cv.removed_skills}
    for name in add:
        canonical = taxonomy.canonical(name) or name.strip()
        removed.pop(canonical.lower(), None)
        if canonical.lower() not in known:
            cv.skills.append(SkillEvidence(canonical, "Added by hand", source="manual"))
            known.add(canonical.lower())
    for name in remove:
        canonical = taxonomy.canonical(name) or name.strip()
        removed[canonical.lower()] = canonical
    cv.removed_skills = sorted(removed.values())
    store.update_cv_skills(cv)
    return cv


# -- ranking ----------------------------------------------------------------------------------
def rank(
    store: Store,
    cv: CV,
    top: int | None = None,
    progress: Progress = no_progress,
    postings: list[Posting] | None = None,
    cancelled: Cancelled = never_cancelled,
) -> list[RankedMatch]:
    """Rank stored postings for a CV, best first; embeds only what is not cached yet.

    Raises `OperationCancelled` when `cancelled()` turns true while texts are being embedded;
    the stored data is untouched (vectors are cached only once a batch call completes)."""
    from matcher.engine.embeddings import CachedEmbedder, shared_embedder
    from matcher.engine.ranking import rank_postings
    from matcher.engine.scoring import ScoreWeights

    postings = store.postings() if postings is None else postings
    weights = ScoreWeights.from_json(store.setting("score_weights"))
    embedder = CachedEmbedder(shared_embedder(), store)
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
