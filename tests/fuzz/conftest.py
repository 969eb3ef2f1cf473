"""Fuzz fixtures: the broken-input corpus (built per session in a temporary folder) and the
network guard, so a test can also show that reading a hostile file fetched nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.corpus import cv_corpus, job_corpus
from tests.test_no_network import no_network  # noqa: F401  (re-exported as a fixture)


@pytest.fixture(scope="session")
def job_corpus_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return job_corpus(tmp_path_factory.mktemp("corpus") / "jobs")


@pytest.fixture(scope="session")
def cv_corpus_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return cv_corpus(tmp_path_factory.mktemp("corpus") / "cvs")


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for hypothesis examples: each example overwrites the last."""
    return tmp_path_factory.mktemp("fuzz")
