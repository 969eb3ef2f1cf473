"""What a user can do, as plain functions over a `Store`: import postings and CVs, edit skills, rank.

The CLI and the desktop app both call these; the app runs them in a worker thread, so each takes
a `progress(done, total, message)` callback and a `cancelled()` check instead of touching widgets.
Ingest reads files, the engine understands them, the store keeps them: this package is the glue.
"""

from typing import TYPE_CHECKING

from matcher.services.common import Cancelled, OperationCancelled, Progress, never_cancelled, no_progress
from matcher.services.imports import (SAMPLE_CV, SAMPLE_VECTORS, ImportSummary, import_cv, import_posting_text,
                                      import_postings, import_postings_in_child, import_samples, seed_vectors)
from matcher.services.skills import annotate_cv, annotate_posting, edit_cv_skills, skill_extractor

if TYPE_CHECKING:
    from matcher.services.ranking import Ranking, RankingSession, rank


def __getattr__(name: str) -> object:
    # The ranking service pulls in numpy, scipy and the engine: imported when first used, so the
    # window and the CLI start without them.
    if name in ("Ranking", "RankingSession", "rank"):
        from matcher.services import ranking

        return getattr(ranking, name)
    raise AttributeError(name)


__all__ = [
    "SAMPLE_CV", "SAMPLE_VECTORS", "Cancelled", "ImportSummary", "OperationCancelled", "Progress", "Ranking",
    "RankingSession", "annotate_cv", "annotate_posting", "edit_cv_skills", "import_cv", "import_posting_text",
    "import_postings", "import_postings_in_child", "import_samples", "never_cancelled", "no_progress", "rank", "seed_vectors", "skill_extractor",
]
