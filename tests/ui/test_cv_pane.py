"""The CV pane over CVs kept in a real Store: versions, parse report, sections and skill edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from matcher import services
from matcher.domain import CV
from matcher.paths import SAMPLES
from matcher.store import Store
from matcher.ui.cv.pane import CVPane
from tests.ui.pane_data import sample_cv


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "matcher.db")
    store.add_cv(sample_cv("John Doe"))
    second = sample_cv("John Doe (2025)")
    second.report.warnings = []  # type: ignore[union-attr]
    store.add_cv(second)
    yield store
    store.close()


def _pane(qtbot, cvs: list[CV], current: int | None, answer: bool = True) -> CVPane:
    pane = CVPane(confirm=lambda parent, text: answer)
    qtbot.addWidget(pane)
    pane.resize(720, 480)
    pane.set_cvs(cvs, current)
    return pane


def test_shows_the_parse_report_with_warnings_prominent(qtbot, tmp_path: Path, store: Store) -> None:
    cvs = store.cvs()
    pane = _pane(qtbot, cvs, cvs[0].id)
    assert "2 pages" in pane.report.text() and "4,512 characters" in pane.report.text()
    assert "3 sections" in pane.report.text()
    assert not pane.warnings.isHidden()
    assert "Icon-font glyphs" in pane.warning_text.text()
    assert pane.sections.count() == 3
    assert "6 years of Python" in pane.section_text.toPlainText()
    pane.sections.setCurrentRow(1)
    assert "Docker containers" in pane.section_text.toPlainText()
    assert pane.skills.skill_names() == ["Docker", "Python", "SQL"]
    pane.grab().save(str(tmp_path / "cv_pane.png"))


def test_skill_chips_show_their_evidence_on_hover(qtbot, store: Store) -> None:
    pane = _pane(qtbot, store.cvs(), None)
    docker = pane.skills.chips.item(0)
    assert "Shipped services in Docker containers." in docker.toolTip()


def test_a_selected_skill_chip_shows_the_sentence_that_shows_it(qtbot, store: Store) -> None:
    pane = _pane(qtbot, store.cvs(), None)
    chips = pane.skills.chips
    docker = next(chips.item(i) for i in range(chips.count()) if chips.item(i).text() == "Docker")
    chips.setCurrentItem(docker)
    assert "Docker" in pane.skills.evidence.text()
    assert "“Shipped services in Docker containers.”" in pane.skills.evidence.text()  # no hovering needed


def test_switching_versions_announces_the_cv(qtbot, store: Store) -> None:
    cvs = store.cvs()
    pane = _pane(qtbot, cvs, cvs[0].id)
    with qtbot.waitSignal(pane.cvSelected) as signal:
        pane.versions.setCurrentIndex(1)
        pane.versions.activated.emit(1)
    assert signal.args == [cvs[1].id]
    assert pane.warnings.isHidden()  # the second version read cleanly
    assert "(2025)" in pane.report.text()


def test_added_skill_is_canonical_and_survives_a_store_round_trip(qtbot, store: Store) -> None:
    cvs = store.cvs()
    pane = _pane(qtbot, cvs, cvs[0].id)
    pane.skillsEdited.connect(lambda cv_id, add, remove: services.edit_cv_skills(store, store.cv(cv_id), add, remove))
    with qtbot.waitSignal(pane.skillsEdited) as signal:
        qtbot.keyClicks(pane.skills.add_box, "k8s")
        qtbot.keyClick(pane.skills.add_box, Qt.Key.Key_Return)
    assert signal.args == [cvs[0].id, ["Kubernetes"], []]
    assert "Kubernetes" in pane.skills.skill_names()  # shown at once, before any re-rank
    saved = store.cv(cvs[0].id)
    assert saved is not None and "Kubernetes" in {e.skill for e in saved.effective_skills()}


def test_removed_skills_stay_listed_for_undo(qtbot, store: Store) -> None:
    cv = store.cvs()[0]
    services.edit_cv_skills(store, cv, remove=["SQL"])
    pane = _pane(qtbot, store.cvs(), cv.id)
    assert "SQL" not in pane.skills.skill_names()
    assert "Removed by you: SQL" in pane.skills.removed.text() and not pane.skills.removed.isHidden()


def test_removing_selected_skills(qtbot, store: Store) -> None:
    cvs = store.cvs()
    pane = _pane(qtbot, cvs, cvs[0].id)
    pane.skills.chips.item(2).setSelected(True)  # SQL
    with qtbot.waitSignal(pane.skillsEdited) as signal:
        qtbot.mouseClick(pane.skills.remove_button, Qt.MouseButton.LeftButton)
    assert signal.args == [cvs[0].id, [], ["SQL"]]
    assert pane.skills.skill_names() == ["Docker", "Python"]


def test_completer_offers_taxonomy_skills_after_focus(qtbot, store: Store) -> None:
    pane = _pane(qtbot, store.cvs(), None)
    assert pane.skills.add_box.completer() is None  # nothing read at construction
    pane.skills.ensure_completer()
    model = pane.skills.add_box.completer().model()
    names = {model.index(i, 0).data() for i in range(model.rowCount())}
    assert {"Kubernetes", "PostgreSQL", "Python"} <= names


def test_delete_asks_then_announces(qtbot, store: Store) -> None:
    cvs = store.cvs()
    pane = _pane(qtbot, cvs, cvs[1].id, answer=False)
    with qtbot.assertNotEmitted(pane.deleteRequested):
        qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    pane.confirm = lambda parent, text: True
    with qtbot.waitSignal(pane.deleteRequested) as signal:
        qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert signal.args == [cvs[1].id]


def test_load_button_and_empty_state(qtbot) -> None:
    pane = _pane(qtbot, [], None)
    assert "No CV loaded yet" in pane.report.text()
    assert pane.body.isHidden() and not pane.delete_button.isEnabled()
    with qtbot.waitSignal(pane.loadCvRequested):
        qtbot.mouseClick(pane.load_button, Qt.MouseButton.LeftButton)


def test_real_sample_cv_read_by_the_importer(qtbot, tmp_path: Path) -> None:
    store = Store(tmp_path / "real.db")
    cv = services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    pane = _pane(qtbot, store.cvs(), cv.id)
    pane.resize(900, 520)
    assert cv.report is not None
    assert f"{cv.report.pages} page" in pane.report.text()
    assert pane.sections.count() == len(cv.sections) > 0
    assert pane.skills.chips.count() == len(cv.effective_skills()) > 0
    assert pane.warnings.isHidden() == (not cv.report.warnings)
    pane.grab().save(str(tmp_path / "cv_real.png"))
    store.close()
