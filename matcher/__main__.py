"""`python -m matcher` is the `matcher` command."""

from matcher.cli import run

if __name__ == "__main__":  # not when a child process of the app imports it
    run()
