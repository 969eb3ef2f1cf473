"""Long work says how far it is and how long it has left, in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.store import Store
from matcher.ui.core import AppCore
from matcher.ui.main_window import MainWindow
from matcher.ui.progress import TimeLeft, count_text, time_text
from matcher.ui.settings import Settings
from matcher.ui.worker import SyncPool, Worker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_time_left_is_measured_from_the_first_counted_step() -> None:
    clock = TimeLeft()
    assert clock.seconds_left(0, 1000, now=0.0) is None  # the model loads: nothing counted yet
    assert clock.seconds_left(100, 1000, now=30.0) is None  # the first step: the rate starts here
    assert clock.seconds_left(150, 1000, now=31.0) is None  # too soon to say
    assert clock.seconds_left(400, 1000, now=40.0) == pytest.approx(20.0)  # 300 in 10 s, 600 left
    assert clock.seconds_left(1, 5, now=41.0) is None  # another stage: a new estimate


def test_counts_and_time_read_as_a_person_says_them() -> None:
    assert count_text(412, 1936, 38.2) == "412 of 1,936 · about 40 s left"
    assert count_text(12, 40, None) == "12 of 40"
    assert count_text(0, 0, None) == ""
    assert time_text(130) == "about 3 min left" and time_text(4) == "a few seconds left"


def test_an_import_shows_its_count_while_it_runs(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(6):
        (folder / f"posting_{n}.txt").write_text(f"Backend Developer {n}\n\nFirm {n} is hiring.\n\nRequirements:\n"
                                                 "- 3+ years of experience with Python\n", encoding="utf-8")
    store = Store(tmp_path / "m.db")
    window = MainWindow(AppCore(store, Worker(SyncPool(), SyncPool())), Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    seen: list[str] = []
    window.core.worker.opStarted.connect(
        lambda handle: handle.progressed.connect(lambda *_: seen.append(window.op_status.count.text())))
    window.core.posting_actions.import_paths([folder])
    assert "3 of 6" in seen
    store.close()
