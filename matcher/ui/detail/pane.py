"""One posting explained: its score by part, its requirements as a checklist, its clean text.

The posting text is shown in a `QTextBrowser` that follows no link and loads nothing remote:
postings come from job boards, and an offline app must not call home for their images.
"""

from __future__ import annotations

import html
import math
from dataclasses import fields

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from matcher.domain import Posting, RankedMatch, ScoreBreakdown, ShortlistEntry, format_salary, score_band
from matcher.engine.scoring import ROLE_WEIGHT
from matcher.ui.detail.checklist import checklist_html, unchecked_html
from matcher.ui.languages import language_name, language_notice
from matcher.ui.ranking.score_delegate import BAND_COLOURS
from matcher.ui.theme import NOTICE_COLOUR

PART_BAR_MIN = 48  # px: "100%" still fits
SELECT_HINT = "Select a posting to see why it ranks where it does."
# "Fit", not "Required": the part also holds the role, worth ROLE_WEIGHT lines, so "Required 81%"
# stood beside "0 of 3 required met; the kind of role you do".
PART_LABELS = {"required": "Fit", "preferred": "Preferred", "semantic": "Meaning", "experience": "Experience",
               "seniority": "Seniority"}
PART_TIPS = {
    "required": (f"How well you meet the posting: its must-have lines, each weighted by how specific it is, and "
                 f"the role itself, worth {ROLE_WEIGHT:g} lines"),
    "preferred": "Share of nice-to-have requirements the CV meets",
    "semantic": "How close the CV and the posting are in meaning and wording",
    "experience": "The CV's years against the years the posting asks",
    "seniority": "The CV's level against the posting's title level",
}


