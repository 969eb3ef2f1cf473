"""A page laid out on a character grid (pypdf layout mode) → text in reading order, CV or posting.

Four cases, told apart by the gutter: the grid column where a second run of text starts on many
lines. No gutter: one column, read line by line. A gutter with real text on both sides and section
headings in both: a two-column or sidebar layout, read column by column, block by block. A gutter
with only dates on its left ("2021 –" over "Present" beside a job title): one column of text with
its dates in the margin, so each run of dates is put back in front of the entry it belongs to
("2021 – Present Machine Learning Engineer, OpenAI"). A gutter with the headings and labels left
and none right: a label table (Europass, "Experiencia laboral | …"), read row by row, each label
before its content.
"""

from __future__ import annotations

import re
from collections import Counter

from matcher.ingest.cv_dates import is_date_text
from matcher.ingest.cv_sections import heading_name

GUTTER_SPACES = 3  # blanks between columns on the layout grid; justified text has at most 2
# Layout mode approximates glyph widths, so a column's left edge wobbles by a few grid cells:
# "2018 – 2021   Data Scientist" starts its second run 4 cells left of "Present     Leading".
GUTTER_TOLERANCE = 4
MIN_COLUMN_LINES = 6  # lines with text on both sides of a gutter before it counts as columns
MIN_MARGIN_LINES = 2  # a date margin may hold a single job: its start over its end, beside the title
MIN_COLUMN_SHARE = 0.12  # each side's share of the words beside a gutter: a date margin has far fewer
# Headings down the left before a page counts as a label table: a two-column skills table may have
# one beside its tail (the next section's heading, "Work History"), a table of labels has several.
MIN_LABEL_HEADINGS = 2
WIDE_GAP = re.compile(r" {6,}")  # a gap this wide inside a line separates two pieces (name | phone)
_GAP = re.compile(r" {%d,}" % GUTTER_SPACES)
_WORD = re.compile(r"[^\W\d]{3,}")
Split = tuple[str, str]


def _gutter(lines: list[str]) -> tuple[int, int] | None:
    """(grid column where a second run of text starts on most lines, on how many), or None."""
    starts: Counter[int] = Counter()
    for line in lines:
        for m in _GAP.finditer(line):
            if m.end() < len(line) and line[:m.start()].strip():
                starts[m.end()] += 1
    if not starts:
        return None
    near = {c: sum(starts[c + d] for d in range(-GUTTER_TOLERANCE, GUTTER_TOLERANCE + 1)) for c in starts}
    col = max(near, key=lambda c: (near[c], starts[c]))
    return (col, near[col]) if near[col] >= MIN_MARGIN_LINES else None


def _split(line: str, col: int) -> Split | None:
    """(left, right) of `line` at the gutter near `col`; None when its text runs across the gutter."""
    text = line.rstrip()
    if not text.strip():
        return "", ""
    if not text[:col - GUTTER_TOLERANCE].strip():
        return "", text.strip()
    for m in _GAP.finditer(text):
        if abs(m.end() - col) <= GUTTER_TOLERANCE and text[:m.start()].strip():
            return text[:m.start()].strip(), text[m.end():].strip()
    if len(text) <= col + 1:
        return text.strip(), ""
    return None


def _is_columns(splits: list[Split | None], blocks: list[tuple[int, int]]) -> bool:
    """Real text on both sides of the blocks: not a margin of dates or headings beside one column."""
    left = right = 0
    for split in (splits[i] for start, end in blocks for i in range(start, end + 1)):
        if split is None:
            continue
        if split[0] and not is_date_text(split[0]):
            left += len(_WORD.findall(split[0]))
        right += len(_WORD.findall(split[1]))
    total = left + right
    return total > 0 and min(left, right) >= MIN_COLUMN_SHARE * total


def _is_label_table(splits: list[Split | None], blocks: list[tuple[int, int]]) -> bool:
    """Section headings down the left of the blocks and none on the right: labels beside their content."""
    rows = [split for start, end in blocks for split in splits[start:end + 1] if split is not None]
    left = sum(1 for split in rows if split[0] and heading_name(split[0]))
    right = sum(1 for split in rows if split[1] and heading_name(split[1]))
    return left >= MIN_LABEL_HEADINGS and right == 0


