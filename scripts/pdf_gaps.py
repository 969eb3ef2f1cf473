"""How wide are the gaps between runs of text on one baseline? Chose pdf_page's WORD_GAP_EMS.

Prints a histogram of the gap between consecutive runs on a line, in ems of the font, over the
shared sample and dev-set CV PDFs, the test PDFs and the layouts tests/ingest/cv_samples.py draws,
with examples. Word gaps sit at 0.3–0.4 em; the narrowest margin beside its text at 0.7 em.
Run from the project root: .venv/bin/python scripts/pdf_gaps.py
"""

from __future__ import annotations

import collections
import io
import sys
from pathlib import Path

from pypdf import PdfReader
from pypdf._text_extraction._layout_mode import text_show_operations, y_coordinate_groups

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from matcher.ingest.pdf_page import _operations  # noqa: E402
from tests.ingest import cv_samples, pdf_samples  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
BUCKET = 0.1  # ems
WIDE = 3.0  # everything wider is one bucket


def documents() -> dict[str, bytes]:
    paths = sorted(SHARED.glob("samples/cvs/*.pdf")) + sorted(SHARED.glob("data/dev/livecareer/*/*.pdf"))
    paths += sorted(Path("tests/ingest/data").glob("*.pdf"))
    found = {path.name: path.read_bytes() for path in paths}
    found.update({f"{name} (cv_samples)": data for name, data in cv_samples.layouts().items() if data[:4] == b"%PDF"})
    found["word forms (pdf_samples)"] = pdf_samples.word_forms_pdf(["Puesto de trabajo", "• 3 años de experiencia"])
    return found


def main() -> None:
    counts: collections.Counter[float] = collections.Counter()
    examples: dict[float, list[str]] = collections.defaultdict(list)
    for name, data in documents().items():
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            operations, fonts = _operations(page, reader)
            runs = text_show_operations(iter(operations), fonts, True, None)
            for line in (y_coordinate_groups(runs, None).values() if runs else []):
                for left, right in zip(line, line[1:]):
                    ems = (right["tx"] - left["displaced_tx"]) / (right["font_size"] or 1)
                    bucket = min(WIDE, round(ems / BUCKET) * BUCKET)
                    counts[bucket] += 1
                    if len(examples[bucket]) < 2:
                        examples[bucket].append(f"{name}: {left['text'][-12:]!r} | {right['text'][:12]!r}")
    for bucket in sorted(counts):
        print(f"{bucket:5.1f} em {counts[bucket]:6d}  {'; '.join(examples[bucket])}")


if __name__ == "__main__":
    main()
