#!/usr/bin/env bash
# Set everything up (first time only) and run the whole test suite headless.
# pytest exits non-zero when a test fails and 5 when no test ran: both fail this script.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ $# -eq 0 ]; then
    # The UI-stall tests measure what a user's fresh app process does, so they get a process of
    # their own (see tests/ui/test_responsiveness.py); everything else runs first. Plugins those
    # tests do not use stay out of it: Hypothesis imports some 90 modules when a test reports, and
    # every object they leave alive lengthens each of Python's full collections in that process.
    .venv/bin/python -m pytest -m "not responsiveness"
    exec .venv/bin/python -m pytest -p no:hypothesispytest -p no:anyio -m responsiveness
fi
exec .venv/bin/python -m pytest "$@"
