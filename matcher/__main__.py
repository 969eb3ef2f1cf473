"""`python -m matcher` is the `matcher` command."""

import sys

from matcher.cli import main

sys.exit(main())
