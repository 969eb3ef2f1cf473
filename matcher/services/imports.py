"""Import postings (files, folders, pasted text), CVs and, on first run, the bundled samples.

Each file is one transaction, so a failure or a cancel keeps every file finished before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from matcher.domain import CV, ImportIssue, Posting
from matcher.services.common import Cancelled, Progress, never_cancelled, no_progress
from matcher.services.skills import annotate_cv, annotate_posting, skill_extractor
from matcher.store import Store, StoreError

if TYPE_CHECKING:
    from matcher.engine.skills import SkillExtractor


@dataclass
class ImportSummary:
    """`imported`: new postings; `merged`: postings given again with something new (another city, link
    or file), merged into the one stored; `duplicates`: given again with nothing new. `merged_ids`:
    postings stored before this import that gained something."""

    imported: int = 0
    duplicates: int = 0
    errors: list[ImportIssue] = field(default_factory=list)
    posting_ids: list[int] = field(default_factory=list)
    cancelled: bool = False
    merged: int = 0
    merged_ids: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "errors": [e.to_json() for e in self.errors],
            "merged": self.merged,
        }


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


def import_postings_in_child(store: Store, paths: Iterable[Path], progress: Progress = no_progress,
                          cancelled: Cancelled = never_cancelled) -> ImportSummary:
    """`import_postings` in a process of its own (see services.isolated): the app's window keeps
    answering however much the readers allocate."""
    from matcher.services.isolated import run_isolated

    return run_isolated(_import_into, store.path, [Path(p) for p in paths], progress=progress, cancelled=cancelled)


def _import_into(db_path: Path, paths: list[Path], progress: Progress, cancelled: Cancelled) -> ImportSummary:
    store = Store(db_path)
    try:
        return import_postings(store, paths, progress, cancelled)
    finally:
        store.close()


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
    summary.merged += added.merged
    known = set(summary.merged_ids) | set(summary.posting_ids)
    summary.merged_ids.extend(i for i in added.merged_ids if i not in known)


def import_cv(store: Store, path: Path, as_of: date | None = None) -> CV:
    """Read, understand and store a CV; raises `CVReadError` (nothing stored) when it cannot.
    `as_of` is the date "Present" means in it (default: the date the file says it was written)."""
    from matcher.ingest.cv import read_cv

    cv = annotate_cv(read_cv(path, as_of=as_of), skill_extractor(store))
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


def seed_vectors(store: Store, path: Path, model_id: str | None = None) -> int:
    """Put shipped vectors of the model in use (`model_id`, by default the shared embedder's) into
    the cache; returns how many. A file without that model's vectors, or a missing file, seeds
    nothing: the texts are then embedded as usual."""
    import numpy as np

    from matcher.engine.embeddings import shared_embedder

    model_id = model_id or shared_embedder().model_id
    if not path.is_file():
        return 0
    with np.load(path) as shipped:
        models = [str(m) for m in shipped["models"]]
        if model_id not in models:
            return 0
        rows = shipped["vectors"][models.index(model_id)].astype(np.float32)
        vectors = dict(zip((str(k) for k in shipped["keys"]), rows))
    store.put_many(model_id, vectors)
    return len(vectors)


