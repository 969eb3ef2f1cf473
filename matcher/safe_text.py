"""Text from files and file names, made safe to print, and file names kept as they are.

A title or a file name may hold terminal escape sequences: "\\x1b]0;pwned\\x07" sets the window
title, "\\x1b[2J" clears the screen. Whatever is printed for a person goes through `printable`,
which shows such characters as escapes instead of sending them; the store keeps the text as it
came. A file name that is not valid UTF-8 (b"caf\\xe9.txt" from an old Latin-1 disk) reaches
Python with surrogates that SQLite cannot store; `file_name` keeps its bytes as "\\xe9" escapes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# C0 and C1 controls (tab and line break included: one printed line must stay one line), DEL,
# the bidirectional overrides that reorder what follows them, and lone surrogates.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: object) -> str:
    """`text` with every control character shown as an escape: "a\\x1b[2Jb" → "a\\\\x1b[2Jb"."""
    return UNPRINTABLE.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def file_name(path: Path | str) -> str:
    """The path as text that can be stored: bytes that are not UTF-8 become "\\xNN"."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")
