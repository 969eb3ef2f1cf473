"""The export dialog: what it returns, and that its choice drives a real export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from matcher.export import ExportOptions, write_export
from matcher.ui.dialogs.export import ExportChoice, ExportDialog, ask_export
from tests.ui.pane_data import ranked, sample_cv, stored_postings


def _check_format(dialog: ExportDialog, key: str) -> None:
    next(b for b in dialog.format_group.buttons() if b.property("format") == key).setChecked(True)


def test_defaults_keep_contact_details_out(qtbot, tmp_path: Path) -> None:
    dialog = ExportDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    choice = dialog.choice()
    assert choice == ExportChoice("pdf", tmp_path / "matcher-shortlist.pdf", False, True, None)
    dialog.grab().save(str(tmp_path / "export_dialog.png"))


def test_format_follows_into_the_file_name_and_scope(qtbot, tmp_path: Path) -> None:
    dialog = ExportDialog(folder=tmp_path, shortlist_only=False)
    qtbot.addWidget(dialog)
    _check_format(dialog, "csv")
    assert dialog.path_edit.text().endswith("matcher-ranking.csv")  # the name says what is in the file
    dialog.shortlist_radio.setChecked(True)
    assert dialog.path_edit.text().endswith("matcher-shortlist.csv")
    dialog.top_radio.setChecked(True)
    dialog.top_n.setValue(5)
    assert dialog.choice().top_n == 5 and not dialog.choice().shortlist_only
    dialog.all_radio.setChecked(True)
    assert dialog.choice().top_n is None and not dialog.choice().shortlist_only
    dialog.path_edit.setText(str(tmp_path / "report"))  # a bare name gets the format's suffix
    assert dialog.choice().path == tmp_path / "report.csv"


def test_browse_uses_the_picked_path_and_empty_path_blocks_export(qtbot, tmp_path: Path) -> None:
    target = str(tmp_path / "mine.md")
    dialog = ExportDialog(default_format="md", folder=tmp_path, pick=lambda parent, start, suffix: target)
    qtbot.addWidget(dialog)
    dialog.browse_button.click()
    assert dialog.choice().path == Path(target)
    dialog.path_edit.clear()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _answer_dialog(accept: bool, contact: bool = False) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.contact_box.setChecked(contact)
        (dialog.accept if accept else dialog.reject)()
    QTimer.singleShot(0, answer)


# Showing a window offscreen makes Qt warn that the platform cannot propagate size hints: harmless.
SHOWN = pytest.mark.qt_log_ignore("propagateSizeHints")


@SHOWN
def test_ask_export_returns_none_on_cancel(qtbot, tmp_path: Path) -> None:
    _answer_dialog(accept=False)
    assert ask_export(None, folder=tmp_path) is None


@SHOWN
@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_choice_drives_a_real_export(qtbot, tmp_path: Path, fmt: str) -> None:
    _answer_dialog(accept=True, contact=True)
    choice = ask_export(None, default_format=fmt, folder=tmp_path)
    assert choice is not None and choice.include_contact
    store, postings = stored_postings(tmp_path / "matcher.db")
    store.close()
    matches = ranked(postings)
    write_export(choice.format, choice.path, matches, postings, {}, sample_cv(),
                 ExportOptions(include_contact=choice.include_contact))
    data = choice.path.read_bytes()
    assert data.startswith(b"%PDF") if fmt == "pdf" else b"Platform Engineer" in data
    if fmt == "md":
        assert b"john@example.com" in data  # the user asked for their contact details


def test_choice_unpacks_as_format_path_contact(qtbot, tmp_path: Path) -> None:
    dialog = ExportDialog(default_format="csv", folder=tmp_path)
    qtbot.addWidget(dialog)
    fmt, path, include_contact = dialog.choice()  # the shape the main window's Export… action expects
    assert (fmt, path, include_contact) == ("csv", tmp_path / "matcher-shortlist.csv", False)
