"""Format and encoding detection from content."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.ingest.detect import BinaryData, decode, detect_format, sniff_binary


def test_samples_detected_by_content(jobs_dir: Path) -> None:
    kinds = {p.name[:3]: detect_format(p.read_text(encoding="utf-8")) for p in jobs_dir.iterdir()}
    assert kinds == {"000": "jobboard_text", "001": "html", "002": "html", "003": "plain"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [('[{"title": "x"}]', "json"), ('{"title": "a"}\n{"title": "b"}\n', "jsonl"),
     ("title,company,description\nA,B,C\n", "csv"), ("Company;Title;Location\nG;T;L\n", "csv"),
     ("Just some prose, with commas, and more.\nSecond line.", "plain")],
)
def test_detect_format(text: str, kind: str) -> None:
    assert detect_format(text) == kind


def test_decoding() -> None:
    assert decode("Développeur".encode("latin-1")) == "Développeur"
    assert decode("Développeur".encode("utf-16")) == "Développeur"
    assert decode("Développeur".encode("utf-8-sig")) == "Développeur"
    with pytest.raises(BinaryData):
        decode(bytes(range(256)) * 10)


def test_binary_documents() -> None:
    assert sniff_binary(b"%PDF-1.7\n...") == "pdf"
    assert sniff_binary(b"PK\x03\x04....word/document.xml") == "docx"
    assert sniff_binary(b"plain") is None
