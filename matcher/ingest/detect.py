"""What a file holds, judged from its bytes and text — never from its name: job boards save
HTML as .txt and CSV as .json often enough that the extension says nothing."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from typing import Literal

from charset_normalizer import from_bytes

from matcher.ingest.feeds import looks_like_feed
from matcher.ingest.jobboard_text import looks_like_jobboard_text
from matcher.jsonstream import is_json
from matcher.limits import MAX_RECORD_CHARS

Format = Literal["pdf", "docx", "feed", "html", "json", "jsonl", "jobboard_text", "csv", "plain"]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text has almost no control characters; more than this share of the first block means binary.
BINARY_CONTROL_SHARE = 0.05
SNIFF_BYTES = 8192
WESTERN_PUNCTUATION = frozenset("’‘“”–—…€£©®°·•«»¡¿§")
WESTERN_SHARE = 0.9
HTML_TAG = re.compile(r"<(?:!doctype|html|head|body|div|p|table|tr|td|ul|li|h[1-6]|article|section|span|br)\b", re.I)
HTML_MIN_TAGS = 3
# A file that is only a JSON number, string or literal is JSON (with no postings), not prose.
JSON_SCALAR = re.compile(r'-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|"[^"\n]*"|true|false|null')
# A CSV export names its columns: one of these must be in the header row.
CSV_KEY_COLUMNS = re.compile(
    r"^(?:job[ _]?)?(?:title|position|role|description|company(?:[ _]name)?|job[ _]?url)$|^job$", re.I)


UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "an image (PNG)"), (b"\xff\xd8\xff", "an image (JPEG)"), (b"GIF8", "an image (GIF)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls)"), (b"PK\x03\x04", "a ZIP archive"),
    (b"{\\rtf", "an RTF document"), (b"\x1f\x8b", "a gzip archive"),
)


class BinaryData(ValueError):
    """The bytes are not text."""


def sniff_binary(data: bytes) -> Literal["pdf", "docx"] | None:
    """Documents we can read although they are binary."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04" and b"word/" in data[:65536]:
        return "docx"
    return None


def describe_unsupported(data: bytes) -> str | None:
    """Name a binary format we do not read, so the user learns what the file is."""
    for magic, name in UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            if magic == b"PK\x03\x04":
                return "a spreadsheet (XLSX)" if b"xl/" in data[:65536] else "a ZIP archive"
            return name
    return None


def decode(data: bytes) -> str:
    """Bytes → text: a BOM wins, then UTF-8, then the best guess (latin-1 and cp1252 files
    are common in old exports). Raises BinaryData for bytes that are not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:SNIFF_BYTES]
    if b"\x00" in head or _control_share(head) > BINARY_CONTROL_SHARE:
        raise BinaryData("binary data, not a posting")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Old Western exports are cp1252/latin-1; a statistical guess misreads short ones
    # ("Développeur" came back Arabic), so accept cp1252 when it yields Latin letters.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return western
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _looks_western(text: str) -> bool:
    extra = [c for c in text if ord(c) > 127]
    latin = sum(1 for c in extra if "\u00c0" <= c <= "\u00ff" or c in WESTERN_PUNCTUATION)
    return not extra or latin / len(extra) >= WESTERN_SHARE


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


def detect_format(text: str) -> Format:
    """"feed", "html", "json", "jsonl", "jobboard_text", "csv" or "plain" (one posting as text)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in "[{" or JSON_SCALAR.fullmatch(stripped.strip()):
        if _parses_as_json(stripped):
            return "json"
        if _is_jsonl(stripped):
            return "jsonl"
    elif _is_jsonl(stripped):  # a JSON Lines export whose first line is damaged
        return "jsonl"
    if looks_like_feed(stripped):
        return "feed"
    if len(HTML_TAG.findall(stripped[:200_000])) >= HTML_MIN_TAGS:
        return "html"
    if looks_like_jobboard_text(stripped):
        return "jobboard_text"
    if _is_csv(stripped):
        return "csv"
    return "plain"


def _parses_as_json(text: str) -> bool:
    return is_json(text, MAX_RECORD_CHARS)  # value by value: json.loads of 50 MB can take 1.5 GB


def _is_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    good = 0
    for line in lines:
        try:
            good += isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):
            continue
    # One broken line must not turn a JSON Lines export into "plain text".
    return good >= max(1, len(lines) // 2)


def csv_dialect(text: str) -> type[csv.Dialect]:
    """Excel rules with the sniffed delimiter: the sniffer guesses quoting wrongly on long
    quoted cells (it reported doublequote=False for the Google careers export)."""
    try:
        delimiter = csv.Sniffer().sniff(text[:SNIFF_BYTES], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    return type("SniffedDialect", (csv.excel,), {"delimiter": delimiter})


def _is_csv(text: str) -> bool:
    first = text.split("\n", 1)[0]
    try:
        header = next(csv.reader(io.StringIO(first), csv_dialect(text)))
    except (csv.Error, StopIteration):
        return False
    return len(header) >= 2 and any(CSV_KEY_COLUMNS.match(col.strip()) for col in header)
