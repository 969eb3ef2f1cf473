"""The CV pane: switch between CV versions, read how the CV was parsed (warnings first), browse its
sections and edit its skills. It announces what the user asks for; the caller does the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QListWidget, QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
    QStyle, QVBoxLayout, QWidget,
)

from matcher.domain import CV
from matcher.ui.cv.skills import SkillsEditor

# Amber reads as "check this" in both themes without the alarm of red.
WARNING_STYLE = "QFrame#warnings { background: #fff3cd; border: 1px solid #e0a800; border-radius: 4px; } " \
                "QFrame#warnings QLabel { color: #5c4400; }"


def ask_confirmation(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, "Delete CV", text)
    return answer == QMessageBox.StandardButton.Yes


def cv_label(cv: CV) -> str:
    """E.g. "John Doe — 2026-11-24 08:30 (#3)"."""
    when = f" — {cv.created:%Y-%m-%d %H:%M}" if cv.created else ""
    return f"{cv.name}{when} (#{cv.id})"


class CVPane(QWidget):
    cvSelected = Signal(int)
    skillsEdited = Signal(int, list, list)  # cv id, added names, removed names
    loadCvRequested = Signal()
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None,
                 confirm: Callable[[QWidget, str], bool] = ask_confirmation) -> None:
        super().__init__(parent)
        self.confirm = confirm  # injected so tests answer without a modal box
        self._cvs: list[CV] = []
        self.versions = QComboBox()
        self.versions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.load_button = QPushButton("Load CV…")
        self.delete_button = QPushButton("Delete")
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.warnings = QFrame()
        self.warnings.setObjectName("warnings")
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warning_icon = QLabel()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.warning_icon.setPixmap(icon.pixmap(24, 24))
        self.warning_text = QLabel()
        self.warning_text.setWordWrap(True)
        box = QHBoxLayout(self.warnings)
        box.addWidget(self.warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.warning_text, 1)
        self.sections = QListWidget()
        self.section_text = QPlainTextEdit(readOnly=True)
        self.skills = SkillsEditor()
        self.body = self._body()
        top = QHBoxLayout()
        top.addWidget(QLabel("CV version:"))
        top.addWidget(self.versions, 1)
        top.addWidget(self.load_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.report)
        layout.addWidget(self.warnings)
        layout.addWidget(self.body, 1)
        self.versions.activated.connect(self._version_picked)
        self.load_button.clicked.connect(self.loadCvRequested)
        self.delete_button.clicked.connect(self._delete)
        self.sections.currentRowChanged.connect(self._show_section)
        self.skills.edited.connect(self._skills_edited)
        self.set_cvs([], None)

    def _body(self) -> QSplitter:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Sections</b>"))
        column.addWidget(self.sections, 1)
        column.addWidget(self.section_text, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.skills)
        splitter.setStretchFactor(1, 1)
        return splitter

    def set_cvs(self, cvs: list[CV], current_id: int | None) -> None:
        """List the CV versions and show `current_id` (or the newest when it is None or gone)."""
        self._cvs = list(cvs)
        self.versions.clear()
        for cv in self._cvs:
            self.versions.addItem(cv_label(cv), cv.id)
        index = self.versions.findData(current_id) if current_id is not None else -1
        if index < 0 and self._cvs:
            index = max(range(len(self._cvs)), key=lambda i: (self._cvs[i].created is not None, self._cvs[i].created, i))
        self.versions.setCurrentIndex(index)
        self._show(self._cvs[index] if index >= 0 else None)

    def current_cv(self) -> CV | None:
        index = self.versions.currentIndex()
        return self._cvs[index] if 0 <= index < len(self._cvs) else None

    def _show(self, cv: CV | None) -> None:
        self.delete_button.setEnabled(cv is not None)
        self.versions.setEnabled(cv is not None)
        self.body.setVisible(cv is not None)
        self.warnings.setVisible(bool(cv and cv.report and cv.report.warnings))
        if cv is None:
            self.report.setText("<b>No CV loaded yet.</b> Press <i>Load CV…</i> and pick your CV (PDF or Word) to "
                                "see how each posting matches it.")
            return
        report = cv.report
        if report is not None:
            self.report.setText(
                f"<b>{cv.name}</b> — read from {report.pages} page{'s' if report.pages != 1 else ''}, "
                f"{report.chars:,} characters · {len(report.sections)} sections found · "
                f"{len(cv.effective_skills())} skills"
                + (f" · about {cv.years_experience:g} years of experience" if cv.years_experience else ""))
            self.warning_text.setText("<b>Check these:</b><br>" + "<br>".join(f"• {w}" for w in report.warnings))
        else:
            self.report.setText(f"<b>{cv.name}</b> — {len(cv.effective_skills())} skills")
        self.sections.clear()
        for section in cv.sections:
            same = section.heading.strip().lower() == section.name
            self.sections.addItem(section.heading if same else f"{section.heading}  ({section.name})")
        self.sections.setCurrentRow(0 if cv.sections else -1)
        self._show_section(self.sections.currentRow())
        self.skills.set_skills(cv.effective_skills(), cv.removed_skills)

    def _show_section(self, row: int) -> None:
        cv = self.current_cv()
        self.section_text.setPlainText(cv.sections[row].text if cv and 0 <= row < len(cv.sections) else "")

    def _version_picked(self, index: int) -> None:
        cv = self._cvs[index]
        self._show(cv)
        if cv.id is not None:
            self.cvSelected.emit(cv.id)

    def _delete(self) -> None:
        cv = self.current_cv()
        if cv is not None and cv.id is not None and self.confirm(self, f"Delete the CV “{cv_label(cv)}”? "
                                                                 "Its skill edits go with it."):
            self.deleteRequested.emit(cv.id)

    def _skills_edited(self, added: list[str], removed: list[str]) -> None:
        cv = self.current_cv()
        if cv is not None and cv.id is not None:
            self.skillsEdited.emit(cv.id, added, removed)
