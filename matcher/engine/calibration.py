"""Similarity thresholds, chosen on labelled data by `benchmarks/calibrate.py` (rerun it to refresh).

All values are cosines of L2-normalised all-MiniLM-L6-v2 vectors (PyTorch's,
`encoders.TORCH_MODEL_ID`; the app's other backends agree with it to a cosine of 0.999), or TF-IDF
cosines with the fixed reference weights (see `lexical`). Where each figure comes from is written
beside it; the script prints them again from the data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Cut points that turn a similarity into met / partial / missing, and into a 0..1 part.

    Worked example with the defaults: a requirement that names no skill, whose best CV sentence has
    cosine 0.66, is "met" (credit 1); 0.45 is "partial" (credit (0.45 - 0.19) / (0.62 - 0.19) = 0.60);
    0.30 is "missing" (credit 0).
    """

    # Requirement line vs its best quotable CV sentence, for lines judged on meaning. Chosen by
    # `benchmarks/calibrate.py` on the TUNE half of the verdict gold set (benchmarks/data/verdicts:
    # requirement/CV pairs labelled met / partial / missing by reading): the pair of cuts with the best
    # 3-way accuracy (0.560 on the 84 lines judged on meaning) among those where "met" is right at
    # least MET_PRECISION of the time — of equals the strictest `partial` (0.29 to 0.33 tie) and the
    # lowest `met`; `floor` is where partial credit would reach zero (a third at `partial`, 1 at `met`).
    # Cosine alone separates these lines weakly (mean 0.36 missing, 0.43 partial, 0.51 met): hence a
    # strict `met` and a wide partial band.
    met: float = 0.62
    partial: float = 0.33
    floor: float = 0.19
    # A line judged on meaning whose best sentence uses the line's rarest word ("Ability to
    # troubleshoot": "Competent at equipment maintenance and troubleshooting", 0.60) is met from this
    # cosine on. Chosen by `benchmarks/calibrate.py` on TUNE halves, by how many verdicts move between an
    # rjdb CV and its weakened copy on lines naming no removed skill (a rewritten sentence moves a
    # cosine across `met` far more often than it drops the line's own word): 0.149 with the rule off,
    # 0.137-0.142 for cuts 0.35-0.5, 0.146 and 0.154 for 0.55 and 0.6; detection 0.634 → 0.642 and the
    # verdict gold set's accuracy unchanged (0.714). The strictest cut within 0.005 of the fewest moves.
    met_same_word: float = 0.5
    # Whole posting vs the CV's opening words: 1st and 99th percentile over the relevance pool's
    # postings for the TUNE CVs (benchmarks/calibrate.py), so the part spreads over 0..1.
    doc_low: float = 0.17
    doc_high: float = 0.56
    # Posting title vs what the CV calls its person (headline, role titles): same percentiles.
    title_low: float = 0.16
    title_high: float = 0.63
    # TF-IDF cosine of CV and posting with reference weights: its 99th percentile there.
    lexical_high: float = 0.13


DEFAULT_THRESHOLDS = Thresholds()
MET_PRECISION = 0.85  # the share of "met" verdicts on meaning alone that must be right
