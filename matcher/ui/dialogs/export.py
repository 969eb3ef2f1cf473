"""Ask where and how to export: format, file, which postings, and whether the CV's contact details
go in (off by default: an export is often shared, and contact details are the user's to give)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

# (format key of matcher.export.write_export, label, file suffix)
FORMATS = (("pdf", "PDF report (to print)", ".pdf"), ("md", "Markdown", ".md"), ("csv", "CSV (spreadsheet)", ".csv"),
           ("json", "JSON", ".json"))
SUFFIX = {key: suffix for key, _, suffix in FORMATS}
DEFAULT_TOP_N = 20
# The file's default name says what is in it; it follows the choice until the user types their own.
STEMS = {"shortlist": "matcher-shortlist", "ranking": "matcher-ranking"}


@dataclass(frozen=True)
class ExportChoice:
    format: str  # "pdf", "md", "csv" or "json"
    path: Path
    include_contact: bool = False
    shortlist_only: bool = True
    top_n: int | None = None  # when not shortlist_only: the best N postings, or None for all

    def __iter__(self) -> Iterator[object]:
        # main_window unpacks `fmt, path, include_contact = ask_export(...)`; keep that working.
        return iter((self.format, self.path, self.include_contact))


def pick_save_path(parent: QWidget, start: str, suffix: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, "Export to", start, f"*{suffix}")
    return path


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, default_format: str = "pdf", shortlist_only: bool = True,
                 folder: Path | None = None, pick: Callable[[QWidget, str, str], str] = pick_save_path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self._pick = pick  # injected: tests choose a path without a native file dialog
        self.format_group = QButtonGroup(self)
        formats = QVBoxLayout()
        for key, label, _ in FORMATS:
            button = QRadioButton(label)
            button.setProperty("format", key)
            button.setChecked(key == default_format)
            self.format_group.addButton(button)
            formats.addWidget(button)
        stem = STEMS["shortlist" if shortlist_only else "ranking"]
        self.path_edit = QLineEdit(str((folder or Path.home()) / (stem + SUFFIX.get(default_format, ".pdf"))))
        self.path_edit.setMinimumWidth(380)
        self.browse_button = QPushButton("Browse…")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.shortlist_radio = QRadioButton("Shortlist only (starred postings)")
        self.top_radio = QRadioButton("Top")
        self.all_radio = QRadioButton("All ranked postings")
        self.top_n = QSpinBox(minimum=1, maximum=10_000, value=DEFAULT_TOP_N, suffix=" postings")
        (self.shortlist_radio if shortlist_only else self.top_radio).setChecked(True)
        top_row = QHBoxLayout()
        top_row.addWidget(self.top_radio)
        top_row.addWidget(self.top_n)
        top_row.addStretch()
        scope = QVBoxLayout()
        scope.addWidget(self.shortlist_radio)
        scope.addLayout(top_row)
        scope.addWidget(self.all_radio)
        self.contact_box = QCheckBox("Include my contact details (email, phone) from the CV")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        form = QFormLayout(self)
        form.addRow("Format:", formats)
        form.addRow("File:", file_row)
        form.addRow("Postings:", scope)
        form.addRow("", self.contact_box)
        form.addRow(self.buttons)
        self.format_group.buttonToggled.connect(self._format_changed)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._update_ok)
        self.top_radio.toggled.connect(self.top_n.setEnabled)
        self.shortlist_radio.toggled.connect(self._scope_changed)
        self.top_n.setEnabled(self.top_radio.isChecked())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()

    def fmt(self) -> str:
        checked = self.format_group.checkedButton()
        return str(checked.property("format")) if checked else "pdf"

    def choice(self) -> ExportChoice:
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != SUFFIX[self.fmt()]:
            path = path.with_name(path.name + SUFFIX[self.fmt()])  # "report" becomes "report.pdf"
        top = self.top_n.value() if self.top_radio.isChecked() else None
        return ExportChoice(self.fmt(), path, self.contact_box.isChecked(), self.shortlist_radio.isChecked(), top)

    def _format_changed(self) -> None:
        # Keep the file name in step with the format, unless the user typed another kind of name.
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() in SUFFIX.values():
            self.path_edit.setText(str(path.with_suffix(SUFFIX[self.fmt()])))

    def _scope_changed(self, shortlist_only: bool) -> None:
        path = Path(self.path_edit.text().strip())
        if path.stem in STEMS.values():
            self.path_edit.setText(str(path.with_stem(STEMS["shortlist" if shortlist_only else "ranking"])))

    def _browse(self) -> None:
        if chosen := self._pick(self, self.path_edit.text(), SUFFIX[self.fmt()]):
            self.path_edit.setText(chosen)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path_edit.text().strip()))


def ask_export(parent: QWidget | None, default_format: str = "pdf", shortlist_only: bool = True,
               folder: Path | None = None) -> ExportChoice | None:
    """Show the dialog; the user's choice, or None when they cancel."""
    dialog = ExportDialog(parent, default_format, shortlist_only, folder)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
