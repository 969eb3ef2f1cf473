"""Extraction noise out of PDF text: icon glyphs, page numbers, words broken or glued by the producer."""

from __future__ import annotations

import re

from matcher.text import clean_text

# Icon-font glyphs that extract as their names: "♂¶obile-alt (123)", "/linkedin-in hdent".
ICON_NAMES = re.compile(
    r"(?:^|(?<=\s))(?:\S{0,2}obile-alt|/(?:linkedin-in|linkedin|github|gitlab|twitter|globe|envelope|phone|"
    r"phone-alt|map-marker-alt|map-marker|home|link|external-link-alt|stack-overflow|medium|orcid))(?=\s|$)")
# Icons that label a handle: "/github hdent" becomes "GitHub: hdent", which contact.py recognises.
ICON_LABEL_NAMES = {"linkedin-in": "LinkedIn", "linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab",
                    "twitter": "Twitter"}
ICON_LABELS = re.compile(r"(?:^|(?<=\s))/(linkedin-in|linkedin|github|gitlab|twitter)(?=\s+[\w.-]+\s*$)", re.M)
SYMBOLS = re.compile(r"[\ue000-\uf8ff\u2600-\u26ff\u2700-\u27bf\U0001f300-\U0001faff]")  # private use, dingbats
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
# Words glued by the producer: "toolsAutoCAD", "leadershipManufacturing", "PresentSoftware", "2019Present".
# Product names ("TensorFlow", "eBook", "vSphere") start with a capital or a short lowercase run, so only
# a lowercase word of 4+ letters, or a date word, is cut off the capital that follows it.
GLUED_WORD = re.compile(r"^[a-z]{4,}(?=[A-Z])|^(?:Present|Current|Now|Today)(?=[A-Z][a-z])")
GLUED_DIGITS = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z])|(?<=[a-z]{3})(?=(?:19|20)\d\d\b)")


def _unglue(word: str) -> str:
    return GLUED_DIGITS.sub(" ", GLUED_WORD.sub(lambda m: m.group() + " ", word))


def clean_pdf_text(text: str) -> str:
    """Remove icon glyphs and page numbers, join words broken at line ends, split glued words."""
    text = ICON_LABELS.sub(lambda m: ICON_LABEL_NAMES[m.group(1)] + ":", text)
    text = clean_text(SYMBOLS.sub(" ", ICON_NAMES.sub(" ", text)))
    lines = [line for line in text.split("\n") if not PAGE_NUMBER.match(line)]
    text = "\n".join(line.strip() for line in lines)
    # "deploy-\nment" → "deployment": a hyphen at a line end before a lowercase word was the line's doing.
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)
    # "Presen\nt": a single letter left alone on a line belongs to the word above.
    text = re.sub(r"(?<=[a-z]{3})\n([a-z])(?=\n|\Z)", r"\1", text)
    text = re.sub(r"\S+", lambda m: _unglue(m.group()), text)
    return re.sub(r"[ ]{2,}", " ", text).strip()