def _blocks(lines: list[str], splits: list[Split | None]) -> list[tuple[int, int]]:
    """Line ranges [start, end] laid out in two columns.

    A block grows from lines with text on both sides through lines with text on the right only;
    a left-only line joins only when indented like the block's left column, so the margin heading
    after a two-column skills table ("Work History") is not swallowed into the table.
    """
    def kind(i: int) -> str:
        split = splits[i]
        if split is None:
            return "cross"
        return {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
            (bool(split[0]), bool(split[1])), "blank")

    kinds = [kind(i) for i in range(len(lines))]
    indent = [len(line) - len(line.lstrip()) for line in lines]
    both = [i for i, k in enumerate(kinds) if k == "both"]
    if not both:
        return []
    left_indent = min(indent[i] for i in both)
    blocks: list[tuple[int, int]] = []
    for i in both:
        if blocks and i <= blocks[-1][1]:
            continue
        start, end = i, i
        floor = blocks[-1][1] + 1 if blocks else 0
        while start - 1 >= floor and kinds[start - 1] in ("right", "blank"):
            start -= 1
        while end + 1 < len(lines) and (kinds[end + 1] in ("both", "right", "blank") or (
                kinds[end + 1] == "left" and abs(indent[end + 1] - left_indent) <= 1)):
            end += 1
        while kinds[start] == "blank":
            start += 1
        while kinds[end] == "blank":
            end -= 1
        blocks.append((start, end))
    return blocks


def _pieces(line: str) -> list[str]:
    """A line's pieces: "Harvey Dent        (123) 456-7891" is a name and a phone, not one phrase."""
    return [p.strip() for p in WIDE_GAP.split(line.strip())] if line.strip() else [""]


def _by_columns(lines: list[str], splits: list[Split | None], blocks: list[tuple[int, int]]) -> str:
    out: list[str] = []
    done = 0
    for start, end in blocks:
        for line in lines[done:start]:
            out += _pieces(line)
        block = [splits[i] or ("", "") for i in range(start, end + 1)]
        lefts, rights = [left for left, _ in block], [right for _, right in block]
        # A heading down the left column ("Work History" beside the tail of a skills table) starts
        # a new section there: the right column belongs to what came before it, so it goes first.
        cut = next((k for k in range(1, len(lefts)) if heading_name(lefts[k])), len(lefts))
        out += lefts[:cut] + [""] + rights + [""] + lefts[cut:]
        done = end + 1
    for line in lines[done:]:
        out += _pieces(line)
    return "\n".join(out)


def _with_margin_dates(lines: list[str], splits: list[Split | None]) -> str:
    """One column: each run of margin dates goes with the first line beside it, in front of it from
    a left margin ("2021 – Present Machine Learning Engineer"), after it from a right one ("Data
    Engineer, Comarch Jan 2015 – Feb 2019", its start and end stacked on two rows or not)."""
    out: list[str] = []
    group: list[str] = []
    anchor = -1  # index in `out` of the line the current run of dates belongs to
    side = 0  # 0: the run is in a left margin, 1: in a right one

    def close() -> None:
        nonlocal group
        if group:
            dates = " ".join(group)
            out[anchor] = f"{dates} {out[anchor]}" if side == 0 else f"{out[anchor]} {dates}"
            group = []

    for line, split in zip(lines, splits):
        left, right = split or ("", "")
        dated = 0 if left and is_date_text(left) else 1 if right and is_date_text(right) else None
        if dated is not None and (dated == side or not group) and (left, right)[1 - dated]:
            if not group:
                anchor, side = len(out), dated
            group.append((left, right)[dated])
            out.append((left, right)[1 - dated])
            continue
        if dated == 1 and group and side == 1 and not left:
            group.append(right)  # the end of a right-hand range on a row of its own
            continue
        close()
        # A margin heading beside its text ("SKILLS    Python, SQL"): two lines, so the heading is seen.
        out += [left, right] if left and right else _pieces(line)
    close()
    return "\n".join(out)


def read_page(layout: str) -> tuple[str, bool]:
    """(text of the page in reading order, whether it was read as columns)."""
    lines = layout.split("\n")
    gutter = _gutter(lines)
    if gutter is None:
        return _with_margin_dates(lines, [None] * len(lines)), False
    col, count = gutter
    splits = [_split(line, col) for line in lines]
    if count >= MIN_COLUMN_LINES:
        blocks = _blocks(lines, splits)
        if _is_columns(splits, blocks) and not _is_label_table(splits, blocks):
            return _by_columns(lines, splits, blocks), True
    return _with_margin_dates(lines, splits), False
