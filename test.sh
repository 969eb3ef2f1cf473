#!/usr/bin/env bash
# Set everything up (first time only) and run the whole test suite headless.
# pytest exits non-zero when a test fails and 5 when no test ran: both fail this script.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ $# -eq 0 ]; then
    # The UI-stall tests measure what a user's fresh app process does, so they get a process of
    # their own (see tests/ui/test_responsiveness.py); everything else runs first. What those tests
    # do not use stays out of it: every object a process keeps lengthens each of Python's full
    # collections there, which pause the window. So only their own module is collected (collecting
    # all 1,100 tests imported every test module: ~50,000 objects more, and a full collection of
    # 106-188 ms inside the import test's meter), and plugins they do not use are off (Hypothesis
    # imports some 90 modules when a test reports).
    .venv/bin/python -m pytest -m "not responsiveness"
    exec .venv/bin/python -m pytest -p no:hypothesispytest -p no:anyio -m responsiveness tests/ui/test_responsiveness.py
fi
exec .venv/bin/python -m pytest "$@"
