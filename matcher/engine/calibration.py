"""Similarity thresholds, calibrated on data by `benchmarks/calibrate.py` (rerun it to refresh).

All values are cosines of L2-normalised all-MiniLM-L6-v2 vectors (see `embeddings.MODEL_ID`) or
TF-IDF cosines (see `lexical`). Provenance of each figure is next to it; the script prints them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Cut points that turn a similarity into met / partial / missing and into a 0..1 part.

    Worked example with the defaults: a requirement with no named skill whose best CV sentence
    has cosine 0.62 is "met" (credit 1); 0.53 is "partial" (credit (0.53-0.44)/(0.59-0.44) = 0.6);
    0.45 is "missing" (credit 0).
    """

    # Requirement vs best CV sentence. `benchmarks/calibrate.py` on the dev set (30 CVs x 1,250
    # postings, 2026-11-24): over (CV, requirement of a posting from an UNRELATED category) pairs,
    # `met` is the 95th percentile (0.592): meaning alone calls a requirement the CV does not
    # address "met" at most 5% of the time; `partial` the 75th (0.502); `floor` the median (0.435),
    # the typical unrelated pair, where partial credit starts from zero.
    met: float = 0.59
    partial: float = 0.50
    floor: float = 0.44
    # Whole posting vs whole CV: 1st percentile (0.073) and 99th percentile (0.556) of all dev pairs.
    doc_low: float = 0.07
    doc_high: float = 0.56
    # TF-IDF cosine of CV and posting: the highest dev pair (0.272; 99th percentile 0.135), so no
    # dev pair saturates and CVs that share a posting's vocabulary more closely still rank higher.
    lexical_high: float = 0.27


DEFAULT_THRESHOLDS = Thresholds()
