"""A bar above the table for news that must not flash by: what an import did (new, merged, errors) and
what a removal removed, with the buttons that act on it (Undo, Show problems). It stays until the
user closes it or newer news replaces it; the status bar keeps the passing messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

Button = tuple[str, Callable[[], object]]


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")  # the style sheet gives it its frame and colour
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(wordWrap=True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.close_button)
        self.buttons: list[QPushButton] = []
        self.setVisible(False)

    def show_notice(self, text: str, buttons: Sequence[Button] = ()) -> None:
        """Replace what the bar says; each button runs its action and closes the bar."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.label.setText(text)
        for index, (label, action) in enumerate(buttons):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, act=action: self._pressed(act))
            self._layout.insertWidget(1 + index, button)
            self.buttons.append(button)
        self.setVisible(True)

    def _pressed(self, action: Callable[[], object]) -> None:
        self.dismiss()
        action()

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.setVisible(False)
