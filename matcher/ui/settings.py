"""Typed settings over QSettings, each option declared once with its type and default (Picard style).

Values that shape the score (the weights) live in the Store, beside the data they rank; these
are the window's own preferences. `SETTINGS_VERSION` and `UPGRADES` rename or convert old keys,
so a newer matcher reads an older user's file instead of silently resetting it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

SETTINGS_VERSION = 1
THEMES = ("system", "light", "dark")  # "system" follows the desktop's light/dark scheme


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type
    default: T


THEME: Option[str] = Option("ui/theme", str, "system")
DATA_FILE: Option[str] = Option("data/file", str, "")  # "" means the default location
GEOMETRY: Option[QByteArray] = Option("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Option[QByteArray] = Option("window/state", QByteArray, QByteArray())
SPLITTER: Option[QByteArray] = Option("window/splitter", QByteArray, QByteArray())
LAST_FOLDER: Option[str] = Option("files/last_folder", str, "")  # where postings and CVs were opened from
EXPORT_FOLDER: Option[str] = Option("files/export_folder", str, "")  # "" means the user's documents folder

OPTIONS: tuple[Option[Any], ...] = (THEME, DATA_FILE, GEOMETRY, WINDOW_STATE, SPLITTER, LAST_FOLDER, EXPORT_FOLDER)

# From version N to N+1: {N: upgrade(settings)}. Version 0 is a file written before versioning.
UPGRADES: dict[int, Callable[[QSettings], None]] = {0: lambda settings: None}


class Settings:
    """`settings.get(THEME)` -> "system"; `settings.set(THEME, "dark")`."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings if qsettings is not None else QSettings("matcher", "matcher")
        self._upgrade()

    @classmethod
    def at(cls, path: Path) -> Settings:
        """Settings kept in an INI file: tests and `--screenshot` never touch the user's own."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, option: Option[T]) -> T:
        value = self._q.value(option.key, option.default)
        if option.type is QByteArray:
            return value if isinstance(value, QByteArray) else option.default  # type: ignore[return-value]
        try:
            return option.type(value)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.type):
            raise TypeError(f"{option.key} takes {option.type.__name__}, not {type(value).__name__}")
        self._q.setValue(option.key, value)

    def sync(self) -> None:
        self._q.sync()

    def _upgrade(self) -> None:
        stored = self._q.value("settings/version", None)
        version = int(str(stored)) if stored is not None else (0 if self._q.allKeys() else SETTINGS_VERSION)
        for step in range(version, SETTINGS_VERSION):
            UPGRADES[step](self._q)
        self._q.setValue("settings/version", SETTINGS_VERSION)
