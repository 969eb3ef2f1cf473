"""The development set of ../shared/data/dev as domain objects, and an on-disk vector cache.

Uses the real importers when they exist (matcher.ingest.cv.read_cv); otherwise plain pypdf text.
Postings are built from the CSV columns: Minimum Qualifications lines are required requirements,
Preferred Qualifications lines preferred ones, as the dev README describes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from matcher.domain import CV, Posting, Requirement

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
CACHE_DIR = ROOT / "benchmarks" / ".cache"

RELEVANT: dict[str, set[str]] = {
    "FINANCE": {"Finance"}, "ACCOUNTANT": {"Finance"}, "BANKING": {"Finance"},
    "HR": {"People Operations"},
    "SALES": {"Sales & Account Management", "Sales Operations"},
    "PUBLIC-RELATIONS": {"Marketing & Communications"},
    "DESIGNER": {"User Experience & Design"},
    "INFORMATION-TECHNOLOGY": {"Software Engineering", "Technical Infrastructure", "IT & Data Management",
                               "Network Engineering", "Data Center & Network", "Technical Solutions"},
    "ENGINEERING": {"Hardware Engineering", "Manufacturing & Supply Chain"},
    "ADVOCATE": {"Legal & Government Relations"},
}


@dataclass
class DevCV:
    folder: str  # the category folder: decides which postings are relevant
    cv: CV


def _lines(cell: str) -> list[str]:
    return [ln.strip() for ln in cell.splitlines() if ln.strip()]


def load_postings() -> tuple[list[Posting], list[str]]:
    """The 1,250 postings (ids 1..n, CSV order) and their categories, via the real importer if any."""
    try:
        from matcher.ingest.postings import read_posting_file
    except ImportError:
        return _csv_postings()
    postings = read_posting_file(DEV / "google_job_skills.csv").postings
    _, categories = _csv_postings()
    assert len(postings) == len(categories), "importer and CSV disagree on the number of postings"
    for i, p in enumerate(postings, start=1):
        p.id = i
        p.tags = []  # the importer keeps the Category column as a tag: it is the label, never a feature
    return postings, categories


def _csv_postings() -> tuple[list[Posting], list[str]]:
    postings: list[Posting] = []
    categories: list[str] = []
    with open(DEV / "google_job_skills.csv", newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=1):
            mins, prefs = _lines(row["Minimum Qualifications"]), _lines(row["Preferred Qualifications"])
            resp = _lines(row["Responsibilities"])
            parts = [" ".join(resp), "Minimum qualifications:\n" + "\n".join(f"- {m}" for m in mins),
                     "Preferred qualifications:\n" + "\n".join(f"- {p}" for p in prefs)]
            reqs = [Requirement(m, "required") for m in mins] + [Requirement(p, "preferred") for p in prefs]
            postings.append(Posting(title=row["Title"], description="\n\n".join(parts), raw="",
                                       source=f"google_job_skills.csv#{i}", company=row["Company"],
                                       locations=[row["Location"]], requirements=reqs, id=i))
            categories.append(row["Category"])
    return postings, categories


def _pdf_text(path: Path) -> str:
    import pypdf

    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    # Join lines broken mid-sentence: a line starting lower-case continues the previous one.
    text = re.sub(r"\n\s*\n(?=\S)", "\n", text)
    return re.sub(r"\s*\n\s*(?=[a-z(&,])", " ", text)


def load_cvs() -> list[DevCV]:
    """The 30 livecareer CVs, via the real CV importer when it is there."""
    try:
        from matcher.ingest.cv import read_cv  # type: ignore[attr-defined]
    except ImportError:
        read_cv = None
    out: list[DevCV] = []
    for pdf in sorted((DEV / "livecareer").glob("*/*.pdf")):
        if read_cv is not None:
            cv = read_cv(pdf.read_bytes(), source=str(pdf)) if _takes_bytes(read_cv) else read_cv(pdf)
        else:
            cv = CV(name=pdf.stem, text=_pdf_text(pdf), source=str(pdf))
        out.append(DevCV(pdf.parent.name, cv))
    return out


def _takes_bytes(fn: object) -> bool:
    import inspect

    params = list(inspect.signature(fn).parameters.values())  # type: ignore[arg-type]
    return bool(params) and params[0].annotation in ("bytes", bytes)


class DiskVectorCache:
    """A VectorCache kept in one .npz under benchmarks/.cache so reruns embed nothing."""

    def __init__(self, path: Path = CACHE_DIR / "vectors.npz") -> None:
        self.path = path
        self.vectors: dict[tuple[str, str], np.ndarray] = {}
        self.dirty = False
        if path.exists():
            data = np.load(path, allow_pickle=False)
            for tag, mat in zip(data["tags"], data["matrix"]):
                model, key = str(tag).split("|", 1)
                self.vectors[(model, key)] = mat

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        return {k: self.vectors[(model, k)] for k in keys if (model, k) in self.vectors}

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        for k, v in vectors.items():
            self.vectors[(model, k)] = np.asarray(v, dtype=np.float32)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tags = np.array([f"{m}|{k}" for m, k in self.vectors])
        matrix = np.stack(list(self.vectors.values())) if self.vectors else np.zeros((0, 384), np.float32)
        np.savez(self.path, tags=tags, matrix=matrix)
        self.dirty = False


def load_taxonomy() -> object | None:
    """The shipped taxonomy, or None while it is not built yet."""
    try:
        from matcher.engine.taxonomy import default_taxonomy
    except ImportError:
        return None
    return default_taxonomy()


def annotate(postings: list[Posting], cvs: list[CV], taxonomy: object | None) -> None:
    """Fill skills the way the service layer does after import (no-op without a taxonomy)."""
    if taxonomy is None:
        return
    from matcher.domain import SkillEvidence
    from matcher.text import split_sentences
    from matcher.engine.skills import SkillExtractor

    extractor = SkillExtractor(taxonomy)
    for p in postings:
        for r in p.requirements:
            r.skills = extractor.skills(r.text)
        p.skills = extractor.skills(f"{p.title}\n{p.description}")
    for cv in cvs:
        if cv.skills:
            continue
        seen: set[str] = set()
        for sentence in split_sentences(cv.text):
            for skill in extractor.skills(sentence):
                if skill not in seen:
                    seen.add(skill)
                    cv.skills.append(SkillEvidence(skill, sentence))
