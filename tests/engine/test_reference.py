"""The fixed reference statistics the score uses are rebuilt from ../shared exactly as shipped."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from matcher.engine.lexical import REFERENCE_PATH, Reference


def test_the_shipped_reference_is_what_the_script_builds(shared_dir: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_reference.py"
    spec = importlib.util.spec_from_file_location("build_reference", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(module.corpus()) == json.loads(REFERENCE_PATH.read_text(encoding="utf-8"))


def test_rarities_order_generic_words_below_specific_ones() -> None:
    reference = Reference.load()
    assert reference.rarity("experience") < reference.rarity("kubernetes") <= 1.0
    assert reference.skill_rarity("Communication") < reference.skill_rarity("Kubernetes")
    assert reference.rarity("a-word-no-posting-ever-used") == 1.0
