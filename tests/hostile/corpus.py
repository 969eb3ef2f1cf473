"""Hostile files, built by the tests in a temporary folder (small on disk, large where it hurts):
zip bombs, floods of rows, pages of one giant posting, crafted backups and file names.

Each builder writes one file and returns its path. Streams are compressed as they are made, so a
file that inflates to 900 MB is built without ever holding 900 MB.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from matcher.paths import SAMPLES

CHUNK = 1 << 20
POSTING_TEXT = (SAMPLES / "jobs" / "003_38a88ba91144b235.txt").read_text(encoding="utf-8")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _stream_member(archive: zipfile.ZipFile, name: str, chunks: Iterator[bytes]) -> str:
    """Write `chunks` as one deflated member; returns their sha256."""
    digest = hashlib.sha256()
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        for chunk in chunks:
            digest.update(chunk)
            member.write(chunk)
    return digest.hexdigest()


def _repeat(head: bytes, unit: bytes, total: int, tail: bytes) -> Iterator[bytes]:
    yield head
    block = unit * max(1, CHUNK // len(unit))
    for _ in range(max(1, total // len(block))):
        yield block
    yield tail


# -- zip bombs --------------------------------------------------------------------------------
def backup_bomb(path: Path, inflated: int) -> Path:
    """A backup whose manifest is right (checksum included) and whose data.json is `inflated`
    bytes of one padded JSON object: an 875 KB file of this kind grew to 9.5 GB in memory."""
    with zipfile.ZipFile(path, "w") as archive:
        sha = _stream_member(archive, "data.json", _repeat(b'{"postings": [], "pad": "', b"a", inflated, b'"}'))
        archive.writestr("manifest.json", json.dumps(manifest(sha)))
    return path


def manifest(sha: str, **changes: object) -> dict[str, object]:
    return {"format": "matcher-backup", "version": 1, "created": "2026-01-01T00:00:00", "schema_version": 3,
            "sha256": sha, "counts": {}, **changes}


def backup(path: Path, data: dict[str, object], **manifest_changes: object) -> Path:
    """A backup of `data` with a right checksum, and the manifest changed as asked."""
    payload = json.dumps(data).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", payload)
        archive.writestr("manifest.json", json.dumps(manifest(hashlib.sha256(payload).hexdigest(), **manifest_changes)))
    return path


def _docx_parts() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_with_body(path: Path, paragraphs: Iterator[bytes]) -> Path:
    """A real DOCX (python-docx's template) whose body is the streamed `paragraphs`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _docx_parts().items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'.encode()
        _stream_member(archive, "word/document.xml", _chain(head, paragraphs, b"</w:body></w:document>"))
    return path


def _chain(head: bytes, middle: Iterator[bytes], tail: bytes) -> Iterator[bytes]:
    yield head
    yield from middle
    yield tail


def docx_bomb(path: Path, inflated: int) -> Path:
    """A DOCX whose document.xml inflates to `inflated` bytes of one repeated paragraph."""
    unit = b"<w:p><w:r><w:t>Experience with Python and distributed systems. </w:t></w:r></w:p>"
    block = unit * (CHUNK // len(unit))
    return docx_with_body(path, (block for _ in range(inflated // len(block))))


def docx_of_text(path: Path, text: str, copies: int) -> Path:
    """A DOCX of `text` (one paragraph per line) repeated `copies` times: a long, legal document."""
    unit = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_xml(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    return docx_with_body(path, (unit.encode() for _ in range(copies)))


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- floods -----------------------------------------------------------------------------------
def csv_of_rows(path: Path, rows: int) -> Path:
    """A CSV of `rows` one-cell rows ("title" only): one million make 18.8 MB."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("title,company\n")
        for start in range(0, rows, 10_000):
            handle.write("".join(f"Engineer {n},Acme\n" for n in range(start, min(rows, start + 10_000))))
    return path


def json_of_objects(path: Path, objects: int) -> Path:
    """A JSON list of tiny objects: json.loads builds a dict per 9 bytes of file."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        handle.write(",".join(['{"a": 0}'] * objects))
        handle.write("]")
    return path


def html_page(path: Path, size: int) -> Path:
    """One posting page whose requirement list runs to `size` bytes."""
    item = "<li>Experience with Python, Kubernetes and distributed systems at scale</li>\n"
    head = "<html><head><title>Platform Engineer</title></head><body><h1>Platform Engineer</h1>"
    head += "<p>Acme is hiring a platform engineer in Berlin.</p><h2>Requirements</h2><ul>\n"
    path.write_text(head + item * (size // len(item)) + "</ul></body></html>", encoding="utf-8")
    return path


def text_posting(path: Path, size: int) -> Path:
    """One plain-text posting `size` bytes long: its requirement list never ends."""
    line = "- Experience with Python, Kubernetes and distributed systems at scale\n"
    path.write_text(POSTING_TEXT + "\nRequirements:\n" + line * (size // len(line)), encoding="utf-8")
    return path
