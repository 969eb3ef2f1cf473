"""The one text normaliser and the one sentence splitter, for CVs and postings alike, so both
sides of a match are cleaned and cut the same way. Pure functions, regex only: fast and
deterministic (the same text always gives the same units).
"""

from __future__ import annotations

import re

# Typographic ligatures that PDF producers emit as one glyph: "ﬁnance" must read "finance".
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# Bullet glyphs from word processors, web pages and icon fonts; all become the one bullet "- ".
BULLETS = "•◦▪▫●○■□◆◇►▶▸➢➤➔→✓✔✗❖⦿⁃‣∙·"
# Glyphs that can only be list markers, so that one between two words starts an item there too:
# "Skills • Python • SQL" is three lines. (Arrows and the middle dot also join words: not these.)
INLINE_BULLETS = "•●▪■◆►▶➢➤✓✔❖⦿‣∙"
# "ï¼" is the mojibake of a fullwidth colon whose last byte was lost, common in web-rendered CVs.
MOJIBAKE = {"ï¼": ":", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\xad": ""}
# "Weâre": the UTF-8 bytes of ’ read as cp1252 are "â€™", and some exporters then drop the two
# unprintable ones, leaving only "â". ftfy cannot undo a lossy step, so repair the contraction case
# alone (French "âge", "pâte" never match: â is not followed by an ending).
LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u00e2(?=(?:s|re|ll|t|ve|d|m)\b)")
# Abbreviations after which a full stop does not end a sentence.
# ("etc." is not one: "…Correlation Analysis, etc. Demonstrated knowledge…" ends a sentence there.)
ABBREVIATIONS = ("e.g", "i.e", "inc", "ltd", "co", "corp", "mr", "mrs", "ms", "dr", "prof", "jr", "sr",
                 "vs", "approx", "dept", "no", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                 "sept", "oct", "nov", "dec", "b.sc", "m.sc", "b.a", "m.a", "ph.d", "u.s", "b.tech", "m.tech")
# A line shorter than this never wrapped: it is a heading, list item or table cell whose break means something.
WRAP_MIN_CHARS = 45
WIDTH_PERCENTILE = 0.9  # the block's line width: long lines, ignoring a few extra-long outliers
FIT_SLACK = 0.9  # proportional fonts: character counts only approximate the printed width
HEADING_MAX_WORDS = 6
MAX_UNIT_CHARS = 600  # a run-on "sentence" longer than this is cut at ; or , to stay readable evidence

_BULLET_LINE = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}*\-–]|\d{{1,2}}[.)])\s+")
# A bullet at the start of a line: a glyph (with or without a space), or "*", "–", "—", Word's "o".
_LINE_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]\s*|[*–—]\s+|o\s+(?=\w))")
_INLINE_BULLET = re.compile(rf"(?<=\S)[ \xa0]+[{re.escape(INLINE_BULLETS)}][ \xa0]*(?=[\w(\"“'])")
# Control characters other than tab and line breaks: never text, and they could drive a terminal.
# Dropped after the mojibake repair, which reads C1 bytes ("â\x80\x99") as parts of a character.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[¿¡]?[A-Z0-9À-Ý])"
                           # "…de labores.Un ambiente": a scraper dropped the space after the full stop
                           r"|(?:(?<=[a-zà-ÿ]{2}[.!?])|(?<=\)[.!?]))(?=[A-ZÀ-Ý][a-zà-ÿ])")
_ABBREV_TAIL = re.compile(r"(?:^|[\s(])(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r"|[A-Z])\.$", re.I)
# A capital alone before the full stop is an initial after a name ("John F. Kennedy") but a word
# after a lower-case one: "…using Python and R. Assisted in…" ends a sentence with the language R.
_LETTER_AFTER_WORD = re.compile(r"(?:^|\s)[a-z][\w'’-]*,?\s+[A-Z]\.$")


def fix_text(text: str) -> str:
    """Repair mojibake ("Weâ€™re" and the lossy "Weâre" → "We're"), zero-width and odd characters."""
    for bad, good in MOJIBAKE.items():
        text = text.replace(bad, good)
    if text.isascii():  # nothing to repair, and ftfy is the slow part of a big import
        return text
    import ftfy  # here: a ranking cleans no text, and importing ftfy took 56 ms of every `matcher rank`

    text = ftfy.fix_text(text, normalization="NFC")
    for bad, good in MOJIBAKE.items():  # again: ftfy turns "â€‹" into a zero-width space
        text = text.replace(bad, good)
    # "Â" left over from a mangled no-break space, when the space itself was dropped or changed.
    text = re.sub(r"Â(?=[\s\xa0]|$)", " ", text)
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    return LOST_APOSTROPHE.sub("'", text)


def clean_text(text: str) -> str:
    """The one normaliser: mojibake, ligatures, bullets as "- ", tidy spaces; line breaks kept.

    >>> clean_text("ﬁnance\\tteam\\n•  SQL • Python\\n\\n\\n\\nWeâre hiring")
    "finance team\\n- SQL\\n- Python\\n\\nWe're hiring"
    """
    text = _CONTROL.sub("", fix_text(text.replace("\r\n", "\n").replace("\r", "\n")))
    # Middle dots inside a line separate a list: "Java · AWS · Git" → "Java; AWS; Git". Not new lines:
    # the text before the first dot is often a label ("Summary · Led…") that is no section heading.
    text = re.sub(r"(?<=\S)[ \xa0]+·[ \xa0]+(?=\S)", "; ", text)
    text = re.sub(r"[ \xa0]+·[ \xa0]*$", "", text, flags=re.M)
    text = _INLINE_BULLET.sub("\n- ", text)
    lines = [_SPACES.sub(" ", _LINE_BULLET.sub("- ", line)).strip() for line in text.split("\n")]
    return _drop_blank_between_bullets(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip())


