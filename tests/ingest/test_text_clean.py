"""HTML → text, mojibake, Markdown: posting text through the one normaliser."""

from __future__ import annotations

from matcher.ingest.text_clean import html_to_text, markdown_to_text
from matcher.text import clean_text, fix_text


def test_html_keeps_paragraphs_and_bullets_and_drops_scripts() -> None:
    html = ("<p>First  paragraph.</p><div>Second<br>line</div><ul><li>one</li><li>two <b>bold</b></li></ul>"
            "<script>evil()</script><style>p{}</style><iframe>frame</iframe><p>After</p>")
    assert html_to_text(html) == "First paragraph.\n\nSecond\nline\n\n- one\n- two bold\n\nAfter"


def test_mojibake_repaired() -> None:
    assert fix_text("Weâ\x80\x99re hiring") == "We're hiring"  # full mojibake (ftfy)
    assert fix_text("Weâre hiring, youâll love it") == "We're hiring, you'll love it"  # C1 bytes lost
    assert fix_text("Un château à l'âge d'or") == "Un château à l'âge d'or"  # real â untouched


def test_plain_bullets_and_blank_lines() -> None:
    assert clean_text("• one\n* two\r\n\n\n\nthree  four") == "- one\n- two\n\nthree four"


def test_markdown() -> None:
    assert markdown_to_text("## Skills\n\n* 5\\+ years of **Go**\n* [docs](https://x.y)") == "Skills\n\n- 5+ years of Go\n- docs"
