"""A PDF page → its text on a character grid, every line rebuilt from the positions of its glyphs.

pypdf's layout machinery measures where each run of text starts and ends (fonts' real widths, all
matrices applied) and groups runs by baseline. Its own grid then places every run at the column
its x position rounds to, so the small rounding errors of words drawn as separate text objects
add up to gaps of three or four blanks, which look like a column gutter. Here runs on one baseline
are joined by what their gap in points says: none inside a word, one space between words
(less than WORD_GAP_EMS), and only a wider gap keeps its place on the grid, at least
GUTTER_SPACES blanks wide, for pdf_layout to find columns by.

pypdf does not look inside form XObjects either, and some producers draw every word as a form of
its own (plain extraction then gives one word per line). Each form a page paints is inlined into
the page's operations first, its matrix applied and its fonts renamed so they cannot clash.

The layout functions are pypdf's internal ones (`pypdf._text_extraction._layout_mode`); pypdf is
pinned in pyproject.toml, and tests/ingest/test_pdf.py covers what is used.
"""

from __future__ import annotations

from typing import Any

from pypdf import PageObject, PdfReader
from pypdf._text_extraction._layout_mode import (
    Font, fixed_char_width, text_show_operations, y_coordinate_groups)
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, FloatObject, NameObject, StreamObject

from matcher.ingest.pdf_layout import GUTTER_SPACES
from matcher.text import BULLETS

# Forms inside forms: real files nest two or three deep; deeper is a loop or a hostile file.
MAX_FORM_DEPTH = 6
# Content one page may draw, its forms' included, decoded. A page of dense text draws ~100 KB; 8 MB is
# a page of nothing but glyphs, or a bomb, and parsing it would take minutes.
MAX_PAGE_CONTENT_BYTES = 8_000_000
# Operators kept from one page with its forms inlined. A dense page of text has ~20,000 (a word
# per Tj, a position per Td); past this the rest of the page is dropped rather than read for minutes.
MAX_PAGE_OPERATIONS = 400_000
# A gap between two runs on one baseline, in ems of the font: under INSIDE_WORD_EMS the runs are
# pieces of one word (producers that draw glyph by glyph); under WORD_GAP_EMS, words (a space is
# 0.25–0.33 em); wider, a gutter or a tab stop, kept on the grid. Measured over the shared CVs and
# the test PDFs by scripts/pdf_gaps.py: word gaps 0.3–0.4 em, the narrowest margin beside
# its text ("2017 –" | "Product Manager") 0.7 em, table and column gutters 0.9–3 em and more.
INSIDE_WORD_EMS = 0.1
WORD_GAP_EMS = 0.6
MAX_BLANK_LINES = 3  # vertical space as blank lines; more says nothing more about the reading order
# Control characters are blanks; 127 is a bullet: WinAnsiEncoding maps its unused codes to "•", and
# ReportLab draws its list bullets as that code (tests/ingest/data/ypsilon_*.pdf).
CONTROL_CHARACTERS = str.maketrans({**dict.fromkeys(range(14, 32), " "), 127: "•"})
_IDENTITY = [FloatObject(v) for v in (1, 0, 0, 1, 0, 0)]
Operation = tuple[Any, bytes]


