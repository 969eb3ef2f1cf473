"""Writes spanish_table_cv.docx and LibreOffice's PDF of it (spanish_table_cv.pdf) beside this file.

The PDF is kept in the repository so the tests need no LibreOffice. Run from the project root:
    .venv/bin/python -m tests.ingest.data.build_table_cv
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from tests.ingest import cv_samples

HERE = Path(__file__).parent


def main() -> None:
    docx = HERE / "spanish_table_cv.docx"
    docx.write_bytes(cv_samples.spanish_table_docx())
    with tempfile.TemporaryDirectory() as profile:  # a fresh profile: no user settings leak into the PDF
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(HERE), str(docx)], check=True, capture_output=True, timeout=300)


if __name__ == "__main__":
    main()
