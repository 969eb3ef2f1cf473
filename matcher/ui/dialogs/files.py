"""The file choosers of the main window: which files each one offers, and where it starts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from matcher.ui.settings import LAST_FOLDER, Settings

POSTING_FILES = "Postings (*.txt *.html *.htm *.csv *.json *.jsonl *.xml *.md *.pdf *.docx);;All files (*)"
CV_FILES = "CVs (*.pdf *.docx *.txt *.md);;All files (*)"  # text CVs load as well as PDF and Word
BACKUP_FILES = "matcher backup (*.zip)"


def documents_folder() -> Path:
    """Where a person keeps what they write: exports and backups go there, not beside imported data."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class FileChooser:
    """Asks for files; opening starts in the folder the user last opened from."""

    def __init__(self, parent: QWidget, settings: Settings) -> None:
        self._parent, self._settings = parent, settings

    def _folder(self) -> str:
        return self._settings.get(LAST_FOLDER) or str(Path.home())

    def _remember(self, path: Path) -> None:
        self._settings.set(LAST_FOLDER, str(path if path.is_dir() else path.parent))

    def cv(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent, "Load your CV", self._folder(), CV_FILES)
        return self._opened(name)

    def postings(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self._parent, "Import postings", self._folder(), POSTING_FILES)
        if names:
            self._remember(Path(names[0]))
        return [Path(n) for n in names]

    def folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self._parent, "Import every posting in a folder", self._folder())
        return self._opened(name)

    def backup_target(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self._parent, "Back up all data",
                                              str(documents_folder() / "matcher-backup.zip"), BACKUP_FILES)
        return Path(name) if name else None

    def backup_source(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._parent, "Restore from backup", str(documents_folder()),
                                              BACKUP_FILES)
        return Path(name) if name else None

    def _opened(self, name: str) -> Path | None:
        if not name:
            return None
        self._remember(Path(name))
        return Path(name)
