"""JSON read one value at a time, so a file's size never becomes memory all at once.

`json.loads` of 50 MB of `[{"a": 0}, ...]` builds six million dicts (1.5 GB); a backup whose
data.json inflates to 900 MB grew to 9.5 GB. Here the top level is walked by hand and each
element of a big array is decoded on its own, with a cap on how large one element may be:

    >>> text = '{"jobs": [{"title": "A"}, {"title": "B"}], "count": 2}'
    >>> list(iter_json(io.StringIO(text).read, stream_keys={"jobs"}, max_value_chars=100))
    [('element', 'jobs', {'title': 'A'}), ('element', 'jobs', {'title': 'B'}), ('member', 'count', 2)]

A top-level array streams as ("element", None, value); a scalar comes as ("value", None, value).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any, Literal

from matcher.limits import TooLarge

Event = tuple[Literal["element", "member", "value"], str | None, Any]
CHUNK = 1 << 16
# A decode error this close to the end of what was read may only mean the value goes on.
END_MARGIN = 8
WHITESPACE = re.compile(r"[ \t\r\n]*")


class JsonError(ValueError):
    """The text is not JSON (or not in the shape asked for); the message says where."""


class _Buffer:
    def __init__(self, read: Callable[[int], str], max_value_chars: int,
                 object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> None:
        self.read = read
        self.max_value_chars = max_value_chars
        self.text = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder(object_pairs_hook=object_pairs_hook)

    def _more(self, at_least: int = CHUNK) -> bool:
        if self.eof:
            return False
        chunk = self.read(max(at_least, CHUNK))
        if not chunk:
            self.eof = True
            return False
        self.text = self.text[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), not consumed."""
        while True:
            self.pos = WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self._more():
                return ""

    def take(self, expected: str) -> None:
        found = self.peek()
        if found != expected:
            raise JsonError(f"not valid JSON: expected {expected!r} but found {found or 'the end'!r}")
        self.pos += 1

    def value(self) -> Any:
        """Decode one whole value, reading more while it is incomplete (doubling each time, so a
        long value costs linear time) and refusing one longer than `max_value_chars`."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
                # "12" may be the start of "1234": a value that ends the buffer is complete only at EOF.
                if end < len(self.text) or self.eof:
                    self.pos = end
                    return value
            except json.JSONDecodeError as error:
                incomplete = error.msg.startswith("Unterminated string") or error.pos >= len(self.text) - END_MARGIN
                if self.eof or not incomplete:
                    raise JsonError(f"not valid JSON: {error.msg} (character {error.pos:,})") from None
            except RecursionError:
                raise JsonError("not valid JSON: nested too deeply") from None
            if len(self.text) - self.pos > self.max_value_chars:
                raise TooLarge(f"one value is over {self.max_value_chars:,} characters, the limit")
            self._more(len(self.text) - self.pos)


def iter_json(read: Callable[[int], str], *, stream_keys: Collection[str] | None = (), max_value_chars: int,
              object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> Iterator[Event]:
    """Events of one JSON document read through `read(n)`, streaming the arrays under
    `stream_keys` (None: under every key); raises JsonError or TooLarge."""
    buffer = _Buffer(read, max_value_chars, object_pairs_hook)
    first = buffer.peek()
    if first == "[":
        yield from (("element", None, v) for v in _array(buffer))
    elif first == "{":
        buffer.take("{")
        if buffer.peek() == "}":
            buffer.take("}")
        else:
            seen: set[str] = set()
            while True:
                key = buffer.value()
                if not isinstance(key, str):
                    raise JsonError("not valid JSON: an object key is not a string")
                if key in seen:  # JSON would keep the last; which one counts must not be left to chance
                    raise JsonError(f"it holds {key!r} twice")
                seen.add(key)
                buffer.take(":")
                if (stream_keys is None or key in stream_keys) and buffer.peek() == "[":
                    yield from (("element", key, v) for v in _array(buffer))
                else:
                    yield "member", key, buffer.value()
                if buffer.peek() == "}":
                    buffer.take("}")
                    break
                buffer.take(",")
    else:
        yield "value", None, buffer.value()
    if buffer.peek():
        raise JsonError("not valid JSON: extra data after the document")


def _array(buffer: _Buffer) -> Iterator[Any]:
    buffer.take("[")
    if buffer.peek() == "]":
        buffer.take("]")
        return
    while True:
        yield buffer.value()
        if buffer.peek() == "]":
            buffer.take("]")
            return
        buffer.take(",")


def is_json(text: str, max_value_chars: int) -> bool:
    """Whether `text` is one JSON document, checked without building it all at once. A value
    over the size limit counts as JSON: the JSON reader then says which limit it broke."""
    try:
        for _ in iter_json(io.StringIO(text).read, stream_keys=None, max_value_chars=max_value_chars):
            pass
    except JsonError:
        return False
    except TooLarge:
        return True
    return True