def _drop_blank_between_bullets(text: str) -> str:
    """HTML list items come out one per line with blank lines between: one list, no gaps."""
    lines = text.split("\n")
    kept = [line for i, line in enumerate(lines)
            if line or not (0 < i < len(lines) - 1 and lines[i - 1].startswith("- ") and lines[i + 1].startswith("- "))]
    return "\n".join(kept)


def _ends_sentence(line: str) -> bool:
    return line.endswith((".", "!", "?", ":", ";"))


def _line_width(lines: list[str]) -> int:
    """The text block's full line length, in characters: long lines are the ones that wrapped."""
    lengths = sorted(len(line) for line in lines if line.strip())
    return lengths[int(len(lengths) * WIDTH_PERCENTILE)] if lengths else 0


def _continues(previous: str, line: str, width: int, list_items: bool = False) -> bool:
    """True when `line` is the rest of `previous`, cut by the page edge rather than by the author.
    `list_items`: a line is an item, so one that names one thing ("Superior organization skills")
    is whole whatever its length; only a comma list ("Python, R, …, Natural") may wrap."""
    if _BULLET_LINE.match(line):
        return False
    if line[0].islower():
        return True  # also after "Inc." or "e.g.": a sentence never starts in lower case
    if _ends_sentence(previous):
        return False
    if previous.endswith((",", "-", "&", " and", " or", " of", " the", " in", " with")):
        return True
    if line.isupper() and len(line.split()) <= HEADING_MAX_WORDS:
        return False  # "WORK EXPERIENCE": a heading, never the end of a sentence
    if list_items and ", " not in previous:
        return False
    # The author broke the line if its next word would still have fitted on it.
    first_word = line.split()[0]
    return len(previous) >= WRAP_MIN_CHARS and len(previous) + 1 + len(first_word) > width * FIT_SLACK


def _join_wrapped(lines: list[str], list_items: bool = False) -> list[str]:
    """Lines → logical units: a bullet starts a unit, a line cut by the page edge joins the next."""
    width = _line_width(lines)
    units: list[str] = []
    last_line = ""  # the last physical line of units[-1]; "" after a blank line
    for raw in lines:
        line = raw.strip()
        if not line:
            last_line = ""
            continue
        bullet = _BULLET_LINE.match(line)
        if last_line and _continues(last_line, line, width, list_items):
            if units[-1].endswith("-") and units[-1][-2:-1].isalpha():
                # "deploy-" + "ment" is one word; "Scikit-" + "Learn" keeps its hyphen
                units[-1] = (units[-1][:-1] if line[0].islower() else units[-1]) + line
            else:
                units[-1] = units[-1] + " " + line
        else:
            units.append(line[bullet.end():] if bullet else line)
        last_line = line
    return units


def _split_unit(unit: str, max_chars: int | None) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(unit):
        head = unit[start:m.start() + 1].rstrip()
        if _ABBREV_TAIL.search(head) and not _LETTER_AFTER_WORD.search(head):
            continue  # "Inc. Led" / "e.g. Python": not a sentence end
        pieces.append(unit[start:m.end()].strip())
        start = m.end()
    pieces.append(unit[start:].strip())
    return [cut for piece in pieces for cut in cut_run_on(piece, max_chars)]


def cut_run_on(piece: str, max_chars: int | None = MAX_UNIT_CHARS) -> list[str]:
    """`piece` in parts of at most `max_chars`, cut at "; " or ", " where it can (None: whole)."""
    out: list[str] = []
    while max_chars is not None and len(piece) > max_chars:
        cut = max(piece.rfind("; ", 0, max_chars), piece.rfind(", ", 0, max_chars))
        cut = cut if cut > 0 else max_chars
        out.append(piece[:cut + 1].strip())
        piece = piece[cut + 1:].strip()
    out.append(piece)
    return out


def split_sentences(text: str, *, page_wrapped: bool = True, max_chars: int | None = MAX_UNIT_CHARS,
                    list_items: bool = False) -> list[str]:
    """Sentence, bullet and line units of `text`, in order, each suitable as evidence.

    With `page_wrapped` (text read off a page: PDF CVs), a line the page edge cut joins the next;
    without it (postings from HTML, CSV or a paste), every line break ends a unit. `list_items`: the
    text is a list whose items are lines (a CV's skills or highlights): its block's width is that of
    its longest items, next to which any long item looked cut ("Excellent verbal and written
    communication skills" + "Ability to successfully complete multiple tasks concurrently" read as
    one), so only a line listing several names may wrap. A run-on unit longer than `max_chars` is cut
    at "; " or ", " (None: never, when the caller cuts it better).

    >>> split_sentences("Skills\\n- Python, SQL\\nLed a team of 5. Cut costs by 20%.")
    ['Skills', 'Python, SQL', 'Led a team of 5.', 'Cut costs by 20%.']
    """
    lines = text.splitlines()
    units = _join_wrapped(lines, list_items) if page_wrapped else [_BULLET_LINE.sub("", line.strip()) for line in lines]
    result: list[str] = []
    for unit in units:
        for piece in _split_unit(unit, max_chars):
            piece = piece.strip(" -–•*·")
            if any(ch.isalnum() for ch in piece):
                result.append(piece)
    return result


def collapse_spaces(text: str) -> str:
    """All whitespace runs (line breaks included) as one space."""
    return re.sub(r"\s+", " ", text).strip()
