"""Where the data the app ships lives. The app runs from its checkout (an editable install in the
project's own virtual environment), so `resources/` sits beside the package."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLES = RESOURCES / "samples"
FONTS = RESOURCES / "fonts"
