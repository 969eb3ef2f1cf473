"""The window's code keeps the shape of the controller split (issue 14): panes take values and announce
requests, actions run ops and fill state holders, and only the window wires the two together."""

from __future__ import annotations

import ast
from pathlib import Path

import matcher.ui

UI = Path(matcher.ui.__file__).parent
# Widgets that show something: they may not know the holders, the actions, the window, or each other.
PANES = ["cv/pane.py", "cv/skills.py", "gap/view.py", "gap/chart.py", "shortlist/pane.py", "shortlist/model.py",
         "detail/pane.py", "detail/checklist.py", "ranking/view.py", "ranking/model.py", "ranking/filter_bar.py",
         "ranking/filter.py", "notice_bar.py", "status.py"]
WIRING_ONLY = {"matcher.ui.core", "matcher.ui.state", "matcher.ui.window_wiring", "matcher.ui.main_window",
               "matcher.ui.runner"}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return found | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_panes_know_no_state_holder_action_or_other_pane() -> None:
    for name in PANES:
        used = imports(UI / name)
        assert not used & WIRING_ONLY, name
        assert not {m for m in used if m.endswith(".actions") or m.endswith(".ranker")}, name
        feature = name.split("/")[0]
        others = {m for m in used if m.startswith("matcher.ui.") and m.split(".")[2] in {"cv", "gap", "shortlist",
                                                                                        "detail", "postings"}}
        assert all(m.split(".")[2] == feature for m in others), (name, others)


def test_actions_and_holders_know_no_widget() -> None:
    for path in [*UI.glob("*/actions.py"), UI / "ranking" / "ranker.py", UI / "state.py", UI / "startup.py",
                 UI / "shortlist" / "tracking.py"]:
        assert not {m for m in imports(path) if m.startswith("PySide6.QtWidgets")}, path
        assert "matcher.ui.main_window" not in imports(path), path

