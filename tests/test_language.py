"""matcher.language: the one language detector, for postings, CVs and the engine's profile."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from matcher.ingest.cv import read_cv
from matcher.language import detect_language, language_name

REAL = json.loads((Path(__file__).parent / "ingest" / "data" / "real_postings.json").read_text(encoding="utf-8"))


def test_real_postings_in_five_languages() -> None:
    expected = {"flat-es-logistica": "es", "flat-es-ventas": "es", "flat-es-baile": "es", "de-rehorik": "de",
                "fr-robertet": "fr", "flat-rivian": "en", "linkedin-empg": "en"}
    assert {key: detect_language(REAL["postings"][key]["text"]) for key in expected} == expected


def test_the_dev_postings_are_english_but_one_japanese(shared_dir: Path) -> None:
    with (shared_dir / "data" / "dev" / "google_job_skills.csv").open(encoding="utf-8") as handle:
        found = Counter(detect_language(" ".join(row[c] for c in ("Title", "Responsibilities", "Minimum Qualifications",
                                                                  "Preferred Qualifications")))
                        for row in csv.DictReader(handle))
    # The 14 without a language have a title only, no text at all.
    assert found == Counter({"en": 1235, None: 14, "ja": 1})


def test_too_little_text_has_no_language_and_names_read_well() -> None:
    assert detect_language("Python, SQL, AWS") is None and detect_language("") is None
    assert language_name("de") == "German" and language_name(None) == "unknown"


def test_a_cv_carries_its_language(shared_dir: Path) -> None:
    cv = read_cv(shared_dir / "samples" / "cvs" / "john_doe.pdf")
    assert cv.language == "en" and not any("language" in w for w in cv.report.warnings)  # type: ignore[union-attr]
