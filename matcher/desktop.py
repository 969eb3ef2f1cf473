"""`matcher install-desktop`: a menu entry and an icon for the Linux desktop (freedesktop.org rules), so
matcher starts from the applications menu like any other program.

The entry runs the Python that runs this command (`python -m matcher gui`), so it starts the same
installation however it was made: pip, pipx or the project's own .venv.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from matcher.paths import ICON

APP_ID = "matcher"  # the desktop file's name; the app sets the same name (QGuiApplication.desktopFileName)
ENTRY = """[Desktop Entry]
Type=Application
Version=1.4
Name=matcher
GenericName=Job posting matcher
Comment=Rank job postings against your CV, offline
Exec={exec} gui
TryExec={python}
Icon={icon}
Terminal=false
Categories=Office;
Keywords=jobs;postings;CV;resume;career;
StartupWMClass={app_id}
"""


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is not set (freedesktop.org base directories)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_path() -> Path:
    return data_home() / "applications" / f"{APP_ID}.desktop"


def icon_path() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def install_desktop() -> list[Path]:
    """Write the menu entry and the icon; returns the files written."""
    python = Path(sys.executable)
    icon = icon_path()
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON, icon)
    entry = entry_path()
    entry.parent.mkdir(parents=True, exist_ok=True)
    command = f"{_quoted(python)} -m matcher"
    entry.write_text(ENTRY.format(exec=command, python=_quoted(python), icon=icon, app_id=APP_ID), encoding="utf-8")
    return [entry, icon]


def remove_desktop() -> list[Path]:
    """Remove what `install_desktop` wrote; returns the files removed."""
    removed = []
    for path in (entry_path(), icon_path()):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def _quoted(path: Path) -> str:
    """A path as the Exec key wants it: quoted when it has spaces or other reserved characters."""
    text = str(path)
    return text if shlex.quote(text) == text else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