class PageTooLarge(Exception):
    """A page that draws more than MAX_PAGE_CONTENT_BYTES of content; `size` is how much."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes of content")
        self.size = size


class _Inliner:
    def __init__(self, reader: PdfReader) -> None:
        self.reader = reader
        self.fonts = DictionaryObject()
        self.operations: list[Operation] = []
        self.forms = 0
        self.size = 0  # bytes of content read so far, the page's and its forms'

    def parse(self, stream: Any) -> list[Operation]:
        """The operations of a content stream, once its decoded size fits the page's budget."""
        content = ContentStream(stream, self.reader, "bytes")
        self.size += len(content.get_data())
        if self.size > MAX_PAGE_CONTENT_BYTES:
            raise PageTooLarge(self.size)
        return content.operations

    def add(self, operations: list[Operation], resources: DictionaryObject, depth: int, prefix: str) -> None:
        fonts = _dictionary(resources.get("/Font"))
        xobjects = _dictionary(resources.get("/XObject"))
        for font in fonts:
            self.fonts[NameObject(f"/{prefix}{font[1:]}")] = fonts.raw_get(font)
        for operands, operator in operations:
            if len(self.operations) >= MAX_PAGE_OPERATIONS:
                return
            if operator == b"Tf" and operands:
                operands = [NameObject(f"/{prefix}{operands[0][1:]}"), *operands[1:]]
            elif operator == b"Do" and operands and depth < MAX_FORM_DEPTH:
                form = xobjects.get(operands[0])
                form = form.get_object() if form is not None else None
                if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form":
                    self._inline(form, depth)
                continue
            self.operations.append((operands, operator))

    def _inline(self, form: StreamObject, depth: int) -> None:
        self.forms += 1
        matrix = form.get("/Matrix", _IDENTITY)
        self.operations += [([], b"q"), (list(matrix), b"cm")]
        inner = self.parse(form)
        self.add(inner, _dictionary(form.get("/Resources")), depth + 1, f"Form{self.forms}_")
        self.operations.append(([], b"Q"))


def _dictionary(value: Any) -> DictionaryObject:
    value = value.get_object() if value is not None else None
    return value if isinstance(value, DictionaryObject) else DictionaryObject()


def _operations(page: PageObject, reader: PdfReader) -> tuple[list[Operation], dict[str, Font]]:
    """The page's operations with its forms inlined, and the fonts they name."""
    contents = page.get("/Contents")
    if contents is None or not isinstance(contents.get_object(), (ArrayObject, StreamObject)):
        return [], {}
    inliner = _Inliner(reader)
    resources = _dictionary(page.get("/Resources"))
    parent = _dictionary(page.get("/Parent"))
    if "/Font" not in resources and "/Resources" in parent:  # resources inherited from the page tree
        resources = _dictionary(parent.get("/Resources"))
    inliner.add(inliner.parse(contents), resources, 0, "")
    fonts = {name: Font.from_font_resource(font.get_object()) for name, font in inliner.fonts.items()
             if isinstance(font.get_object(), DictionaryObject)}
    return inliner.operations, fonts


def _line(runs: list[Any], char_width: float) -> str:
    parts: list[str] = []
    length = 0
    end: float | None = None
    for run in runs:
        text = run["text"].translate(CONTROL_CHARACTERS)
        size = run["font_size"] or 1.0
        gap = run["tx"] - end if end is not None else None
        if gap is not None and ("".join(parts).strip() in BULLETS or gap < WORD_GAP_EMS * size):
            # words; and a list bullet, however far its text is indented, starts that text's line
            separator = "" if gap < INSIDE_WORD_EMS * size or not text.strip() else " "
        else:
            column = int(run["tx"] // char_width) if char_width else length
            separator = " " * max(column - length, GUTTER_SPACES if end is not None else 0)
        if gap is not None and gap < 0 and parts and text == parts[-1]:
            continue  # the same run drawn again over itself (fake bold) adds nothing
        parts += [separator, text]
        length += len(separator) + len(text)
        end = max(run["displaced_tx"], end or run["displaced_tx"])
    return "".join(parts).rstrip()


def layout_text(page: PageObject, reader: PdfReader) -> str:
    """The page's text on a character grid, forms included, lines joined by their glyphs' gaps.
    Raises PageTooLarge for a page that draws more than MAX_PAGE_CONTENT_BYTES."""
    operations, fonts = _operations(page, reader)
    runs = text_show_operations(iter(operations), fonts, True, None)
    if not runs:
        return ""
    lines: list[str] = []
    last_y: int | None = None
    char_width = fixed_char_width(runs, 1.25)
    for y, group in y_coordinate_groups(runs, None).items():
        height = group[0]["font_height"]
        if last_y is not None and height:
            lines += [""] * min(MAX_BLANK_LINES, max(0, int(abs(y - last_y) / height) - 1))
        line = _line(group, char_width)
        if line.strip() or lines:
            lines.append(line)
        last_y = y
    return "\n".join(lines)
