"""The CV's skills as chips (the evidence sentence on hover), with an add box that completes from the
skill taxonomy and a remove button. Edits are announced, and shown at once, before anything is saved."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCompleter, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from matcher.domain import SkillEvidence

SKILL_ROLE = Qt.ItemDataRole.UserRole + 1
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 2  # what shows the skill, in words
# Chips: rounded items that wrap like words; palette() keeps them right in light and dark themes.
CHIP_STYLE = """
QListWidget::item { border: 1px solid palette(mid); border-radius: 9px; padding: 2px 8px; margin: 2px; }
QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""


def taxonomy_names() -> list[str]:
    """Every canonical skill name of the shipped taxonomy (read on first use, ~0.1 s)."""
    from matcher.engine.taxonomy import default_taxonomy

    return sorted((s.name for s in default_taxonomy().skills()), key=str.lower)


def canonical_name(name: str) -> str:
    from matcher.engine.taxonomy import default_taxonomy

    return default_taxonomy().canonical(name) or name


class SkillsEditor(QWidget):
    edited = Signal(list, list)  # added names, removed names

    def __init__(self, names: Callable[[], list[str]] = taxonomy_names,
                 canonical: Callable[[str], str] = canonical_name, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names, self._canonical = names, canonical
        self.title = QLabel()
        self.evidence = QLabel()  # the sentence that shows the chosen chip's skill, without hovering
        self.evidence.setWordWrap(True)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.removed = QLabel()  # hand-removed skills stay visible, so a slip can be undone
        self.removed.setWordWrap(True)
        self.chips = QListWidget()
        self.chips.setViewMode(QListView.ViewMode.ListMode)
        self.chips.setFlow(QListView.Flow.LeftToRight)
        self.chips.setWrapping(True)
        self.chips.setResizeMode(QListView.ResizeMode.Adjust)
        self.chips.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chips.setStyleSheet(CHIP_STYLE)
        self.chips.setFrameShape(QListWidget.Shape.NoFrame)
        self.add_box = QLineEdit()
        self.add_box.setPlaceholderText("Add a skill, e.g. Kubernetes")
        self.add_box.installEventFilter(self)  # the taxonomy is read on first focus, not at start-up
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove selected")
        self.remove_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.add_box, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.chips, 1)
        layout.addWidget(self.evidence)
        layout.addWidget(self.removed)
        layout.addLayout(row)
        self.add_box.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chips.itemSelectionChanged.connect(self._selection_changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.chips, self.remove_selected)
        # Set after construction: PySide6 ignores a `context=` keyword there, and a window-wide Delete
        # here would clash with the ranked table's.
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.set_skills([])

    def set_skills(self, skills: list[SkillEvidence], removed: Sequence[str] = ()) -> None:
        self.chips.clear()
        for evidence in sorted(skills, key=lambda e: e.skill.lower()):
            self._add_chip(evidence)
        self.removed.setText(f"Removed by you: {', '.join(removed)} — add one again to restore it" if removed else "")
        self.removed.setVisible(bool(removed))
        self._update_title()
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.chips.selectedItems()
        self.remove_button.setEnabled(bool(chosen))
        current = self.chips.currentItem()
        shown = current if current in chosen else (chosen[0] if chosen else None)
        self.evidence.setText(f"<b>{html.escape(shown.data(SKILL_ROLE))}</b> — {shown.data(EVIDENCE_ROLE)}" if shown else
                              "Select a skill to see the sentence of your CV that shows it.")

    def skill_names(self) -> list[str]:
        return [self.chips.item(i).data(SKILL_ROLE) for i in range(self.chips.count())]

    def ensure_completer(self) -> None:
        if self.add_box.completer() is None:
            completer = QCompleter(QStringListModel(self._names(), self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.add_box.setCompleter(completer)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.add_box and event.type() == QEvent.Type.FocusIn:
            self.ensure_completer()
        return super().eventFilter(watched, event)

    def add_typed(self) -> None:
        typed = self.add_box.text().strip()
        if not typed:
            return
        name = self._canonical(typed)
        self.add_box.clear()
        if name.lower() in {n.lower() for n in self.skill_names()}:
            return
        self._add_chip(SkillEvidence(name, "Added by hand", source="manual"))
        self.chips.sortItems()
        self._update_title()
        self.edited.emit([name], [])

    def remove_selected(self) -> None:
        items = self.chips.selectedItems()
        if not items:
            return
        names = [item.data(SKILL_ROLE) for item in items]
        for item in items:
            self.chips.takeItem(self.chips.row(item))
        self._update_title()
        self.edited.emit([], names)

    def _add_chip(self, evidence: SkillEvidence) -> None:
        item = QListWidgetItem(evidence.skill)
        item.setData(SKILL_ROLE, evidence.skill)
        if evidence.source == "manual":
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
            item.setData(EVIDENCE_ROLE, "added by you")
            item.setToolTip(f"{evidence.skill}: added by hand")
        else:
            item.setData(EVIDENCE_ROLE, f"from your CV: “{html.escape(evidence.sentence)}”")
            item.setToolTip(f"{evidence.skill} — from your CV:\n“{evidence.sentence}”")
        self.chips.addItem(item)

    def _update_title(self) -> None:
        self.title.setText(f"<b>Skills ({self.chips.count()})</b> — select one to see the sentence of your CV that shows it")
