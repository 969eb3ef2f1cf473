"""Job importer under hostile input: whatever the bytes, `read_posting_file` returns a FileResult whose
postings are clean and whose issues say why; it never raises and never touches the network."""

from __future__ import annotations

import csv
import html
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from matcher.domain import Posting
from matcher.ingest.postings import FileResult, read_posting_file, read_posting_text
from tests.fuzz.corpus import JOB_SAMPLES, REMOTE_HOST, SCRIPT_MARK, hostile_html

SAMPLES_DIR = JOB_SAMPLES[0].parent
SAMPLE_NAMES = [path.name for path in JOB_SAMPLES]
NOW = datetime(2026, 11, 24, 9, 0)
# Modest counts: the whole fuzz suite must stay quick on a shared 2-core machine.
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
SUFFIXES = [".txt", ".html", ".csv", ".json", ".jsonl", ".pdf", ".md", ""]
ENCODINGS = ["utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis", "koi8-r", "cp037", "gb18030"]
ALLOWED_CONTROLS = {"\n", "\t"}


def read(path: Path, max_bytes: int | None = None) -> FileResult:
    result = read_posting_file(path, now=NOW) if max_bytes is None else read_posting_file(path, now=NOW, max_bytes=max_bytes)
    check(result)
    return result


def check(result: FileResult) -> None:
    """The property every importer call must hold."""
    assert isinstance(result, FileResult), type(result)
    assert result.postings or result.issues, "nothing imported and no reason given"
    for issue in result.issues:
        assert isinstance(issue.reason, str) and issue.reason.strip(), issue
    for posting in result.postings:
        assert isinstance(posting, Posting)
        assert isinstance(posting.title, str) and posting.title.strip(), posting
        assert isinstance(posting.description, str)
        for text in (posting.title, posting.description, posting.company or ""):
            bad = {ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS}
            assert not bad, f"control characters {bad!r} in {text[:80]!r}"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- the named corpus -------------------------------------------------------------------------
def test_every_broken_file_in_the_corpus_gives_a_result(job_corpus_files: dict[str, Path]) -> None:
    failures = []
    for name, path in job_corpus_files.items():
        try:
            read(path)
        except Exception as exc:  # collect: one failure must not hide the other files' results
            failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
    assert not failures, "\n".join(failures)


def test_files_that_hold_no_posting_say_so(job_corpus_files: dict[str, Path]) -> None:
    for name in ("zero_bytes.txt", "whitespace.txt", "garbage.txt", "json_number.json", "json_null.json",
                 "json_list_of_numbers.json", "csv_wrong_columns.csv", "csv_header_only.csv", "control_chars.txt"):  # fmt: skip
        result = read(job_corpus_files[name])
        assert result.postings == [] and result.issues, name


def test_a_bad_json_lines_record_costs_only_that_line(job_corpus_files: dict[str, Path]) -> None:
    result = read(job_corpus_files["jsonl_bad_line.jsonl"])
    assert sorted(p.title for p in result.postings) == ["Analyst", "Engineer"]
    assert len(result.issues) == 1 and "2" in f"{result.issues[0].item} {result.issues[0].reason}"


def test_a_one_megabyte_csv_cell_is_read_or_refused_cleanly(job_corpus_files: dict[str, Path]) -> None:
    result = read(job_corpus_files["csv_one_mb_cell.csv"])
    assert [p.title for p in result.postings] in (["Engineer"], [])


def test_a_file_over_the_size_limit_is_refused_before_reading() -> None:
    result = read(JOB_SAMPLES[0], max_bytes=1000)
    assert result.postings == [] and result.issues


def test_hostile_html_keeps_no_active_content_and_fetches_nothing(job_corpus_files: dict[str, Path], no_network: list[str]) -> None:
    result = read(job_corpus_files["html_hostile.html"])
    assert [p.title for p in result.postings] == ["Platform Engineer"]
    assert_inert(result.postings)
    assert no_network == []


def assert_inert(postings: list[Posting]) -> None:
    for posting in postings:
        shown = "\n".join([posting.title, posting.description, posting.company or "", posting.company_blurb or ""])
        assert SCRIPT_MARK not in shown and REMOTE_HOST not in shown and "javascript:" not in shown.lower()
        assert posting.url is None or posting.url.startswith(("http://", "https://")), posting.url


# -- generated input --------------------------------------------------------------------------
@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(scratch: Path, data: bytes, suffix: str) -> None:
    read(write(scratch, "bytes" + suffix, data))


@FUZZ
@given(text=st.text(max_size=3000), suffix=st.sampled_from(SUFFIXES))
@example(text="\x00" * 10, suffix=".txt")
def test_random_text(scratch: Path, text: str, suffix: str) -> None:
    read(write(scratch, "text" + suffix, text.encode("utf-8", errors="surrogatepass")))


