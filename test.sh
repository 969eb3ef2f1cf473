#!/usr/bin/env bash
# Set everything up (first time only) and run the whole test suite headless.
# pytest exits non-zero when a test fails and 5 when no test ran: both fail this script.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ $# -eq 0 ]; then
    # The UI-stall tests measure what a user's fresh app process does, so they get a process of
    # their own (see tests/ui/test_responsiveness.py); everything else runs first.
    .venv/bin/python -m pytest -m "not responsiveness"
    exec .venv/bin/python -m pytest -m responsiveness
fi
exec .venv/bin/python -m pytest "$@"
