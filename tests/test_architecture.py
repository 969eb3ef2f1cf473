"""The core stays Qt-free and starts fast: proven in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import matcher

CORE_PACKAGES = ("matcher.engine", "matcher.ingest")


def _core_modules() -> list[str]:
    root = Path(matcher.__file__).parent
    names = [f"matcher.{m.name}" for m in pkgutil.iter_modules([str(root)]) if m.name not in ("ui", "__main__")]
    for package in CORE_PACKAGES:
        folder = root / package.split(".")[1]
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])]
    return sorted(names)


def _modules_loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_modules_import_no_qt() -> None:
    modules = _core_modules()
    assert "matcher.store" in modules and "matcher.cli" in modules
    loaded = _modules_loaded_by("; ".join(f"import {m}" for m in modules))
    assert not any(name.startswith("PySide6") for name in loaded)


def test_cli_start_up_does_not_load_the_model_libraries() -> None:
    # `import sentence_transformers` takes seconds, openvino most of one: only embedding may pay for them.
    loaded = _modules_loaded_by("import matcher.cli, matcher.services, matcher.store")
    model_libraries = {"sentence_transformers", "torch", "transformers", "openvino", "onnxruntime", "tokenizers"}
    assert model_libraries & loaded == set()


def test_no_module_outside_ui_mentions_pyside() -> None:
    root = Path(matcher.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "ui" not in path.relative_to(root).parts and "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
