"""Keep Python's full garbage collections short in the window's process.

A full collection walks every live container object, holds the interpreter lock while it does,
and may start on any thread, the UI thread included: what the user feels is a frozen window. On
two slow cores it costs about 0.6 µs per object; the window's process holds ~100,000 objects
once PySide6, SQLAlchemy and numpy are imported, so every full collection stalled the window for
60–100 ms before matcher held any data at all. Two things about that heap are not ours to change:

- PySide6 replaces `__import__` (for `from __feature__ import snake_case`) and, after every import,
  reads the new module's source with `inspect.getsource` to see whether it mentions PySide6. That
  fills `linecache` with the full source of every module imported after Qt (napari issue #8584):
  ~400,000 lines once the window is built, which each full collection walks. linecache is only a
  cache for tracebacks; it reads a file again when one is needed, so it is let go after start-up
  and after every op (ops import the engine lazily).
- What start-up made — modules, classes, functions, Qt's wrappers — lives as long as the app and is
  never garbage. `gc.freeze()` moves it out of the collector's sight once, when the first window is
  built. Collections still run, as often as they would; they walk only what the app made since:
  its postings, its rankings.

The rest is the app's own doing and is kept small where it lives long: the skill trie is flat
tuples, postings are read back as plain rows, imports run in a child process (services.isolated).
"""

from __future__ import annotations

import gc
import linecache

_settled = False


def release_module_sources() -> None:
    linecache.clearcache()


def settle_start_up() -> None:
    """When the first window is built: what exists now lives as long as the app."""
    global _settled
    release_module_sources()
    if _settled:
        return
    _settled = True
    gc.collect()  # start-up's own garbage goes first, so that none of it is kept for good
    gc.freeze()
