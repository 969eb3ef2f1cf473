"""Help ▸ About matcher: what it is, its version, where the data lives, and whose data it uses."""

from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from matcher.paths import RESOURCES

ATTRIBUTION = RESOURCES / "taxonomy" / "ATTRIBUTION.md"
SAMPLES_NOTE = RESOURCES / "samples" / "README.md"
SUMMARY = ("Ranks job postings against your CV, offline, with a score you can check: "
           "every requirement met, partly met or missing, with the line of your CV that shows it.")
CREDITS = ("Skills data: O*NET 28.0 Database, U.S. Department of Labor, Employment and Training Administration "
           "(USDOL/ETA), CC BY 4.0 — modified; USDOL/ETA has not approved, endorsed or tested the changes. "
           "ESCO © European Union, https://esco.ec.europa.eu. "
           "Sample CV: from the Resume-Matcher project, Apache-2.0.")


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
        notes = [p.read_text(encoding="utf-8") for p in (ATTRIBUTION, SAMPLES_NOTE) if p.is_file()]
        self.details.setMarkdown("\n\n".join(notes))
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