@dataclass(frozen=True)
class Mutation:
    """A real sample and what was done to it: small to print, so a failing case reads at a glance."""

    sample: str
    kind: str
    at: float  # where, as a share of the file's length
    detail: bytes | int | str

    def apply(self) -> bytes:
        data = bytearray((SAMPLES_DIR / self.sample).read_bytes())
        at = int(self.at * (len(data) - 1))
        if self.kind == "truncate":
            return bytes(data[:at])
        if self.kind == "flip":  # `detail` xor-ed into 64 bytes from `at` on
            for index in range(at, min(at + 64, len(data))):
                data[index] ^= int(self.detail)
            return bytes(data)
        if self.kind == "nuls":
            return bytes(data[:at]) + b"\x00" * int(self.detail) + bytes(data[at:])
        if self.kind == "splice":
            return bytes(data[:at]) + bytes(self.detail) + bytes(data[at:])  # type: ignore[arg-type]
        return bytes(data).decode("utf-8", errors="replace").encode(str(self.detail), errors="replace")


MUTATIONS = st.one_of(
    st.builds(Mutation, st.sampled_from(SAMPLE_NAMES), st.just("truncate"), st.floats(0, 1), st.just(0)),
    st.builds(Mutation, st.sampled_from(SAMPLE_NAMES), st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.builds(Mutation, st.sampled_from(SAMPLE_NAMES), st.just("nuls"), st.floats(0, 1), st.integers(1, 300)),
    st.builds(Mutation, st.sampled_from(SAMPLE_NAMES), st.just("splice"), st.floats(0, 1), st.binary(min_size=1, max_size=256)),
    st.builds(Mutation, st.sampled_from(SAMPLE_NAMES), st.just("encoding"), st.just(0.0), st.sampled_from(ENCODINGS)),
)


@FUZZ
@given(mutation=MUTATIONS)
def test_mutated_real_samples(scratch: Path, mutation: Mutation) -> None:
    read(write(scratch, "mutated.txt", mutation.apply()))


COLUMN_NAMES = ["title", "company", "description", "location", "salary", "url", "posted", "Job Title", "foo", "", "title"]
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200) | st.sampled_from(
    ['"', '""', ",", "\n", '"quoted, with comma"', "a\r\nb", "=cmd|' /C calc'!A0"]
)


@FUZZ
@given(
    header=st.lists(st.sampled_from(COLUMN_NAMES) | st.text(max_size=12), min_size=1, max_size=8),
    rows=st.lists(st.lists(CELL, max_size=10), max_size=12),
    well_quoted=st.booleans(),
)
def test_csv_with_wrong_columns_and_quotes(scratch: Path, header: list[str], rows: list[list[str]], well_quoted: bool) -> None:
    if well_quoted:
        out = io.StringIO()
        csv.writer(out).writerows([header, *rows])
        text = out.getvalue()
    else:  # what a careless export writes: no quoting at all
        text = "\n".join(",".join(row) for row in [header, *rows])
    read(write(scratch, "table.csv", text.encode("utf-8", errors="surrogatepass")))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(
        st.sampled_from(["title", "company", "description", "location", "salary", "url"]) | st.text(max_size=8),
        children, max_size=6),
    max_leaves=30,
)  # fmt: skip


@FUZZ
@given(value=JSON_VALUES)
def test_json_of_any_shape(scratch: Path, value: object) -> None:
    read(write(scratch, "data.json", json.dumps(value).encode()))


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


@FUZZ
# Two good records at least: a file of one good line and one bad line is as likely prose as a feed.
# The bad line is printable: NULs and control bytes are the binary-input tests' concern.
@given(titles=st.lists(WORDS, min_size=2, max_size=6, unique=True),
       # A blank line between records is no error (JSON Lines readers skip it), so the bad line has text.
       bad=st.text(st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=80).filter(str.strip),
       at=st.integers(0, 6))  # fmt: skip
def test_json_lines_with_one_bad_line(scratch: Path, titles: list[str], bad: str, at: int) -> None:
    lines = [json.dumps({"title": f"{t.title()} Engineer", "company": "Acme",
                         "description": f"Build the {t} platform in Python. Five years of SQL."}) for t in titles]  # fmt: skip
    bad_line = bad.replace("\n", " ").replace("\r", " ")
    try:
        json.loads(bad_line)
        bad_line = "{" + bad_line  # it must not parse
    except ValueError:
        pass
    lines.insert(min(at, len(lines)), bad_line)
    result = read(write(scratch, "feed.jsonl", "\n".join(lines).encode("utf-8", errors="surrogatepass")))
    assert len(result.postings) == len(titles)
    assert result.issues


@FUZZ
@given(title=WORDS, payload=st.text(max_size=60))
def test_html_active_content_never_reaches_the_description(scratch: Path, no_network: list[str], title: str, payload: str) -> None:
    # Escaped: the payload varies what the handlers hold, not where the attributes end.
    page = hostile_html(f"{title.title()} Engineer").replace("alert(", f"alert({html.escape(json.dumps(payload))},")
    result = read(write(scratch, "page.html", page.encode("utf-8", errors="surrogatepass")))
    assert_inert(result.postings)
    assert no_network == []


@FUZZ
@given(text=st.text(max_size=3000))
def test_pasted_text(text: str) -> None:
    """The app's "paste a posting" box takes whatever the clipboard holds."""
    check(read_posting_text(text, source="pasted text"))