class OfflineBrowser(QTextBrowser):
    """Shows text; fetches nothing from the network, opens no link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return None  # remote images, style sheets: nothing is loaded


def posting_html(posting: Posting) -> str:
    """The clean description as paragraphs and bullet lists, with the facts above it."""
    facts = [posting.company or "", ", ".join(posting.locations), "Remote" if posting.remote else "",
             format_salary(posting.salary), posting.employment_type or "",
             f"posted {posting.posted.isoformat()}" if posting.posted else "", language_name(posting.language)]
    out = [f"<h2>{html.escape(posting.title)}</h2>",
           f"<p><i>{html.escape(' · '.join(f for f in facts if f))}</i></p>"]
    for link in [posting.url, *posting.links] if posting.url else posting.links:
        out.append(f"<p>Link: {html.escape(link)}</p>")
    for block in posting.description.split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        bullets = [line[2:] for line in lines if line.startswith("- ")]
        if lines and len(bullets) == len(lines):
            out.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
        elif lines:
            out.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    for label, text in (("Remote policy", posting.remote_policy), ("About the company", posting.company_blurb)):
        if text and text.strip() not in posting.description:  # some boards repeat them in the text
            out.append(f"<h4>{label}</h4><p>{html.escape(text)}</p>")
    return "\n".join(out)


class DetailPane(QWidget):
    starToggled = Signal(int, bool)  # posting id, starred

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._posting_id: int | None = None
        self.heading = QLabel(SELECT_HINT, wordWrap=True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.star = QPushButton("☆ Star")
        self.star.setCheckable(True)
        self.star.setToolTip("Add to the shortlist (Space in the table, or click ☆ in its first column)")
        self.star.setEnabled(False)
        self.star.toggled.connect(self._star_toggled)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.star, 0, Qt.AlignmentFlag.AlignTop)
        self.why = QLabel(wordWrap=True)  # the score in one line: "6 of 8 required met; missing must-have: …"
        self.notices = QLabel(wordWrap=True)
        self.notices.setStyleSheet(f"color: {NOTICE_COLOUR};")

        self.parts: dict[str, QProgressBar] = {}
        self.breakdown = QWidget()
        grid = QGridLayout(self.breakdown)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for i, name in enumerate(PART_LABELS):
            bar = QProgressBar()
            bar.setMaximum(100)
            bar.setToolTip(PART_TIPS[name])
            bar.setMaximumHeight(14)
            bar.setMinimumWidth(PART_BAR_MIN)  # else the bars' width decides how narrow the pane can get
            self.parts[name] = bar
            label = QLabel(PART_LABELS[name])
            label.setToolTip(PART_TIPS[name])
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(bar, i // 3, (i % 3) * 2 + 1)
        self.cap = QLabel(wordWrap=True)

        self.requirements = OfflineBrowser()  # the checklist, as HTML: it wraps, nothing is cut
        self.requirements.setAccessibleName("Requirements")
        self.text = OfflineBrowser()
        self.text.setAccessibleName("Posting text")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.requirements)
        split.addWidget(self.text)
        split.setSizes([260, 260])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.why)
        layout.addWidget(self.notices)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.cap)
        layout.addWidget(split, 1)

    @property
    def posting_id(self) -> int | None:
        return self._posting_id

    def show_match(self, match: RankedMatch | None, posting: Posting | None, entry: ShortlistEntry | None,
                   cv_language: str | None = None) -> None:
        """A posting with its light match (score, counts, why); `show_explained` adds each requirement's
        verdict when it arrives. `cv_language` flags a posting written in another language."""
        self._posting_id = match.posting_id if match else (posting.id if posting else None)
        if posting is None:
            self.show_hint(f"<h3>{SELECT_HINT}</h3>")
            return
        self.set_starred(entry is not None)
        self.star.setEnabled(self._posting_id is not None)
        self.text.setHtml(posting_html(posting))
        # The engine's notices when it gave any (they say the language too); else the window's own.
        notices = list(match.notices) if match and match.notices else [language_notice(posting.language, cv_language)]
        notices = [n for n in notices if n]
        self.notices.setText("⚑ " + " · ".join(html.escape(n) for n in notices) if notices else "")
        self.notices.setVisible(bool(notices))
        company = html.escape(posting.company or "unknown company")
        if match is None:  # listed while the ranking runs: the posting can be read, its score waits
            self.heading.setText(f"<b>{html.escape(posting.title)}</b> — {company} · <i>not ranked yet</i>")
            self._show_breakdown(None)
            self.why.setVisible(False)
            self.requirements.setHtml(unchecked_html(posting, "Checked once ranked."))
            return
        band = score_band(match.score)
        self.heading.setText(
            f"<span style='font-size:15pt; color:{BAND_COLOURS[band]}'><b>{math.floor(match.score)}</b> {band}</span>"
            f"&nbsp;&nbsp;<b>{html.escape(posting.title)}</b> — {company}")
        self.why.setText(f"<b>Why:</b> {html.escape(match.why)}" if match.why else "")
        self.why.setVisible(bool(match.why))
        self._show_breakdown(match.breakdown)
        if match.requirements is not None:
            self.show_explained(match)
        else:
            self.requirements.setHtml(unchecked_html(posting, "Checking each requirement against your CV…"))

    def show_explained(self, match: RankedMatch) -> None:
        """Each requirement's verdict and evidence, if `match` is still the posting shown."""
        if match.posting_id == self._posting_id and match.requirements is not None:
            self.requirements.setHtml(checklist_html(match.requirements))

    def requirement_lines(self) -> list[str]:
        """The checklist as plain text, one line per requirement (for a reader, and for tests)."""
        return [line for line in self.requirements.toPlainText().splitlines() if line.strip()]

    def show_hint(self, html_text: str) -> None:
        """Guidance in place of a posting, e.g. what to do first, or what the app is busy with."""
        self._posting_id = None
        self.heading.setText("")
        self.why.setVisible(False)
        self.notices.setVisible(False)
        self.requirements.clear()
        self.star.setEnabled(False)
        self._show_breakdown(None)
        self.text.setHtml(html_text)

    def set_starred(self, starred: bool) -> None:
        self.star.blockSignals(True)
        self.star.setChecked(starred)
        self.star.setText("★ Starred" if starred else "☆ Star")
        self.star.blockSignals(False)

    def _show_breakdown(self, breakdown: ScoreBreakdown | None) -> None:
        self.breakdown.setVisible(breakdown is not None)
        values = {f.name: getattr(breakdown, f.name) for f in fields(ScoreBreakdown)} if breakdown else {}
        # A progress bar whose text changes repaints at once, inside setValue; held back, the five
        # are painted together with the rest of the pane when the event loop comes round.
        self.breakdown.setUpdatesEnabled(False)
        for name, bar in self.parts.items():
            bar.setValue(round(100 * float(values.get(name) or 0.0)))
        self.breakdown.setUpdatesEnabled(True)
        cap = values.get("cap")
        self.cap.setText(f"Capped at {cap:.0f}: a must-have requirement is missing." if cap is not None else "")
        self.cap.setVisible(cap is not None)

    def _star_toggled(self, starred: bool) -> None:
        self.set_starred(starred)
        if self._posting_id is not None:
            self.starToggled.emit(self._posting_id, starred)
