"""Settings: score weights (kept in the database, re-rank on OK), data file location, theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields

from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from matcher.engine.scoring import ScoreWeights
from matcher.store import default_db_path
from matcher.ui.settings import DATA_FILE, THEME, THEMES, Settings
from matcher.ui.theme import apply_theme

WEIGHT_LABELS = {
    "required": ("Must-have requirements met", "How much the must-haves the CV meets count, with the role itself "
                 "(the \"Fit\" bar of a posting)"),
    "preferred": ("Nice-to-haves met", "How much the preferred requirements the CV meets count"),
    "semantic": ("Overall similarity", "How close CV and posting are as wholes, in meaning and wording"),
    "experience": ("Years of experience", "The CV's years against the years asked"),
    "seniority": ("Seniority", "The CV's level against the title's level"),
    "lexical_share": ("Word overlap share", "Of the similarity part: 0 = meaning only, 1 = shared words only"),
    "title_share": ("Role share", "Of the similarity part: how much your CV's titles against the posting's title "
                    "count there too (0: the role counts in the requirements part only)"),
    "must_have_cap": ("Cap when a must-have is missing", "The best score a posting can get when you lack a must-have"),
}
CAP_FIELDS = {"must_have_cap"}  # on the 0..100 score scale; the rest are 0..1 weights


class SettingsDialog(QDialog):
    def __init__(self, weights: dict[str, float] | None, save_weights: Callable[[dict[str, float]], object],
                 settings: Settings, parent: QWidget | None = None) -> None:
        """`weights`: the user's (None: the defaults); `save_weights` stores new ones and re-ranks."""
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._save_weights = save_weights
        self._settings = settings
        self._initial = ScoreWeights.from_json(weights)

        self.weights: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        for f in fields(ScoreWeights):
            label, tip = WEIGHT_LABELS.get(f.name, (f.name.replace("_", " ").capitalize(), ""))
            spin = QDoubleSpinBox(decimals=0 if f.name in CAP_FIELDS else 2)
            spin.setToolTip(tip)
            spin.setRange(0.0, 100.0 if f.name in CAP_FIELDS else 1.0)
            spin.setSingleStep(5.0 if f.name in CAP_FIELDS else 0.05)
            spin.setValue(float(getattr(self._initial, f.name)))
            self.weights[f.name] = spin
            row_label = QLabel(label)
            row_label.setToolTip(tip)
            form.addRow(row_label, spin)
        reset = QPushButton("Reset to defaults")
        reset.clicked.connect(self.reset_weights)
        form.addRow("", reset)
        weights_box = QGroupBox("Score weights")
        note = QLabel("The first five are relative: only their ratios matter (0.60 against 0.10 counts six times "
                      "as much). The ranking is redone when you press OK.", wordWrap=True)
        box_layout = QVBoxLayout(weights_box)
        box_layout.addWidget(note)
        box_layout.addLayout(form)

        self.data_file = QLineEdit(settings.get(DATA_FILE), placeholderText=str(default_db_path()))
        self.data_file.setToolTip("Empty: the default, " + str(default_db_path()))
        # Wide enough for a whole path: a clipped path says nothing about where the data is.
        self.data_file.setMinimumWidth(self.data_file.fontMetrics().horizontalAdvance(str(default_db_path())) + 24)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_file, 1)
        data_row.addWidget(browse)
        self.theme = QComboBox()
        for theme in THEMES:
            self.theme.addItem({"system": "Follow the system"}.get(theme, theme.capitalize()), theme)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.get(THEME)), 0))
        app_form = QFormLayout()
        app_form.addRow("Data file (used from the next start)", data_row)
        app_form.addRow("Theme", self.theme)
        app_box = QGroupBox("Application")
        app_box.setLayout(app_form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(weights_box)
        layout.addWidget(app_box)
        layout.addWidget(buttons)

    def chosen_weights(self) -> ScoreWeights:
        return ScoreWeights(**{name: spin.value() for name, spin in self.weights.items()})

    def reset_weights(self) -> None:
        for name, value in asdict(ScoreWeights()).items():
            self.weights[name].setValue(float(value))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Data file", self.data_file.text() or str(default_db_path()),
                                              "matcher database (*.db);;All files (*)")
        if name:
            self.data_file.setText(name)

    def accept(self) -> None:
        self._settings.set(DATA_FILE, self.data_file.text().strip())
        theme = str(self.theme.currentData())
        self._settings.set(THEME, theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        weights = self.chosen_weights()
        if weights != self._initial:
            self._save_weights(weights.to_json())
        super().accept()
