#!/usr/bin/env bash
# Set everything up (first time only) and start matcher. On first run the app loads sample
# postings and a sample CV, so you see ranked matches at once. Extra arguments go to `matcher gui`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/matcher gui "$@"
