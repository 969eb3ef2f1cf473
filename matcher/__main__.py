"""`python -m matcher` is the `matcher` command."""

import sys

from matcher.cli import main

if __name__ == "__main__":  # not when a child process of the app imports it
    sys.exit(main())
