"""Fixtures shared by the window tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from matcher.paths import SAMPLES
from matcher.store import Store
from matcher.ui.core import AppCore
from matcher.ui.main_window import MainWindow
from matcher.ui.settings import Settings
from matcher.ui.worker import SyncPool, Worker

SMALL_JOBS = [SAMPLES / "jobs" / "003_38a88ba91144b235.txt", SAMPLES / "jobs" / "001_597ea3e9281e08b6.txt"]


@pytest.fixture(scope="session")
def ranked_db(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small postings (1 + 3) and the sample CV, imported and ranked once through the window,
    so the database holds the embeddings and each test's own copy ranks in a moment."""
    folder = tmp_path_factory.mktemp("ranked")
    store = Store(folder / "matcher.db")
    window = MainWindow(AppCore(store, Worker(SyncPool(), SyncPool())), Settings.at(folder / "settings.ini"))
    window.core.posting_actions.import_paths(SMALL_JOBS)
    window.core.cv_actions.load(SAMPLES / "cvs" / "john_doe.pdf")
    assert window.model.rowCount() == 4
    window.deleteLater()
    store.close()
    return folder / "matcher.db"
