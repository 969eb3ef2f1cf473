#!/usr/bin/env bash
# Create (or reuse) the project's virtual environment in .venv and install matcher into it.
# Idempotent: a stamp of pyproject.toml's hash skips the install when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $($PYTHON --version)" >&2
    "$PYTHON" -m venv .venv
fi
stamp=".venv/.matcher-installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "setup: installing dependencies (first time: a few minutes)" >&2
    .venv/bin/python -m pip install --quiet --upgrade pip
    # torch first, pinned: this CPU build lies on the machine; an unpinned torch pulls GBs of CUDA.
    .venv/bin/python -m pip install --quiet "torch==2.13.0"
    # bench: ONNX Runtime, only for benchmarks/embedding_backends.py's comparison rows.
    .venv/bin/python -m pip install --quiet -e ".[test,bench]"
    rm -f .venv/.matcher-installed-*
    touch "$stamp"
fi
# Bytecode for matcher's own modules (pip compiled its dependencies'). Where PYTHONDONTWRITEBYTECODE
# is set, as on these machines, every `matcher` process would otherwise compile them again: about
# a tenth of a `matcher rank --json` (farm-bench, 15 runs each, with / without: ratio 0.905).
# Up-to-date files are skipped, so this costs ~0.1 s when nothing changed.
.venv/bin/python -m compileall -q matcher >/dev/null
# The model converted for OpenVINO, once per machine and model version (~30 s; the app would do it
# on its first ranking otherwise). A failure here is not fatal: the app then tries again, or uses PyTorch.
HF_HUB_OFFLINE=1 .venv/bin/python -m matcher.engine.model_export >/dev/null \
    || echo "setup: the OpenVINO model could not be prepared; matcher will try again on first use" >&2
