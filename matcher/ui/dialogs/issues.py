"""Small dialogs of the main window: the list of import errors, and pasting a posting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from matcher.domain import ImportIssue


class ImportIssuesDialog(QDialog):
    """Every file or item that could not be imported: where, which item, and why."""

    def __init__(self, issues: Sequence[ImportIssue], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Some postings could not be imported")
        self.table = QTableWidget(len(issues), 3)
        self.table.setHorizontalHeaderLabels(["File", "Item", "Reason"])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, issue in enumerate(issues):
            for column, text in enumerate((issue.path, issue.item or "", issue.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(issues)} could not be imported. Everything not listed here was."))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 320)


class PasteDialog(QDialog):
    """Paste the text of a posting copied from a web page or an e-mail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste a posting")
        self.edit = QPlainTextEdit(placeholderText="Paste the whole posting here: title, company, requirements…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def text(self) -> str:
        return self.edit.toPlainText().strip()
