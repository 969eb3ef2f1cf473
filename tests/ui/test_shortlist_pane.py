"""The shortlist pane and its model, over a real Store's shortlist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from matcher.domain import Posting, RankedMatch
from matcher.store import Store
from matcher.ui.shortlist.model import SCORE, SORT_ROLE, STATUS, TITLE, ShortlistModel, ShortlistRow
from matcher.ui.shortlist.pane import ShortlistPane
from tests.ui.pane_data import ranked, sample_store, stored_postings

Data = tuple[Store, dict[int, Posting], dict[int, RankedMatch]]


@pytest.fixture
def data(tmp_path: Path) -> Data:
    store, postings = stored_postings(tmp_path / "matcher.db")
    ids = sorted(postings)
    store.shortlist_add(ids[:3])
    store.set_application(ids[1], status="Applied", notes="Sent CV on Monday")
    yield store, postings, {m.posting_id: m for m in ranked(postings)}
    store.close()


def _pane(qtbot, data: Data) -> ShortlistPane:
    store, postings, matches = data
    pane = ShortlistPane()
    qtbot.addWidget(pane)
    pane.resize(640, 420)
    pane.set_data(store.shortlist(), postings, matches)
    return pane


def test_model_passes_qt_model_checks(qtmodeltester, data: Data) -> None:
    store, postings, matches = data
    model = ShortlistModel()
    model.set_rows([ShortlistRow(e, postings.get(e.posting_id), matches.get(e.posting_id)) for e in store.shortlist()])
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_model_sorts_scores_as_numbers_and_rejects_unknown_status(data: Data) -> None:
    store, postings, matches = data
    model = ShortlistModel()
    model.set_rows([ShortlistRow(e, postings.get(e.posting_id), matches.get(e.posting_id)) for e in store.shortlist()])
    assert isinstance(model.index(0, SCORE).data(SORT_ROLE), float)
    assert not model.setData(model.index(0, STATUS), "Hired")
    assert model.setData(model.index(0, STATUS), "Interview")
    assert model.index(0, STATUS).data() == "Interview"


def test_shows_starred_postings_with_status_and_notes(qtbot, tmp_path: Path, data: Data) -> None:
    store, postings, _ = data
    pane = _pane(qtbot, data)
    titles = {pane.proxy.index(r, TITLE).data() for r in range(pane.proxy.rowCount())}
    assert titles == {postings[i].title for i in sorted(postings)[:3]}
    assert "3 starred" in pane.summary.text() and "1 applied" in pane.summary.text()
    applied = sorted(postings)[1]
    pane.select_posting(applied)
    assert pane.notes.toPlainText() == "Sent CV on Monday"
    pane.grab().save(str(tmp_path / "shortlist_pane.png"))


def test_picking_a_status_in_the_row_combo_announces_it(qtbot, data: Data) -> None:
    pane = _pane(qtbot, data)
    index = pane.proxy.index(0, STATUS)
    combo = pane.table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    posting_id = pane.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    with qtbot.waitSignal(pane.statusChanged) as signal:
        combo.setCurrentText("Interview")
        combo.activated.emit(combo.currentIndex())
    assert signal.args == [posting_id, "Interview"]
    assert "1 interview" in pane.summary.text()


def test_notes_are_saved_after_typing_stops_and_stored(qtbot, data: Data) -> None:
    store = data[0]
    pane = _pane(qtbot, data)
    pane.notesChanged.connect(lambda posting_id, text: store.set_application(posting_id, notes=text))
    posting_id = pane.current_posting_id()
    assert posting_id is not None
    with qtbot.waitSignal(pane.notesChanged, timeout=3000) as signal:
        qtbot.keyClicks(pane.notes, "Call recruiter")
    assert signal.args[0] == posting_id
    saved = {e.posting_id: e.notes for e in store.shortlist()}
    assert saved[posting_id].endswith("Call recruiter")


def test_switching_rows_saves_pending_notes(qtbot, data: Data) -> None:
    pane = _pane(qtbot, data)
    first = pane.current_posting_id()
    pane.notes.setPlainText("draft")
    other = next(e.entry.posting_id for e in pane.model.rows if e.entry.posting_id != first)
    with qtbot.waitSignal(pane.notesChanged, timeout=100) as signal:  # at once, not after the idle delay
        pane.select_posting(other)
    assert signal.args == [first, "draft"]


def test_unstar_export_and_activate(qtbot, data: Data) -> None:
    pane = _pane(qtbot, data)
    posting_id = pane.current_posting_id()
    with qtbot.waitSignal(pane.unstarRequested) as unstar:
        qtbot.mouseClick(pane.unstar_button, Qt.MouseButton.LeftButton)
    assert unstar.args == [posting_id]
    formats = []
    pane.exportRequested.connect(formats.append)
    for action in pane.export_button.menu().actions():
        action.trigger()
    assert formats == ["csv", "md", "pdf", "json"]
    with qtbot.waitSignal(pane.postingActivated) as activated:
        pane.table.activated.emit(pane.table.currentIndex())
    assert activated.args == [posting_id]


def test_empty_shortlist_explains_how_to_fill_it(qtbot) -> None:
    pane = ShortlistPane()
    qtbot.addWidget(pane)
    assert "Star postings" in pane.summary.text()
    assert not pane.export_button.isEnabled() and not pane.notes.isEnabled()


def test_real_sample_postings_in_the_shortlist(qtbot, qtmodeltester, tmp_path: Path) -> None:
    store, postings = sample_store(tmp_path / "real.db")
    store.shortlist_add(sorted(postings))
    store.set_application(sorted(postings)[0], status="Interview", notes="Tech call Thursday 10:00")
    pane = ShortlistPane()
    qtbot.addWidget(pane)
    pane.resize(720, 420)
    pane.set_data(store.shortlist(), postings, {m.posting_id: m for m in ranked(postings)})
    qtmodeltester.check(pane.model)
    titles = {pane.proxy.index(r, TITLE).data() for r in range(pane.proxy.rowCount())}
    assert "Senior Backend Engineer (Rust)" in titles and len(titles) == 4
    scores = [pane.proxy.index(r, SCORE).data(SORT_ROLE) for r in range(pane.proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)  # best match first
    pane.grab().save(str(tmp_path / "shortlist_real.png"))
    store.close()
