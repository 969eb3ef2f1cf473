"""CV importer under hostile input: `read_cv` gives a CV or a CVReadError whose reason a person can
act on — never any other exception, whatever the file holds or claims to be."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.domain import CV
from matcher.ingest import cv as cv_reader
from tests.fuzz.corpus import CV_SAMPLE


# PDF parsing is the slowest reader: fewer examples than the job fuzzers.
FUZZ = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
MIN_REASON_CHARS = 15  # "damaged" alone tells a user nothing; a reason says what and what to do


def outcome(path: Path, max_bytes: int | None = None) -> CV | cv_reader.CVReadError:
    """The CV, or the CVReadError; any other exception fails the calling test."""
    try:
        cv = cv_reader.read_cv(path) if max_bytes is None else cv_reader.read_cv(path, max_bytes=max_bytes)
    except cv_reader.CVReadError as exc:
        assert isinstance(exc.reason, str) and len(exc.reason.strip()) >= MIN_REASON_CHARS, exc.reason
        assert str(exc).strip()
        return exc
    assert isinstance(cv, CV) and isinstance(cv.text, str)
    return cv


def test_every_broken_cv_in_the_corpus_gives_a_cv_or_a_reason(cv_corpus_files: dict[str, Path]) -> None:
    failures = []
    for name, path in cv_corpus_files.items():
        try:
            outcome(path)
        except Exception as exc:  # collect: one failure must not hide the other files' results
            failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "name, words",
    [
        ("zero_bytes.pdf", ["empty"]),
        ("encrypted.pdf", ["password"]),
        ("truncated_half.pdf", ["damaged", "incomplete"]),
        ("garbage.pdf", ["damaged", "not a pdf", "cannot be read"]),
        ("blank_page.pdf", ["no text", "scanned"]),
        ("garbage.txt", ["text", "binary", "format"]),
    ],
)
def test_the_reason_names_the_problem(cv_corpus_files: dict[str, Path], name: str, words: list[str]) -> None:
    result = outcome(cv_corpus_files[name])
    assert isinstance(result, cv_reader.CVReadError), f"{name} was read as a CV"
    assert any(word in result.reason.lower() for word in words), result.reason


def test_a_cv_over_the_size_limit_is_refused() -> None:
    assert isinstance(outcome(CV_SAMPLE, max_bytes=1000), cv_reader.CVReadError)


def test_the_real_sample_still_reads() -> None:
    cv = outcome(CV_SAMPLE)
    assert isinstance(cv, CV) and "Java" in cv.text


@dataclass(frozen=True)
class Damage:
    """What was done to the sample CV: small to print, so a failing case reads at a glance."""

    kind: str
    at: float  # where, as a share of the file's length
    detail: bytes | int

    def apply(self) -> bytes:
        data = bytearray(CV_SAMPLE.read_bytes())
        at = int(self.at * (len(data) - 1))
        if self.kind == "truncate":
            return bytes(data[:at])
        if self.kind == "flip":  # `detail` xor-ed into 32 bytes from `at` on
            for index in range(at, min(at + 32, len(data))):
                data[index] ^= int(self.detail)
            return bytes(data)
        return bytes(data[:at]) + bytes(self.detail) + bytes(data[at:])


DAMAGES = st.one_of(
    st.builds(Damage, st.just("truncate"), st.floats(0, 1), st.just(0)),
    st.builds(Damage, st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.builds(Damage, st.just("splice"), st.floats(0, 1), st.binary(min_size=1, max_size=256)),
)


@FUZZ
@given(damage=DAMAGES)
def test_damaged_pdfs(scratch: Path, damage: Damage) -> None:
    path = scratch / "cv.pdf"
    path.write_bytes(damage.apply())
    outcome(path)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".pdf", ".docx", ".txt", ".md", ".doc", ""]))
def test_random_bytes_under_any_name(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"cv{suffix}"
    path.write_bytes(data)
    outcome(path)


@FUZZ
@given(text=st.text(max_size=3000))
def test_pasted_cv_text(text: str) -> None:
    try:
        cv = cv_reader.read_cv_text(text)
    except cv_reader.CVReadError as exc:
        assert len(exc.reason.strip()) >= MIN_REASON_CHARS, exc.reason
    else:
        assert isinstance(cv, CV) and isinstance(cv.text, str)
