"""The row of filter controls above the ranked table; emits one `FilterCriteria` on any change."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from matcher.domain import APPLICATION_STATUSES
from matcher.ui.ranking.filter import ANY_STATUS, NOT_SHORTLISTED, FilterCriteria

POSTED_CHOICES = (("Any age", 0), ("1 day", 1), ("7 days", 7), ("30 days", 30), ("90 days", 90))
SALARY_STEP = 5000  # per year; the spin box moves in steps a person would type
SALARY_MAX = 10_000_000
LOCATION_ROOM = 48  # px beside the placeholder: the clear button and a few more letters
TYPING_PAUSE_MS = 150  # text filters wait for a pause in typing: one filter pass per word, not per key


class FilterBar(QWidget):
    criteriaChanged = Signal(object)  # FilterCriteria

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Search title, company, text…  (Ctrl+F)", clearButtonEnabled=True)
        self.location = QLineEdit(placeholderText="Location", clearButtonEnabled=True)
        # Room for "Location" and a city name at any window width; it grows into what is left.
        self.location.setMinimumWidth(self.location.fontMetrics().horizontalAdvance("Location") + LOCATION_ROOM)
        self.location.setMaximumWidth(220)
        self.remote = QCheckBox("Remote")
        self.salary = QSpinBox(minimum=0, maximum=SALARY_MAX, singleStep=SALARY_STEP, prefix="Salary ≥ ")
        self.salary.setSpecialValueText("Any salary")
        self.salary.setToolTip("Minimum salary per year, in the posting's own currency")
        self.posted = QComboBox()
        for label, days in POSTED_CHOICES:
            self.posted.addItem(label if not days else f"Posted ≤ {label}", days)
        self.score = QSpinBox(minimum=0, maximum=100, singleStep=5, prefix="Score ≥ ")
        self.score.setSpecialValueText("Any score")
        self.status = QComboBox()
        self.status.addItem("Any status", ANY_STATUS)
        for status in APPLICATION_STATUSES:
            self.status.addItem(status, status)
        self.status.addItem(NOT_SHORTLISTED, NOT_SHORTLISTED)
        self.starred = QCheckBox("★ only")
        self.count = QLabel()

        # Two rows that fit a table 650 px wide (a 1024-px screen): the search box with the two
        # check boxes, then the location and the choices.
        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.remote)
        top.addWidget(self.starred)
        top.addWidget(self.count)
        bottom.addWidget(self.location, 1)
        for widget in (self.salary, self.posted, self.score, self.status):
            bottom.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._changed)
        for edit in (self.search, self.location):
            edit.textChanged.connect(self._typing.start)
            edit.returnPressed.connect(self._changed)
        for box in (self.remote, self.starred):
            box.toggled.connect(self._changed)
        for spin in (self.salary, self.score):
            spin.valueChanged.connect(self._changed)
        for combo in (self.posted, self.status):
            combo.currentIndexChanged.connect(self._changed)

    def criteria(self) -> FilterCriteria:
        return FilterCriteria(
            text=self.search.text().strip(),
            location=self.location.text().strip(),
            remote_only=self.remote.isChecked(),
            salary_min=float(self.salary.value()),
            posted_within_days=int(self.posted.currentData()),
            score_min=float(self.score.value()),
            status=str(self.status.currentData()),
            starred_only=self.starred.isChecked(),
        )

    def show_count(self, shown: int, total: int) -> None:
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} postings")

    def _changed(self) -> None:
        self._typing.stop()
        self.criteriaChanged.emit(self.criteria())
