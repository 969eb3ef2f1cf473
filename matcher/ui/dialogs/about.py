"""Help ▸ About matcher: what it is, its version, where the data lives, and whose data it uses —
in a user's words: how the shipped files are built is for developers, in the repository."""

from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

SUMMARY = ("Ranks job postings against your CV, offline, with a score you can check: "
           "every requirement met, partly met or missing, with the line of your CV that shows it.")
CREDITS = ("Skills data: O*NET 28.0 Database, U.S. Department of Labor, Employment and Training Administration "
           "(USDOL/ETA), CC BY 4.0 — modified; USDOL/ETA has not approved, endorsed or tested the changes. "
           "ESCO © European Union, https://esco.ec.europa.eu. "
           "Sample CV: from the Resume-Matcher project, Apache-2.0.")
# The full attribution the data's licences ask for, with what was changed.
ATTRIBUTION = """
**Skills.** matcher recognises skills with a list built from three sources:

- its own list of canonical names, spellings, categories and which skill implies which;
- the **O\\*NET 28.0 Database** (Technology Skills) by the U.S. Department of Labor, Employment and Training
  Administration (USDOL/ETA), used under the [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)
  licence. O\\*NET® is a trademark of USDOL/ETA. The data was changed: vendor prefixes removed, product names
  merged into the names postings use, some generic names dropped. USDOL/ETA has not approved, endorsed, or
  tested these modifications;
- **ESCO** (European Skills, Competences, Qualifications and Occupations), ICT skills and their alternative
  labels. © European Union, https://esco.ec.europa.eu — reuse authorised with attribution. Labels were
  shortened and alternative labels that are not spellings of the label dropped.

**Samples.** The postings shown on first run are real job-board exports; the sample CV is a fictional one
from the Resume-Matcher project (Apache-2.0).

**Fonts.** PDF exports use the DejaVu fonts (free licence, see the DejaVu project).
"""


def version() -> str:
    try:
        return metadata.version("matcher")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def about_html(data_file: Path) -> str:
    return (f"<h2>matcher {html.escape(version())}</h2><p>{html.escape(SUMMARY)}</p>"
            f"<p><b>Your data file:</b> {html.escape(str(data_file))}<br>"
            "Change it in File ▸ Settings…; everything stays on this computer.</p>"
            f"<p><b>Credits.</b> {html.escape(CREDITS)}</p>")


class AboutDialog(QDialog):
    def __init__(self, data_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About matcher")
        self.summary = QLabel(about_html(data_file), wordWrap=True)
        self.summary.setOpenExternalLinks(False)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)  # the path can be copied
        # The full attribution as shipped, for whoever needs the exact wording.
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setMarkdown(ATTRIBUTION)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def text(self) -> str:
        """Everything the dialog says, as plain text (for a reader, and for tests)."""
        return self.summary.text() + "\n" + self.details.toPlainText()
