"""A corpus of broken inputs, built from the shipped samples when the tests run (nothing big is
committed): each entry is a file a real user could pick by mistake or receive damaged."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from matcher.paths import SAMPLES

JOB_SAMPLES = sorted((SAMPLES / "jobs").iterdir())
CV_SAMPLE = SAMPLES / "cvs" / "john_doe.pdf"
SEED = 9  # the issue number: the corpus is the same on every run
ONE_MB = 1 << 20
# Marks planted in active HTML content: none may reach a clean description.
SCRIPT_MARK = "SCRIPTMARKER"
REMOTE_HOST = "tracker.invalid"


def hostile_html(title: str = "Platform Engineer") -> str:
    """A posting page with everything a viewer must not run or load: scripts, iframes, remote images."""
    return f"""<!doctype html><html><head><title>{title}</title>
<script>document.title = "{SCRIPT_MARK}"; fetch("https://{REMOTE_HOST}/beacon");</script>
<style>body {{ background: url("https://{REMOTE_HOST}/bg.png") }} .x:before {{ content: "{SCRIPT_MARK}" }}</style>
<link rel="stylesheet" href="https://{REMOTE_HOST}/style.css"><meta http-equiv="refresh" content="0;url=https://{REMOTE_HOST}/">
</head><body onload="alert('{SCRIPT_MARK}')">
<h1>{title}</h1><p>Acme GmbH is hiring a {title} in Berlin, Germany.</p>
<img src="https://{REMOTE_HOST}/pixel.gif" onerror="alert('{SCRIPT_MARK}')">
<iframe src="https://{REMOTE_HOST}/ad.html">{SCRIPT_MARK}</iframe>
<h2>Requirements</h2><ul><li>5+ years of Kubernetes and Terraform</li><li>Python or Go</li></ul>
<noscript><img src="https://{REMOTE_HOST}/noscript.gif"></noscript>
<object data="https://{REMOTE_HOST}/x.swf">{SCRIPT_MARK}</object><svg><script>{SCRIPT_MARK}</script></svg>
<a href="javascript:alert('{SCRIPT_MARK}')">Apply</a><script src="https://{REMOTE_HOST}/x.js"></script>
</body></html>"""


def job_corpus(folder: Path) -> dict[str, Path]:
    """Broken job files by name; every one must give a FileResult, never an exception."""
    rng = random.Random(SEED)
    text_sample = JOB_SAMPLES[0].read_bytes()
    html_sample = JOB_SAMPLES[1].read_bytes()
    entries: dict[str, bytes] = {
        "zero_bytes.txt": b"",
        "whitespace.txt": b" \n\t\r\n  \n",
        "garbage.txt": rng.randbytes(4096),
        "garbage_small.json": rng.randbytes(7),
        "pdf_named_txt.txt": CV_SAMPLE.read_bytes(),
        "truncated_pdf.txt": CV_SAMPLE.read_bytes()[:900],
        "nuls_in_text.txt": text_sample[:3000].replace(b"\n", b"\n\x00", 5),
        "truncated_html.html": html_sample[: len(html_sample) // 2],
        "truncated_in_tag.html": html_sample[: html_sample.index(b"<", 2000) + 3],
        "utf16_no_bom.txt": text_sample.decode("utf-8").encode("utf-16-le"),
        "utf16_bom.txt": text_sample.decode("utf-8").encode("utf-16"),
        "cp1252.txt": text_sample.decode("utf-8").encode("cp1252", errors="replace"),
        "shift_jis.txt": "求人: ソフトウェアエンジニア\n東京\nPython と Go の経験 3 年以上\n".encode("shift_jis"),
        "latin1_html.html": "<html><body><h1>Développeur</h1><p>Société à Montréal. Équipe café.</p></body></html>".encode("latin-1"),
        "mixed_encodings.txt": text_sample[:2000] + "Zürich Größe".encode("latin-1") + text_sample[2000:4000],
        "csv_wrong_columns.csv": b"foo,bar,baz\n1,2,3\n4,5,6\n",
        "csv_header_only.csv": b"title,company,description\n",
        "csv_unbalanced_quotes.csv": b'title,company,description\n"Engineer,Acme,"Build ""things\nData,"Beta,x\n',
        "csv_ragged.csv": b"title,company,description\nEngineer\nAnalyst,Acme,Numbers,extra,extra\n,,\n",
        "csv_one_mb_cell.csv": b'title,company,description\n"Engineer","Acme","' + b"Python " * (ONE_MB // 7) + b'"\n',
        "json_object.json": json.dumps({"jobs": "not a list"}).encode(),
        "json_number.json": b"42",
        "json_string.json": b'"just a string"',
        "json_null.json": b"null",
        "json_list_of_numbers.json": b"[1, 2, 3]",
        "json_list_of_mixed.json": json.dumps([None, [], {}, {"title": 5, "description": ["x"]}, "x"]).encode(),
        "json_truncated.json": b'[{"title": "Engineer", "description": "Build',
        "json_deeply_nested.json": b"[" * 100_000 + b"]" * 100_000,
        "jsonl_bad_line.jsonl": b'{"title": "Engineer", "company": "Acme", "description": "Build APIs in Python."}\n'
        b"{not json at all\n"
        b'{"title": "Analyst", "company": "Beta", "description": "Model risk with SQL."}\n',
        "html_hostile.html": hostile_html().encode(),
        "html_deeply_nested.html": b"<html><body>" + b"<div>" * 20_000 + b"Engineer" + b"</div>" * 20_000 + b"</body></html>",
        "html_only_scripts.html": f"<html><head><script>{SCRIPT_MARK}</script></head><body><script>x()</script></body></html>".encode(),
        "zip_named_txt.txt": b"PK\x03\x04" + rng.randbytes(600),
        "long_line.txt": b"Engineer " * (ONE_MB // 9),
        "control_chars.txt": bytes(range(1, 32)) * 40,
    }
    return _write(folder, entries)


def cv_corpus(folder: Path) -> dict[str, Path]:
    """Broken CV files by name; each must give a CV or a CVReadError with a reason."""
    rng = random.Random(SEED)
    pdf = CV_SAMPLE.read_bytes()
    flipped = bytearray(pdf)
    for index in rng.sample(range(len(pdf)), 40):
        flipped[index] ^= 0xFF
    entries: dict[str, bytes] = {
        "zero_bytes.pdf": b"",
        "zero_bytes.txt": b"",
        "zero_bytes.docx": b"",
        "header_only.pdf": b"%PDF-1.7\n",
        "truncated_half.pdf": pdf[: len(pdf) // 2],
        "truncated_tail.pdf": pdf[:-200],
        "flipped_bytes.pdf": bytes(flipped),
        "nuls_inserted.pdf": pdf[:5000] + b"\x00" * 512 + pdf[5000:],
        "encrypted.pdf": _encrypted(pdf, user_password="secret"),
        "garbage.pdf": rng.randbytes(8192),
        "garbage.txt": rng.randbytes(8192),
        "garbage.docx": rng.randbytes(8192),
        "zip_not_docx.docx": _zip_with("hello.txt", b"hello"),
        "docx_without_body.docx": _zip_with("word/document.xml", b"<w:document"),
        "pdf_named_docx.docx": pdf,
        "blank_page.pdf": _blank_pdf(),
        "utf16_text.txt": "John Doe\nPython developer, 5 years of Django.\n".encode("utf-16"),
    }
    return _write(folder, entries)


def _write(folder: Path, entries: dict[str, bytes]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / name for name in entries}
    for name, data in entries.items():
        paths[name].write_bytes(data)
    return paths


def _encrypted(pdf: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")  # RC4 needs no extra package
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip_with(name: str, data: bytes) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, data)
    return out.getvalue()


if __name__ == "__main__":  # `python -m tests.fuzz.corpus DIR` writes the corpus out to look at
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz-corpus")
    print(len(job_corpus(target / "jobs")) + len(cv_corpus(target / "cvs")), "files written to", target)
