"""What the command prints: one JSON document or lines on stdout, notes and progress on stderr,
and the exit status."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from typing import Any

from matcher.safe_text import printable


EXIT_OK, EXIT_NOTHING_DONE, EXIT_USAGE = 0, 1, 2


class Failure(Exception):
    """Nothing could be done; the message says why (printed to stderr, exit status 1)."""


def fail(message: str) -> int:
    note(message)
    return EXIT_NOTHING_DONE


def note(message: str) -> None:
    print(f"matcher: {printable(message)}", file=sys.stderr)


# Characters json.dumps leaves as they are that a terminal may still act on: C1 controls and the
# bidirectional overrides. They can only stand inside JSON strings, where an escape means the same.
JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def emit(as_json: bool, document: Any, lines: Sequence[str]) -> None:
    if as_json:
        text = json_text(document, for_terminal=sys.stdout.isatty())
        sys.stdout.write(JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    else:
        for line in lines:
            print(printable(line))


def json_text(document: Any, for_terminal: bool) -> str:
    """Indented for a person at a terminal; else one list item per line, which Python's C encoder writes
    (indenting takes its pure-Python one: 0.13 s of `rank --json`'s 1 s at 1,250 postings)."""
    if for_terminal:
        return json.dumps(document, ensure_ascii=False, indent=2)
    if isinstance(document, list) and document:
        return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in document) + "\n]"
    return json.dumps(document, ensure_ascii=False)


def progress_to_stderr(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {printable(message)}", file=sys.stderr)
