"""Where the data the app ships lives, found wherever pip put it.

The data is the package `matcher.resources`: pyproject.toml maps it to the repository's top-level
`resources/` folder (kept there because scripts build into it and people look for it there), so a
checkout, an editable install and an installed wheel all read it through `importlib.resources`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _resources() -> Path:
    found = files("matcher.resources")
    # pip installs packages unpacked, so the data is a folder on disk; fonts and Qt need real paths.
    if not isinstance(found, Path):
        raise RuntimeError(f"matcher's data is not a folder on disk ({found!r}); reinstall matcher with pip")
    return found


RESOURCES = _resources()
SAMPLES = RESOURCES / "samples"
FONTS = RESOURCES / "fonts"
TAXONOMY = RESOURCES / "taxonomy" / "taxonomy.json"
REFERENCE = RESOURCES / "reference" / "reference.json"  # the fixed word statistics of the lexical score
STYLE_SHEET = RESOURCES / "style" / "app.qss"
ICON = RESOURCES / "icons" / "matcher.svg"
