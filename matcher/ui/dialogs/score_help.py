"""Help ▸ How the score works: the bands, what each part measures and how much it counts with the
user's own weights, the cap, the checklist marks, and why scores can move."""

from __future__ import annotations

import html
from dataclasses import fields

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from matcher.domain import SCORE_BANDS
from matcher.engine.scoring import ScoreWeights
from matcher.ui.dialogs.settings import CAP_FIELDS, WEIGHT_LABELS

NOT_PARTS = CAP_FIELDS | {"lexical_share", "title_share"}  # settings that shape a part, not parts of the sum


def score_help_html(weights: ScoreWeights) -> str:
    parts = [f for f in fields(ScoreWeights) if f.name not in NOT_PARTS]
    total = sum(float(getattr(weights, f.name)) for f in parts) or 1.0
    rows = "".join(
        f"<tr><td><b>{html.escape(WEIGHT_LABELS.get(f.name, (f.name, ''))[0])}</b></td>"
        f"<td align='right'>{100 * float(getattr(weights, f.name)) / total:.0f}%</td>"
        f"<td>{html.escape(WEIGHT_LABELS.get(f.name, ('', ''))[1])}</td></tr>" for f in parts)
    bands = ", ".join(f"<b>{name}</b> from {floor:.0f}" for floor, name in SCORE_BANDS if floor > 0)
    cap = getattr(weights, "must_have_cap", None)
    cap_text = (f"<p>When a <b>must-have</b> is missing (a skill named in the title, or far more years than your "
                f"CV shows), the score is scaled down to at most {cap:.0f}.</p>" if cap is not None else "")
    cap_text += ("<p>When <b>most required lines are missing</b>, the score stays below 75: such a posting is "
                 "never Great, whatever else fits.</p>")
    return f"""
<h2>How the score works</h2>
<p>Each posting gets a score from 0 to 100 for how well your CV fits it, and a band: {bands}; below that it
is <b>Poor</b>. The line under the score says why in one sentence, e.g. “6 of 8 required met; missing
must-have: Kubernetes”.</p>
<h3>What it is made of</h3>
<table cellpadding='3'>{rows}</table>
<p>The shares are your current weights (File ▸ Settings… changes them; the ranking is redone at once).</p>
{cap_text}
<h3>The checklist</h3>
<p>Every requirement the posting lists is checked against your CV: <b>✓</b> met, <b>~</b> partly met,
<b>✗</b> missing. Under a met line you see the sentence of your CV that shows it (“Your CV: …”); under a
line partly met on meaning, the closest sentence of your CV (“Closest in your CV: …”), which is not proof.
A line that names no skill is judged on meaning: how close its best sentence of your CV comes, and
whether that sentence uses the line's own key word. A line asking for a degree is checked against the
degrees your CV names, quoting the one that meets it most closely (or, where it accepts equivalent
experience, your years); one asking you to be a student now (“Currently enrolled in…”) is met only by
studies your CV says are under way. A line asking for a kind of skill (“one or more programming
languages”) is met by any skill of that kind your CV shows. “Missing: …”
names the skills a line asks for that your CV does not show; under a ✗ for want of a degree, of
current studies or of years, the line says what was weighed (“8 years asked; your CV's dates show 3.2”). A line says “(nice to have)” when the
posting only prefers it.</p>
<h3>Why a score can change</h3>
<p>Scores change when you load another CV, edit your skills or change the weights. Importing or removing
other postings never moves a posting's score: nothing in it depends on the rest of your list (the
word-overlap part weighs words by a reference that comes with matcher). Removing postings (Edit ▸
Remove, or the Delete key) can be undone with Edit ▸ Undo removal.</p>
<h3>Skill gap</h3>
<p>The Skill gap tab lists the skills your best postings ask for and your CV lacks, and what adding each
would change: the average points gained on those postings and how many would reach a better band.</p>
"""


class ScoreHelpDialog(QDialog):
    def __init__(self, weights: dict[str, float] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How the score works")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(score_help_html(ScoreWeights.from_json(weights)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def text(self) -> str:
        return self.browser.toPlainText()
